/**
 * Step 7: explain. Gaps (what a role wants that the resume does not show, with why and how to show it) and
 * role comparisons. This module only reads scores and the taxonomy; it never recomputes a score.
 */
import type { Gap, RoleFit, Strengths } from './score.js';
import { componentOf, strengthOf } from './score.js';
import { defaultTaxonomy, type ProfileEntry, type Role, type Sentences, type Skill } from './taxonomy.js';


/**
 * A label inside a sentence: its first letter lower-cased when the first word is a plain capitalised word
 * ("Vital signs" → "vital signs"), kept as written otherwise ("BLS (basic life support)", "EHR decision support",
 * "EMT certification"), so acronyms keep their case.
 */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]+\b/.test(label) && !/^[A-Z][a-z]*[A-Z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** A role title inside a sentence: every plain capitalised word lower-cased, acronyms kept ("EMT Supervisor"). */
export function titleInSentence(title: string): string {
  return title.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());
}

const plural = (title: string): string => (/s$/.test(title) ? title : `${title}s`);
const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

type Values = Record<string, string | number>;

/**
 * A sentence template with its `{placeholders}` filled (the taxonomy's schema allows only known names; an unknown
 * one would stay as written).
 * @example
 * fill('{roleTitle} duties include {label}.', { roleTitle: 'Health Aide', label: 'vital signs' }) // 'Health Aide duties include vital signs.'
 */
export function fill(template: string, values: Readonly<Values>): string {
  return fillParts(partsOf(template), values);
}

/** A template split at its placeholders: literal, name, literal, ..., literal (names at the odd indices). */
function partsOf(template: string): readonly string[] {
  return template.split(/\{(\w*)\}/);
}

/** Fills split template parts from `more`, then `values` (names in neither stay as written). */
function fillParts(parts: readonly string[], values: Readonly<Values>, more?: Readonly<Values>): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = more !== undefined && Object.hasOwn(more, name) ? more[name] : Object.hasOwn(values, name) ? values[name] : `{${name}}`;
    out += String(v) + parts[i + 1]!;
  }
  return out;
}

/** Adds a role title's forms under `base` (see titleForms in taxonomy.ts): `{role}`, `{roles}`, `{Role}`, `{Roles}`, `{roleTitle}`, `{roleTitles}`. */
function withTitle(values: Values, base: string, title: string): Values {
  const many = plural(title);
  const cap = capitalise(base);
  values[base] = titleInSentence(title);
  values[`${base}s`] = titleInSentence(many);
  values[cap] = capitalise(titleInSentence(title));
  values[`${cap}s`] = capitalise(titleInSentence(many));
  values[`${base}Title`] = title;
  values[`${base}Titles`] = many;
  return values;
}

/** Adds a skill label's forms: `{label}` (inside a sentence), `{Label}` (starting one), `{labelAsWritten}`, `{labelLowerCase}`. */
function withLabel(values: Values, label: string): Values {
  values.label = inSentence(label);
  values.Label = capitalise(inSentence(label));
  values.labelAsWritten = label;
  values.labelLowerCase = label.toLowerCase();
  return values;
}

/**
 * Why a missing profile skill matters, in a reader's words: the template for the entry's kind (`sentences.gaps`)
 * filled with the skill's label and the role's title (never a raw fragment of the seed text, which reads badly out
 * of context).
 */
export function whyItMatters(entry: ProfileEntry, skill: Skill, role: Role, sentences: Sentences = defaultTaxonomy.sentences!): string {
  const values = withLabel(withTitle(withTitle({ share: skill.share ?? 0 }, 'role', role.title), 'reference', sentences.reference.title), skill.label);
  return fill(sentences.gaps[entry.kind], values);
}

/** How to show a missing skill: the skill's own `suggestion`, else its category's template (`sentences.suggestions`). */
export function suggestionFor(skill: Skill, sentences: Sentences = defaultTaxonomy.sentences!): string {
  if (skill.suggestion) return skill.suggestion;
  const { byCategory, other } = sentences.suggestions;
  return fill(byCategory[skill.category] ?? other, withLabel({}, skill.label));
}

