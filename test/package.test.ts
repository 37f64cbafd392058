/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` into a fresh project outside the
 * repository (its runtime dependencies come from the registry). From there: ESM import, CommonJS require,
 * a strict TypeScript consumer (and a broken one that must not compile, so the types are not `any`), and the
 * `resume-fit` bin. One pack and one install for the whole file; `npm test` builds dist/ first (pretest).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeResume } from '../src/index.js';
import { makeDocx, makePdf } from './cli/fixtures.js';
import { requireBuilt } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const SAMPLE = join(repo, 'examples', 'resumes', 'health-technician.txt');
const AS_OF = '2026-06-30';
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

/** What a user needs, and nothing else: no src/, test/, bench/, examples/, no stale chunks in dist/. */
const EXPECTED_FILES = [
  'CHANGELOG.md',
  'DESIGN.md',
  'LICENSE',
  'README.md',
  // npm always packs README files; this one carries the O*NET CC BY 4.0 attribution the data requires.
  'data/README.md',
  'data/lexicon.json',
  'data/real-words.json',
  'data/responsibilities.json',
  'data/roles.json',
  'data/sentences.json',
  'data/skills.json',
  'dist/browser/resume-fit.js',
  'dist/cli-worker.js',
  'dist/cli.js',
  'dist/index.cjs',
  'dist/index.d.cts',
  'dist/index.d.ts',
  'dist/index.js',
  'dist/queue.d.ts',
  'dist/queue.js',
  'package.json',
];

interface PackResult { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }

// npm run by `npm test` exports its own settings; the local prefix would point the install back at the repo.
const env = { ...process.env };
for (const k of Object.keys(env)) if (/^npm_(config_local_prefix|package_|lifecycle_)/i.test(k)) delete env[k];

let work: string;
let consumer: string;
let pack: PackResult;

interface Run { code: number; stdout: string; stderr: string }
async function run(cmd: string, args: string[], cwd = consumer): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
async function ok(cmd: string, args: string[], cwd = consumer): Promise<string> {
  const r = await run(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.stderr.slice(-2000)}\n${r.stdout.slice(-2000)}`);
  return r.stdout;
}

