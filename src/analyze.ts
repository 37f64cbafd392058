/**
 * The analyzer: compiles a taxonomy once and runs the pipeline
 * normalize -> tokenize -> sections -> match skills -> match responsibilities -> score -> explain.
 */
import { InvalidInputError, InvalidOptionsError } from './errors.js';
import { compare, compileExplainer, findGaps, type Explainer, type RoleComparison } from './explain.js';
import { entrySegments, hasNoResumeFields, parseJsonResume, pathAt, renderJsonResume, type JsonResume, type PathSegment } from './text/json-resume.js';
import { compileResponsibilities, matchResponsibilities, RESPONSIBILITY_THRESHOLD, type ResponsibilityMatcher } from './match/responsibilities.js';
import { compileSkills, findMentions, type Evidence, type RawMention, type SkillMatch, type SkillMatcher } from './match/skills.js';
import { normalizeText, originalEndIn, originalStartIn, toOriginalSpan, type NormalizedText } from './text/normalize.js';
import { lastAtOrBeforeFrom } from './search.js';
import { allocateShares, bandOf, componentOf, healthCareShown, HEALTH_CONTEXT_SKILLS, sharesOf, skillStrengths, skillTable, GENERIC_FLOOR, type ComponentName, type RoleFit, type ScoreItem, type Shares, type SkillTable, type Strengths } from './score.js';
import { compileHeadings, findSections, type HeadingTable, type SectionKind, type SectionMap } from './text/sections.js';
import { defaultTaxonomy, validateTaxonomy, type Responsibility, type Role, type RoleId, type Skill, type SkillId, type Taxonomy } from './taxonomy.js';
import { GAP_BLANK_LINE, tokenize, type Token } from './text/tokenize.js';
import { asOfMonth, monthsSinceEnd, parseExperience, parseJsonResumeWork, recencyFactor, skillExperience, type ExperienceCache, type ExperienceEntry } from './experience/index.js';
import { compileTitles, matchTitleMemo, type TitleMatcher } from './titles.js';
import { stableSort } from './sort.js';

/**
 * Default `maxInputLength`: 2,000,000 characters, about 400 pages of text.
 * @example
 * analyzeResume(hugeText, { maxInputLength: DEFAULT_MAX_INPUT_LENGTH * 2 })
 */
export const DEFAULT_MAX_INPUT_LENGTH = 2_000_000;

/**
 * Options of `createAnalyzer`.
 * @example
 * createAnalyzer({ taxonomy: { ...defaultTaxonomy, skills: [...defaultTaxonomy.skills, mySkill] } })
 */
export interface AnalyzerOptions {
  /** A custom taxonomy (validated; a TaxonomyError lists every issue). Default: the bundled taxonomy. */
  readonly taxonomy?: Taxonomy | unknown;
}

/**
 * Options of `analyzeResume`.
 * @example
 * analyzeResume(text, { target: 'emergency-room-technician', asOf: '2026-11-24', maxInputLength: 500_000 })
 */
export interface AnalyzeOptions<R extends string = string> {
  /** The role to report as `target`. Default: the taxonomy's reference role (`health-technician`), else its first role. */
  readonly target?: R;
  /** Longest input accepted, in characters (for JSON Resume: of its rendering). Default 2,000,000. */
  readonly maxInputLength?: number;
  /**
   * Today's date, 'YYYY-MM-DD' (or 'YYYY-MM'): what "Present" means, and what recency is measured against. The
   * library never reads a clock: without `asOf`, skills carry no `experience` and scores use no recency (job titles
   * still count). The CLI passes today's date unless `--as-of` is given.
   */
  readonly asOf?: string;
}

/**
 * Options of `extractSkills`.
 * @example
 * extractSkills(text, { maxInputLength: 100_000 })
 */
export interface ExtractOptions {
  readonly maxInputLength?: number;
}

/**
 * A responsibility phrase the resume shows, with the lines that show it.
 * @example
 * analyzeResume(text).responsibilities[0] // { id: 'ekg-testing-monitoring', similarity: 0.62, matched: true, evidence: [...] }
 */
export interface ResponsibilityMatch {
  readonly id: string;
  /** The phrase as the seed gives it. */
  readonly text: string;
  /** Best line similarity in [0, 1]. */
  readonly similarity: number;
  /** similarity >= RESPONSIBILITY_THRESHOLD. */
  readonly matched: boolean;
  readonly evidence: readonly (Omit<Evidence, 'kind' | 'negated' | 'hedged' | 'confidence'> & { readonly similarity: number })[];
}

/**
 * A job or volunteer entry found in the resume (offsets into the analysed text).
 * @example
 * analyzeResume(text, { asOf: '2026-11-24' }).experience[0] // { title: 'ER Technician', employer: 'Mercy', from: '2021-03', to: 'present', months: 69, ... }
 */
