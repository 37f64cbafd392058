/**
 * The docs say what the code does. Every README code block whose output is shown in comments
 * (`expr  // 'emergency-room-technician'`) is run against the built package (dist/index.js) and each shown value
 * compared; the counts and sizes the docs quote are checked against the data and the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeResume, defaultTaxonomy } from '../src/index.js';
import { requireBuilt } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = readFileSync(join(repo, 'README.md'), 'utf8');

/** The length of the JavaScript literal at the start of `s` (a string, an array or object of literals, a number, true/false/null), or 0. */
function literalLength(s: string): number {
  const num = /^-?\d+(\.\d+)?/.exec(s);
  if (num) return num[0].length;
  const word = /^(true|false|null)\b/.exec(s);
  if (word) return word[0].length;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) { if (c === '\\') i++; else if (c === quote) { quote = ''; if (depth === 0) return i + 1; } continue; }
    if (c === "'" || c === '"') { if (i === 0 || depth > 0) quote = c; else return 0; continue; }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') { depth--; if (depth === 0) return i + 1; }
    else if (i === 0) return 0;
  }
  return 0;
}

interface Shown { line: number; expr: string; expected: string }

/** Code blocks with shown output: each `expr // literal` line becomes a check; other lines run as written. */
function blocksWithOutput(md: string): { start: number; code: string; shown: Shown[] }[] {
  const out: { start: number; code: string; shown: Shown[] }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```js\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    const shown: Shown[] = [];
    const code = body.map((l, k) => {
      const m = /^(.*?\S)\s+\/\/ (.*)$/.exec(l);
      const n = m ? literalLength(m[2]!) : 0;
      if (!m || !n) return l;
      shown.push({ line: start + k + 1, expr: m[1]!, expected: m[2]!.slice(0, n) });
      return `__check(${shown.length - 1}, () => (${m[1]!}));`;
    }).join('\n');
    if (shown.length) out.push({ start, code, shown });
  }
  return out;
}

const BLOCKS = blocksWithOutput(README);

describe('README code blocks with shown output', () => {
  it('there are some (the API examples of analyzeResume, extractSkills and parseJobPosting)', () => {
    expect(BLOCKS.map((b) => b.shown.length)).toEqual([3, 3, 2]);
  });

  it.each(BLOCKS.map((b) => [b.start, b] as const))('the block at README.md line %i prints what it shows', async (_line, block) => {
    const dist = join(repo, 'dist', 'index.js');
    requireBuilt('dist/index.js');
    const names = Object.keys(await import(pathToFileURL(dist).href));
    const dir = mkdtempSync(join(tmpdir(), 'resume-fit-readme-'));
    try {
      const file = join(dir, 'block.mjs');
      writeFileSync(file, [
        `import { ${names.join(', ')} } from ${JSON.stringify(pathToFileURL(dist).href)};`,
        'const __results = [];',
        'function __check(i, f) { __results[i] = f(); }',
        block.code,
        'console.log(JSON.stringify(__results));',
      ].join('\n'));
      const results = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as unknown[];
      const got = block.shown.map((s, i) => ({ line: s.line, expr: s.expr, value: results[i] }));
      const want = block.shown.map((s) => ({ line: s.line, expr: s.expr, value: new Function(`return (${s.expected});`)() as unknown }));
      expect(got).toEqual(want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('figures the docs quote', () => {
  const t = defaultTaxonomy;
  const skills = t.skills.length;
  const roles = t.roles.length;
  const phrases = t.responsibilities?.length ?? 0;

  it('README and data/README.md give the taxonomy\'s real counts', () => {
    expect(README).toContain(`\`data/\` holds ${skills} skills, ${roles} roles and ${phrases} responsibility phrases`);
    expect(README).toContain(`a closed, documented taxonomy of ${skills} skills`);
    const dataReadme = readFileSync(join(repo, 'data', 'README.md'), 'utf8');
    expect(dataReadme).toContain(`| \`skills.json\` | ${skills} skills:`);
    // There is no credentials component (DESIGN.md, "Why no credentials component").
    expect(dataReadme).not.toMatch(/credentials in theirs/);
  });

  it('the browser build\'s gzipped size in the README is what npm run size measures (within 3 KB)', () => {
    const bundle = join(repo, 'dist', 'browser', 'resume-fit.js');
    const kb = gzipSync(readFileSync(bundle), { level: 9 }).length / 1024;
    const quoted = [...README.matchAll(/about (\d+) KB gzipped/g)].map((m) => Number(m[1]));
    expect(quoted.length).toBe(2);
    for (const q of quoted) expect(Math.abs(q - kb), `README says about ${q} KB, the build is ${kb.toFixed(1)} KB`).toBeLessThanOrEqual(3);
  });

  it('the README\'s AnalysisReport table lists every field of a report', () => {
    const report = analyzeResume({ work: [{ position: 'EMT', highlights: ['Took vital signs'] }] }, { asOf: '2026-06-30' });
    const table = README.slice(README.indexOf('Returns an `AnalysisReport`:'), README.indexOf('A `RoleFit` has'));
    const documented = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual([...Object.keys(report), 'reason'].sort());
  });
});

describe('docs/ (the CLI reference and the performance diary)', () => {
  const links = (md: string): string[] => [...md.matchAll(/\]\(([^)#:]+\.md)(?:#[^)]*)?\)/g)].map((m) => m[1]!);

  it('the README links both, and every Markdown link of the README and docs/ names a file that exists', () => {
    expect(links(README)).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/performance.md']));
    for (const [from, md] of [['.', README], ['docs', readFileSync(join(repo, 'docs', 'cli.md'), 'utf8')], ['docs', readFileSync(join(repo, 'docs', 'performance.md'), 'utf8')]] as const) {
      const broken = links(md).filter((l) => !existsSync(join(repo, from, l)));
      expect(broken, `broken links in ${from}`).toEqual([]);
    }
  });

  it.each(['analyze', 'explain', 'roles'])('docs/cli.md documents every option of `resume-fit %s --help`', (command) => {
    requireBuilt('dist/cli.js');
    const help = execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), command, '--help'], { encoding: 'utf8' });
    const options = [...new Set([...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!))].filter((o) => o !== '--help');
    expect(options.length).toBeGreaterThan(0);
    const cli = readFileSync(join(repo, 'docs', 'cli.md'), 'utf8');
    expect(options.filter((o) => !new RegExp(`(^|[^\\w-])${o}(?![\\w-])`, 'm').test(cli))).toEqual([]);
  });
});
