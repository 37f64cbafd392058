/**
 * Scoring a resume against a parsed job posting. The posting becomes a role table like the built-in roles' (its
 * items the profile, required and preferred the components), and the resume is read and scored by the same code
 * as `analyzeResume` (`resumeEvidence`, `tableItems`, `bestTitleItem`, `allocateShares`): the same evidence, gates and
 * rounding, so the contributions add up exactly to the score. Years asked are a third component, measured against
 * the resume's months (only with `asOf`: without a date, open-ended jobs have no length).
 */
import { bestTitleItem, checkOptions, compiledOf, defaultAnalyzer, resumeEvidence, tableItems, TITLE_POINTS, type Analyzer, type Compiled, type RoleTable } from '../analyze.js';
import { InvalidInputError, InvalidOptionsError } from '../errors.js';
import { postingGap } from '../explain.js';
import { asOfMonth, monthsOfUnion } from '../experience/index.js';
import type { JsonResume } from '../text/json-resume.js';
import type { Evidence } from '../match/skills.js';
import { allocateShares, bandOf, type Band, type ComponentName, type Contribution, type Gap, type ScoreItem, type Shares } from '../score.js';
import type { RoleId, SkillId } from '../taxonomy.js';
import { compileTitles, matchTitle, type TitleMatcher } from '../titles.js';
import type { ItemStatus, JobPosting } from './parse.js';

/** Points of a posting's components (a component the posting has no entries for gives its points to the others). */
export const POSTING_POINTS: Readonly<Record<'required' | 'preferred' | 'years', number>> = { required: 65, preferred: 20, years: 15 };

/**
 * Weight of an item in its component, by category: a named credential weighs most (a posting that asks a CNA
 * licence ranks the resume that holds one first), the generic "certification", soft skills, settings and
 * populations least.
 */
export function itemWeight(category: string, id: string): number {
  if (id === 'certification') return 1;
  if (category === 'credential') return 3;
  if (category === 'soft' || category === 'setting' || category === 'population') return 1;
  return 2;
}

/**
 * Options of `matchJob`.
 * @example
 * matchJob(resume, posting, { asOf: '2026-11-24', analyzer: createAnalyzer({ taxonomy }) })
 */
export interface MatchJobOptions {
  /** The analyzer whose taxonomy the posting was parsed with (default: the bundled taxonomy). */
  readonly analyzer?: Analyzer<string, string>;
  /** 'YYYY-MM-DD': the date experience is measured against; without it, years asked are not scored. */
  readonly asOf?: string;
  readonly maxInputLength?: number;
}

/**
 * An item of the posting the resume shows, with the resume's evidence (best first).
 * @example
 * matchJob(resume, posting).shown[0] // { id: 'phlebotomy', label: 'Phlebotomy', status: 'required', strength: 1, evidence: [...] }
 */
export interface ShownItem<S extends string = string> {
  readonly id: S;
  readonly label: string;
  readonly status: ItemStatus;
  /** The resume's strength for it, in (0, 1], before the gates scoring applies. */
  readonly strength: number;
  readonly evidence: readonly Evidence[];
}

/**
 * Years the posting asks, against the resume's months (with `asOf`).
 * @example
 * matchJob(resume, posting, { asOf }).years[0] // { skill: 'phlebotomy', years: 2, status: 'required', months: 30, met: true }
 */
export interface YearsFit<S extends string = string> {
  readonly skill: S | null;
  readonly years: number;
  readonly status: ItemStatus;
  /** The resume's months in that skill (or in all its jobs, for general experience); null without `asOf`. */
  readonly months: number | null;
  /** months >= 12 × years; null without `asOf`. */
  readonly met: boolean | null;
}

/**
 * How well a resume fits one job posting, explained like a role's fit.
 * @example
 * const fit = matchJob(resumeText, parseJobPosting(postingText), { asOf: '2026-11-24' })
 * fit.score                     // 0-100, the sum of fit.contributions[].points
 * fit.missing[0]                // { skill: 'bls', component: 'required', why: 'The posting requires BLS (basic life support).', suggestion: '...' }
 */
export interface JobMatch<R extends string = string, S extends string = string> {
  /** 0 to 100, two decimals; the sum of `contributions[].points`. */
  readonly score: number;
  readonly band: Band;
  /** The posting's title and its closest role (from the posting). */
  readonly title: string | null;
  readonly role: R | null;
  /** Components `required`, `preferred`, `years` and `titles` (a resume job title like the posting's). */
  readonly contributions: readonly Contribution[];
  /** The items the resume does not show: required first, then preferred, heaviest first (ties by id). */
  readonly missing: readonly Gap<S>[];
  /** The items the resume shows, in the posting's order. */
  readonly shown: readonly ShownItem<S>[];
  readonly years: readonly YearsFit<S>[];
  /** For JSON Resume input: the text rendering that evidence offsets point into. */
  readonly text?: string;
  /** Why the score is 0, when it is. */
  readonly reason?: string;
}