export interface ExperienceRecord {
  readonly title: string | null;
  readonly employer: string | null;
  /** The entry's text span: its header line(s) and bullets; null for a JSON Resume entry with no text to render. */
  readonly start: number | null;
  readonly end: number | null;
  /** First month, 'YYYY-MM', or null when the entry has no dates. */
  readonly from: string | null;
  /** Last month, 'YYYY-MM', 'present', or null. */
  readonly to: string | null;
  /** Months covered; null when unknown (no dates, or an open range without `asOf`). */
  readonly months: number | null;
  readonly section: string | null;
  /** For JSON Resume: `work[0]`, `volunteer[1]`. */
  readonly path?: string;
}

/**
 * How long and how recently a skill was used (only with `options.asOf`).
 * @example
 * analyzeResume(text, { asOf: '2026-11-24' }).skills[0].experience // { months: 69, lastUsed: '2026-11', entries: [0] }
 */
export interface SkillExperienceInfo {
  /** Months of the entries that mention the skill, overlapping entries counted once. */
  readonly months: number;
  /** Last month the skill was used, 'YYYY-MM', or null when no mentioning entry has dates. */
  readonly lastUsed: string | null;
  /** Indices into `report.experience` of the entries that mention it. */
  readonly entries: readonly number[];
}

/**
 * A skill found, with its timeline when `asOf` was given.
 * @example
 * for (const s of analyzeResume(text, { asOf }).skills) console.log(s.label, s.experience?.months)
 */
export type ReportSkill<S extends string = string> = TypedSkillMatch<S> & { readonly experience?: SkillExperienceInfo };

/**
 * A skill found in text with every piece of its evidence; `id` is a `SkillId` from the default analyzer.
 * @example
 * extractSkills('BLS certified')[0] // { id: 'bls', label: 'BLS (basic life support)', category: 'credential', evidence: [...] }
 */
export interface TypedSkillMatch<S extends string = string> extends Omit<SkillMatch, 'id'> {
  readonly id: S;
}

/**
 * A section of the analysed text (offsets into the analysed text).
 * @example
 * analyzeResume(text).sections // [{ kind: 'experience', heading: 'PROFESSIONAL EXPERIENCE', start: 120, end: 940 }, ...]
 */
export interface SectionSpan { readonly kind: SectionKind; readonly heading: string; readonly start: number; readonly end: number }

/**
 * Everything resume-fit found and concluded about one resume.
 * @example
 * const report: AnalysisReport = analyzeResume(text)
 * report.roles[0].id // best-fitting role
 */
export interface AnalysisReport<R extends string = string, S extends string = string> {
  /** The target role's fit (also in `roles`). */
  readonly target: RoleFit<R, S>;
  /** Every role's fit, best first (ties by role id). */
  readonly roles: readonly RoleFit<R, S>[];
  /** The skills found, in order of first mention; with `asOf`, each with its `experience`. */
  readonly skills: readonly ReportSkill<S>[];
  /** The job and volunteer entries found, in order, with titles and dates. */
  readonly experience: readonly ExperienceRecord[];
  /** Responsibility phrases the resume shows, best first. */
  readonly responsibilities: readonly ResponsibilityMatch[];
  readonly sections: readonly SectionSpan[];
  /** Why the target role compares as it does with the best other role. */
  readonly comparison: RoleComparison<R>;
  /** For JSON Resume input: the text rendering that evidence offsets point into. */
  readonly text?: string;
  /** Why every score is 0, when that is so. */
  readonly reason?: string;
}

/**
 * Role summary for listings.
 * @example
 * listRoles()[0] // { id: 'health-technician', title: 'Health Technician', description: '...', onetSoc: ['29-2099.00'] }
 */
export interface RoleInfo<R extends string = string> { readonly id: R; readonly title: string; readonly description: string; readonly onetSoc: readonly string[] }

/**
 * A compiled taxonomy with the verbs that use it; create one and reuse it for many resumes. `R` and `S` are its
 * role and skill ids: `RoleId` and `SkillId` for the default taxonomy (`createAnalyzer()`), `string` for a custom one.
 * @example
 * const analyzer = createAnalyzer()          // Analyzer<RoleId, SkillId>
 * analyzer.analyzeResume(text, { target: 'health-aide' }).target.score
 */
export interface Analyzer<R extends string = string, S extends string = string> {
  analyzeResume(input: string | JsonResume, options?: AnalyzeOptions<R>): AnalysisReport<R, S>;
  extractSkills(text: string, options?: ExtractOptions): TypedSkillMatch<S>[];
  listRoles(): RoleInfo<R>[];
  compareRoles(report: AnalysisReport, a: R, b: R): RoleComparison<R>;
  readonly taxonomy: Taxonomy;
}

export interface Compiled {
  readonly taxonomy: Taxonomy;
  readonly skills: SkillMatcher;
  readonly resp: ResponsibilityMatcher;
  readonly skillsById: ReadonlyMap<string, Skill>;
  /** The taxonomy's skills by position (the index of a resume's strengths). */
  readonly skillTable: SkillTable;
  readonly rolesById: ReadonlyMap<string, Role>;
  readonly responsibilityById: ReadonlyMap<string, Responsibility>;
  /** Each role's responsibility ids, in taxonomy order. */
  readonly responsibilitiesByRole: ReadonlyMap<string, readonly string[]>;
  /** Responsibility id to its position in the taxonomy. */
  readonly responsibilityIndex: ReadonlyMap<string, number>;
  readonly titles: TitleMatcher;
  /** Section headings of the taxonomy's lexicon (a custom lexicon's own headings). */
  readonly headings: HeadingTable;
  /** Every skill, responsibility and role id to its place in string order (see ScoreItem.rank). */
  readonly idRank: ReadonlyMap<string, number>;
  /** Per role id: its profile compiled for scoring. */
  readonly roleTables: ReadonlyMap<string, RoleTable>;
  /** The taxonomy's sentences (a custom taxonomy's own, else the default's) with the gap and comparison texts made from them. */
  readonly explainer: Explainer;
}

