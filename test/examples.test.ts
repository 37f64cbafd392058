/**
 * The examples in examples/ run as a user would run them (`node examples/x.mjs`), against the built dist/,
 * importing the package by its name: inside the repository, `resume-fit` resolves to the repository itself
 * through package.json "exports" (self-reference). AS_OF pins the date so the output is reproducible.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repo, 'examples');
const run = promisify(execFile);
const AS_OF = '2026-06-30';

interface Result { code: number; stdout: string; stderr: string }

/** Runs `node examples/<file> ...args` from the repository root; resolves with the exit code instead of throwing. */
async function example(file: string, args: string[] = []): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join('examples', file), ...args], { cwd: repo, env: { ...process.env, AS_OF }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

beforeAll(() => requireBuilt('dist/index.js', 'dist/index.cjs'));

describe('the package name resolves to this repository (self-reference)', () => {
  it('import and require of "resume-fit" from examples/ load the built dist/', async () => {
    const esm = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('resume-fit'))"], { cwd: examples });
    expect(fileURLToPath(esm.stdout.trim())).toBe(join(repo, 'dist', 'index.js'));
    const cjs = await run(process.execPath, ['-e', "console.log(require.resolve('resume-fit'))"], { cwd: examples });
    expect(cjs.stdout.trim()).toBe(join(repo, 'dist', 'index.cjs'));
  });
});

describe('examples/basic.mjs', () => {
  it('by default: the health technician sample, its top roles, contributions with evidence, gaps', async () => {
    const r = await example('basic.mjs');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toBe('Top roles:');
    const top = /^ {2}1\. Health Technician \(health-technician\): (\d+\.\d\d) strong$/.exec(out[1]!);
    expect(top).not.toBeNull();
    expect(out[2]).toMatch(/^ {2}2\. .+ \([a-z-]+\): \d+\.\d\d (strong|moderate|weak|none)$/);
    // The target is the default, health-technician, so its score is the top role's.
    const why = out.indexOf(`Why Health Technician scores ${top![1]}:`);
    expect(why).toBe(4);
    const contributions = out.slice(why + 1, why + 6);
    expect(contributions).toHaveLength(5);
    for (const c of contributions) expect(c).toMatch(/^ +\+\d+\.\d\d {2}(titles|signature|skills|responsibilities|soft) +.+ \(".+" at \d+-\d+, [a-z ]+\)$/);
    // The job title line "Health Technician, Southern Arizona VA ..." earns the title points.
    expect(contributions.join('\n')).toMatch(/titles +Health Technician \("Health Technician" at \d+-\d+, experience\)/);
    const gaps = out.indexOf('Top gaps for Health Technician:');
    expect(gaps).toBe(why + 6);
    expect(out.slice(gaps + 1, gaps + 4).every((g) => /^ {2}- .+ \(weight \d+(\.\d+)?\): .+/.test(g))).toBe(true);
    expect(out.at(-1)).toMatch(/^Health Technician fits better \(\d+\.\d\d vs \d+\.\d\d\)/);
  });

  it('takes a file and a target: the ER sample ranks ER technician first, explained for EMT', async () => {
    const r = await example('basic.mjs', ['examples/resumes/emergency-room-technician.md', 'emergency-medical-technician']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[1]).toMatch(/^ {2}1\. Emergency Room Technician \(emergency-room-technician\): \d+\.\d\d strong$/);
    expect(out).toContainEqual(expect.stringMatching(/^Why Emergency Medical Technician scores \d+\.\d\d:$/));
    expect(out).toContain('Top gaps for Emergency Medical Technician:');
  });
});

describe('examples/json-resume.mjs', () => {
  it('prints each piece of evidence with the JSON path it came from', async () => {
    const r = await example('json-resume.mjs');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^Best role: Emergency Room Technician \(\d+\.\d\d\)$/);
    expect(out[1]).toMatch(/^Emergency Room Technician: \d+\.\d\d strong$/);
    const evidence = out.slice(out.indexOf('Evidence by JSON path:') + 1).map((l) => l.trim().replace(/ {2,}/g, ' | '));
    // Table-driven: path | skill label: "the words in the resume".
    expect(evidence).toEqual(expect.arrayContaining([
      'work[0].highlights[0] | EKG / electrocardiogram: "12-lead EKGs"',
      'work[0].highlights[0] | Phlebotomy: "drew blood"',
      'work[0].highlights[1] | Wound care: "wound care"',
      'work[1].highlights[0] | Patient transport: "patient transport"',
      'certificates[0].name | BLS (basic life support): "BLS"',
      'skills[0].keywords[0] | Vital signs: "vital signs"',
      'work[0].position | Emergency room: "Emergency Room"',
      'work[1].name | EMS (emergency medical services): "EMS"',
    ]));
    expect(evidence.every((l) => /^(basics|work|certificates|skills)[.[]/.test(l))).toBe(true);
  });
});

describe('examples/custom-taxonomy.mjs', () => {
  it('finds the added skill and ranks the added role first', async () => {
    const r = await example('custom-taxonomy.mjs');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^Custom skill found: Hemodialysis \("[Dd]ialysis"\)$/);
    expect(out[1]).toMatch(/^Dialysis Technician: \d+\.\d\d strong$/);
    expect(out[2]).toBe('Roles, best first:');
    expect(out[3]).toMatch(/^ {2}dialysis-technician: \d+\.\d\d$/);
    expect(out.at(-1)).toBe('The analyzer knows 9 roles.');
  });
});