interface Prepared {
  readonly c: Compiled;
  readonly table: RoleTable;
  readonly titles: TitleMatcher | null;
  readonly titleId: string;
  readonly years: readonly { readonly skill: string | null; readonly index: number; readonly years: number; readonly status: ItemStatus; readonly label: string }[];
}

// What does not depend on the resume is worked out once per posting object (and analyzer): a ranking of many
// resumes against one posting pays for it once.
const preparedCache = new WeakMap<object, Prepared>();

function fail(message: string): never {
  throw new InvalidInputError('ERR_INVALID_INPUT', `resume-fit: ${message}`);
}

function prepare(c: Compiled, posting: JobPosting): Prepared {
  const cached = preparedCache.get(posting);
  if (cached && cached.c === c) return cached;
  if (typeof posting !== 'object' || posting === null || !Array.isArray(posting.items) || !Array.isArray(posting.years)) {
    fail('matchJob expects a posting from parseJobPosting (an object with "items" and "years" arrays); parse the posting text first.');
  }
  const role = posting.role && typeof posting.role.id === 'string' ? c.rolesById.get(posting.role.id) : undefined;
  const entries: RoleTable['entries'][number][] = [];
  const totals = { required: 0, preferred: 0, years: 0 };
  let healthCareEntries = 0;
  posting.items.forEach((item, k) => {
    const index = typeof item?.id === 'string' ? c.skillTable.index.get(item.id) : undefined;
    if (index === undefined) fail(`posting item ${k} (${typeof item?.id === 'string' ? `"${item.id.slice(0, 60)}"` : typeof item?.id}) is not a skill of this analyzer's taxonomy; parse the posting with the analyzer you match with.`);
    if (item.status !== 'required' && item.status !== 'preferred') fail(`posting item ${k} has status ${JSON.stringify(String(item.status).slice(0, 20))}; it must be "required" or "preferred".`);
    const skill = c.skillTable.skills[index]!;
    const weight = itemWeight(skill.category, skill.id);
    totals[item.status as ItemStatus] += weight;
    if (c.skillTable.healthCare[index] === 1) healthCareEntries++;
    entries.push({ skill, index, rank: c.idRank.get(skill.id)!, weight, component: item.status, gated: false, recent: skill.category !== 'credential' && skill.category !== 'soft' });
  });
  // Health care is the closest role's (its data says), else the posting's own items: two health-care skills.
  const health = role ? role.healthCare !== false : healthCareEntries >= 2;
  const gatedEntries = entries.map((e) => (e.skill.generic === true && health ? { ...e, gated: true } : e));
  const years = posting.years.map((y, k) => {
    const index = y?.skill === null ? -1 : typeof y?.skill === 'string' ? c.skillTable.index.get(y.skill) ?? -2 : -2;
    if (index === -2) fail(`posting years ${k} names skill ${JSON.stringify(String(y?.skill).slice(0, 60))}, not a skill of this analyzer's taxonomy; parse the posting with the analyzer you match with.`);
    if (!(typeof y.years === 'number' && y.years > 0 && y.years < 100)) fail(`posting years ${k} asks ${String(y.years)} years; it must be a number over 0.`);
    const label = `${y.years} year${y.years === 1 ? '' : 's'} of ${index >= 0 ? c.skillTable.skills[index]!.label.toLowerCase() : 'experience'}`;
    return { skill: y.skill, index, years: y.years, status: y.status === 'preferred' ? 'preferred' as const : 'required' as const, label };
  });
  totals.years = years.length;
  const parts: { component: ComponentName; points: number; denom: number }[] = [];
  let base = 0;
  // Saturation as for roles: a resume need not show every item of a long posting (80% of the required weight earns
  // all of its points, between 3 and 16 weight: requirements are a checklist more than a role's profile is), nor every preferred one; every year asked counts.
  if (totals.required > 0) { base += POSTING_POINTS.required; parts.push({ component: 'required', points: POSTING_POINTS.required, denom: Math.max(3, Math.min(0.8 * totals.required, 16)) }); }
  if (totals.preferred > 0) { base += POSTING_POINTS.preferred; parts.push({ component: 'preferred', points: POSTING_POINTS.preferred, denom: Math.max(1.5, Math.min(0.5 * totals.preferred, 6)) }); }
  const yearsPart = totals.years > 0 ? { component: 'years' as const, points: POSTING_POINTS.years, denom: totals.years } : null;
  const shares: Shares = { base, parts };
  const titleNames = [...new Set([...(typeof posting.title === 'string' && posting.title.trim() ? [posting.title.trim()] : []), ...(role ? role.titles : [])])];
  const titleId = role?.id ?? 'posting';
  const prepared: Prepared = {
    c,
    table: { entries: gatedEntries, healthCareEntries, health, shares: yearsPart ? { base: base + yearsPart.points, parts: [...parts, yearsPart] } : shares, responsibilities: [] },
    titles: titleNames.length ? compileTitles([{ id: titleId, title: titleNames[0]!, titles: titleNames }]) : null,
    titleId,
    years,
  };
  preparedCache.set(posting, prepared);
  return prepared;
}

