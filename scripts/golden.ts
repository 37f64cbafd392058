/**
 * Regenerates the golden output (test/golden/*.json) from test/golden/cases.ts: `npm run golden`.
 * Run it only in a commit that says why the output moved (DESIGN.md, "Golden output"); `test/golden.test.ts`
 * fails on any other change. Prints each file's case count and size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenFiles, renderFile } from '../test/golden/cases.js';

const dir = join(import.meta.dirname, '..', 'test', 'golden');
let total = 0;
let cases = 0;
for (const file of goldenFiles()) {
  const text = renderFile(file);
  writeFileSync(join(dir, `${file.name}.json`), text);
  total += Buffer.byteLength(text);
  cases += file.cases.length;
  console.log(`${file.name}.json: ${file.cases.length} cases, ${Buffer.byteLength(text).toLocaleString('en-US')} bytes`);
}
console.log(`total: ${cases} cases, ${total.toLocaleString('en-US')} bytes`);
