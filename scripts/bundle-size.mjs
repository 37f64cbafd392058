// Prints what resume-fit costs a browser page: a bundle that calls analyzeResume with the default taxonomy
// (built here from src/ with esbuild, as an app's bundler would), and the prebuilt dist/browser/resume-fit.js.
// Exits 1 when the analyzeResume bundle is over its gzipped budget. Run with `npm run size`.
// test/bundle.test.ts builds the same bundle with the same options and checks this script's figure matches.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// 68 KB: the taxonomy grew with its context data (ambiguous forms, real English words) and its sentence templates
// in 0.2.0; was 60.
const BUDGET_KB = 68;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;

const result = await build({
  // A tiny app: the public entry point, kept alive by one call so tree-shaking cannot drop the taxonomy.
  stdin: { contents: "import { analyzeResume } from './index.ts';\nconsole.log(analyzeResume('x'));\n", resolveDir: join(repo, 'src'), loader: 'ts', sourcefile: 'size-entry.ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  absWorkingDir: repo,
  logLevel: 'silent',
});
const code = result.outputFiles[0].contents;
const gz = gzipped(code);
const over = gz > BUDGET_KB * 1024;
console.log(`bundle: analyzeResume + default taxonomy: ${kb(code.length)} minified, ${kb(gz)} gzipped (budget ${BUDGET_KB} KB)${over ? ' OVER BUDGET' : ''}`);

const dist = join(repo, 'dist', 'browser', 'resume-fit.js');
if (existsSync(dist)) {
  const bytes = readFileSync(dist);
  console.log(`bundle: dist/browser/resume-fit.js: ${kb(bytes.length)} minified, ${kb(gzipped(bytes))} gzipped`);
} else {
  console.log('bundle: dist/browser/resume-fit.js: not built (run `npm run build`)');
}

if (over) {
  console.error(`bundle-size: the analyzeResume bundle is ${kb(gz)} gzipped, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
