/**
 * The golden output (issue 18): full reports over a fixed corpus, so that a refactor that should change nothing can
 * prove it changed nothing, byte for byte. `scripts/golden.ts` (`npm run golden`) writes `test/golden/*.json` from
 * these cases; `test/golden.test.ts` recomputes them and compares. Regenerate only in a commit that says why the
 * output moved (DESIGN.md, "Golden output").
 *
 * Only this repository's own resumes are used (examples/resumes, test/eval/resumes, test/ranking, bench/corpus);
 * test/real holds texts written outside the project and stays out. Key order is the library's own (reports are
 * built as literals in a fixed key order, and that order is part of the JSON a CLI user sees); cases are in a
 * fixed order. Very long arrays and strings (the adversarial inputs) are stored as a digest with their head, so the
 * files stay small while any change still shows.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, defaultTaxonomy, type AnalysisReport, type Analyzer, type Taxonomy } from '../../src/index.js';
import { allocateShares, sharesOf, type ComponentName, type ScoreItem, type Shares } from '../../src/score.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** `asOf` for the dated half of the corpus: fixed, so the output never depends on the day it is computed. */
export const AS_OF = '2026-12-01';

/** Arrays longer than this, and strings longer than MAX_STRING, are stored as a digest (see `compact`). */
const MAX_ARRAY = 500;
const MAX_STRING = 2_000;

const digest = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * A JSON value with long arrays and strings replaced by `{ $array | $string: length, sha256, head, last }`: the
 * digest keeps the comparison exact, the head and last items show where a difference is.
 */
export function compact(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_STRING ? { $string: value.length, sha256: digest(value), head: value.slice(0, 120) } : value;
  }
  if (Array.isArray(value)) {
    if (value.length <= MAX_ARRAY) return value.map(compact);
    return { $array: value.length, sha256: digest(JSON.stringify(value)), head: value.slice(0, 3).map(compact), last: compact(value.at(-1)) };
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = compact(v);
    return out;
  }
  return value;
}

/** One golden file: named cases in a fixed order. */
export interface GoldenFile { readonly name: string; readonly cases: readonly (readonly [string, () => unknown])[] }

interface Resume { readonly name: string; readonly input: string | Record<string, unknown>; readonly text: string | null }

function resumesIn(dir: string): Resume[] {
  return readdirSync(join(ROOT, dir)).filter((f) => /\.(txt|md|json)$/.test(f)).sort().map((f) => {
    const raw = readFileSync(join(ROOT, dir, f), 'utf8');
    return f.endsWith('.json') ? { name: `${dir}/${f}`, input: JSON.parse(raw) as Record<string, unknown>, text: null } : { name: `${dir}/${f}`, input: raw, text: raw };
  });
}

const CORPORA = ['examples/resumes', 'test/eval/resumes', 'test/ranking', 'bench/corpus'] as const;

/** The report, and what compareRoles says of its two best roles and of the target against the ER technician. */
function reportCase(analyzer: Analyzer, input: string | Record<string, unknown>, options?: { asOf?: string; target?: string }): unknown {
  const report: AnalysisReport = analyzer.analyzeResume(input as string, options);
  const [a, b] = [report.roles[0]!.id, report.roles[1]!.id];
  return { report, compareBest: analyzer.compareRoles(report, a, b) };
}

// ---------------------------------------------------------------------------------------------------------------
// Custom taxonomies

const source = { file: 'test/golden', quote: 'golden' };
const skill = (id: string, aliases: string[], extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ id, label: id.replace(/-/g, ' '), category: 'technology', aliases, source, ...extra });
const role = (id: string, profile: [string, string, number][], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, title: id.replace(/(^|-)(\w)/g, (_m, d: string, c: string) => (d ? ' ' : '') + c.toUpperCase()), description: `The ${id} role.`, onetSoc: [], titles: [],
  facts: {}, profile: profile.map(([s, kind, weight]) => ({ skill: s, kind, weight, quote: s })), source, ...extra,
});

/**
 * A small custom taxonomy with no lexicon of its own and no responsibilities: roles without a soft or
 * responsibilities component (their points go to the others), a role of soft skills only, a generic skill.
 */
