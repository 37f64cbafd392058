/**
 * `npm run eval`: measures resume-fit against the hand-labelled set in test/eval (see test/eval/README.md).
 * Prints skill precision/recall/F1 (micro and per category), negation and hedging accuracy, responsibility
 * matching precision/recall and role top-1/top-2 accuracy with a confusion table; writes the same figures
 * to test/eval/results.json. `--verbose` also prints every error (false positive / negative) with its line.
 *
 * The set is never tuned against: a change that improves a figure must not edit the labels it is scored on.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAnalyzer, type Analyzer, type JsonResume, type SkillMatch } from '../src/index.js';
import { loadRealSet, realDir } from '../test/real/load.js';
import { formatReal, realFigures } from './eval-real.js';
import { loadPostingSet, postingsDir } from '../test/postings/load.js';
import { formatPostings, postingFigures } from './eval-postings.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const EVAL_DIR = resolve(HERE, '../test/eval');

export interface LabelledLine {
  readonly id: string;
  readonly text: string;
  /** Skills the line credits (asserted, not negated, not hedged). */
  readonly skills: readonly string[];
  /** Skills mentioned under a negation cue (not credited). */
  readonly negated: readonly string[];
  /** Skills mentioned under a hedging cue: aspiration, study in progress, pending (not credited). */
  readonly hedged: readonly string[];
  readonly style: string;
}
export interface LabelledPair { readonly id: string; readonly line: string; readonly responsibility: string; readonly match: boolean }
export interface LabelledResume { readonly file: string; readonly role: string; readonly top2: readonly [string, string] }
export interface EvalSet {
  readonly lines: readonly LabelledLine[];
  readonly pairs: readonly LabelledPair[];
  readonly resumes: readonly (LabelledResume & { readonly input: string | JsonResume })[];
}

export interface Prf { readonly tp: number; readonly fp: number; readonly fn: number; readonly precision: number | null; readonly recall: number | null; readonly f1: number | null }
export interface FlagAccuracy {
  /** Labelled negated (or hedged) mentions. */
  readonly labelled: number;
  /** Of those, flagged as such by the matcher. */
  readonly flagged: number;
  /** flagged / labelled. */
  readonly accuracy: number | null;
  /** Flags on skills that are not labelled so on that line (credited, the other flag, or not mentioned). */
  readonly falseFlags: number;
}
export interface SkillError { readonly id: string; readonly falsePositives: readonly string[]; readonly falseNegatives: readonly string[] }
export interface FlagError { readonly id: string; readonly skill: string; readonly labelled: string; readonly predicted: string }
export interface ResponsibilityError { readonly id: string; readonly responsibility: string; readonly expected: boolean; readonly predicted: boolean }
export interface RoleResult { readonly file: string; readonly role: string; readonly expectedTop2: readonly string[]; readonly predictedTop2: readonly string[]; readonly scores: Readonly<Record<string, number>> }

