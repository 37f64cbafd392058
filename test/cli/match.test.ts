// `resume-fit match`: rank resumes for one posting (--job) and postings for one resume (--resume), on the built CLI.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, jsonl, parseCsv, run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-match-'));
const job = join(dir, 'cna-posting.txt');
const resumes = join(dir, 'resumes');
const postings = join(dir, 'postings');

beforeAll(() => {
  ensureBuilt();
  writeFileSync(job, 'Certified Nursing Assistant\nRequirements:\n- CNA license required\n- CPR certification\nDuties:\n- Assist residents with bathing and dressing\n- Take vital signs\n');
  mkdirSync(resumes);
  mkdirSync(postings);
  writeFileSync(join(resumes, 'a-software.txt'), 'EXPERIENCE\nSoftware Engineer | Acme | 2019 - Present\n• Built web services in TypeScript\n');
  writeFileSync(join(resumes, 'b-cna.txt'), 'EXPERIENCE\nCertified Nursing Assistant | Oak Care | 2019 - Present\n• Assisted residents with bathing and dressing\n• Took vital signs\nCERTIFICATIONS\nCNA, CPR\n');
  writeFileSync(join(resumes, 'c-caregiver.txt'), 'EXPERIENCE\nCaregiver | Home Helpers | 2019 - Present\n• Assisted clients with bathing and dressing\nCERTIFICATIONS\nCPR\n');
  writeFileSync(join(resumes, 'd-empty.txt'), '');
  writeFileSync(join(postings, 'cna.txt'), 'Certified Nursing Assistant\nRequirements:\n- CNA license required\n- Take vital signs\n');
  writeFileSync(join(postings, 'coder.json'), JSON.stringify({ title: 'Medical Coder', description: 'ICD-10 medical coding required. CPC certification preferred.' }));
});

describe('resume-fit match', () => {
  it('--job ranks the resumes best first, errors last, as JSON Lines with rank and the fit', async () => {
    const r = await run(['match', '--job', job, resumes, '--as-of', '2026-06-30', '--jobs', '1']);
    expect(r.code).toBe(1); // the empty file fails
    const rows = jsonl(r.stdout);
    expect(rows.map((x) => [x['rank'], String(x['file']).replace(`${resumes}/`, '')])).toEqual([[1, 'b-cna.txt'], [2, 'c-caregiver.txt'], [3, 'a-software.txt'], [undefined, 'd-empty.txt']]);
    expect(rows[0]).toMatchObject({ band: 'strong', title: 'Certified Nursing Assistant', role: 'health-aide' });
    expect((rows[3]!['error'] as { code: string }).code).toBe('ERR_EMPTY_FILE');
    expect(r.stderr).toMatch(/4 inputs, 3 scored, 1 failed \(ERR_EMPTY_FILE 1\)/);
  });

  it('gives the same ranking with worker threads, and csv with the missing required items', async () => {
    const r = await run(['match', '--job', job, resumes, '--as-of', '2026-06-30', '--jobs', '2', '--format', 'csv']);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['rank', 'file', 'score', 'band', 'posting_title', 'posting_role', 'required_shown', 'required_missing', 'preferred_missing', 'years_met', 'error_code', 'error_message']);
    expect(rows.slice(1).map((x) => x[1]!.replace(`${resumes}/`, ''))).toEqual(['b-cna.txt', 'c-caregiver.txt', 'a-software.txt', 'd-empty.txt']);
    expect(rows[2]![7]).toContain('nursing-assistant');
  });

  it('--resume ranks postings (text and JSON postings) for one resume', async () => {
    const r = await run(['match', '--resume', join(resumes, 'b-cna.txt'), postings, '--as-of', '2026-06-30', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    expect(rows.map((x) => String(x['file']).replace(`${postings}/`, ''))).toEqual(['cna.txt', 'coder.json']);
    expect(rows[1]).toMatchObject({ title: 'Medical Coder' });
    expect((rows[0]!['score'] as number) > (rows[1]!['score'] as number)).toBe(true);
  });

  it.each([
    [['match', resumes], /give --job POSTING .* or --resume RESUME/],
    [['match', '--job', job, '--resume', job, resumes], /one of the two/],
    [['match', '--job', job], /give the resumes to rank/],
    [['match', '--job', join(dir, 'nope.txt'), resumes], /cannot read --job .*ERR_NOT_FOUND/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
