// The main job on the bundled samples: scores every resume in examples/resumes and prints its top roles.
// Run with `npm run demo` (builds first). Uses the built package, as a user would.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../dist/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'resumes');
const analyzer = createAnalyzer();
const files = readdirSync(dir).filter((f) => /\.(txt|md|json)$/.test(f)).sort();
for (const file of files) {
  const raw = readFileSync(join(dir, file), 'utf8');
  const report = analyzer.analyzeResume(file.endsWith('.json') ? JSON.parse(raw) : raw);
  const top = report.roles.slice(0, 3).map((r) => `${r.title} ${r.score.toFixed(1)} (${r.band})`).join(' | ');
  console.log(`${file.padEnd(40)} ${top}`);
  const gap = report.target.missing[0];
  console.log(`${''.padEnd(40)} health technician ${report.target.score.toFixed(1)}; add: ${gap ? gap.label.toLowerCase() : 'nothing'} (${report.skills.length} skills found)`);
}
console.log(`\n${files.length} resumes scored.`);