export function checkLength(length: number, options: { maxInputLength?: number } | undefined): void {
  const max = options?.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  if (typeof max !== 'number' || !Number.isInteger(max) || max <= 0) {
    throw new InvalidOptionsError('maxInputLength', `resume-fit: options.maxInputLength must be a positive whole number of characters, got ${typeof max === 'number' ? String(max) : typeof max}.`);
  }
  if (length > max) {
    throw new InvalidInputError('ERR_INPUT_TOO_LARGE', `resume-fit: the input is ${length.toLocaleString('en-US')} characters, over maxInputLength (${max.toLocaleString('en-US')}). Raise options.maxInputLength or split the input.`);
  }
}

export function checkOptions(options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionsError('options', `resume-fit: options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}.`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new InvalidOptionsError(key, `resume-fit: unknown option "${key.slice(0, 40)}"; the options are ${allowed.join(', ')}.`);
  }
}

export interface Extraction {
  readonly skills: SkillMatch[];
  /** Each skill's position in the taxonomy (skills[k] is taxonomy skill positions[k]). */
  readonly positions: readonly number[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly RawMention[];
  readonly toOriginal: (first: number, last: number) => [number, number];
  readonly sectionOfLine: (line: number) => SectionKind | null;
  readonly sections: SectionSpan[];
  readonly norm: NormalizedText;
  readonly sectionMap: SectionMap;
}

/** Index of the first token that starts at or after `at` (tokens.length when none does). Binary search. */
function firstTokenFrom(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** One piece of evidence, built as a literal in its final key order (an object spread here costs more than the match). */
function evidenceOf(start: number, end: number, text: string, section: SectionKind | null, m: RawMention, path: string | undefined): Evidence {
  const { kind, negated, hedged, confidence, cue } = m;
  if (cue === undefined) {
    return path === undefined ? { start, end, text, section, kind, negated, hedged, confidence } : { start, end, text, section, kind, negated, hedged, confidence, path };
  }
  return path === undefined ? { start, end, text, section, kind, negated, hedged, confidence, cue } : { start, end, text, section, kind, negated, hedged, confidence, cue, path };
}

export function extract(c: Compiled, input: string, segments: readonly PathSegment[] | null): Extraction {
  const norm = normalizeText(input);
  const sectionMap = findSections(norm.text, c.headings);
  const tokens = tokenize(norm.text, c.skills.words);
  // A heading is a hard boundary: a phrase never runs into or out of it ("patient\nEDUCATION" is no skill), so
  // the order of sections cannot change what is found. Each boundary (a section's start, its heading's end) marks
  // the first token at or after it, unless that is the first token.
  const secs = sectionMap.sections;
  for (const s of secs) {
    for (const at of [s.start, s.headingEnd]) {
      const i = firstTokenFrom(tokens, at);
      if (i > 0 && i < tokens.length) (tokens[i] as { gap: number }).gap |= GAP_BLANK_LINE;
    }
  }
  const identity = norm.segNorm === null;
  const toOriginal = (first: number, last: number): [number, number] => toOriginalSpan(norm, tokens[first]!.start, tokens[last]!.end);
  const lineKinds = sectionMap.lineKinds;
  const sectionOfLine = (line: number): SectionKind | null => lineKinds[line] ?? null;
  // Heading words ("CERTIFICATIONS", "Clinical Skills:") name a section; they are not evidence of a skill.
  // Mentions and sections are both in text order: one merge pass.
  const found = findMentions(c.skills, tokens);
  const mentions: RawMention[] = [];
  // Evidence per skill index, and the skill indices in order of first mention.
  const bySkill: (Evidence[] | undefined)[] = new Array(c.skills.skills.length);
  const order: number[] = [];
  let k = 0;
  const segNorm = identity || norm.segNorm!.length === 0 ? null : norm.segNorm;
  let ks = 0;
  let ke = 0;
  for (const m of found) {
    const first = tokens[m.first]!;
    const at = first.start;
    while (k < secs.length && secs[k]!.headingEnd <= at) k++;
    if (k < secs.length && at >= secs[k]!.start) continue;
    mentions.push(m);
    let start = at;
    let end = tokens[m.last]!.end;
    if (segNorm !== null) {
      // Mentions come in text order: each segment cursor moves forward over the text once in all (a nested mention
      // may step back a little), instead of a bisection per mention.
      ks = lastAtOrBeforeFrom(segNorm, start, ks);
      start = originalStartIn(norm, start, ks);
      ke = lastAtOrBeforeFrom(segNorm, end - 1, ke);
      end = originalEndIn(norm, end - 1, ke);
    }
    const e = evidenceOf(start, end, input.slice(start, end), lineKinds[first.line] ?? null, m, segments ? pathAt(segments, start) : undefined);
    const list = bySkill[m.skill];
    if (list) list.push(e); else { bySkill[m.skill] = [e]; order.push(m.skill); }
  }
  // Order of first mention; ties (two skills first found at one offset) by id.
  const skills: SkillMatch[] = order.map((idx) => { const s = c.skills.skills[idx]!; return { id: s.id, label: s.label, category: s.category, evidence: bySkill[idx]! }; });
  // Already in order of first mention but for ties at one offset; sorting is needed only when a tie is out of order.
  const bySkillOrder = (a: SkillMatch, b: SkillMatch): number => a.evidence[0]!.start - b.evidence[0]!.start || (a.id < b.id ? -1 : 1);
  let positions: number[] = order;
  for (let i = 1; i < skills.length; i++) {
    if (bySkillOrder(skills[i - 1]!, skills[i]!) > 0) {
      skills.sort(bySkillOrder);
      positions = skills.map((s) => c.skillTable.index.get(s.id)!);
      break;
    }
  }
  const sections = sectionMap.sections.map((s) => {
    const [start] = toOriginalSpan(norm, s.start, s.start);
    const [, end] = s.end > s.start ? toOriginalSpan(norm, s.start, s.end) : [start, start];
    return { kind: s.kind, heading: s.heading, start, end };
  });
  return { skills, positions, tokens, mentions, toOriginal, sectionOfLine, sections, norm, sectionMap };
}

function compile(taxonomy: Taxonomy): Compiled {
  const lexicon = taxonomy.lexicon ?? defaultTaxonomy.lexicon!;
  const skills = compileSkills(taxonomy.skills, lexicon);
  const skillsById = new Map(taxonomy.skills.map((s) => [s.id, s]));
  const table = skillTable(taxonomy.skills, lexicon);
  // String order (<), as the contribution comparator orders ids; equal ids share a rank.
  const ids = [...new Set([...taxonomy.skills.map((s) => s.id), ...(taxonomy.responsibilities ?? []).map((r) => r.id), ...taxonomy.roles.map((r) => r.id)])]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idRank = new Map(ids.map((id, k) => [id, k]));
  const responsibilityIndex = new Map((taxonomy.responsibilities ?? []).map((r, k) => [r.id, k]));
  const responsibilitiesByRole = new Map(taxonomy.roles.map((role) => [role.id, (taxonomy.responsibilities ?? []).filter((r) => r.roles.includes(role.id)).map((r) => r.id)]));
  return {
    taxonomy,
    skills,
    resp: compileResponsibilities(taxonomy.responsibilities ?? [], lexicon, skills),
    skillsById,
    skillTable: table,
    idRank,
    rolesById: new Map(taxonomy.roles.map((r) => [r.id, r])),
    responsibilityById: new Map((taxonomy.responsibilities ?? []).map((r) => [r.id, r])),
    titles: compileTitles(taxonomy.roles, lexicon),
    headings: compileHeadings(lexicon.sections),
    responsibilitiesByRole,
    responsibilityIndex,
    roleTables: new Map(taxonomy.roles.map((role) => [role.id, roleTable({ skillsById, skillTable: table, responsibilitiesByRole, responsibilityIndex, idRank }, role)])),
    explainer: compileExplainer(taxonomy.sentences ?? defaultTaxonomy.sentences!, skillsById, table.index),
  };
}

/**
 * What a health-care skill (or responsibility) keeps toward a health role when it is the resume's only one: the rest
 * comes with breadth, in full from HEALTH_CONTEXT_SKILLS distinct health-care skills. A resume that mentions
 * "medication" twice in a software career is not a fit for any health role; a clinical resume shows several skills.
 */
export const BREADTH_FLOOR = 0.4;

/**
 * What a health-care skill counts toward a role outside health care (the customer care technician shares "patients",
 * "blood pressure" and "vital signs" with the health technician in the seeds): such a role wins on its own skills
 * (customer care, satisfaction, phones, transcription), not on a clinical resume's clinical ones.
 */
export const SHARED_CLINICAL = 0.3;

/** Points a job title matching the role can earn (taken from the other components in proportion). */
export const TITLE_POINTS = 15;

export interface Timeline {
  /** The latest dated entry (see latestEntry), found once per analysis. */
  readonly latest: ExperienceEntry | null;
  /** Each entry's title matches (all roles), computed once per analysis. */
  readonly titleMatches: readonly (readonly { role: string; score: number }[])[];
  /**
   * Recency factor by skill position (see Strengths; skills component only), undefined for a skill only implied by
   * another; null without `asOf`.
   */
  readonly recency: readonly (number | undefined)[] | null;
  readonly entries: readonly ExperienceEntry[];
  readonly asOf: string | undefined;
}

/** What the title of a job before the latest one counts, at most. */
export const EARLIER_TITLE_FACTOR = 0.8;

/** The latest dated entry: a current one ("Present") first, else the latest end; null when none has dates. */
function latestEntry(entries: readonly ExperienceEntry[]): ExperienceEntry | null {
  let best: ExperienceEntry | null = null;
  let bestKey = -1;
  for (const e of entries) {
    const end = e.range?.end;
    if (!end) continue;
    const key = end === 'present' ? Number.MAX_SAFE_INTEGER - (e.start >= 0 ? 0 : 1) : Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7));
    if (key > bestKey) { best = e; bestKey = key; }
  }
  return best;
}