export const smallTaxonomy = {
  skills: [
    skill('hemodialysis', ['hemodialysis', 'dialysis', 'dialysis machine'], { category: 'clinical' }),
    skill('vitals', ['vital signs', 'vitals'], { category: 'clinical', acronyms: ['BP'] }),
    skill('phlebotomy', ['phlebotomy', 'blood draw', 'venipuncture'], { category: 'clinical' }),
    skill('kindness', ['kindness', 'compassion', 'empathy'], { category: 'soft' }),
    skill('teamwork', ['teamwork', 'team player'], { category: 'soft' }),
    skill('excel', ['spreadsheets', 'microsoft excel'], { generic: true }),
    skill('forklift', ['forklift', 'pallet jack'], { category: 'service' }),
  ],
  roles: [
    role('dialysis-technician', [['hemodialysis', 'distinct', 6], ['vitals', 'shared', 3], ['phlebotomy', 'duty', 2], ['kindness', 'soft', 1], ['excel', 'technology', 1]], { titles: ['Dialysis Technician', 'Hemodialysis Technician'] }),
    role('phlebotomist', [['phlebotomy', 'distinct', 5], ['vitals', 'duty', 1]], { titles: ['Phlebotomist'] }),
    role('warehouse-associate', [['forklift', 'distinct', 4], ['teamwork', 'soft', 2], ['excel', 'technology', 2]], { titles: ['Warehouse Associate'] }),
    role('volunteer', [['kindness', 'soft', 2], ['teamwork', 'soft', 2]]),
  ],
};

/** The default taxonomy with extra skills and a role that uses them beside default skills. */
export const extendedTaxonomy = {
  ...defaultTaxonomy,
  skills: [
    ...defaultTaxonomy.skills,
    skill('hemodialysis', ['hemodialysis', 'dialysis treatment', 'dialysis machine'], { category: 'clinical', suggestion: 'Say how many treatments you ran per shift.' }),
    skill('sterile-processing', ['sterile processing', 'autoclave', 'instrument sterilization'], { category: 'clinical' }),
    skill('infusion-pump', ['infusion pump', 'alaris pump']),
  ],
  roles: [
    ...defaultTaxonomy.roles,
    role('dialysis-technician', [['hemodialysis', 'distinct', 6], ['vital-signs', 'shared', 3], ['patients', 'share', 2], ['phlebotomy', 'duty', 2], ['sterile-processing', 'duty', 1], ['infusion-pump', 'technology', 1], ['compassion', 'soft', 1]], { titles: ['Dialysis Technician', 'Hemodialysis Technician'] }),
  ],
};

/**
 * A wide generated taxonomy: one role with 300 profile skills ("gizmo 1" … "gizmo 300"), so one resume gives
 * allocateShares more items than its scratch space holds (128) and more than its insertion threshold (256).
 */
const WIDE = 300;
export const wideTaxonomy = {
  skills: Array.from({ length: WIDE }, (_, k) => skill(`gizmo-${k + 1}`, [`gizmo ${k + 1}`])),
  roles: [
    role('gizmo-fitter', Array.from({ length: WIDE }, (_, k): [string, string, number] => [`gizmo-${k + 1}`, k < 10 ? 'distinct' : 'duty', 1 + (k % 7)]), { titles: ['Gizmo Fitter'] }),
    role('gizmo-sorter', Array.from({ length: 20 }, (_, k): [string, string, number] => [`gizmo-${k * 3 + 1}`, 'duty', 2])),
  ],
};
const wideResume = (n: number, heading = 'EXPERIENCE'): string =>
  `Gizmo Fitter, Acme Gizmos, 2019 - Present\n${heading}\n${Array.from({ length: n }, (_, k) => `• Fitted gizmo ${k + 1} daily`).join('\n')}\n`;

// ---------------------------------------------------------------------------------------------------------------
// Adversarial texts (generated here, as in test/adversarial.test.ts)

