/**
 * The real-resume evaluation (test/real, see its README): skills on hand-labelled lines of real resumes nobody on the
 * team wrote, and roles on whole real resumes, reported for the dev half and the frozen test half apart.
 *
 * A line is scored as the library is used: the whole resume is analysed and the mentions on that line are what it
 * credits (so a line has its resume as context). Figures with each line analysed alone are reported too.
 */
import { createAnalyzer, type Analyzer } from '../src/index.js';
import { lastAtOrBefore } from '../src/search.js';
import { loadRealSet, type RealSet } from '../test/real/load.js';

/** Roles that are health care (customer care technician is the one comparison role outside it). */
export const HEALTH_ROLES = ['health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician'];

export interface RealFigures {
  readonly lines: number;
  readonly hardNegatives: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly hardNegativesClean: number | null;
  /** Precision and recall on the lines of health and service resumes, and on those of non-health resumes. */
  readonly byGroup: { readonly clinical: { readonly lines: number; readonly precision: number | null; readonly recall: number | null }; readonly nonHealth: { readonly lines: number; readonly precision: number | null; readonly recall: number | null } };
  /** The same three with each line analysed alone. */
  readonly alone: { readonly precision: number | null; readonly recall: number | null; readonly hardNegativesClean: number | null };
  readonly roleResumes: number;
  /** Best role is the expected one or an accepted neighbour. */
  readonly top1: number | null;
  /** Non-health resumes with no health-care history (`healthHistory` not true). */
  readonly nonHealthResumes: number;
  /** Highest score any of them reaches on a health role, and how many reach above 15. */
  readonly nonHealthMax: number | null;
  readonly nonHealthAbove15: number;
  /** The same for non-health resumes whose writer once worked in health care (reported, not held to 15). */
  readonly historyResumes: number;
  readonly historyMax: number | null;
  /** Health resumes (with or without a role) whose best role is customer care technician. */
  readonly healthResumes: number;
  readonly healthAsCustomerCare: number;
  readonly errors: {
    readonly lines: readonly { id: string; text: string; fp: string[]; fn: string[] }[];
    readonly roles: readonly { id: string; title: string; expected: string; got: string; scores: string }[];
    readonly nonHealth: readonly { id: string; title: string; role: string; score: number }[];
  };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** The skills credited (not negated or hedged) on each line of a text, by line index. */
function creditedByLine(analyzer: Analyzer, text: string): Map<number, Set<string>> {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineOf = (at: number): number => lastAtOrBefore(starts, at);
  const out = new Map<number, Set<string>>();
  for (const s of analyzer.extractSkills(text)) {
    for (const e of s.evidence) {
      if (e.negated || e.hedged) continue;
      // A mention that runs over a line break counts on each line it touches.
      for (let l = lineOf(e.start); l <= lineOf(Math.max(e.start, e.end - 1)); l++) {
        const set = out.get(l) ?? new Set<string>();
        set.add(s.id);
        out.set(l, set);
      }
    }
  }
  return out;
}

function credited(analyzer: Analyzer, line: string): Set<string> {
  return new Set(analyzer.extractSkills(line).filter((s) => s.evidence.some((e) => !e.negated && !e.hedged)).map((s) => s.id));
}

/** Every figure for one half of the set. */
export function realFigures(set: RealSet, half: 'dev' | 'test', analyzer: Analyzer = createAnalyzer()): RealFigures {
  const resumes = set.resumes.filter((r) => r.half === half);
  const lines = set.lines.filter((l) => l.half === half);
  const byResume = new Map(resumes.map((r) => [r.id, creditedByLine(analyzer, r.text)]));
  let tp = 0, fp = 0, fn = 0, hard = 0, clean = 0;
  let atp = 0, afp = 0, afn = 0, aclean = 0;
  const lineErrors: RealFigures['errors']['lines'][number][] = [];
  const groupOf = new Map(resumes.map((r) => [r.id, r.group]));
  const g = { clinical: { n: 0, tp: 0, fp: 0, fn: 0 }, nonHealth: { n: 0, tp: 0, fp: 0, fn: 0 } };
  for (const l of lines) {
    const gold = new Set(l.skills);
    const got = byResume.get(l.resume)?.get(l.line) ?? new Set<string>();
    const fps = [...got].filter((s) => !gold.has(s)).sort();
    const fns = [...gold].filter((s) => !got.has(s)).sort();
    tp += gold.size - fns.length; fp += fps.length; fn += fns.length;
    const gg = groupOf.get(l.resume) === 'nonhealth' ? g.nonHealth : g.clinical;
    gg.n++; gg.tp += gold.size - fns.length; gg.fp += fps.length; gg.fn += fns.length;
    const alone = credited(analyzer, l.text);
    atp += [...gold].filter((s) => alone.has(s)).length;
    afp += [...alone].filter((s) => !gold.has(s)).length;
    afn += [...gold].filter((s) => !alone.has(s)).length;
    if (!l.skills.length && !l.negated.length && !l.hedged.length) {
      hard++;
      if (!got.size) clean++;
      if (!alone.size) aclean++;
    }
    if (fps.length || fns.length) lineErrors.push({ id: l.id, text: l.text, fp: fps, fn: fns });
  }
  let roleN = 0, top1 = 0;
  const roleErrors: RealFigures['errors']['roles'][number][] = [];
  let nonHealthN = 0, nonHealthMax: number | null = null, above15 = 0, historyN = 0, historyMax: number | null = null, healthN = 0, asCct = 0;
  const nonHealthErrors: RealFigures['errors']['nonHealth'][number][] = [];
  for (const r of resumes) {
    const report = analyzer.analyzeResume(r.text);
    if (r.role) {
      roleN++;
      const best = report.roles[0]!;
      if (best.score > 0 && (best.id === r.role || (r.acceptable ?? []).includes(best.id))) top1++;
      else roleErrors.push({ id: r.id, title: r.title, expected: r.role, got: best.id, scores: report.roles.slice(0, 3).map((x) => `${x.id} ${x.score}`).join(', ') });
    }
    if (r.group === 'health') {
      healthN++;
      if (report.roles[0]!.id === 'customer-care-technician' && report.roles[0]!.score > 0) asCct++;
    }
    if (r.group === 'nonhealth') {
      const top = report.roles.filter((x) => HEALTH_ROLES.includes(x.id)).sort((a, b) => b.score - a.score)[0]!;
      if (r.healthHistory === true) {
        historyN++;
        if (historyMax === null || top.score > historyMax) historyMax = top.score;
      } else {
        nonHealthN++;
        if (nonHealthMax === null || top.score > nonHealthMax) nonHealthMax = top.score;
        if (top.score > 15) { above15++; nonHealthErrors.push({ id: r.id, title: r.title, role: top.id, score: top.score }); }
      }
    }
  }
  return {
    lines: lines.length, hardNegatives: hard, tp, fp, fn,
    precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), hardNegativesClean: ratio(clean, hard),
    alone: { precision: ratio(atp, atp + afp), recall: ratio(atp, atp + afn), hardNegativesClean: ratio(aclean, hard) },
    byGroup: {
      clinical: { lines: g.clinical.n, precision: ratio(g.clinical.tp, g.clinical.tp + g.clinical.fp), recall: ratio(g.clinical.tp, g.clinical.tp + g.clinical.fn) },
      nonHealth: { lines: g.nonHealth.n, precision: ratio(g.nonHealth.tp, g.nonHealth.tp + g.nonHealth.fp), recall: ratio(g.nonHealth.tp, g.nonHealth.tp + g.nonHealth.fn) },
    },
    roleResumes: roleN, top1: ratio(top1, roleN), nonHealthResumes: nonHealthN, nonHealthMax, nonHealthAbove15: above15,
    historyResumes: historyN, historyMax, healthResumes: healthN, healthAsCustomerCare: asCct,
    errors: { lines: lineErrors, roles: roleErrors, nonHealth: nonHealthErrors },
  };
}