export interface EvalResults {
  readonly counts: { readonly lines: number; readonly hardNegatives: number; readonly pairs: number; readonly resumes: number };
  readonly skills: Prf & { readonly byCategory: Readonly<Record<string, Prf>>; readonly hardNegativesClean: number | null };
  readonly negation: FlagAccuracy;
  readonly hedging: FlagAccuracy;
  readonly responsibilities: Prf & { readonly tn: number };
  readonly roles: {
    readonly top1: number | null;
    readonly top2: number | null;
    /** Predicted top two equal the expected top two, in order. */
    readonly top2Order: number | null;
    /** confusion[intended][predicted top-1] = count. */
    readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  readonly errors: {
    readonly skills: readonly SkillError[];
    readonly negation: readonly FlagError[];
    readonly hedging: readonly FlagError[];
    readonly responsibilities: readonly ResponsibilityError[];
    readonly roles: readonly RoleResult[];
  };
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Loads the labelled set from test/eval (or another directory with the same layout). */
export function loadEvalSet(dir: string = EVAL_DIR): EvalSet {
  const lines = readJsonl<LabelledLine>(join(dir, 'lines.jsonl'));
  const pairs = readJsonl<LabelledPair>(join(dir, 'responsibilities.jsonl'));
  const manifest = JSON.parse(readFileSync(join(dir, 'resumes.json'), 'utf8')) as { resumes: LabelledResume[] };
  const files = new Set(readdirSync(join(dir, 'resumes')));
  const resumes = manifest.resumes.map((r) => {
    if (!files.has(r.file)) throw new Error(`eval: resumes.json names ${r.file}, which is not in test/eval/resumes`);
    const raw = readFileSync(join(dir, 'resumes', r.file), 'utf8');
    return { ...r, input: r.file.endsWith('.json') ? (JSON.parse(raw) as JsonResume) : raw };
  });
  return { lines, pairs, resumes };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : round(a / b));

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : round((2 * precision * recall) / (precision + recall));
  return { tp, fp, fn, precision, recall, f1 };
}

type Flag = 'credited' | 'negated' | 'hedged';

/** How the matcher reports each skill of a line: credited if any mention is plain, else negated, else hedged. */
function predictedFlags(found: readonly SkillMatch[]): Map<string, Set<Flag>> {
  const out = new Map<string, Set<Flag>>();
  for (const s of found) {
    const flags = new Set<Flag>();
    for (const e of s.evidence) flags.add(e.negated ? 'negated' : e.hedged ? 'hedged' : 'credited');
    out.set(s.id, flags);
  }
  return out;
}

function labelOf(line: LabelledLine, skill: string): string {
  if (line.skills.includes(skill)) return 'credited';
  if (line.negated.includes(skill)) return 'negated';
  if (line.hedged.includes(skill)) return 'hedged';
  return 'none';
}
function predictedOf(flags: Map<string, Set<Flag>>, skill: string): string {
  const f = flags.get(skill);
  return f ? [...f].sort().join('+') : 'absent';
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Runs the analyzer on the set and computes every figure. Deterministic for a given set and analyzer. */
export function computeMetrics(set: EvalSet = loadEvalSet(), analyzer: Analyzer = createAnalyzer()): EvalResults {
  const categoryOf = new Map(analyzer.taxonomy.skills.map((s) => [s.id, s.category as string]));
  const cat = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (skill: string, key: 'tp' | 'fp' | 'fn'): void => {
    const c = categoryOf.get(skill) ?? 'unknown';
    const v = cat.get(c) ?? { tp: 0, fp: 0, fn: 0 };
    v[key]++;
    cat.set(c, v);
  };
  let tp = 0, fp = 0, fn = 0, hardNegatives = 0, hardClean = 0;
  const skillErrors: SkillError[] = [];
  const flagStats = { negated: { labelled: 0, flagged: 0, falseFlags: 0 }, hedged: { labelled: 0, flagged: 0, falseFlags: 0 } };
  const flagErrors: { negated: FlagError[]; hedged: FlagError[] } = { negated: [], hedged: [] };

  for (const line of set.lines) {
    for (const s of [...line.skills, ...line.negated, ...line.hedged]) {
      if (!categoryOf.has(s)) throw new Error(`eval: line ${line.id} labels unknown skill "${s}"`);
    }
    const flags = predictedFlags(analyzer.extractSkills(line.text));
    const credited = new Set([...flags].filter(([, f]) => f.has('credited')).map(([id]) => id));
    const gold = new Set(line.skills);
    const fps = [...credited].filter((s) => !gold.has(s)).sort();
    const fns = [...gold].filter((s) => !credited.has(s)).sort();
    const tps = [...gold].filter((s) => credited.has(s));
    tp += tps.length; fp += fps.length; fn += fns.length;
    for (const s of tps) bump(s, 'tp');
    for (const s of fps) bump(s, 'fp');
    for (const s of fns) bump(s, 'fn');
    if (fps.length || fns.length) skillErrors.push({ id: line.id, falsePositives: fps, falseNegatives: fns });
    if (!line.skills.length && !line.negated.length && !line.hedged.length) {
      hardNegatives++;
      if (!credited.size) hardClean++;
    }
    for (const kind of ['negated', 'hedged'] as const) {
      const labelled = new Set(line[kind]);
      const st = flagStats[kind];
      for (const s of labelled) {
        st.labelled++;
        if (flags.get(s)?.has(kind)) st.flagged++;
        else flagErrors[kind].push({ id: line.id, skill: s, labelled: kind, predicted: predictedOf(flags, s) });
      }
      for (const [s, f] of flags) {
        if (f.has(kind) && !labelled.has(s)) {
          st.falseFlags++;
          flagErrors[kind].push({ id: line.id, skill: s, labelled: labelOf(line, s), predicted: predictedOf(flags, s) });
        }
      }
    }
  }

  // A pair is predicted to match when the report of the line alone lists the responsibility as matched with
  // evidence on that line (the line is the whole resume, so any evidence is on it).
  let rtp = 0, rfp = 0, rfn = 0, rtn = 0;
  const respErrors: ResponsibilityError[] = [];
  for (const pair of set.pairs) {
    const report = analyzer.analyzeResume(pair.line);
    const predicted = report.responsibilities.some((r) => r.id === pair.responsibility && r.matched && r.evidence.length > 0);
    if (predicted && pair.match) rtp++;
    else if (predicted) rfp++;
    else if (pair.match) rfn++;
    else rtn++;
    if (predicted !== pair.match) respErrors.push({ id: pair.id, responsibility: pair.responsibility, expected: pair.match, predicted });
  }

  const roleIds = analyzer.listRoles().map((r) => r.id);
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of roleIds) { confusion[a] = {}; for (const b of roleIds) confusion[a]![b] = 0; }
  let top1 = 0, top2 = 0, top2Order = 0;
  const roleResults: RoleResult[] = [];
  for (const r of set.resumes) {
    const report = analyzer.analyzeResume(r.input);
    const predictedTop2 = report.roles.slice(0, 2).map((x) => x.id);
    const scores: Record<string, number> = {};
    for (const x of report.roles) scores[x.id] = x.score;
    if (predictedTop2[0] === r.role) top1++;
    if (predictedTop2.includes(r.role)) top2++;
    if (predictedTop2[0] === r.top2[0] && predictedTop2[1] === r.top2[1]) top2Order++;
    const row = confusion[r.role];
    if (row && predictedTop2[0]) row[predictedTop2[0]] = (row[predictedTop2[0]] ?? 0) + 1;
    roleResults.push({ file: r.file, role: r.role, expectedTop2: [...r.top2], predictedTop2, scores });
  }

  const byCategory: Record<string, Prf> = {};
  for (const c of [...cat.keys()].sort()) { const v = cat.get(c)!; byCategory[c] = prf(v.tp, v.fp, v.fn); }
  const flagAcc = (s: { labelled: number; flagged: number; falseFlags: number }): FlagAccuracy => ({ ...s, accuracy: ratio(s.flagged, s.labelled) });
  const n = set.resumes.length;
  return {
    counts: { lines: set.lines.length, hardNegatives, pairs: set.pairs.length, resumes: n },
    skills: { ...prf(tp, fp, fn), byCategory, hardNegativesClean: ratio(hardClean, hardNegatives) },
    negation: flagAcc(flagStats.negated),
    hedging: flagAcc(flagStats.hedged),
    responsibilities: { ...prf(rtp, rfp, rfn), tn: rtn },
    roles: { top1: ratio(top1, n), top2: ratio(top2, n), top2Order: ratio(top2Order, n), confusion },
    errors: {
      skills: skillErrors.sort(byId),
      negation: flagErrors.negated.sort(byId),
      hedging: flagErrors.hedged.sort(byId),
      responsibilities: respErrors.sort(byId),
      roles: roleResults.filter((r) => r.predictedTop2[0] !== r.role || r.predictedTop2[1] !== r.expectedTop2[1]),
    },
  };
}

const pct = (x: number | null): string => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);
const ROLE_ABBR: Record<string, string> = {
  'health-technician': 'HT', 'emergency-room-technician': 'ER', 'health-aide': 'HA', 'emergency-medical-technician': 'EMT',
  'customer-care-technician': 'CCT', 'physical-therapy-assistant': 'PTA', 'psychiatric-technician': 'PSY', 'health-information-technician': 'HIT',
};
const abbr = (id: string): string => ROLE_ABBR[id] ?? id;

