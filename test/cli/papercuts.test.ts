/**
 * The CLI in a user's first hour: --out infers the format from the extension, a password-protected PDF has its own
 * code, a file with the wrong extension is read as what it is, and help and usage errors stay short.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeResume } from '../../src/index.js';
import { makeDocx } from './fixtures.js';
import { AS_OF, ensureBuilt, jsonl, ROOT, run } from './helpers.js';

const TEXT = 'EXPERIENCE\nPatient Care Technician, Mercy Hospital, 2019 - 2024\n- Obtained vital signs and blood pressure for 30 patients per shift.\n- Performed 12-lead EKGs.\n';
const ENCRYPTED = join(ROOT, 'test', 'fixtures', 'encrypted.pdf'); // qpdf --encrypt secret secret 256, made once
let dir: string;
const p = (name: string): string => join(dir, name);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'resume-fit-papercuts-'));
  writeFileSync(p('a.txt'), TEXT);
  writeFileSync(p('docx-named.pdf'), makeDocx(TEXT.split('\n').filter(Boolean)));
  writeFileSync(p('text-named.docx'), TEXT);
  writeFileSync(p('text-named.pdf'), TEXT);
  copyFileSync(ENCRYPTED, p('locked.pdf'));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('--out without --format follows the extension', () => {
  it.each([
    ['scores.csv', [], 'csv'],
    ['scores.CSV', [], 'csv'],
    ['scores.jsonl', [], 'jsonl'],
    ['scores.ndjson', [], 'jsonl'],
    ['scores.json', [], 'json'],
    ['scores.txt', [], 'jsonl'], // any other extension: the default
    ['scores.out', [], 'jsonl'],
    ['explicit.csv', ['--format', 'jsonl'], 'jsonl'], // --format wins
  ] as const)('%s %j writes %s', async (name, extra, format) => {
    const r = await run(['analyze', p('a.txt'), '--jobs', '1', '--out', p(name), ...extra]);
    expect(r.code).toBe(0);
    const out = readFileSync(p(name), 'utf8');
    const kind = out.startsWith('file,target,target_score') ? 'csv' : out.startsWith('[') ? 'json' : out.startsWith('{"file":') ? 'jsonl' : 'other';
    expect(kind).toBe(format);
  });
});

describe('PDF and DOCX files', () => {
  it('a password-protected PDF is ERR_ENCRYPTED_PDF with a clear message', async () => {
    const r = await run(['analyze', p('locked.pdf'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(jsonl(r.stdout)).toEqual([{ file: p('locked.pdf'), error: { code: 'ERR_ENCRYPTED_PDF', message: 'resume-fit: the PDF is password-protected; save a copy without the password (or print it to a new PDF) and analyse that.' } }]);
    const e = await run(['explain', p('locked.pdf')]);
    expect([e.code, e.stderr]).toEqual([1, `${p('locked.pdf')}: ERR_ENCRYPTED_PDF: resume-fit: the PDF is password-protected; save a copy without the password (or print it to a new PDF) and analyse that.\n`]);
  });

  it.each([
    ['docx-named.pdf', `${TEXT.split('\n').filter(Boolean).join('\n\n')}\n\n`], // mammoth ends each paragraph with a blank line
    ['text-named.docx', TEXT],
    ['text-named.pdf', TEXT],
  ])('%s is read as what its bytes are and scored as the library scores its text', async (name, text) => {
    const r = await run(['analyze', p(name), '--jobs', '1', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const [rec] = jsonl(r.stdout);
    expect(rec!.target).toEqual(JSON.parse(JSON.stringify(analyzeResume(text, { asOf: AS_OF }).target)));
  });
});

describe('a JSON file that is not a resume', () => {
  it('scores 0 with the reason, and the CSV names no best role', async () => {
    writeFileSync(p('package.json'), JSON.stringify({ name: 'demo', version: '1.0.0', dependencies: { zod: '^4' } }));
    const r = await run(['analyze', p('package.json'), '--jobs', '1', '--format', 'csv', '--explain']);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\r\n')[1]!;
    expect(row).toBe(`${p('package.json')},health-technician,0,none,,,0,0,0,0,0,0,0,0,,,No role fits: the JSON has no resume fields.`);
  });
});

describe('help and usage errors', () => {
  it('explain --help lists explain\'s exit codes, not analyze\'s', async () => {
    const r = await run(['explain', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes:\n  0  the resume was explained\n  1  the file could not be read, or cannot be analysed (the error is printed)\n  2  usage error (bad option, unknown --role, invalid --taxonomy)\n');
    expect(r.stdout).not.toContain('130/143');
    expect(r.stdout).not.toContain('every input was scored');
  });

  it.each([
    [['analyze', 'x.txt', '--format', 'xml'], "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, jsonl, csv.\n(resume-fit analyze --help lists the options)\n"],
    [['analyze', 'x.txt', '--colour'], "error: unknown option '--colour'\n(resume-fit analyze --help lists the options)\n"],
    [['explain'], "error: missing required argument 'file'\n(resume-fit explain --help lists the options)\n"],
    [['frob'], "error: unknown command 'frob'\n(resume-fit --help lists the commands)\n"],
  ])('%j prints the error and one line pointing at --help (exit 2)', async (args, stderr) => {
    const r = await run(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  });
});