/** The role's best job-title match among the entries, as a score item, or null. */
function titleItem(c: Compiled, role: Role, t: Timeline): ScoreItem | null {
  return bestTitleItem(t, role.id, c.idRank.get(role.id)!, (i) => t.titleMatches[i]!.find((x) => x.role === role.id));
}

/**
 * The best job-title match among the entries, as a score item with `id` and `rank`, or null; `matchOf(i)` is entry
 * i's title match (a role's, or a job posting's title). Tenure and recency weigh it the same way for both.
 */
export function bestTitleItem(t: Timeline, id: string, rank: number | undefined, matchOf: (entry: number) => { readonly score: number } | undefined): ScoreItem | null {
  let best: ScoreItem | null = null;
  const latest = t.latest;
  for (let i = 0; i < t.entries.length; i++) {
    const e = t.entries[i]!;
    if (!e.title || e.titleStart < 0) continue;
    const m = matchOf(i);
    if (!m) continue;
    const current = e.range?.end === 'present';
    const months = e.range && (!current || t.asOf !== undefined) ? e.range.months : null;
    // A short stint counts less. A current job counts in full even when its length is unknown (no asOf): it is the
    // strongest title evidence a resume has. An undated entry counts as most jobs do.
    const tenure = months === null ? (current ? 1 : 0.8) : Math.min(1, 0.6 + (0.4 * months) / 12);
    // An earlier job's title says less about the person now than the latest one does.
    const earlier = latest !== null && e !== latest ? EARLIER_TITLE_FACTOR : 1;
    const recency = Math.min(earlier, t.asOf === undefined ? 1 : recencyFactor(monthsSinceEnd(e.range, { asOf: t.asOf })));
    const strength = Math.round(m.score * tenure * recency * 1000) / 1000;
    if (best && best.strength >= strength) continue;
    const evidence: Evidence = { start: e.titleStart, end: e.titleEnd, text: e.title, section: (e.section as SectionKind | null) ?? null, kind: 'exact', negated: false, hedged: false, confidence: m.score };
    const ev = [e.path ? { ...evidence, path: `${e.path}.position` } : evidence];
    best = rank === undefined ? { component: 'titles', id, label: e.title, weight: 1, strength, evidence: ev } : { component: 'titles', id, label: e.title, weight: 1, strength, evidence: ev, rank };
  }
  return best;
}

