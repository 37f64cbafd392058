// Score every resume in a folder with one analyzer and print a CSV to stdout.
//
//   node examples/batch-folder.mjs [folder] > scores.csv
//
// Default folder: examples/resumes. Reads .txt, .md and .json (JSON Resume) files with node:fs only.
// For PDF and DOCX, thousands of files, parallel workers or resumable runs, use the CLI instead:
//   npx resume-fit analyze resumes/ --format csv --out scores.csv
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, isResumeFitError } from 'resume-fit';

const folder = process.argv[2] ?? fileURLToPath(new URL('./resumes/', import.meta.url));
const READABLE = new Set(['.txt', '.md', '.json']);

// One analyzer for the whole batch: the taxonomy is validated and compiled once, not once per resume.
const analyzer = createAnalyzer();
const roleIds = analyzer.listRoles().map((r) => r.id);
// The library never reads the clock; pass today's date (AS_OF=YYYY-MM-DD pins it for reproducible output).
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csv = (value) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
const row = (fields) => console.log(fields.map(csv).join(','));

row(['file', 'best_role', 'best_score', ...roleIds, 'error']);
// Sorted, so the output order does not depend on the file system.
const files = readdirSync(folder, { withFileTypes: true })
  .filter((d) => d.isFile() && READABLE.has(extname(d.name).toLowerCase()))
  .map((d) => d.name)
  .sort();

for (const name of files) {
  try {
    const raw = readFileSync(join(folder, name), 'utf8');
    const input = extname(name).toLowerCase() === '.json' ? JSON.parse(raw) : raw;
    const report = analyzer.analyzeResume(input, { asOf });
    const scores = new Map(report.roles.map((r) => [r.id, r.score.toFixed(2)]));
    row([name, report.roles[0].id, report.roles[0].score.toFixed(2), ...roleIds.map((id) => scores.get(id)), '']);
  } catch (e) {
    // One bad file must not stop the batch. Report only an error code: a message could quote the resume.
    const code = isResumeFitError(e) ? e.code : e instanceof SyntaxError ? 'ERR_INVALID_JSON' : 'ERR_READ';
    row([name, '', '', ...roleIds.map(() => ''), code]);
    process.exitCode = 1;
  }
}
