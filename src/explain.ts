/**
 * Step 7: explain. Gaps (what a role wants that the resume does not show, with why and how to show it) and
 * role comparisons. This module only reads scores and the taxonomy; it never recomputes a score.
 */
import type { Gap, RoleFit, Strengths } from './score.js';
import { componentOf, strengthOf } from './score.js';
import type { ProfileEntry, Role, Skill } from './taxonomy.js';


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

/**
 * Why a missing profile skill matters, in a reader's words: built from the entry's kind, the skill's label and the
 * role's title (never a raw fragment of the seed text, which reads badly out of context).
 */
export function whyItMatters(entry: ProfileEntry, skill: Skill, role: Role): string {
  const label = inSentence(skill.label);
  const roles = plural(role.title);
  switch (entry.kind) {
    case 'share':
      return `Health technician resumes list ${label} (${skill.share ?? 0}%).`;
    case 'distinct':
      return `${capitalise(label)} is one of the skills that set ${titleInSentence(roles)} apart from other health roles.`;
    case 'shared':
      return `${roles} and health technicians both list ${label} among their skills.`;
    case 'coursework':
      return `${role.title} training often covers ${label}.`;
    case 'technology':
      return `${capitalise(label)} is a technology ${titleInSentence(roles)} use or are starting to use.`;
    case 'soft':
      return `${capitalise(label)} is a soft skill ${titleInSentence(roles)} rely on.`;
    default:
      return `${role.title} duties include ${label}.`;
  }
}

export function suggestionFor(skill: Skill): string {
  if (skill.suggestion) return skill.suggestion;
  const l = skill.label;
  switch (skill.category) {
    case 'credential':
      return `List ${l} under a CERTIFICATIONS heading with the issuer and the expiry date.`;
    case 'knowledge':
      return `List ${l} coursework or training under EDUCATION, or show it in an experience bullet.`;
    case 'soft':
      return `Show ${l.toLowerCase()} with a concrete example in an experience bullet rather than as a bare word.`;
    case 'technology':
      return `Name the ${l.toLowerCase()} tools you used in an experience bullet.`;
    default:
      return `Add an experience bullet that shows ${l.toLowerCase()}: what you did, for whom and how often.`;
  }
}

// What does not depend on the resume is worked out once per role (and taxonomy): the gap texts in their order, the
// comparison's context lines, the set of profile skills. Keyed on the objects, so a custom taxonomy gets its own.
const gapCache = new WeakMap<ReadonlyMap<string, Skill>, WeakMap<Role, readonly Gap[]>>();
const gapIndexCache = new WeakMap<readonly Gap[], WeakMap<ReadonlyMap<string, number>, readonly number[]>>();
const contextCache = new WeakMap<Role, readonly string[]>();
const profileCache = new WeakMap<Role, ReadonlySet<string>>();

/** Every profile skill of the role as a gap, heaviest first (ties by id). */
function allGaps(role: Role, skillsById: ReadonlyMap<string, Skill>): readonly Gap[] {
  let byRole = gapCache.get(skillsById);
  if (!byRole) { byRole = new WeakMap(); gapCache.set(skillsById, byRole); }
  let gaps = byRole.get(role);
  if (!gaps) {
    const list: Gap[] = [];
    for (const entry of role.profile) {
      const skill = skillsById.get(entry.skill);
      if (!skill) continue;
      list.push({ skill: skill.id, label: skill.label, weight: entry.weight, component: componentOf(entry, skill), why: whyItMatters(entry, skill, role), suggestion: suggestionFor(skill) });
    }
    gaps = list.sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1));
    byRole.set(role, gaps);
  }
  return gaps;
}

/** The skills' positions in the taxonomy (the strengths array's index), in the order of the gaps. */
function gapIndices(gaps: readonly Gap[], skillIndex: ReadonlyMap<string, number>): readonly number[] {
  let byIndex = gapIndexCache.get(gaps);
  if (!byIndex) { byIndex = new WeakMap(); gapIndexCache.set(gaps, byIndex); }
  let list = byIndex.get(skillIndex);
  if (!list) { list = gaps.map((g) => skillIndex.get(g.skill) ?? -1); byIndex.set(skillIndex, list); }
  return list;
}

/** The role's profile skills with no usable evidence, heaviest first. */
export function findGaps(role: Role, strengths: Strengths, skillsById: ReadonlyMap<string, Skill>): Gap[] {
  const gaps: Gap[] = [];
  const all = allGaps(role, skillsById);
  const indices = gapIndices(all, strengths.index);
  // A fresh object per report: a caller may change its report without changing the next one.
  for (let k = 0; k < all.length; k++) {
    const g = all[k]!;
    const i = indices[k]!;
    if (((i >= 0 ? strengths.byIndex[i] : undefined)?.strength ?? 0) > 0) continue;
    gaps.push({ skill: g.skill, label: g.label, weight: g.weight, component: g.component, why: g.why, suggestion: g.suggestion });
  }
  return gaps;
}