describe('examples/batch-folder.mjs', () => {
  const HEADER = 'file,best_role,best_score,health-technician,emergency-room-technician,health-aide,emergency-medical-technician,customer-care-technician,physical-therapy-assistant,psychiatric-technician,health-information-technician,error';

  it('scores every sample in examples/resumes: one CSV row per file, each sample best fits the role it is named after', async () => {
    const samples = readdirSync(join(examples, 'resumes')).filter((f) => ['.txt', '.md', '.json'].includes(extname(f))).sort();
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const r = await example('batch-folder.mjs');
    expect(r.code).toBe(0);
    const [header, ...rows] = lines(r.stdout);
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(samples.length);
    for (const [i, row] of rows.entries()) {
      const cells = row.split(',');
      expect(cells).toHaveLength(12);
      expect(cells[0]).toBe(samples[i]);
      // The samples are named after the role they were written for.
      expect(cells[1]).toBe(basename(samples[i]!, extname(samples[i]!)));
      expect(Number(cells[2])).toBe(Math.max(...cells.slice(3, 11).map(Number)));
      expect(cells[11]).toBe('');
    }
  });

  describe('on a folder with a broken file', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'resume-fit-batch-'));
      writeFileSync(join(dir, 'a.txt'), readFileSync(join(examples, 'resumes', 'health-technician.txt')));
      writeFileSync(join(dir, 'b.json'), '{"basics": {"name": "Private Person"'); // truncated JSON
      writeFileSync(join(dir, 'c.pdf'), '%PDF-1.4 not read by this example');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps going, reports an error code (never the content) and exits 1; skips unread types', async () => {
      const r = await example('batch-folder.mjs', [dir]);
      expect(r.code).toBe(1);
      const [header, ...rows] = lines(r.stdout);
      expect(header).toBe(HEADER);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/^a\.txt,health-technician,\d+\.\d\d,/);
      expect(rows[1]).toBe(`b.json,,${','.repeat(8)},ERR_INVALID_JSON`);
      expect(r.stdout + r.stderr).not.toContain('Private Person');
    });
  });
});

describe('examples/commonjs.cjs', () => {
  it('require()s the package, scores the customer care sample and shows a typed error', async () => {
    const r = await example('commonjs.cjs');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^Best role: Customer Care Technician \(customer-care-technician\) \d+\.\d\d strong$/);
    expect(out[1]).toMatch(/^Skills found: .*\bcustomer-service\b/);
    expect(out[2]).toBe('Rejected a number: ERR_INVALID_INPUT');
  });
});

describe('examples/README.md and examples/web', () => {
  it('the README lists every runnable example with its command', () => {
    const readme = readFileSync(join(examples, 'README.md'), 'utf8');
    const runnable = readdirSync(examples).filter((f) => /\.(mjs|cjs)$/.test(f)).sort();
    expect(runnable).toEqual(['basic.mjs', 'batch-folder.mjs', 'commonjs.cjs', 'custom-taxonomy.mjs', 'json-resume.mjs', 'match-job.mjs']);
    for (const f of runnable) expect(readme).toContain(`node examples/${f}`);
  });

  it('the web example\'s files exist and load the browser build (the page itself is tested in browser.test.ts)', () => {
    for (const f of ['index.html', 'app.js', 'style.css']) expect(existsSync(join(examples, 'web', f)), f).toBe(true);
    expect(readFileSync(join(examples, 'web', 'index.html'), 'utf8')).toContain('src="app.js"');
    expect(readFileSync(join(examples, 'web', 'app.js'), 'utf8')).toContain("from '/dist/browser/resume-fit.js'");
  });
});

describe('examples/match-job.mjs', () => {
  it('parses the sample posting, ranks the sample resumes for it and explains the best fit', async () => {
    const r = await example('match-job.mjs');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toBe('Posting: Patient Care Technician - Emergency Department (closest role: Emergency Room Technician)');
    expect(out[1]).toMatch(/^ {2}required: .*\bbls\b/);
    expect(out[2]).toBe('  preferred: nursing-assistant, emt-certification');
    expect(out[3]).toBe('  years: 1 in patient-care (required): "• 1+ year of patient care experience in a hospital setting"');
    const ranking = out.slice(out.indexOf('Ranking:') + 1, out.indexOf('Ranking:') + 5);
    expect(ranking.map((l) => l.replace(/: .*/, ''))).toEqual(['  1. emergency-room-technician.md', '  2. health-technician.txt', '  3. psychiatric-technician.json', '  4. customer-care-technician.txt']);
    // The best fit's contributions add up to its score.
    const score = Number(/scores (\d+\.\d\d):$/.exec(out.find((l) => l.startsWith('Why '))!)![1]);
    const points = out.filter((l) => /^ {2}\+\d/.test(l)).map((l) => Number(/^ {2}\+(\d+\.\d\d)/.exec(l)![1]));
    expect(Math.round(points.reduce((a, b) => a + b, 0) * 100) / 100).toBe(score);
    expect(out).toContain('Missing:');
  });
});