/** The human-readable report. */
export function formatResults(r: EvalResults, set?: EvalSet, verbose = false): string {
  const out: string[] = [];
  const c = r.counts;
  out.push(`resume-fit evaluation: ${c.lines} lines (${c.hardNegatives} hard negatives), ${c.pairs} responsibility pairs, ${c.resumes} resumes`);
  out.push('');
  out.push(`Skills (micro)      precision ${pct(r.skills.precision)}  recall ${pct(r.skills.recall)}  F1 ${pct(r.skills.f1)}   (tp ${r.skills.tp}, fp ${r.skills.fp}, fn ${r.skills.fn})`);
  for (const [k, v] of Object.entries(r.skills.byCategory)) {
    out.push(`  ${k.padEnd(17)} precision ${pct(v.precision)}  recall ${pct(v.recall)}  F1 ${pct(v.f1)}   (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`);
  }
  out.push(`  hard negatives with no skill credited: ${pct(r.skills.hardNegativesClean)}`);
  out.push(`Negation            flagged ${r.negation.flagged}/${r.negation.labelled} = ${pct(r.negation.accuracy)}   false flags ${r.negation.falseFlags}`);
  out.push(`Hedging             flagged ${r.hedging.flagged}/${r.hedging.labelled} = ${pct(r.hedging.accuracy)}   false flags ${r.hedging.falseFlags}`);
  const rs = r.responsibilities;
  out.push(`Responsibilities    precision ${pct(rs.precision)}  recall ${pct(rs.recall)}  F1 ${pct(rs.f1)}   (tp ${rs.tp}, fp ${rs.fp}, fn ${rs.fn}, tn ${rs.tn})`);
  out.push(`Roles               top-1 ${pct(r.roles.top1)}  top-2 ${pct(r.roles.top2)}  top-2 in expected order ${pct(r.roles.top2Order)}`);
  out.push('');
  const ids = Object.keys(r.roles.confusion);
  out.push(`Role confusion (rows: intended, columns: predicted top-1)`);
  out.push(`       ${ids.map((id) => abbr(id).padStart(4)).join('')}`);
  for (const a of ids) out.push(`  ${abbr(a).padEnd(4)} ${ids.map((b) => String(r.roles.confusion[a]![b] || '.').padStart(4)).join('')}`);
  if (verbose) {
    const text = new Map((set?.lines ?? []).map((l) => [l.id, l.text.replace(/\n/g, '\\n')]));
    const pairLine = new Map((set?.pairs ?? []).map((p) => [p.id, p.line]));
    out.push('', `Skill errors (${r.errors.skills.length} lines)`);
    for (const e of r.errors.skills) {
      const parts = [e.falsePositives.length ? `FP ${e.falsePositives.join(', ')}` : '', e.falseNegatives.length ? `FN ${e.falseNegatives.join(', ')}` : ''].filter(Boolean);
      out.push(`  ${e.id}  ${parts.join('; ')}  | ${text.get(e.id) ?? ''}`);
    }
    for (const [name, list] of [['Negation', r.errors.negation], ['Hedging', r.errors.hedging]] as const) {
      out.push('', `${name} errors (${list.length})`);
      for (const e of list) out.push(`  ${e.id}  ${e.skill}: labelled ${e.labelled}, predicted ${e.predicted}  | ${text.get(e.id) ?? ''}`);
    }
    out.push('', `Responsibility errors (${r.errors.responsibilities.length})`);
    for (const e of r.errors.responsibilities) out.push(`  ${e.id}  ${e.responsibility}: expected ${e.expected ? 'match' : 'no match'}, predicted ${e.predicted ? 'match' : 'no match'}  | ${pairLine.get(e.id) ?? ''}`);
    out.push('', `Role errors (top-1 wrong or second role not as expected: ${r.errors.roles.length})`);
    for (const e of r.errors.roles) {
      const top = Object.entries(e.scores).slice(0, 3).map(([id, s]) => `${abbr(id)} ${s}`).join(', ');
      out.push(`  ${e.file}  expected ${e.expectedTop2.map(abbr).join(' > ')}, got ${e.predictedTop2.map(abbr).join(' > ')}  (${top})`);
    }
  }
  return out.join('\n');
}