const ADVERSARIAL: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['whitespace', ' \t\n\r\n   \u00a0\u2003\n\n'],
  ['huge repeated skill (EKG x 20,000)', `EXPERIENCE\n${'EKG '.repeat(20_000)}`],
  ['repeated bullet (x 2,000)', `EXPERIENCE\n${'• Performed EKGs and took vital signs for 30 patients a day\n'.repeat(2_000)}`],
  ['mojibake (UTF-8 read as Windows-1252)', 'EXPERIENCE\nER Technician â€“ Mercy Hospital, 2019 â€“ Present\nâ€¢ Performed EKGs and phlebotomy\nâ€¢ Monitored patientsâ€™ vital signs; cafÃ© volunteer\nSKILLS\nCPR â€¢ BLS â€¢ HIPAA\n'],
  ['binary-looking text', Array.from({ length: 4_000 }, (_, k) => String.fromCharCode((k * 7919 + 13) % 256)).join('') + '\nEKG CPR\u0000\u0001\u0002BLS\ufffd\ufffd'],
  ['NUL bytes between words', 'EXPERIENCE\n• Performed\u0000EKGs\u0000and\u0000CPR\u0000\n'],
  ['very long line (200,000 characters)', `SKILLS\n${'patient care, vital signs, blood pressure, EKG, CPR, '.repeat(4_000)}\n`],
  ['one 100,000-character word', 'x'.repeat(50_000) + 'EKG' + 'y'.repeat(50_000)],
  ['punctuation-joined skills on one line', 'EKG/CPR/BLS/'.repeat(5_000)],
  ['a heading on every line', 'SKILLS\nCPR\nEXPERIENCE\n• Performed EKGs\n'.repeat(200)],
  ['zero-width and bidi controls', 'EXPERIENCE\n• \u2067Performed EKGs\u2069 \u200fCPR\u200e \u202bBLS\u202c \u202ephlebotomy\u202c E\u200bK\u200bG\n'],
  ['negated and hedged', 'SKILLS\nNo experience with telemetry. Not certified in BLS. Expected EMT-B 2027. Studying phlebotomy.\n'],
  ['non-resume prose', 'The quick brown fox jumps over the lazy dog. '.repeat(50)],
  ['software engineer', 'EXPERIENCE\nSoftware Engineer, Acme, 2018 - 2024\n• Built a pharmacy app; medication reminders\n• Customer service dashboards, communication tools\n'],
];

// ---------------------------------------------------------------------------------------------------------------
// Share allocation: direct calls for the branches no analyzer reaches (each label names the branch)

const item = (component: ComponentName, id: string, weight: number, strength: number, rank?: number): ScoreItem =>
  rank === undefined ? { component, id, label: id, weight, strength, evidence: [] } : { component, id, label: id, weight, strength, evidence: [], rank };
const totals = (entries: [ComponentName, number][]): Map<ComponentName, number> => new Map(entries);
const allShares = sharesOf(totals([['signature', 4], ['skills', 10], ['responsibilities', 3], ['soft', 2]]));

/** allocateShares's output without evidence (all empty here), plus the shares it was given. */
const allocate = (items: readonly ScoreItem[], shares: Shares, extra: { component: ComponentName; points: number } | null): unknown => ({ shares, ...allocateShares(items, shares, extra) });

const ALLOCATION: readonly (readonly [string, () => unknown])[] = [
  ['sharesOf: every component present', () => allShares],
  ['sharesOf: no component (base 0)', () => sharesOf(new Map())],
  ['sharesOf: zero, negative and NaN totals are absent components', () => sharesOf(totals([['signature', 0], ['skills', -1], ['responsibilities', Number.NaN], ['soft', 1]]))],
  ['sharesOf: saturation floor and cap', () => [sharesOf(totals([['skills', 1]])), sharesOf(totals([['skills', 100], ['responsibilities', 100], ['soft', 100], ['signature', 100]]))]],
  ['allocateShares: base 0 scores 0', () => allocate([item('skills', 'a', 1, 1, 0)], sharesOf(new Map()), null)],
  ['allocateShares: no items (rest >= n with n = 0)', () => allocate([], allShares, null)],
  ['allocateShares: zero and negative strengths are skipped', () => allocate([item('skills', 'a', 2, 0, 0), item('skills', 'b', 2, -0.5, 1), item('skills', 'c', 2, 0.8, 2), item('soft', 'd', 1, Number.NaN, 3)], allShares, null)],
  ['allocateShares: a component over its points is capped', () => allocate([item('signature', 'a', 4, 1, 0), item('signature', 'b', 4, 1, 1), item('signature', 'c', 4, 1, 2)], allShares, null)],
  ['allocateShares: largest remainders, ties to the earlier item', () => allocate([item('skills', 'a', 1, 1 / 3, 2), item('skills', 'b', 1, 1 / 3, 1), item('skills', 'c', 1, 1 / 3, 0), item('soft', 'd', 1, 0.1, 3)], allShares, null)],
  ['allocateShares: extra component (title) with earned and unearned items', () => allocate([item('skills', 'a', 3, 1, 0), item('titles', 't1', 1, 0.6, 1), item('titles', 't2', 1, 0, 2)], allShares, { component: 'titles', points: 15 })],
  ['allocateShares: extra component with no items of it', () => allocate([item('skills', 'a', 3, 1, 0)], allShares, { component: 'titles', points: 15 })],
  ['allocateShares: extra weight over 1 is shared by its items', () => allocate([item('titles', 't1', 2, 1, 0), item('titles', 't2', 1, 0.5, 1), item('skills', 'a', 9, 1, 2)], allShares, { component: 'titles', points: 15 })],
  // A negative extra item lowers the denominator below what is earned: the exact parts add up to over 100 points,
  // the total is held at 10000 hundredths and the surplus is taken back from the last items (rest < 0).
  ['allocateShares: parts over 100 points are taken back from the last items (rest < 0)', () => allocate([item('signature', 's', 10, 1, 0), item('skills', 'k', 10, 1, 1), item('responsibilities', 'r', 5, 1, 2), item('soft', 'o', 5, 1, 3), item('titles', 't1', 1.5, 1, 4), item('titles', 't2', 1, -1, 5)], allShares, { component: 'titles', points: 15 })],
  ['allocateShares: an item without a rank sorts by comparator', () => allocate([item('skills', 'b', 1, 0.5), item('skills', 'a', 1, 0.5, 0), item('soft', 'c', 1, 0.7, 1)], allShares, null)],
  ['allocateShares: a rank at RANK_LIMIT sorts by comparator', () => allocate([item('skills', 'b', 1, 0.5, 1 << 20), item('skills', 'a', 1, 0.5, 0)], allShares, null)],
  ['allocateShares: a negative rank sorts by comparator', () => allocate([item('skills', 'b', 1, 0.5, -1), item('skills', 'a', 1, 0.5, 0)], allShares, null)],
  ['allocateShares: 65,536 items (ITEM_LIMIT) sort by comparator', () => allocate(Array.from({ length: 1 << 16 }, (_, k) => item(k % 2 ? 'skills' : 'soft', `i${k}`, 1, k % 97 === 0 ? 1 : 1e-7, k)), allShares, null)],
  ['allocateShares: 300 items (more than the scratch space and the insertion threshold)', () => allocate(Array.from({ length: 300 }, (_, k) => item('skills', `i${String(k).padStart(3, '0')}`, 1 + (k % 5), 0.01 + ((k * 37) % 100) / 101, k)), allShares, null)],
];