/** The posting's shares without the years component (no `asOf`: years cannot be measured). */
function withoutYears(s: Shares): Shares {
  const parts = s.parts.filter((p) => p.component !== 'years');
  return parts.length === s.parts.length ? s : { base: parts.reduce((a, p) => a + p.points, 0), parts };
}

export function matchJobWith(c: Compiled, resume: string | JsonResume, posting: JobPosting, options: MatchJobOptions | undefined): JobMatch {
  const asOf = options?.asOf;
  if (asOf !== undefined) asOfMonth(asOf);
  const p = prepare(c, posting);
  const ev = resumeEvidence(c, resume, options);
  const items: ScoreItem[] = tableItems(c, p.table, ev.strengths, ev.shown, ev.respItems, ev.timeline);
  const yearsFits: YearsFit[] = [];
  if (asOf !== undefined) {
    const entries = ev.timeline.entries;
    const all = p.years.some((y) => y.index < 0) ? monthsOfUnion(entries.map((e) => e.range), { asOf }).months : 0;
    // Years in general count as far as the resume shows the work asked: a software career's ten years are not
    // experience for a CNA posting. The share of the required component's saturation the resume earns.
    const req = p.table.shares.parts.find((x) => x.component === 'required');
    let earned = 0;
    for (const it of items) if (it.component === 'required') earned += it.weight * it.strength;
    const relevance = req ? Math.min(1, earned / req.denom) : 1;
    for (const y of p.years) {
      const skill = y.index >= 0 ? ev.timeline.skills.find((s) => s.id === y.skill) : undefined;
      const months = y.index >= 0 ? skill?.experience?.months ?? 0 : all;
      yearsFits.push({ skill: y.skill, years: y.years, status: y.status, months, met: months >= y.years * 12 });
      const strength = Math.round(Math.min(1, months / (y.years * 12)) * (y.index >= 0 ? 1 : relevance) * 1000) / 1000;
      // Evidence: the skill's best evidence, or the latest job's title for experience in general.
      const latest = ev.timeline.latest;
      const evidence: readonly Evidence[] = y.index >= 0 ? ev.strengths.byIndex[y.index]?.evidence ?? []
        : latest && latest.title && latest.titleStart >= 0 ? [{ start: latest.titleStart, end: latest.titleEnd, text: latest.title, section: null, kind: 'exact', negated: false, hedged: false, confidence: 1 }] : [];
      // Required years weigh twice preferred ones.
      if (strength > 0) items.push({ component: 'years', id: y.skill ?? 'experience', label: y.label, weight: y.status === 'required' ? 1 : 0.5, strength, evidence });
    }
  } else for (const y of p.years) yearsFits.push({ skill: y.skill, years: y.years, status: y.status, months: null, met: null });
  const titles = p.titles;
  const title = titles ? bestTitleItem(ev.timeline, p.titleId, c.idRank.get(p.titleId), (i) => { const t = ev.timeline.entries[i]!.title; return t ? matchTitle(titles, t)[0] : undefined; }) : null;
  if (title) items.push(title);
  const shares = asOf !== undefined ? p.table.shares : withoutYears(p.table.shares);
  const { contributions, score } = allocateShares(items, shares, title ? { component: 'titles', points: TITLE_POINTS } : null);
  const shown: ShownItem[] = [];
  const missing: Gap[] = [];
  const yearsOf = new Map(p.years.filter((y) => y.skill !== null).map((y) => [y.skill!, y.years]));
  for (const e of p.table.entries) {
    const s = ev.strengths.byIndex[e.index];
    if (s && s.strength > 0) shown.push({ id: e.skill.id, label: e.skill.label, status: e.component as ItemStatus, strength: s.strength, evidence: s.evidence });
    else missing.push(postingGap(e.skill, e.component as ItemStatus, e.weight, yearsOf.get(e.skill.id) ?? null));
  }
  missing.sort((a, b) => (a.component === b.component ? 0 : a.component === 'required' ? -1 : 1) || b.weight - a.weight || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
  const fit: JobMatch = { score, band: bandOf(score), title: posting.title ?? null, role: posting.role?.id ?? null, contributions, missing, shown, years: yearsFits };
  const withText = ev.rendered !== undefined ? { ...fit, text: ev.rendered } : fit;
  if (score > 0) return withText;
  const reason = !posting.items.length && !posting.years.length ? 'the posting asks for no skill of the taxonomy'
    : ev.notAResume ? 'the JSON has no resume fields' : !ev.text.trim() ? 'the resume is empty'
    : 'the resume shows none of the items the posting asks for';
  return { ...withText, reason };
}

/** The compiled taxonomy of `options.analyzer`, or the default one. */
export function compiledFor(analyzer: unknown, option = 'analyzer'): Compiled {
  if (analyzer === undefined) return compiledOf(defaultAnalyzer())!;
  const c = compiledOf(analyzer);
  if (!c) throw new InvalidOptionsError(option, `resume-fit: options.${option} must be an analyzer from createAnalyzer(), got ${analyzer === null ? 'null' : typeof analyzer}.`);
  return c;
}

export { checkOptions };
export type { RoleId, SkillId };