function profileOf(role: Role): ReadonlySet<string> {
  let set = profileCache.get(role);
  if (!set) { set = new Set(role.profile.map((p) => p.skill)); profileCache.set(role, set); }
  return set;
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

/** The profile skills of `role` that `other` does not list, with their labels (per pair of roles, cached). */
const distinctCache = new WeakMap<ReadonlyMap<string, Skill>, WeakMap<Role, WeakMap<Role, readonly { skill: string; label: string }[]>>>();
function distinctOf(role: Role, other: Role, skillsById: ReadonlyMap<string, Skill>): readonly { skill: string; label: string }[] {
  let byRole = distinctCache.get(skillsById);
  if (!byRole) { byRole = new WeakMap(); distinctCache.set(skillsById, byRole); }
  let byOther = byRole.get(role);
  if (!byOther) { byOther = new WeakMap(); byRole.set(role, byOther); }
  let list = byOther.get(other);
  if (!list) {
    const otherSkills = profileOf(other);
    list = role.profile.filter((p) => !otherSkills.has(p.skill)).map((p) => ({ skill: p.skill, label: skillsById.get(p.skill)?.label ?? p.skill }));
    byOther.set(other, list);
  }
  return list;
}

function side(role: Role, other: Role, fit: RoleFit, strengths: Strengths, skillsById: ReadonlyMap<string, Skill>): ComparisonSide {
  const found: string[] = [];
  const missing: string[] = [];
  for (const { skill, label } of distinctOf(role, other, skillsById)) ((strengthOf(strengths, skill)?.strength ?? 0) > 0 ? found : missing).push(label);
  return { id: role.id, title: role.title, score: fit.score, distinctFound: found, distinctMissing: missing };
}

const money = (n: number): string => `$${Math.abs(n).toLocaleString('en-US')}`;

function contextOf(role: Role): readonly string[] {
  let cached = contextCache.get(role);
  if (!cached) { cached = contextLines(role); contextCache.set(role, cached); }
  return cached;
}

/**
 * The seeds give some roles' salary and degree figures relative to health technicians. Between two such roles the
 * figures are compared with each other (a line about health technicians would be about a third role); between
 * such a role and the health technician they are the comparison itself.
 */
function pairContext(a: Role, b: Role): string[] {
  const out: string[] = [];
  const ht = (r: Role): boolean => r.id === 'health-technician';
  for (const [r, other] of [[a, b], [b, a]] as const) {
    if (!ht(other)) continue;
    const s = r.facts.salary?.differenceVsHealthTechnician;
    if (s !== undefined) out.push(`${plural(r.title)} earn ${money(s)} ${s < 0 ? 'less' : 'more'} a year than health technicians on average.`);
    const e = r.facts.education;
    if (e?.mastersDifference !== undefined) out.push(`${plural(r.title)} are ${Math.abs(e.mastersDifference)}% ${e.mastersDifference < 0 ? 'less' : 'more'} likely than health technicians to hold a Master's degree${e.doctoralDifference !== undefined ? ` and ${Math.abs(e.doctoralDifference)}% ${e.doctoralDifference < 0 ? 'less' : 'more'} likely to hold a Doctoral degree` : ''}.`);
  }
  const sa = a.facts.salary?.differenceVsHealthTechnician;
  const sb = b.facts.salary?.differenceVsHealthTechnician;
  if (!ht(a) && !ht(b) && sa !== undefined && sb !== undefined && sa !== sb) {
    const [hi, lo] = sa > sb ? [a, b] : [b, a];
    out.push(`${plural(hi.title)} earn about ${money(Math.abs(sa - sb))} more a year than ${titleInSentence(plural(lo.title))} on average.`);
  }
  return out;
}

const pairCache = new WeakMap<Role, WeakMap<Role, readonly string[]>>();
function pairContextOf(a: Role, b: Role): readonly string[] {
  let byB = pairCache.get(a);
  if (!byB) { byB = new WeakMap(); pairCache.set(a, byB); }
  let lines = byB.get(b);
  if (!lines) { lines = pairContext(a, b); byB.set(b, lines); }
  return lines;
}

function contextLines(role: Role): string[] {
  const out: string[] = [];
  const s = role.facts.salary;
  if (s?.median !== undefined) out.push(`${plural(role.title)} had a median salary of ${money(s.median)} (${s.year ?? ''}).`.replace(' ()', ''));
  if (s?.highestPayingIndustry) out.push(`${plural(role.title)} are paid most in the ${s.highestPayingIndustry} industry${s.industryAverage ? ` (${money(s.industryAverage)} on average)` : ''}.`);
  const e = role.facts.education;
  if (e?.requirement) out.push(`${role.title} education: ${e.requirement}.`);
  const g = role.facts.growth;
  if (g) out.push(`${role.title} jobs were projected to grow ${g.percent}% (${g.period}).`);
  return out;
}

export function compare(a: Role, b: Role, fitA: RoleFit, fitB: RoleFit, strengths: Strengths, skillsById: ReadonlyMap<string, Skill>): RoleComparison {
  const sa = side(a, b, fitA, strengths, skillsById);
  const sb = side(b, a, fitB, strengths, skillsById);
  const bSkills = profileOf(b);
  const sharedFound = a.profile.filter((p) => bSkills.has(p.skill) && (strengthOf(strengths, p.skill)?.strength ?? 0) > 0).map((p) => skillsById.get(p.skill)?.label ?? p.skill);
  const difference = Math.round((fitA.score - fitB.score) * 100) / 100;
  const better = difference > 0 ? a.id : difference < 0 ? b.id : null;
  const [win, lose] = difference >= 0 ? [sa, sb] : [sb, sa];
  const list = (xs: readonly string[]): string => {
    const items = xs.slice(0, 4).map(inSentence);
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}` : items.join('');
  };
  let summary: string;
  if (better === null) summary = `${a.title} and ${b.title} fit equally well (${fitA.score}).`;
  else {
    summary = `${win.title} fits better (${win.score} vs ${lose.score})`;
    summary += win.distinctFound.length ? `: the resume shows ${list(win.distinctFound)}, which ${titleInSentence(lose.title)} profiles do not emphasise` : '';
    summary += lose.distinctMissing.length ? `; for ${titleInSentence(lose.title)} it lacks ${list(lose.distinctMissing)}.` : '.';
  }
  const context = [...pairContextOf(a, b), ...new Set([...contextOf(a), ...contextOf(b)])]; // a fresh array per report
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