/** What scoring needs of a role that does not depend on the resume; built once per analyzer. */
export interface RoleTable {
  /** The profile's skills; `index` is the skill's position in the taxonomy (the strengths array's index). */
  readonly entries: readonly { readonly skill: Skill; readonly index: number; readonly rank: number; readonly weight: number; readonly component: ComponentName; readonly gated: boolean; readonly recent: boolean }[];
  /** How many of the profile's skills are health-care skills (the breadth a role can ask for). */
  readonly healthCareEntries: number;
  /**
   * The role's work is health care (`healthCare` in its data, absent means true). A role outside it (the customer
   * care technician) counts generic skills in full, health-care skills at SHARED_CLINICAL, and asks for no breadth.
   */
  readonly health: boolean;
  readonly shares: Shares;
  /** The role's responsibilities by position in the taxonomy (the matcher's item index). */
  readonly responsibilities: readonly number[];
}

function roleTable(c: Pick<Compiled, 'skillsById' | 'skillTable' | 'responsibilitiesByRole' | 'responsibilityIndex' | 'idRank'>, role: Role): RoleTable {
  const totals = new Map<ComponentName, number>();
  const entries: RoleTable['entries'][number][] = [];
  const health = role.healthCare !== false;
  for (const entry of role.profile) {
    const skill = c.skillsById.get(entry.skill);
    const component = componentOf(entry, skill);
    totals.set(component, (totals.get(component) ?? 0) + entry.weight);
    if (skill) entries.push({ skill, index: c.skillTable.index.get(skill.id)!, rank: c.idRank.get(skill.id)!, weight: entry.weight, component, gated: skill.generic === true && health, recent: component === 'skills' });
  }
  const ids = c.responsibilitiesByRole.get(role.id) ?? [];
  if (ids.length) totals.set('responsibilities', ids.length);
  const responsibilities = ids.map((id) => c.responsibilityIndex.get(id)!);
  const healthCareEntries = entries.filter((e) => c.skillTable.healthCare[e.index] === 1).length;
  return { entries, shares: sharesOf(totals), responsibilities, healthCareEntries, health };
}