// ---------------------------------------------------------------------------------------------------------------

/** Every golden file and its cases, lazily computed. */
export function goldenFiles(): GoldenFile[] {
  const analyzer = createAnalyzer();
  const small = createAnalyzer({ taxonomy: smallTaxonomy as unknown as Taxonomy });
  const extended = createAnalyzer({ taxonomy: extendedTaxonomy as unknown as Taxonomy });
  const wide = createAnalyzer({ taxonomy: wideTaxonomy as unknown as Taxonomy });
  const files: GoldenFile[] = [];
  for (const dir of CORPORA) {
    const resumes = resumesIn(dir);
    const cases: [string, () => unknown][] = [];
    // The bench corpus is 40 resumes of about 8 KB from one generator (bench/make-corpus.ts) cycling through four
    // layouts: the first twelve (three of each layout) keep its file near a megabyte.
    for (const r of dir === 'bench/corpus' ? resumes.slice(0, 12) : resumes) {
      cases.push([r.name, () => reportCase(analyzer, r.input)]);
      cases.push([`${r.name} asOf ${AS_OF}`, () => reportCase(analyzer, r.input, { asOf: AS_OF })]);
      if (r.text !== null) cases.push([`${r.name} extractSkills`, () => analyzer.extractSkills(r.text!)]);
    }
    files.push({ name: dir.replace(/\//g, '-'), cases });
  }
  const customCases: [string, () => unknown][] = [];
  for (const r of [...resumesIn('examples/resumes'), ...resumesIn('test/ranking')]) {
    customCases.push([`small: ${r.name}`, () => reportCase(small, r.input, { target: 'dialysis-technician' })]);
  }
  // The extended taxonomy is the default one with a role more: the examples, dated and not, are enough.
  for (const r of resumesIn('examples/resumes')) {
    customCases.push([`extended: ${r.name}`, () => reportCase(extended, r.input, { target: 'dialysis-technician' })]);
    customCases.push([`extended: ${r.name} asOf ${AS_OF}`, () => reportCase(extended, r.input, { asOf: AS_OF, target: 'dialysis-technician' })]);
  }
  const dialysis = 'EXPERIENCE\nHemodialysis Technician, Desert Kidney Center, 2022 - Present\n• Ran hemodialysis treatments for 12 patients per shift on the dialysis machine\n• Monitored vital signs and BP, drew blood (venipuncture)\n• Autoclave and instrument sterilization; set up the Alaris pump (infusion pumps)\nSKILLS\nCompassion, teamwork, microsoft excel\n';
  const warehouse = 'EXPERIENCE\nWarehouse Associate, Acme, 2015 - 2020\n• Forklift and pallet jack, spreadsheets\n• Team player known for kindness\n';
  for (const [label, text] of [['dialysis', dialysis], ['warehouse', warehouse], ['empty', '']] as const) {
    customCases.push([`small: ${label}`, () => reportCase(small, text, { target: 'dialysis-technician' })]);
    customCases.push([`small: ${label} asOf ${AS_OF}`, () => reportCase(small, text, { asOf: AS_OF })]);
    customCases.push([`small: ${label} extractSkills`, () => small.extractSkills(text)]);
    customCases.push([`extended: ${label}`, () => reportCase(extended, text, { target: 'dialysis-technician' })]);
    customCases.push([`extended: ${label} asOf ${AS_OF}`, () => reportCase(extended, text, { asOf: AS_OF })]);
    customCases.push([`extended: ${label} compareRoles`, () => { const rep = extended.analyzeResume(text); return extended.compareRoles(rep, 'dialysis-technician', 'health-technician'); }]);
  }
  for (const n of [1, 100, 200, 300]) {
    customCases.push([`wide: ${n} gizmos`, () => reportCase(wide, wideResume(n))]);
    customCases.push([`wide: ${n} gizmos asOf ${AS_OF}`, () => reportCase(wide, wideResume(n), { asOf: AS_OF })]);
  }
  customCases.push(['wide: 300 gizmos in a skills list', () => reportCase(wide, wideResume(300, 'SKILLS'))]);
  files.push({ name: 'custom-taxonomies', cases: customCases });

  const adversarial: [string, () => unknown][] = [];
  for (const [label, text] of ADVERSARIAL) {
    adversarial.push([label, () => reportCase(analyzer, text)]);
    adversarial.push([`${label} asOf ${AS_OF}`, () => reportCase(analyzer, text, { asOf: AS_OF })]);
    adversarial.push([`${label} extractSkills`, () => analyzer.extractSkills(text)]);
  }
  const roleIds = analyzer.listRoles().map((r) => r.id);
  const sample = analyzer.analyzeResume(readFileSync(join(ROOT, 'examples/resumes/emergency-room-technician.md'), 'utf8'), { asOf: AS_OF });
  adversarial.push(['compareRoles: every pair of roles on the ER technician example', () => roleIds.flatMap((a) => roleIds.filter((b) => b !== a).map((b) => analyzer.compareRoles(sample, a, b)))]);
  adversarial.push(['listRoles', () => analyzer.listRoles()]);
  files.push({ name: 'adversarial', cases: adversarial });

  files.push({ name: 'allocation', cases: ALLOCATION });
  return files;
}

/** Objects and arrays whose JSON is at least this long are stored once per case (see `dedupe`). */
const MIN_REF = 64;

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (parent && !parent.endsWith('#') ? `${parent}.${key}` : `${parent}${key}`) : `${parent}[${JSON.stringify(key)}]`;

/**
 * Within one case, an object or array equal to one met earlier (in key order) is stored as `{ "$ref": path }`: a
 * report repeats itself (`target` is one of `roles`, a skill's evidence is in each role's contributions), and the
 * files would be ten times larger. A change to either copy still changes the file.
 */
export function dedupe(value: unknown, path = '', seen = new Map<string, string>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const key = JSON.stringify(value);
  if (key.length >= MIN_REF) {
    const first = seen.get(key);
    if (first !== undefined) return { $ref: first };
    seen.set(key, path);
  }
  if (Array.isArray(value)) return value.map((v, k) => dedupe(v, pathOf(path, k), seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = dedupe(v, pathOf(path, k), seen);
  return out;
}

/** A case's output as stored: plain JSON, long arrays and strings digested, repeats referenced. */
export function caseOutput(run: () => unknown, path: string, seen: Map<string, string>): unknown {
  return dedupe(compact(JSON.parse(JSON.stringify(run()))), path, seen);
}

/** A golden file's text: `{ "case": output, ... }`, one case per line (so a diff names the cases that moved). */
export function renderFile(file: GoldenFile): string {
  const names = new Set<string>();
  const lines: string[] = [];
  const seen = new Map<string, string>();
  for (const [name, run] of file.cases) {
    if (names.has(name)) throw new Error(`golden: duplicate case name "${name}" in ${file.name}`);
    names.add(name);
    lines.push(`${JSON.stringify(name)}: ${JSON.stringify(caseOutput(run, `${lines.length}#`, seen))}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}
