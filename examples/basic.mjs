// Score one plain-text (or Markdown) resume and explain the result.
//
//   node examples/basic.mjs [resume.txt] [target-role]
//
// Defaults: examples/resumes/health-technician.txt, target health-technician.
import { readFileSync } from 'node:fs';
import { analyzeResume } from 'resume-fit';

const file = process.argv[2] ?? new URL('./resumes/health-technician.txt', import.meta.url);
const target = process.argv[3] ?? 'health-technician';

// The library never reads the clock: `asOf` says what "Present" means and what recency is measured against.
// Pass today's date; AS_OF=YYYY-MM-DD pins it (the repository's tests do, for reproducible output).
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);

const text = readFileSync(file, 'utf8');
const report = analyzeResume(text, { target, asOf });

// Every role, best first. Scores are 0-100; the band is strong (70+), moderate (45+), weak (20+) or none.
console.log('Top roles:');
for (const [i, role] of report.roles.slice(0, 3).entries()) {
  console.log(`  ${i + 1}. ${role.title} (${role.id}): ${role.score.toFixed(2)} ${role.band}`);
}

// The target's score is the exact sum of its contributions; each carries the evidence that earned it,
// with offsets into `text` (so an app can highlight them).
console.log(`\nWhy ${report.target.title} scores ${report.target.score.toFixed(2)}:`);
for (const c of report.target.contributions.slice(0, 5)) {
  const e = c.evidence[0];
  const where = e ? `"${e.text}" at ${e.start}-${e.end}, ${e.section ?? 'no section'}` : 'no evidence';
  console.log(`  ${`+${c.points.toFixed(2)}`.padStart(6)}  ${c.component.padEnd(16)} ${c.label} (${where})`);
}

// What the role wants that the resume does not show, heaviest first, with a suggestion for each.
console.log(`\nTop gaps for ${report.target.title}:`);
for (const gap of report.target.missing.slice(0, 3)) {
  console.log(`  - ${gap.label} (weight ${gap.weight}): ${gap.suggestion}`);
}

// How the target compares with the best other role.
console.log(`\n${report.comparison.summary}`);