function main(argv: readonly string[]): void {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const set = loadEvalSet();
  const results = computeMetrics(set);
  process.stdout.write('== Own set (test/eval): written by the team; the matcher was tuned on it, so these figures measure that tuning\n');
  process.stdout.write(`${formatResults(results, set, verbose)}\n`);
  writeFileSync(join(EVAL_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  realSection(verbose);
  postingSection(verbose);
}

/** The job postings (test/postings): dev errors may be listed (--verbose); the test half's never are. */
function postingSection(verbose: boolean): void {
  const set = loadPostingSet();
  process.stdout.write('\n== Job postings (test/postings): real postings, labelled by hand before the parser ran\n');
  if (set.postings.length === 0) {
    process.stdout.write(`no texts in ${postingsDir()}: run \`npx tsx scripts/real.ts postings\` (needs the source snapshots); skipped\n`);
    return;
  }
  if (set.missing.length) process.stdout.write(`${set.missing.length} of ${set.missing.length + set.postings.length} texts missing from ${postingsDir()}; figures are over the rest\n`);
  const figures: Record<string, unknown> = {};
  for (const half of ['dev', 'test'] as const) {
    const f = postingFigures(set, half);
    process.stdout.write(`${formatPostings(half, f, verbose && half === 'dev')}\n`);
    const { errors: _errors, ...numbers } = f;
    figures[half] = numbers;
  }
  writeFileSync(join(EVAL_DIR, '../postings/results.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

function realSection(verbose: boolean): void {
  // The real set: dev errors may be listed (--verbose); the test half's never are, so nobody fixes against them.
  const real = loadRealSet();
  process.stdout.write('\n== Real resumes (test/real): nobody on the team wrote them\n');
  if (real.resumes.length === 0) {
    process.stdout.write(`no texts in ${realDir()}: run \`npx tsx scripts/real.ts build\` (needs the source snapshots); skipped\n`);
    return;
  }
  if (real.missing.length) process.stdout.write(`${real.missing.length} of ${real.missing.length + real.resumes.length} texts missing from ${realDir()}; figures are over the rest\n`);
  const figures: Record<string, unknown> = {};
  for (const half of ['dev', 'test'] as const) {
    const f = realFigures(real, half);
    process.stdout.write(`${formatReal(half, f, verbose && half === 'dev')}\n`);
    const { errors: _errors, ...numbers } = f;
    figures[half] = numbers;
  }
  writeFileSync(join(EVAL_DIR, '../real/results.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
