/**
 * End-to-end tests of the built CLI (node dist/cli.js): input formats and encodings, error records, batch
 * order, --jobs, --resume after an interrupt, --shard, --input-format jsonl, --out, and every exit code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeResume as analyzeWithOptions, defaultTaxonomy, type RoleId } from '../../src/index.js';
import { makeDocx, makePdf, resumeText } from './fixtures.js';
import { AS_OF, CLI, ensureBuilt, jsonl, parseCsv, ROOT, run } from './helpers.js';

// The CLI runs with --as-of AS_OF (see helpers.run); the library is asked for the same date.
const analyzeResume = (input: Parameters<typeof analyzeWithOptions>[0], options: { target?: string } = {}) => analyzeWithOptions(input, { asOf: AS_OF, ...options } as { asOf: string; target?: RoleId });

let dir: string;
const p = (...parts: string[]): string => join(dir, ...parts);
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** A word planted in every fixture: no error message may echo resume text. */
const SECRET = 'Quetzalcoatlus';

const TEXT = `Ana Quetzalcoatlus Souza\nHealth Technician\n\nEXPERIENCE\nPatient Care Technician, Mercy Hospital, 2019 - 2024\n- Obtained and recorded vital signs and blood pressure for 30 patients per shift.\n- Performed 12-lead EKGs and drew blood for lab specimens.\n- Maintained medical records in Cerner with strict HIPAA confidentiality.\n\nCERTIFICATIONS\nBLS (AHA), CPR and First Aid\n`;
const ACCENTED = `José Quetzalcoatlus Peña — Técnico de salud\n\nEXPERIENCE\n- Obtained vital signs and blood pressure at Clínica São João; performed EKGs.\n- Café-level customer service for patients.\n`;
const JSON_RESUME = {
  basics: { name: `Ana ${SECRET}`, label: 'Emergency Medical Technician' },
  work: [{ name: 'County EMS', position: 'EMT-Basic', startDate: '2020-01', highlights: ['Responded to 911 calls providing basic life support and CPR.', 'Splinted fractures and took vital signs en route.'] }],
  certificates: [{ name: 'NREMT EMT-B', issuer: 'NREMT' }],
  skills: [{ name: 'Patient care', keywords: ['BLS', 'patient assessment'] }],
};
const PDF_LINES = TEXT.split('\n').filter((l) => l.trim());
const DOCX_PARAS = TEXT.split('\n').filter((l) => l.trim());