/**
 * What does not depend on the resume, worked out once per analyzer (on first use): the gap texts of each role in
 * their order, each role's context lines and profile, and per pair of roles the distinct skills and the relative
 * context. Built by `compileExplainer` from the analyzer's taxonomy, so a custom taxonomy gets its own sentences.
 */
export interface Explainer {
  readonly sentences: Sentences;
  readonly skillsById: ReadonlyMap<string, Skill>;
  /** Skill id to its position in the taxonomy (the strengths array's index). */
  readonly skillIndex: ReadonlyMap<string, number>;
  /** Per role id: every profile skill as a gap, heaviest first, with each skill's position. */
  readonly gaps: Map<string, { readonly gaps: readonly Gap[]; readonly indices: readonly number[] }>;
  readonly profiles: Map<string, ReadonlySet<string>>;
  readonly contexts: Map<string, readonly string[]>;
  /**
   * Per pair of role ids (a, then b): the profile skills of a that b does not list, the pair's relative context, and
   * the two titles' forms for a summary that names a first.
   */
  readonly distinct: Map<string, Map<string, readonly { readonly skill: string; readonly label: string }[]>>;
  readonly pairs: Map<string, Map<string, readonly string[]>>;
  readonly summaries: Map<string, Map<string, Readonly<Values>>>;
  /** Each summary template split at its placeholders. */
  readonly templates: Map<string, readonly string[]>;
}

export function compileExplainer(sentences: Sentences, skillsById: ReadonlyMap<string, Skill>, skillIndex: ReadonlyMap<string, number>): Explainer {
  return { sentences, skillsById, skillIndex, gaps: new Map(), profiles: new Map(), contexts: new Map(), distinct: new Map(), pairs: new Map(), summaries: new Map(), templates: new Map() };
}

// Caches are read as `map.get(key) ?? remember(map, key, make(...))`: no closure per call (compare runs per report).
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  return value;
}

/** The inner map of a cache keyed by a pair of role ids. */
function inner<V>(map: Map<string, Map<string, V>>, a: string): Map<string, V> {
  return map.get(a) ?? remember(map, a, new Map<string, V>());
}

/** Every profile skill of the role as a gap, heaviest first (ties by id), with the skills' positions. */
function allGaps(x: Explainer, role: Role): { readonly gaps: readonly Gap[]; readonly indices: readonly number[] } {
  return x.gaps.get(role.id) ?? remember(x.gaps, role.id, makeGaps(x, role));
}

function makeGaps(x: Explainer, role: Role): { readonly gaps: readonly Gap[]; readonly indices: readonly number[] } {
  const list: Gap[] = [];
  for (const entry of role.profile) {
    const skill = x.skillsById.get(entry.skill);
    if (!skill) continue;
    list.push({ skill: skill.id, label: skill.label, weight: entry.weight, component: componentOf(entry, skill), why: whyItMatters(entry, skill, role, x.sentences), suggestion: suggestionFor(skill, x.sentences) });
  }
  const gaps = list.sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1));
  return { gaps, indices: gaps.map((g) => x.skillIndex.get(g.skill) ?? -1) };
}

/** The role's profile skills with no usable evidence, heaviest first. */
export function findGaps(x: Explainer, role: Role, strengths: Strengths): Gap[] {
  const gaps: Gap[] = [];
  const { gaps: all, indices } = allGaps(x, role);
  // A fresh object per report: a caller may change its report without changing the next one.
  for (let k = 0; k < all.length; k++) {
    const g = all[k]!;
    const i = indices[k]!;
    if (((i >= 0 ? strengths.byIndex[i] : undefined)?.strength ?? 0) > 0) continue;
    gaps.push({ skill: g.skill, label: g.label, weight: g.weight, component: g.component, why: g.why, suggestion: g.suggestion });
  }
  return gaps;
}

function profileOf(x: Explainer, role: Role): ReadonlySet<string> {
  return x.profiles.get(role.id) ?? remember(x.profiles, role.id, new Set(role.profile.map((p) => p.skill)));
}

/**
 * One side of a role comparison.
 * @example
 * compareRoles(report, 'health-aide', 'health-technician').a.distinctMissing
 */