const pct = (x: number | null): string => (x === null ? '  n/a' : x.toFixed(3));

/** One block of text per half. */
export function formatReal(half: string, f: RealFigures, verbose = false): string {
  const out = [
    `Real resumes, ${half} half: ${f.lines} lines (${f.hardNegatives} hard negatives)`,
    `  skills (in resume)  precision ${pct(f.precision)}  recall ${pct(f.recall)}  hard negatives clean ${pct(f.hardNegativesClean)}   (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`,
    `  skills (line alone) precision ${pct(f.alone.precision)}  recall ${pct(f.alone.recall)}  hard negatives clean ${pct(f.alone.hardNegativesClean)}`,
    `  by resume group     health and service resumes (${f.byGroup.clinical.lines} lines): precision ${pct(f.byGroup.clinical.precision)} recall ${pct(f.byGroup.clinical.recall)};  non-health (${f.byGroup.nonHealth.lines} lines): precision ${pct(f.byGroup.nonHealth.precision)} recall ${pct(f.byGroup.nonHealth.recall)}`,
    `  roles top-1 (accepted neighbours) ${pct(f.top1)} of ${f.roleResumes}   health resumes ranked customer care technician first: ${f.healthAsCustomerCare} of ${f.healthResumes}`,
    `  non-health resumes (${f.nonHealthResumes}): highest health-role score ${f.nonHealthMax ?? 'n/a'}, above 15: ${f.nonHealthAbove15}   (${f.historyResumes} more with past health-care work: highest ${f.historyMax ?? 'n/a'})`,
  ];
  if (verbose) {
    for (const e of f.errors.lines) out.push(`    line ${e.id}: fp [${e.fp.join(', ')}] fn [${e.fn.join(', ')}]  ${JSON.stringify(e.text)}`);
    for (const e of f.errors.roles) out.push(`    role ${e.id} (${e.title}): expected ${e.expected}, got ${e.got} (${e.scores})`);
    for (const e of f.errors.nonHealth) out.push(`    non-health ${e.id} (${e.title}): ${e.role} ${e.score}`);
  }
  return out.join('\n');
}