/** `resp[k]`: the score item of responsibility k when it passed (built once per analysis, shared by the roles). */
function scoreRole(c: Compiled, role: Role, strengths: Strengths, shown: number, resp: readonly (ScoreItem | undefined)[], t: Timeline): RoleFit {
  const table = c.roleTables.get(role.id)!;
  const items = tableItems(c, table, strengths, shown, resp, t);
  const title = titleItem(c, role, t);
  if (title) items.push(title);
  const { contributions, score } = allocateShares(items, table.shares, title ? { component: 'titles', points: TITLE_POINTS } : null);
  const fit: RoleFit = { id: role.id, title: role.title, score, band: bandOf(score), contributions, missing: findGaps(c.explainer, role, strengths) };
  return score === 0 ? { ...fit, reason: strengths.size === 0 ? 'no skills of the taxonomy were found in the resume' : `none of the skills found are in the ${role.title.toLowerCase()} profile` } : fit;
}

/**
 * A table's score items for one resume: each profile skill the resume shows, gated (generic skills by health-care
 * context, health-care skills by breadth) and, with asOf, weighed by recency; then the responsibilities that passed.
 * The roles and a parsed job posting (postings/match.ts) are scored by this one function.
 */
export function tableItems(c: Compiled, table: RoleTable, strengths: Strengths, shown: number, resp: readonly (ScoreItem | undefined)[], t: Timeline): ScoreItem[] {
  const items: ScoreItem[] = [];
  const ctx = Math.min(1, shown / HEALTH_CONTEXT_SKILLS);
  // A health role needs breadth: one or two health-care words in a software resume are no fit (see BREADTH_FLOOR).
  // Full breadth is HEALTH_CONTEXT_SKILLS health-care skills, or all the role's own when its profile has fewer.
  const health = table.health;
  const breadth = table.healthCareEntries === 0 ? 1 : Math.min(1, shown / Math.min(HEALTH_CONTEXT_SKILLS, table.healthCareEntries));
  const breadthGate = BREADTH_FLOOR + (1 - BREADTH_FLOOR) * breadth;
  for (const { skill, index, rank, weight, component, gated, recent } of table.entries) {
    const s = strengths.byIndex[index];
    if (!s) continue;
    const gate = gated ? GENERIC_FLOOR + (1 - GENERIC_FLOOR) * ctx
      : health ? breadthGate
      : c.skillTable.healthCare[index] === 1 ? SHARED_CLINICAL : 1;
    // Recency (with asOf) weighs duties and tools: a skill last used ten years ago counts 0.6 of a current one.
    const recency = recent ? t.recency?.[index] ?? 1 : 1;
    items.push({ component, id: skill.id, label: skill.label, weight, strength: Math.round(s.strength * gate * recency * 1000) / 1000, evidence: s.evidence, rank });
  }
  for (const k of table.responsibilities) {
    const r = resp[k];
    if (r !== undefined) items.push(health && breadth < 1 ? { ...r, strength: Math.round(r.strength * breadthGate * 1000) / 1000 } : r);
  }
  return items;
}

// Without asOf the library reads no clock: entries are still found (for job titles) against a reference far ahead,
// and nothing that depends on today's date (open ranges' months, recency) is reported or scored.
const NO_CLOCK_REFERENCE = '2099-12';

function experienceOf(c: Compiled, ex: Extraction, text: string, doc: JsonResume | null, segments: readonly PathSegment[] | null, asOf: string | undefined): Timeline & { records: ExperienceRecord[]; skills: ReportSkill[] } {
  const ref = asOf ?? NO_CLOCK_REFERENCE;
  const entries: ExperienceEntry[] = doc
    ? parseJsonResumeWork(doc, { asOf: ref, segments: entrySegments(segments ?? []) })
    : parseExperience(ex.norm.text, { asOf: ref, sections: ex.sectionMap.sections }).map((e) => {
      // Offsets into the caller's text, like every other span in the report.
      const [start, end] = toOriginalSpan(ex.norm, e.start, e.end);
      const [ts, te] = e.titleStart >= 0 ? toOriginalSpan(ex.norm, e.titleStart, e.titleEnd) : [-1, -1];
      return { ...e, start, end, titleStart: ts, titleEnd: te, title: ts >= 0 ? text.slice(ts, te) : null };
    });
  const titleMatches = entries.map((e) => (e.title && e.titleStart >= 0 ? matchTitleMemo(c.titles, e.title) : []));
  const records: ExperienceRecord[] = entries.map((e) => {
    const r = e.range;
    const months = r && (r.end !== 'present' || asOf !== undefined) ? r.months : null;
    const hasText = e.start >= 0 && e.end >= e.start;
    const rec: ExperienceRecord = { title: e.title, employer: e.employer, start: hasText ? e.start : null, end: hasText ? e.end : null, from: r?.start ?? null, to: r?.end ?? null, months, section: e.section };
    return e.path ? { ...rec, path: e.path } : rec;
  });
  const latest = latestEntry(entries);
  if (asOf === undefined) return { titleMatches, recency: null, entries, latest, asOf, records, skills: ex.skills };
  const recency = new Array<number | undefined>(c.skillTable.skills.length);
  const cache: ExperienceCache = { unions: new Map() };
  const dateOptions = { asOf };
  const skills = ex.skills.map((m, k) => {
    const offsets: number[] = [];
    for (const e of m.evidence) if (!e.negated) offsets.push(e.start);
    const x = skillExperience(entries, offsets, dateOptions, cache);
    recency[ex.positions[k]!] = recencyFactor(x.monthsSinceUsed);
    // Field by field: a spread of the match here cost more than computing the timeline.
    const skill: ReportSkill = { id: m.id, label: m.label, category: m.category, evidence: m.evidence, experience: { months: x.months, lastUsed: x.lastUsed, entries: x.entries } };
    return skill;
  });
  return { titleMatches, recency, entries, latest, asOf, records, skills };
}