export interface ComparisonSide<R extends string = string> {
  readonly id: R;
  readonly title: string;
  readonly score: number;
  /** Skills this role wants and the other does not, that the resume shows. */
  readonly distinctFound: readonly string[];
  /** Skills this role wants and the other does not, that the resume lacks. */
  readonly distinctMissing: readonly string[];
}

/**
 * Why one role fits better than another.
 * @example
 * compareRoles(report, 'health-technician', 'emergency-room-technician').summary
 */
export interface RoleComparison<R extends string = string> {
  /** The better-fitting role's id, or null for a tie. */
  readonly better: R | null;
  readonly difference: number;
  readonly a: ComparisonSide<R>;
  readonly b: ComparisonSide<R>;
  /** Skills both roles want that the resume shows. */
  readonly sharedFound: readonly string[];
  /** Salary, education and industry context from the seed documents (relative figures only between these two roles). */
  readonly context: readonly string[];
  /** One or two sentences for a person. */
  readonly summary: string;
}

/** The profile skills of `role` that `other` does not list, with their labels. */
function distinctOf(x: Explainer, role: Role, other: Role): readonly { skill: string; label: string }[] {
  const byOther = inner(x.distinct, role.id);
  const cachedList = byOther.get(other.id);
  if (cachedList !== undefined) return cachedList;
  const otherSkills = profileOf(x, other);
  return remember(byOther, other.id, role.profile.filter((p) => !otherSkills.has(p.skill)).map((p) => ({ skill: p.skill, label: x.skillsById.get(p.skill)?.label ?? p.skill })));
}

function side(x: Explainer, role: Role, other: Role, fit: RoleFit, strengths: Strengths): ComparisonSide {
  const found: string[] = [];
  const missing: string[] = [];
  for (const { skill, label } of distinctOf(x, role, other)) ((strengthOf(strengths, skill)?.strength ?? 0) > 0 ? found : missing).push(label);
  return { id: role.id, title: role.title, score: fit.score, distinctFound: found, distinctMissing: missing };
}

const money = (n: number): string => `$${Math.abs(n).toLocaleString('en-US')}`;

/**
 * The seeds give some roles' salary and degree figures relative to the reference role (the health technician).
 * Between two such roles the figures are compared with each other (a line about the reference would be about a
 * third role); between such a role and the reference they are the comparison itself.
 */
function pairContext(x: Explainer, a: Role, b: Role): string[] {
  const out: string[] = [];
  const { reference, comparison: { context: t, words } } = x.sentences;
  const isReference = (r: Role): boolean => r.id === reference.role;
  const lessOrMore = (n: number): string => (n < 0 ? words.less : words.more);
  for (const [r, other] of [[a, b], [b, a]] as const) {
    if (!isReference(other)) continue;
    const values = withTitle(withTitle({}, 'role', r.title), 'reference', reference.title);
    const s = r.facts.salary?.differenceVsHealthTechnician;
    if (s !== undefined) out.push(fill(t.salaryVsReference, { ...values, amount: money(s), lessOrMore: lessOrMore(s) }));
    const e = r.facts.education;
    if (e?.mastersDifference !== undefined) {
      const d = e.doctoralDifference;
      const doctoral = d !== undefined ? fill(t.doctoralVsReference, { percent: Math.abs(d), lessOrMore: lessOrMore(d) }) : '';
      out.push(fill(t.degreeVsReference, { ...values, percent: Math.abs(e.mastersDifference), lessOrMore: lessOrMore(e.mastersDifference), doctoral }));
    }
  }
  const sa = a.facts.salary?.differenceVsHealthTechnician;
  const sb = b.facts.salary?.differenceVsHealthTechnician;
  if (!isReference(a) && !isReference(b) && sa !== undefined && sb !== undefined && sa !== sb) {
    const [hi, lo] = sa > sb ? [a, b] : [b, a];
    out.push(fill(t.salaryBetween, { ...withTitle(withTitle({}, 'role', hi.title), 'other', lo.title), amount: money(Math.abs(sa - sb)) }));
  }
  return out;
}