/** A record without its key, as the library returns it. */
const body = (rec: Record<string, unknown>): Record<string, unknown> => { const { file: _f, id: _i, ...rest } = rec; return rest; };
const plain = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'resume-fit-cli-'));
  chmodSync(dir, 0o755); // the unreadable-file test runs the CLI as nobody, who must reach the fixtures
  writeFileSync(p('a.txt'), TEXT);
  writeFileSync(p('b.md'), `# Ana Souza\n\n## Experience\n\n${TEXT.split('\n').slice(4).join('\n')}`);
  writeFileSync(p('c.json'), JSON.stringify(JSON_RESUME));
  writeFileSync(p('d.pdf'), makePdf(PDF_LINES));
  writeFileSync(p('e.docx'), makeDocx(DOCX_PARAS));
  writeFileSync(p('utf8.txt'), ACCENTED);
  writeFileSync(p('utf8-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ACCENTED)]));
  writeFileSync(p('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACCENTED, 'utf16le')]));
  writeFileSync(p('utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ACCENTED, 'utf16le').swap16()]));
  writeFileSync(p('latin1.txt'), Buffer.from(ACCENTED.replace('—', '-'), 'latin1'));
  // Bad inputs.
  writeFileSync(p('corrupt.pdf'), Buffer.concat([Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog ${SECRET} >>\n`), Buffer.alloc(64, 0x41)]));
  writeFileSync(p('truncated.pdf'), makePdf(PDF_LINES).subarray(0, 180));
  writeFileSync(p('corrupt.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(`${SECRET} not really a zip`)]));
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('blank.md'), '  \n\t\n');
  writeFileSync(p('nul.txt'), Buffer.concat([Buffer.from(`${SECRET} vital signs `), Buffer.from([0, 1, 2, 0, 0xff]), Buffer.from(' EKG')]));
  writeFileSync(p('pdf-in.txt'), makePdf(PDF_LINES));
  writeFileSync(p('bad.json'), `{"basics": {"name": "${SECRET}"`);
  writeFileSync(p('secret.txt'), `${SECRET} cannot be read by nobody: vital signs, EKG`);
  chmodSync(p('secret.txt'), 0o000);
  execFileSync('mkfifo', [p('fifo.txt')]);
});

afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('input formats', () => {
  it.each<[string, () => unknown]>([
    ['a.txt', () => TEXT],
    ['b.md', () => readFileSync(p('b.md'), 'utf8')],
    ['c.json', () => JSON_RESUME],
    // unpdf gives one line per text line of the page; mammoth ends every paragraph with a blank line.
    ['d.pdf', () => PDF_LINES.join('\n')],
    ['e.docx', () => DOCX_PARAS.map((l) => `${l}\n\n`).join('')],
  ])('%s scores exactly as the library scores its content', async (name, content) => {
    const r = await run(['analyze', p(name), '--jobs', '1']);
    expect(r.code).toBe(0);
    const [rec] = jsonl(r.stdout);
    expect(rec!.file).toBe(p(name));
    expect(body(rec!)).toEqual(plain(analyzeResume(content() as never)));
    expect((rec!.target as { score: number }).score).toBeGreaterThan(20);
  });

  it('reads standard input (-), sniffing text, JSON Resume and PDF', async () => {
    for (const [input, expected] of [[TEXT, TEXT], [JSON.stringify(JSON_RESUME), JSON_RESUME], [makePdf(PDF_LINES), PDF_LINES.join('\n')]] as const) {
      const r = await run(['analyze', '-'], { input });
      expect(r.code).toBe(0);
      const [rec] = jsonl(r.stdout);
      expect(rec!.file).toBe('-');
      expect(body(rec!)).toEqual(plain(analyzeResume(expected as never)));
    }
  });

  it.each(['utf8.txt', 'utf8-bom.txt', 'utf16le.txt', 'utf16be.txt'])('decodes %s to the same text', async (name) => {
    const r = await run(['analyze', p(name)]);
    const [rec] = jsonl(r.stdout);
    expect(body(rec!)).toEqual(plain(analyzeResume(ACCENTED)));
  });

  it('falls back to Latin-1 when the bytes are not UTF-8', async () => {
    const r = await run(['analyze', p('latin1.txt')]);
    const [rec] = jsonl(r.stdout);
    expect(body(rec!)).toEqual(plain(analyzeResume(ACCENTED.replace('—', '-'))));
    expect(JSON.stringify(rec)).toContain('Clínica São João');
  });
});

describe('bad inputs give error records and the run goes on', () => {
  const cases = [
    ['corrupt.pdf', 'ERR_CORRUPT_PDF'],
    ['truncated.pdf', 'ERR_CORRUPT_PDF'],
    ['corrupt.docx', 'ERR_CORRUPT_DOCX'],
    ['empty.txt', 'ERR_EMPTY_FILE'],
    ['blank.md', 'ERR_EMPTY_FILE'],
    ['nul.txt', 'ERR_BINARY_FILE'],
    ['pdf-in.txt', 'ERR_BINARY_FILE'],
    ['bad.json', 'ERR_INVALID_JSON'],
    ['fifo.txt', 'ERR_NOT_A_FILE'],
    ['vanished.txt', 'ERR_NOT_FOUND'],
    ['*.nothing', 'ERR_NO_MATCH'],
  ] as const;

  it('one record per input, in order, with the expected codes; exit 1', async () => {
    const args = cases.flatMap(([name]) => [p(name), p('a.txt')]);
    const r = await run(['analyze', ...args, '--jobs', '2']);
    expect(r.code).toBe(1);
    const recs = jsonl(r.stdout);
    expect(recs.map((x) => x.file)).toEqual(args);
    expect(recs.map((x) => (x.error as { code?: string } | undefined)?.code ?? 'ok')).toEqual(cases.flatMap(([, code]) => [code, 'ok']));
    for (const x of recs.filter((y) => y.error)) {
      expect(Object.keys(x)).toEqual(['file', 'error']);
      expect((x.error as { message: string }).message).toMatch(/^resume-fit: /);
      expect(JSON.stringify(x)).not.toContain(SECRET); // every bad file holds it; no message echoes it
    }
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).toBe(`${r.stderr.split('\n')[0]}\n`); // one summary line
    expect(r.stderr).toMatch(/^resume-fit: 22 inputs, 11 scored, 11 failed \(ERR_BINARY_FILE 2, ERR_CORRUPT_DOCX 1, ERR_CORRUPT_PDF 2, ERR_EMPTY_FILE 2, ERR_INVALID_JSON 1, ERR_NOT_A_FILE 1, ERR_NOT_FOUND 1, ERR_NO_MATCH 1\)/);
  });

  it('a file without read permission is ERR_UNREADABLE (run as nobody when root, since root ignores modes)', async () => {
    const asRoot = process.getuid?.() === 0;
    // setpriv (util-linux) drops to nobody for this one process; runuser is the fallback.
    const prefix = !asRoot ? [] : existsSync('/usr/bin/setpriv') ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : ['runuser', '-u', 'nobody', '--'];
    const copy = asRoot ? nobodysCopy(prefix) : null;
    const r = await run(['analyze', p('secret.txt'), p('a.txt'), '--jobs', '1'], { prefix, cwd: dir, cli: copy ? join(copy, 'dist', 'cli.js') : CLI })
      .finally(() => { if (copy) rmSync(copy, { recursive: true, force: true }); });
    expect(jsonl(r.stdout).map((x) => (x.error as { code?: string } | undefined)?.code ?? 'ok')).toEqual(['ERR_UNREADABLE', 'ok']);
    expect(r.stdout.split('\n')[0]).not.toContain(SECRET);
    expect(r.code).toBe(1);
  });
});

/**
 * Null when nobody (behind `prefix`) can run the checkout's CLI; else a copy of the built package (dist, package.json
 * and its one runtime dependency, zod; commander is bundled) in a new folder open to all, for the caller to remove. A checkout under a private
 * folder (`mktemp -d` makes one) is out of nobody's reach.
 */
function nobodysCopy(prefix: readonly string[]): string | null {
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`]);
  if (probe.status === 0) return null;
  const pkg = mkdtempSync(join(tmpdir(), 'resume-fit-cli-nobody-'));
  chmodSync(pkg, 0o755);
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  for (const dep of ['zod']) cpSync(join(ROOT, 'node_modules', dep), join(pkg, 'node_modules', dep), { recursive: true });
  return pkg;
}

describe('batch', () => {
  let corpus: string;
  let names: string[];
  beforeAll(() => {
    corpus = p('corpus');
    names = [];
    for (let i = 0; i < 1000; i++) {
      const sub = `g${i % 7}`;
      mkdirSync(join(corpus, sub), { recursive: true });
      const name = `${sub}/r${String(i).padStart(4, '0')}.${i % 10 === 3 ? 'md' : 'txt'}`;
      writeFileSync(join(corpus, name), resumeText(i));
      names.push(name);
    }
    writeFileSync(join(corpus, 'notes.csv'), 'not a resume');
    mkdirSync(join(corpus, '.hidden'));
    writeFileSync(join(corpus, '.hidden', 'x.txt'), resumeText(1));
    names.sort(); // the walk order: sorted names, depth first (all in g0..g6)
  });

  it('a folder of 1,000 resumes: 1,000 records in walk order, identical with --jobs 1 and --jobs 2', async () => {
    const [one, two] = [await run(['analyze', corpus, '--jobs', '1']), await run(['analyze', corpus, '--jobs', '2'])];
    expect([one.code, two.code]).toEqual([0, 0]);
    const recs = jsonl(two.stdout);
    expect(recs).toHaveLength(1000);
    expect(recs.map((x) => relative(corpus, x.file as string))).toEqual(names);
    expect(recs.every((x) => !x.error && typeof (x.target as { score: number }).score === 'number')).toBe(true);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toMatch(/^resume-fit: 1000 inputs, 1000 scored, 0 failed; /);
  });

  it('csv: one row per input with every role column, RFC 4180 quoting', async () => {
    const odd = p('x, "y".txt');
    writeFileSync(odd, TEXT);
    const r = await run(['analyze', p('a.txt'), odd, p('empty.txt'), '--format', 'csv']);
    rmSync(odd);
    const rows = parseCsv(r.stdout);
    const roles = defaultTaxonomy.roles.map((x) => x.id);
    expect(rows[0]).toEqual(['file', 'target', 'target_score', 'target_band', 'best_role', 'best_score', ...roles, 'error_code', 'error_message']);
    const expected = analyzeResume(TEXT);
    const scoreRow = (file: string): string[] => [file, 'health-technician', String(expected.target.score), expected.target.band, expected.roles[0]!.id, String(expected.roles[0]!.score), ...roles.map((id) => String(expected.roles.find((x) => x.id === id)!.score)), '', ''];
    expect(rows.slice(1)).toEqual([scoreRow(p('a.txt')), scoreRow(odd), [p('empty.txt'), '', '', '', '', '', ...roles.map(() => ''), 'ERR_EMPTY_FILE', 'resume-fit: the file is empty.']]);
    expect(r.stdout).toContain(`"${odd.replace(/"/g, '""')}"`);
  });

  it('json is one array; --top keeps K roles; --explain adds an explanation; --target changes the target', async () => {
    const r = await run(['analyze', p('a.txt'), p('empty.txt'), '--format', 'json', '--top', '2', '--explain', '--target', 'emergency-medical-technician']);
    const arr = JSON.parse(r.stdout) as Record<string, unknown>[];
    const expected = analyzeResume(TEXT, { target: 'emergency-medical-technician' });
    expect(arr).toHaveLength(2);
    expect(arr[0]!.roles).toEqual(plain(expected.roles.slice(0, 2)));
    expect(arr[0]!.target).toEqual(plain(expected.target));
    expect((arr[0]!.explanation as string[])[0]).toBe(`Emergency Medical Technician: ${expected.target.score.toFixed(2)} (${expected.target.band}); best fit ${expected.roles[0]!.title} ${expected.roles[0]!.score.toFixed(2)}.`);
    expect(arr[0]!.explanation as string[]).toContain(expected.comparison.summary);
    expect(arr[1]).toEqual({ file: p('empty.txt'), error: { code: 'ERR_EMPTY_FILE', message: 'resume-fit: the file is empty.' } });
  });

  it('globs: *, ** and {a,b} match files under their base, in walk order', async () => {
    const r = await run(['analyze', `${corpus}/g1/r00{08,15}.txt`, `${corpus}/**/r099?.*`, '--format', 'csv']);
    const files = parseCsv(r.stdout).slice(1).map((row) => relative(corpus, row[0]!));
    expect(files).toEqual(['g1/r0008.txt', 'g1/r0015.txt', ...names.filter((n) => /\/r099\d\./.test(n))]);
  });

  it('the union of N shards is the unsharded run, without duplicates, whatever path the folder is given by', async () => {
    const sub = join(corpus, 'g3'); // 143 files
    const all = jsonl((await run(['analyze', sub, '--format', 'jsonl', '--jobs', '1'])).stdout).map((x) => relative(sub, x.file as string));
    const shards: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const r = await run(['analyze', sub, '--shard', `${i}/3`, '--jobs', '1']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`shard ${i}/3`);
      shards.push(jsonl(r.stdout).map((x) => relative(sub, x.file as string)));
    }
    expect(shards.every((s) => s.length > 20)).toBe(true);
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    // Each shard keeps input order, and the same folder under another path gives the same shard.
    for (const s of shards) expect(s).toEqual(all.filter((f) => s.includes(f)));
    const viaRelative = jsonl((await run(['analyze', relative(dir, sub), '--shard', '1/3', '--jobs', '1'], { cwd: dir })).stdout).map((x) => relative(sub, join(dir, x.file as string)));
    expect(viaRelative).toEqual(shards[1]);
  });
});

describe('--input-format jsonl (stdin records, e.g. Spark RDD.pipe)', () => {
  it('one result per record, in order, keyed by id', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: TEXT }),
      JSON.stringify({ id: 2, resume: JSON_RESUME }),
      '',
      '{"id": "broken", "text": ',
      JSON.stringify({ text: TEXT }),
      JSON.stringify({ id: 'e', text: '   ' }),
      JSON.stringify({ id: 'f' }),
    ];
    const r = await run(['analyze', '--input-format', 'jsonl', '--jobs', '2'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(1);
    const recs = jsonl(r.stdout);
    expect(recs.map((x) => [x.id, (x.error as { code?: string } | undefined)?.code ?? 'ok', x.line ?? null])).toEqual([
      ['a', 'ok', null], [2, 'ok', null], [null, 'ERR_INVALID_JSON', 4], [null, 'ERR_INVALID_RECORD', 5], ['e', 'ERR_EMPTY_INPUT', 6], ['f', 'ERR_INVALID_RECORD', 7],
    ]);
    expect(body(recs[0]!)).toEqual(plain(analyzeResume(TEXT)));
    expect(body(recs[1]!)).toEqual(plain(analyzeResume(JSON_RESUME as never)));
    expect(r.stdout).not.toContain('"text":"Ana'); // error records never echo the record
  });
});

describe('--out', () => {
  it('writes FILE atomically (no FILE.partial left)', async () => {
    const out = p('out', 'scores.csv');
    mkdirSync(p('out'), { recursive: true });
    const r = await run(['analyze', p('a.txt'), '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parseCsv(readFileSync(out, 'utf8'))).toHaveLength(2);
    expect(readdirSync(p('out'))).toEqual(['scores.csv']);
    expect(r.stderr).toMatch(/; wrote .*scores\.csv\n$/);
  });

  it('a missing folder is a usage error (exit 2) and creates nothing', async () => {
    const r = await run(['analyze', p('a.txt'), '--out', p('no-such-dir', 'x.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`resume-fit: cannot write --out ${p('no-such-dir', 'x.jsonl')}: the folder ${p('no-such-dir')} does not exist.\n`);
    expect(existsSync(p('no-such-dir'))).toBe(false);
  });

  it('/dev/full: a clear message, exit 1, the device untouched and no partial file', async () => {
    const r = await run(['analyze', p('a.txt'), '--out', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resume-fit: cannot write /dev/full: no space left on device (ENOSPC).\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(existsSync('/dev/full.partial')).toBe(false);
  });

  it('an interrupted jsonl run keeps FILE.partial; --resume appends only what is missing, in order', async () => {
    const folder = p('resume-in');
    mkdirSync(folder);
    for (let i = 0; i < 30; i++) writeFileSync(join(folder, `r${String(i).padStart(2, '0')}.txt`), resumeText(i));
    writeFileSync(p('tail.txt'), resumeText(99));
    const out = p('resume-out.jsonl');
    const partial = `${out}.partial`;
    const args = ['analyze', folder, '-', p('tail.txt'), '--format', 'jsonl', '--out', out, '--jobs', '2'];
    // Standard input is held open, so the run stops deterministically after the 30 files before it.
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('close', (c, s) => res([c, s])));
    for (let t = 0; t < 600; t++) {
      if (existsSync(partial) && readFileSync(partial, 'utf8').split('\n').length === 31) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    child.kill('SIGINT');
    const [code] = await closed;
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(jsonl(readFileSync(partial, 'utf8'))).toHaveLength(30);
    expect(stderr).toContain(`interrupted by SIGINT: ${partial} keeps the 30 records written; run again with --resume to continue`);
    // A record cut short by a crash is dropped and done again.
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}{"file":"${join(folder, 'r30')}","tar`);

    const r = await run([...args, '--resume'], { input: TEXT });
    expect(r.code).toBe(0);
    expect(existsSync(partial)).toBe(false);
    const recs = jsonl(readFileSync(out, 'utf8'));
    expect(recs.map((x) => x.file)).toEqual([...Array.from({ length: 30 }, (_, i) => join(folder, `r${String(i).padStart(2, '0')}.txt`)), '-', p('tail.txt')]);
    expect(body(recs[30]!)).toEqual(plain(analyzeResume(TEXT)));
    expect(r.stderr).toMatch(/^resume-fit: 32 inputs, 32 scored, 0 failed, 30 already in the output \(--resume\);/);
  });
});

describe('explain', () => {
  it('shows marked evidence lines, contributions that add up, gaps and the next best role', async () => {
    const r = await run(['explain', p('a.txt'), '--role', 'health-technician']);
    expect(r.code).toBe(0);
    const rep = analyzeResume(TEXT);
    const other = rep.comparison.b;
    expect(r.stdout.split('\n')[0]).toBe(`${p('a.txt')}: Health Technician (health-technician) ${rep.target.score.toFixed(2)}/100, ${rep.target.band}`);
    expect(r.stdout).toContain('   6  - Obtained and recorded **vital signs** and **blood pressure** for 30 **patients** per shift.');
    expect(r.stdout).toContain(`Score contributions (add up to ${rep.target.score.toFixed(2)})`);
    expect(r.stdout).toContain(`  - ${rep.target.missing[0]!.label} (${rep.target.missing[0]!.component}, weight ${rep.target.missing[0]!.weight})\n      why: ${rep.target.missing[0]!.why}\n      suggestion: ${rep.target.missing[0]!.suggestion}`);
    expect(r.stdout).toContain(`Compared with ${other.title} (${other.score.toFixed(2)}), the next best role\n  ${rep.comparison.summary}`);
  });

  it('defaults to the best-fitting role and reads PDF', async () => {
    const r = await run(['explain', p('d.pdf')]);
    const best = analyzeResume(PDF_LINES.join('\n')).roles[0]!;
    expect(r.stdout.split('\n')[0]).toBe(`${p('d.pdf')}: ${best.title} (${best.id}) ${best.score.toFixed(2)}/100, ${best.band}`);
  });

  it('a bad file exits 1 with the code and no resume text', async () => {
    const r = await run(['explain', p('nul.txt')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `${p('nul.txt')}: ERR_BINARY_FILE: resume-fit: the file is binary data (it contains NUL bytes), not text.\n`]);
  });
});

describe('taxonomy', () => {
  let valid: string;
  let invalid: string;
  beforeAll(() => {
    const keep = new Set(['health-technician', 'health-aide']);
    const small = {
      ...defaultTaxonomy,
      roles: defaultTaxonomy.roles.filter((r) => keep.has(r.id)).map((r) => ({ ...r, specialisations: (r.specialisations ?? []).filter((s) => keep.has(s)) })),
      responsibilities: (defaultTaxonomy.responsibilities ?? []).map((r) => ({ ...r, roles: r.roles.filter((x) => keep.has(x)) })).filter((r) => r.roles.length),
    };
    valid = p('small-taxonomy.json');
    writeFileSync(valid, JSON.stringify(small));
    const broken = structuredClone(small) as { skills: { id: string }[]; roles: { profile: { skill: string; weight: number }[] }[] };
    broken.skills[0]!.id = 'Bad Id';
    broken.roles[0]!.profile[0]!.weight = -1;
    broken.roles[1]!.profile[0]!.skill = 'no-such-skill';
    invalid = p('bad-taxonomy.json');
    writeFileSync(invalid, JSON.stringify(broken));
  });

  it('taxonomy check: valid exits 0; invalid prints every issue and exits 1', async () => {
    const ok = await run(['taxonomy', 'check', valid]);
    expect([ok.code, ok.stdout]).toEqual([0, `${valid}: valid: ${defaultTaxonomy.skills.length} skills, 2 roles, ${JSON.parse(readFileSync(valid, 'utf8')).responsibilities.length} responsibilities\n`]);
    const bad = await run(['taxonomy', 'check', invalid]);
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n').slice(0, 3)).toEqual([`${invalid}: invalid: 2 issues`, '  skills[0].id: must match /^[a-z0-9]+(?:-[a-z0-9]+)*$/', '  roles[0].profile[0].weight: must be at least 0']);
    const missing = await run(['taxonomy', 'check', p('nope.json')]);
    expect(missing.code).toBe(2);
  });

  it('analyze --taxonomy scores with the custom roles (csv columns follow it)', async () => {
    const r = await run(['analyze', p('a.txt'), '--taxonomy', valid, '--format', 'csv', '--jobs', '2']);
    expect(r.code).toBe(0);
    expect(parseCsv(r.stdout)[0]!.slice(6, 8)).toEqual(['health-technician', 'health-aide']);
  });
});

describe('exit codes and help', () => {
  it.each([
    [['analyze', '{A}'], 0],
    [['analyze', '{A}', '--as-of', '2025-01-31'], 0],
    [['analyze', '{A}', '{EMPTY}'], 1],
    [['analyze'], 2],
    [['analyze', '{A}', '--format', 'xml'], 2],
    [['analyze', '{A}', '--jobs', '0'], 2],
    [['analyze', '{A}', '--top', 'x'], 2],
    [['analyze', '{A}', '--target', 'astronaut'], 2],
    [['analyze', '{A}', '--shard', '3/3'], 2],
    [['analyze', '{A}', '--as-of', '31/01/2025'], 2],
    [['analyze', '{A}', '--resume'], 2],
    [['analyze', '{A}', '--resume', '--out', '{TMP}/r.csv', '--format', 'csv'], 2],
    [['analyze', '{A}', '--input-format', 'jsonl'], 2],
    [['analyze', '{A}', '--taxonomy', '{EMPTY}'], 2],
    [['analyze', '{A}', '--no-such-option'], 2],
    [['explain'], 2],
    [['explain', '{A}', '--role', 'astronaut'], 2],
    [['frobnicate'], 2],
  ])('%j exits %i', async (args, code) => {
    const sub = (a: string): string => a.replace('{A}', p('a.txt')).replace('{EMPTY}', p('empty.txt')).replace('{TMP}', dir);
    const r = await run(args.map(sub));
    expect(r.code).toBe(code);
    if (code === 2) expect(r.stdout).toBe('');
  });

  it('--as-of sets the date experience is measured against', async () => {
    const dated = 'EXPERIENCE\nER Technician, Mercy Hospital, Jan 2020 - Present\n• Performed EKGs on chest pain patients\n';
    writeFileSync(p('dated.txt'), dated);
    const months = async (asOf: string): Promise<unknown> => {
      const r = await run(['analyze', p('dated.txt'), '--format', 'jsonl', '--as-of', asOf]);
      const rec = jsonl(r.stdout)[0] as { skills: { id: string; experience?: { months: number } }[] };
      return rec.skills.find((s) => s.id === 'ekg')!.experience!.months;
    };
    expect(await months('2020-12-31')).toBe(12);
    expect(await months('2021-12-31')).toBe(24);
  });

  it.each([[[]], [['analyze']], [['explain']], [['roles']], [['taxonomy']], [['taxonomy', 'check']]])('%j --help exits 0 and documents the exit codes', async (args) => {
    const r = await run([...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes[^:\n]*:\n {2}0 /);
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect([r.code, r.stdout]).toEqual([0, `${version}\n`]);
  });
});