/** What an analysis finds in a resume before any role is scored: shared by `analyzeResume` and `matchJob`. */
export interface ResumeEvidence {
  readonly text: string;
  readonly rendered: string | undefined;
  readonly notAResume: boolean;
  readonly ex: Extraction;
  readonly timeline: Timeline & { records: ExperienceRecord[]; skills: ReportSkill[] };
  readonly strengths: Strengths;
  /** Distinct health-care skills shown (the context and breadth gates). */
  readonly shown: number;
  readonly responsibilities: ResponsibilityMatch[];
  /** Per responsibility position: its score item when it passed. */
  readonly respItems: readonly (ScoreItem | undefined)[];
}

/**
 * Reads a resume (text or JSON Resume) and finds its evidence: skills, entries and their timeline, strengths,
 * responsibilities. Checks `input` and `options.maxInputLength`; the caller checks its other options.
 */
export function resumeEvidence(c: Compiled, input: string | JsonResume, options: { readonly maxInputLength?: number; readonly asOf?: string } | undefined): ResumeEvidence {
  const asOf = options?.asOf;
  let text: string;
  let segments: readonly PathSegment[] | null = null;
  let rendered: string | undefined;
  let doc: JsonResume | null = null;
  let notAResume = false;
  if (typeof input === 'string') {
    checkLength(input.length, options);
    text = input;
  } else if (typeof input === 'object' && input !== null && (ArrayBuffer.isView(input) || input instanceof ArrayBuffer)) {
    throw new InvalidInputError('ERR_INVALID_INPUT', 'resume-fit: expected resume text or a JSON Resume object, got bytes; decode them first (for UTF-8: new TextDecoder().decode(bytes)), or use the CLI, which detects the encoding.');
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    notAResume = hasNoResumeFields(input);
    doc = parseJsonResume(input);
    const r = renderJsonResume(doc);
    checkLength(r.text.length, options);
    text = r.text;
    segments = r.segments;
    rendered = r.text;
  } else {
    throw new InvalidInputError('ERR_INVALID_INPUT', `resume-fit: expected resume text (a string) or a JSON Resume object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`);
  }
  const ex = extract(c, text, segments);
  const timeline = experienceOf(c, ex, text, doc, segments, asOf);
  const strengths = skillStrengths(ex.skills, c.skillTable, ex.positions);
  const shown = healthCareShown(strengths, c.skillTable);
  const raw = matchResponsibilities(c.resp, c.skills, ex.tokens, ex.mentions);
  // Only the responsibilities that pass are reported and scored: their evidence is built once, in both shapes.
  const responsibilities: ResponsibilityMatch[] = [];
  const respItems = new Array<ScoreItem | undefined>(c.resp.items.length);
  for (const r of raw) {
    if (!r.passed) continue;
    const item = c.resp.items[r.index]!.r;
    const shown: ResponsibilityMatch['evidence'][number][] = [];
    const evidence: Evidence[] = [];
    for (const l of r.lines) {
      const [start, end] = ex.toOriginal(l.unit.first, l.unit.last);
      const lineText = text.slice(start, end);
      const section = ex.sectionOfLine(ex.tokens[l.unit.first]!.line);
      const similarity = l.similarity;
      const path = segments ? pathAt(segments, start) : undefined;
      // Literals in their final key order: an object spread here was once the hottest line of an analysis.
      if (path === undefined) {
        shown.push({ start, end, text: lineText, section, similarity });
        evidence.push({ start, end, text: lineText, section, kind: 'stem', negated: false, hedged: false, confidence: similarity });
      } else {
        shown.push({ start, end, text: lineText, section, similarity, path });
        evidence.push({ start, end, text: lineText, section, kind: 'stem', negated: false, hedged: false, confidence: similarity, path });
      }
    }
    responsibilities.push({ id: item.id, text: item.text, similarity: r.similarity, matched: true, evidence: shown });
    respItems[r.index] = { component: 'responsibilities', id: item.id, label: item.normalized, weight: 1, strength: r.similarity, evidence, rank: c.idRank.get(item.id)! };
  }
  stableSort(responsibilities, (a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  return { text, rendered, notAResume, ex, timeline, strengths, shown, responsibilities, respItems };
}

/** The compiled taxonomy behind an analyzer (a symbol property: not enumerable, not part of the public type). */
const COMPILED = Symbol.for('resume-fit.compiled');

/** The compiled taxonomy of an analyzer made by `createAnalyzer`, or undefined for anything else. */
export function compiledOf(analyzer: unknown): Compiled | undefined {
  if (typeof analyzer !== 'object' || analyzer === null) return undefined;
  return (analyzer as { [COMPILED]?: Compiled })[COMPILED];
}

function makeAnalyzer(c: Compiled): Analyzer {
  const roleIds = c.taxonomy.roles.map((r) => r.id);
  // The reference role (the one the seeds describe, sentences.reference) when the taxonomy has it, else its first.
  const reference = c.explainer.sentences.reference.role;
  const defaultTarget = c.rolesById.has(reference) ? reference : roleIds[0]!;

  const analyzeResume = (input: string | JsonResume, options?: AnalyzeOptions): AnalysisReport => {
    checkOptions(options, ['target', 'maxInputLength', 'asOf']);
    const asOf = options?.asOf;
    if (asOf !== undefined) asOfMonth(asOf); // throws InvalidOptionsError('asOf') naming the expected form
    const target = options?.target ?? defaultTarget;
    if (typeof target !== 'string' || !c.rolesById.has(target)) {
      throw new InvalidOptionsError('target', `resume-fit: unknown target role ${typeof target === 'string' ? `"${target.slice(0, 60)}"` : typeof target}; use one of: ${roleIds.join(', ')}.`, 'ERR_UNKNOWN_ROLE');
    }
    const { text, rendered, notAResume, ex, timeline, strengths, shown, responsibilities, respItems } = resumeEvidence(c, input, options);
    const skills: ReportSkill[] = timeline.skills;
    const roles = stableSort(c.taxonomy.roles.map((role) => scoreRole(c, role, strengths, shown, respItems, timeline)), (a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const targetFit = roles.find((r) => r.id === target)!;
    const other = roles.find((r) => r.id !== target) ?? targetFit;
    const reason = roles.every((r) => r.score === 0)
      ? notAResume ? 'the JSON has no resume fields' : text.trim() ? 'no evidence of any role was found in the resume' : 'the resume is empty'
      : undefined;
    let comparison = compare(c.explainer, c.rolesById.get(target)!, c.rolesById.get(other.id)!, targetFit, other, strengths);
    // Every score 0: no role is best (roles[0] is first by id only), so the comparison makes no claim either.
    if (reason) comparison = { ...comparison, better: null, summary: `No role fits: ${reason}.` };
    const report: AnalysisReport = { target: targetFit, roles, skills, experience: timeline.records, responsibilities, sections: ex.sections, comparison };
    const withText = rendered !== undefined ? { ...report, text: rendered } : report;
    return reason ? { ...withText, reason } : withText;
  };

  const analyzer: Analyzer = {
    taxonomy: c.taxonomy,
    analyzeResume,
    extractSkills(text: string, options?: ExtractOptions): SkillMatch[] {
      checkOptions(options, ['maxInputLength']);
      if (typeof text !== 'string') throw new InvalidInputError('ERR_INVALID_INPUT', `resume-fit: extractSkills expects a string, got ${text === null ? 'null' : typeof text}.`);
      checkLength(text.length, options);
      return extract(c, text, null).skills;
    },
    listRoles: () => c.taxonomy.roles.map((r) => ({ id: r.id, title: r.title, description: r.description, onetSoc: r.onetSoc })),
    compareRoles(report: AnalysisReport, a: string, b: string): RoleComparison {
      for (const [name, id] of [['a', a], ['b', b]] as const) {
        if (!c.rolesById.has(id)) throw new InvalidOptionsError(name, `resume-fit: unknown role "${String(id).slice(0, 60)}"; use one of: ${roleIds.join(', ')}.`, 'ERR_UNKNOWN_ROLE');
      }
      const strengths = skillStrengths(report.skills, c.skillTable);
      const fa = report.roles.find((r) => r.id === a);
      const fb = report.roles.find((r) => r.id === b);
      if (!fa || !fb) throw new InvalidOptionsError('report', 'resume-fit: the report was made with another taxonomy; compare roles with the analyzer that made it.');
      return compare(c.explainer, c.rolesById.get(a)!, c.rolesById.get(b)!, fa, fb, strengths);
    },
  };
  // For parseJobPosting and matchJob ({ analyzer }): hidden, so reports and listings never show it.
  Object.defineProperty(analyzer, COMPILED, { value: c, enumerable: false });
  return analyzer;
}

/**
 * Compiles a taxonomy once and returns an analyzer to reuse for many resumes.
 * @example
 * const analyzer = createAnalyzer()
 * for (const text of resumes) console.log(analyzer.analyzeResume(text).target.score)
 */
export function createAnalyzer(options?: { readonly taxonomy?: undefined }): Analyzer<RoleId, SkillId>;
export function createAnalyzer(options?: AnalyzerOptions): Analyzer;
export function createAnalyzer(options?: AnalyzerOptions): Analyzer {
  checkOptions(options, ['taxonomy']);
  const taxonomy = options?.taxonomy === undefined ? defaultTaxonomy : validateTaxonomy(options.taxonomy);
  return makeAnalyzer(compile(taxonomy));
}

let shared: Analyzer<RoleId, SkillId> | undefined;
/** The analyzer of the default taxonomy, compiled on first use (not at import). */
export function defaultAnalyzer(): Analyzer<RoleId, SkillId> {
  shared ??= createAnalyzer();
  return shared;
}

export { RESPONSIBILITY_THRESHOLD };