beforeAll(async () => {
  requireBuilt('dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js');
  work = mkdtempSync(join(tmpdir(), 'resume-fit-pack-'));
  const packed = JSON.parse(await ok(NPM, ['pack', '--json', '--pack-destination', work], repo)) as PackResult[];
  pack = packed[0]!;
  console.log(`npm pack: ${pack.filename}, ${pack.size} bytes (${(pack.size / 1024).toFixed(1)} KiB) packed, ${pack.unpackedSize} bytes unpacked, ${pack.entryCount} files`);

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  await ok(NPM, ['init', '-y']);
  // --prefix as well as cwd: an install must never land in the repository itself.
  // --omit=dev as a production install would; --prefer-offline uses the npm cache when it holds zod.
  await ok(NPM, ['install', join(work, pack.filename), '--prefix', consumer, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline']);
  const manifest = JSON.parse(readFileSync(join(consumer, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  if (!manifest.dependencies?.['resume-fit']) throw new Error('npm install did not record resume-fit in the consumer project');
  copyFileSync(SAMPLE, join(consumer, 'resume.txt'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds exactly the files a user needs', () => {
    expect(pack.files.map((f) => f.path).sort()).toEqual([...EXPECTED_FILES].sort());
    expect(pack.entryCount).toBe(EXPECTED_FILES.length);
  });

  it('installs resume-fit and zod, nothing else: commander is bundled, natural is bundled, unpdf and mammoth are optional peers', () => {
    const nm = join(consumer, 'node_modules');
    expect(existsSync(join(nm, 'resume-fit', 'dist', 'index.js'))).toBe(true);
    const installed = packagesIn(nm);
    const bytes = sizeOf(nm);
    console.log(`npm install resume-fit: ${installed.length} packages (${installed.join(', ')}), ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB) in node_modules`);
    expect(installed).toEqual(['resume-fit', 'zod']);
    // resume-fit's own files (about 1.7 MB unpacked: data, three builds, types, docs) and zod (about 6.2 MB);
    // with commander, cli-progress, unpdf and mammoth as dependencies it was 34 packages and 15.7 MB.
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });
});

/** The packages in a node_modules folder (scoped ones as @scope/name, nested node_modules included), sorted. */
function packagesIn(nm: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(nm)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(join(nm, name)).map((n) => `${name}/${n}`) : [name];
    for (const n of names) {
      out.push(n);
      if (existsSync(join(nm, n, 'node_modules'))) out.push(...packagesIn(join(nm, n, 'node_modules')));
    }
  }
  return out.sort();
}

/** Bytes of every file under a folder (symbolic links not followed). */
function sizeOf(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += sizeOf(p);
    else if (e.isFile()) total += lstatSync(p).size;
  }
  return total;
}

describe('ESM and CommonJS consumers', () => {
  // Both print the same summary; the source, run here, must agree with the installed build.
  const summarize = `const r = analyzeResume(readFileSync('resume.txt', 'utf8'), { asOf: '${AS_OF}' });
console.log(JSON.stringify({ top: r.roles[0].id, roles: r.roles.map((x) => [x.id, x.score]), skills: r.skills.map((s) => s.id) }));`;

  it('import (ESM) and require (CJS) load the installed copy and give the same report as the source', async () => {
    writeFileSync(join(consumer, 'esm.mjs'), `import { readFileSync } from 'node:fs';\nimport { analyzeResume } from 'resume-fit';\n${summarize}\n`);
    writeFileSync(join(consumer, 'cjs.cjs'), `const { readFileSync } = require('node:fs');\nconst { analyzeResume } = require('resume-fit');\n${summarize}\n`);
    const esm = JSON.parse(await ok('node', ['esm.mjs']));
    const cjs = JSON.parse(await ok('node', ['cjs.cjs']));
    expect(esm.top).toBe('health-technician');
    expect(cjs).toEqual(esm);

    const src = analyzeResume(readFileSync(SAMPLE, 'utf8'), { asOf: AS_OF });
    expect(esm).toEqual({ top: src.roles[0]!.id, roles: src.roles.map((x) => [x.id, x.score]), skills: src.skills.map((s) => s.id) });
  });

  it('resolves to node_modules/resume-fit, exposes package.json, and hides everything else behind "exports"', async () => {
    const out = await ok('node', ['-e', `
      const installed = require('node:path').join(process.cwd(), 'node_modules', 'resume-fit');
      const r = require.resolve('resume-fit');
      let deep = 'resolved';
      try { require.resolve('resume-fit/dist/index.cjs'); } catch (e) { deep = e.code; }
      console.log(JSON.stringify({ inside: r.startsWith(installed + require('node:path').sep), file: require('node:path').relative(installed, r), version: require('resume-fit/package.json').version, deep }));
    `]);
    expect(JSON.parse(out)).toEqual({ inside: true, file: join('dist', 'index.cjs'), version, deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });
});

describe('the job queue, resume-fit/queue', () => {
  it('imports without bullmq installed; using it gives QueueError ERR_QUEUE_NOT_INSTALLED naming `npm install bullmq`', async () => {
    writeFileSync(join(consumer, 'queue.mjs'), `import { enqueue, QueueError } from 'resume-fit/queue';
try { await enqueue({ connection: 'redis://127.0.0.1:1', queue: 'q' }, []); console.log('no error'); } catch (e) { console.log(JSON.stringify({ queueError: e instanceof QueueError, code: e.code, message: e.message })); }
`);
    expect(JSON.parse(await ok('node', ['queue.mjs']))).toEqual({ queueError: true, code: 'ERR_QUEUE_NOT_INSTALLED', message: 'resume-fit: the job queue needs the optional package bullmq, which is not installed: run `npm install bullmq` in the project that has resume-fit.' });
    const r = await run(join(consumer, 'node_modules', '.bin', 'resume-fit'), ['queue', 'status', '--redis', 'redis://127.0.0.1:1', '--queue', 'q']);
    expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({ code: 2, stderr: 'resume-fit: the job queue needs the optional package bullmq, which is not installed: run `npm install bullmq` in the project that has resume-fit.' });
  });
});

describe('the browser build, resume-fit/browser', () => {
  it('imports by its documented subpath (one self-contained module, same results); the dist path is not exported', async () => {
    writeFileSync(join(consumer, 'browser.mjs'), `import { analyzeResume } from 'resume-fit/browser';
import { analyzeResume as main } from 'resume-fit';
let deep = 'resolved';
try { await import('resume-fit/dist/browser/resume-fit.js'); } catch (e) { deep = e.code; }
const text = 'EXPERIENCE\\n- Performed 12-lead EKGs in the emergency department\\n- BLS certified';
const url = import.meta.resolve('resume-fit/browser');
console.log(JSON.stringify({ file: url.slice(url.indexOf('/node_modules/') + 1), top: analyzeResume(text).roles[0].id, same: JSON.stringify(analyzeResume(text)) === JSON.stringify(main(text)), deep }));
`);
    expect(JSON.parse(await ok('node', ['browser.mjs']))).toEqual({ file: 'node_modules/resume-fit/dist/browser/resume-fit.js', top: 'emergency-room-technician', same: true, deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });
});

describe('TypeScript consumers (tsc --strict, module and moduleResolution nodenext)', () => {
  const tsc = (files: string[]) => run('node', [TSC, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', ...files]);

  it('an ES module (index.d.ts) and a CommonJS module (index.d.cts) using the public types compile', async () => {
    const body = `
const report: AnalysisReport = analyzeResume('EXPERIENCE\\n- Took vital signs', { target: 'health-technician', asOf: '${AS_OF}' });
const best: RoleFit | undefined = report.roles[0];
const score: number = report.target.score;
const band: 'strong' | 'moderate' | 'weak' | 'none' = report.target.band;
const taxonomy: Taxonomy = { ...defaultTaxonomy, skills: [...defaultTaxonomy.skills] };
const analyzer: Analyzer = createAnalyzer({ taxonomy });
const skills: SkillMatch[] = analyzer.extractSkills('BLS certified');
const paths: (string | undefined)[] = skills.flatMap((s) => s.evidence.map((e: Evidence) => e.path));
let code: ResumeFitErrorCode | undefined;
try { analyzeResume('') } catch (e) { if (isResumeFitError(e)) code = e.code; }
export { best, score, band, paths, code };
`;
    const names = 'analyzeResume, createAnalyzer, defaultTaxonomy, isResumeFitError, type AnalysisReport, type Analyzer, type Evidence, type ResumeFitErrorCode, type RoleFit, type SkillMatch, type Taxonomy';
    writeFileSync(join(consumer, 'good.mts'), `import { ${names} } from 'resume-fit';\n${body}`);
    writeFileSync(join(consumer, 'good.cts'), `import { ${names} } from 'resume-fit';\n${body}`);
    writeFileSync(join(consumer, 'good-browser.mts'), `import { ${names} } from 'resume-fit/browser';\n${body}`);
    const r = await tsc(['good.mts', 'good.cts', 'good-browser.mts']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a consumer with type errors does not compile: each error is reported at its line', async () => {
    writeFileSync(join(consumer, 'bad.mts'), [
      "import { analyzeResume, createAnalyzer, type RoleFit } from 'resume-fit';",
      "const score: string = analyzeResume('x').target.score;", // line 2: number is not string
      'analyzeResume(42);', // line 3: not a string or a JSON Resume
      "const fit: RoleFit = { id: 'x' };", // line 4: required properties missing
      'createAnalyzer().nope();', // line 5: no such method
      "analyzeResume('x', { target: 'health-technician', colour: 'red' });", // line 6: unknown option
      "analyzeResume('x', { target: 'health-tech' });", // line 7: not a RoleId
      "const id: 'nurse' = createAnalyzer().listRoles()[0]!.id;", // line 8: ids are the RoleId union
      'export { score, fit, id };',
      '',
    ].join('\n'));
    const r = await tsc(['bad.mts']);
    expect(r.code).not.toBe(0);
    const errors = [...r.stdout.matchAll(/^bad\.mts\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(errors).toEqual(['2 TS2322', '3 TS2345', '4 TS2739', '5 TS2339', '6 TS2353', '7 TS2322', '8 TS2322']);
  });
});

describe('the resume-fit bin', () => {
  const bin = () => join(consumer, 'node_modules', '.bin', 'resume-fit');

  it('roles lists the eight roles', async () => {
    const out = await ok(bin(), ['roles']);
    expect(out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual([
      'health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician',
      'customer-care-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician',
    ]);
  });

  it('--version prints the package version', async () => {
    expect((await ok(bin(), ['--version'])).trim()).toBe(version);
  });

  it('a PDF or DOCX without the optional reader installed: ERR_READER_NOT_INSTALLED naming the install command', async () => {
    writeFileSync(join(consumer, 'resume.pdf'), makePdf(['EXPERIENCE', 'Took vital signs']));
    writeFileSync(join(consumer, 'resume.docx'), makeDocx(['EXPERIENCE', 'Took vital signs']));
    const r = await run(bin(), ['analyze', 'resume.pdf', 'resume.docx', '--as-of', AS_OF, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))).toEqual([
      { file: 'resume.pdf', error: { code: 'ERR_READER_NOT_INSTALLED', message: 'resume-fit: reading PDF files needs the optional package unpdf, which is not installed: run `npm install unpdf` in the project that has resume-fit (`npm install -g unpdf` next to a global install).' } },
      { file: 'resume.docx', error: { code: 'ERR_READER_NOT_INSTALLED', message: 'resume-fit: reading DOCX files needs the optional package mammoth, which is not installed: run `npm install mammoth` in the project that has resume-fit (`npm install -g mammoth` next to a global install).' } },
    ]);
  });

  it('analyze --format csv scores a sample file (its worker, dist/cli-worker.js, runs from the install)', async () => {
    const r = await run(bin(), ['analyze', 'resume.txt', '--as-of', AS_OF, '--format', 'csv', '--jobs', '2']);
    expect(r.code).toBe(0);
    // RFC 4180 line ends.
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const [header, row, ...rest] = r.stdout.split('\r\n').filter(Boolean);
    expect(rest).toEqual([]);
    expect(header).toBe('file,target,target_score,target_band,best_role,best_score,health-technician,emergency-room-technician,health-aide,emergency-medical-technician,customer-care-technician,physical-therapy-assistant,psychiatric-technician,health-information-technician,error_code,error_message');
    const cells = row!.split(',');
    expect(cells.slice(0, 2)).toEqual(['resume.txt', 'health-technician']);
    expect(cells[4]).toBe('health-technician');
    expect(cells[3]).toBe('strong');
    expect(cells.slice(-2)).toEqual(['', '']);
    // The bin scores as the library does.
    const src = analyzeResume(readFileSync(SAMPLE, 'utf8'), { asOf: AS_OF });
    expect(Number(cells[2])).toBe(src.target.score);
    expect(r.stderr).toMatch(/1 scored, 0 failed/);
  });
});