function contextLines(x: Explainer, role: Role): string[] {
  const t = x.sentences.comparison.context;
  const values = withTitle({}, 'role', role.title);
  const out: string[] = [];
  const s = role.facts.salary;
  if (s?.median !== undefined) out.push(fill(t.medianSalary, { ...values, amount: money(s.median), year: s.year ?? '' }).replace(' ()', ''));
  if (s?.highestPayingIndustry) out.push(fill(t.highestPayingIndustry, { ...values, industry: s.highestPayingIndustry, average: s.industryAverage ? fill(t.industryAverage, { amount: money(s.industryAverage) }) : '' }));
  const e = role.facts.education;
  if (e?.requirement) out.push(fill(t.education, { ...values, requirement: e.requirement }));
  const g = role.facts.growth;
  if (g) out.push(fill(t.growth, { ...values, percent: g.percent, period: g.period }));
  return out;
}

function templateParts(x: Explainer, template: string): readonly string[] {
  return x.templates.get(template) ?? remember(x.templates, template, partsOf(template));
}

export function compare(x: Explainer, a: Role, b: Role, fitA: RoleFit, fitB: RoleFit, strengths: Strengths): RoleComparison {
  const sa = side(x, a, b, fitA, strengths);
  const sb = side(x, b, a, fitB, strengths);
  const bSkills = profileOf(x, b);
  const sharedFound = a.profile.filter((p) => bSkills.has(p.skill) && (strengthOf(strengths, p.skill)?.strength ?? 0) > 0).map((p) => x.skillsById.get(p.skill)?.label ?? p.skill);
  const difference = Math.round((fitA.score - fitB.score) * 100) / 100;
  const better = difference > 0 ? a.id : difference < 0 ? b.id : null;
  const [win, lose] = difference >= 0 ? [sa, sb] : [sb, sa];
  const { summary: t, words } = x.sentences.comparison;
  const list = (xs: readonly string[]): string => {
    const items = xs.slice(0, 4).map(inSentence);
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${words.and} ${items.at(-1)!}` : items.join('');
  };
  // Per call only the scores and lists: the titles' forms and the split templates are worked out once.
  const [first, second] = better === b.id ? [b, a] : [a, b];
  const byFirst = inner(x.summaries, first.id);
  const titles = byFirst.get(second.id) ?? remember(byFirst, second.id, withTitle(withTitle({}, 'role', first.title), 'other', second.title));
  const more: Values = { score: win.score, otherScore: lose.score };
  let summary: string;
  if (better === null) summary = fillParts(templateParts(x, t.equal), titles, more);
  else {
    summary = fillParts(templateParts(x, t.better), titles, more);
    if (win.distinctFound.length) { more.found = list(win.distinctFound); summary += fillParts(templateParts(x, t.shows), titles, more); }
    if (lose.distinctMissing.length) { more.missing = list(lose.distinctMissing); summary += fillParts(templateParts(x, t.lacks), titles, more); } else summary += fillParts(templateParts(x, t.end), titles, more);
  }
  const pairs = inner(x.pairs, a.id);
  const pair = pairs.get(b.id) ?? remember(pairs, b.id, pairContext(x, a, b));
  const contextA = x.contexts.get(a.id) ?? remember(x.contexts, a.id, contextLines(x, a));
  const contextB = x.contexts.get(b.id) ?? remember(x.contexts, b.id, contextLines(x, b));
  const context = [...pair, ...new Set([...contextA, ...contextB])]; // a fresh array per report
  return { better, difference: Math.abs(difference), a: sa, b: sb, sharedFound, context, summary };
}

/**
 * A job posting's missing item as a gap: why from the posting ("The posting requires BLS (basic life support).",
 * "... prefers ...", with the years when it asks some), how to show it from the skill's data, as for a role.
 */
export function postingGap(skill: Skill, status: 'required' | 'preferred', weight: number, years: number | null): Gap {
  const asks = years !== null ? `${years} year${years === 1 ? '' : 's'} of ${inSentence(skill.label)}` : inSentence(skill.label);
  return { skill: skill.id, label: skill.label, weight, component: status, why: `The posting ${status === 'required' ? 'requires' : 'prefers'} ${asks}.`, suggestion: suggestionFor(skill) };
}
