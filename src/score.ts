/**
 * Step 6: score each role 0-100 from the evidence. The model (DESIGN.md has the reasoning):
 *
 *   score = signature (30) + skills (45) + responsibilities (15) + soft skills (10), and up to 15 of those points
 *   go to a job title that matches the role (taken from the other components in proportion)
 *
 * The signature is what sets the role apart in the seeds: its distinct skills (and the health technician's
 * resume-share skills). A role cannot reach the top on shared vocabulary alone.
 * Each component is the role's weighted coverage divided by a saturation share τ and capped at 1, so a resume
 * that shows half of a role's weighted skills gets the whole skills component. A component the role has no
 * entries for gives its points to the others in proportion. A skill's strength is its best piece of evidence:
 * match confidence × where it was found (experience counts more than a skills list) × 0.35 when hedged,
 * 0 when negated. Repeating a skill never adds (best evidence, not a count). Skills common outside health
 * care ("generic") count in full for health roles only when the resume shows health-care skills.
 * Every point is a contribution with its evidence; contributions add up exactly to the score.
 */
import type { Evidence, SkillMatch } from './match/types.js';
import { healthCareSkills, type Lexicon, type ProfileEntry, type Role, type Skill, type SkillCategory } from './taxonomy.js';
import type { SectionKind } from './text/sections.js';
import { stableSort } from './sort.js';

/**
 * The parts a score is made of (DESIGN.md, "The scoring model").
 * @example
 * report.target.contributions.filter((c) => c.component === 'signature')
 */
export type ComponentName = 'signature' | 'skills' | 'responsibilities' | 'soft' | 'titles' | 'required' | 'preferred' | 'years';

/** The components of a role's score (a job posting's are 'required', 'preferred' and 'years'; see postings/match.ts). */
type RoleComponent = 'signature' | 'skills' | 'responsibilities' | 'soft';

export const COMPONENT_POINTS: Readonly<Record<RoleComponent, number>> = { signature: 30, skills: 45, responsibilities: 15, soft: 10 };
/** Saturation: the weighted share of a component that earns all its points. */
export const SATURATION: Readonly<Record<RoleComponent, number>> = { signature: 0.6, skills: 0.5, responsibilities: 0.5, soft: 0.6 };
/**
 * Most weight a component needs to earn all its points, whatever the size of the role's profile: without it a role
 * with 30 duty skills (the health technician lists every responsibility's skills) would need five times the evidence
 * of a role with 6. Six duty skills (9), three responsibilities, three soft skills.
 */
export const SATURATION_CAP: Readonly<Record<RoleComponent, number>> = { signature: Infinity, skills: 9, responsibilities: 3, soft: 3 };
/** Least weight a component's saturation asks for, so one weak item (a single CPR card) cannot fill it. */
export const SATURATION_FLOOR: Readonly<Record<RoleComponent, number>> = { signature: 0, skills: 4.5, responsibilities: 1.5, soft: 2 };
export const HEDGED_FACTOR = 0.35;
/** Non-generic skills a resume needs for generic skills to count in full toward a health role. */
export const HEALTH_CONTEXT_SKILLS = 4;
/** What a generic skill keeps toward a health role when the resume shows no health-care skill. */
export const GENERIC_FLOOR = 0.15;

/**
 * How strong a fit is: strong >= 70, moderate >= 45, weak >= 20, none below.
 * @example
 * analyzeResume(text).target.band // 'moderate'
 */
export type Band = 'strong' | 'moderate' | 'weak' | 'none';
export const BANDS: readonly { band: Band; min: number }[] = [{ band: 'strong', min: 70 }, { band: 'moderate', min: 45 }, { band: 'weak', min: 20 }, { band: 'none', min: 0 }];

/**
 * One part of a score: what earned the points and where it was found.
 * @example
 * for (const c of report.target.contributions) console.log(c.points, c.label, c.evidence[0]?.text)
 */
export interface Contribution {
  readonly component: ComponentName;
  /** Skill, responsibility or role id. */
  readonly id: string;
  readonly label: string;
  /** Points this adds to the score (hundredths; all contributions add up exactly to the score). */
  readonly points: number;
  /** The weight of the item in the role's profile. */
  readonly weight: number;
  /** How strongly the resume shows it, in [0, 1]. */
  readonly strength: number;
  /** The evidence behind it (the best piece first). */
  readonly evidence: readonly Evidence[];
}

/**
 * A skill the role wants that the resume does not show.
 * @example
 * report.target.missing[0] // { skill: 'vital-signs', why: 'Vital signs appears on 5% of health technician resumes.', suggestion: '...' }
 */
export interface Gap<S extends string = string> {
  readonly skill: S;
  readonly label: string;
  readonly weight: number;
  readonly component: ComponentName;
  /** Why it matters, from the seeds. */
  readonly why: string;
  /** How to show it. */
  readonly suggestion: string;
}

/**
 * How well a resume fits one role.
 * @example
 * const fit: RoleFit = report.roles[0]
 * fit.contributions.reduce((a, c) => a + c.points, 0) // === fit.score (to the hundredth)
 */
export interface RoleFit<R extends string = string, S extends string = string> {
  readonly id: R;
  readonly title: string;
  /** 0 to 100, two decimals; the sum of `contributions[].points`. */
  readonly score: number;
  readonly band: Band;
  readonly contributions: readonly Contribution[];
  /** The role's profile skills the resume does not show, heaviest first. */
  readonly missing: readonly Gap<S>[];
  /** Why the score is 0, when it is. */
  readonly reason?: string;
}

export function bandOf(score: number): Band {
  for (const b of BANDS) if (score >= b.min) return b.band;
  return 'none';
}

const SECTION_FACTOR: Record<SectionKind | 'none', number> = { experience: 1, volunteer: 0.95, certifications: 0.85, education: 0.7, skills: 0.75, summary: 0.7, other: 0.6, none: 0.8 };

/** SECTION_FACTOR by a switch: a keyed lookup with a variable key was most of the cost of `skillStrengths`. */
function sectionFactor(section: string | null | undefined): number {
  const key = section ?? 'none';
  switch (key) {
    case 'experience': return SECTION_FACTOR.experience;
    case 'volunteer': return SECTION_FACTOR.volunteer;
    case 'certifications': return SECTION_FACTOR.certifications;
    case 'education': return SECTION_FACTOR.education;
    case 'skills': return SECTION_FACTOR.skills;
    case 'summary': return SECTION_FACTOR.summary;
    case 'other': return SECTION_FACTOR.other;
    case 'none': return SECTION_FACTOR.none;
    // Not a section name (a hand-edited report given to compareRoles): what the table lookup gave.
    default: return (SECTION_FACTOR as Record<string, number>)[key]!;
  }
}

/** Strength of one piece of evidence for a skill of a category. */
export function evidenceStrength(e: Evidence, category: SkillCategory): number {
  if (e.negated) return 0;
  let f = sectionFactor(e.section);
  // Credentials and coursework are shown by listing them where they belong.
  if (category === 'credential' && (e.section === 'certifications' || e.section === 'education')) f = 1;
  if (category === 'knowledge' && e.section === 'education') f = 1;
  return e.confidence * f * (e.hedged ? HEDGED_FACTOR : 1);
}

/** Per skill: its best evidence strength and that evidence first. */
export interface SkillStrength { readonly strength: number; readonly evidence: readonly Evidence[] }

/** A taxonomy's skills by position, so a resume's strengths can live in an array (built once per analyzer). */
export interface SkillTable {
  readonly skills: readonly Skill[];
  /** Skill id to its position. */
  readonly index: ReadonlyMap<string, number>;
  /** Per skill: the positions of the skills it implies. */
  readonly implies: readonly (readonly number[])[];
  /** Per skill: 1 when it is health care itself (`healthCareSkills`), the skills the health context counts. */
  readonly healthCare: Uint8Array;
}

export function skillTable(skills: readonly Skill[], lexicon?: Lexicon): SkillTable {
  const index = new Map(skills.map((s, k) => [s.id, k]));
  // A validated taxonomy implies only skills it has.
  const implies = skills.map((s) => (s.implies ?? []).flatMap((id) => (index.has(id) ? [index.get(id)!] : [])));
  return { skills, index, implies, healthCare: healthCareSkills(skills, lexicon) };
}

/**
 * A resume's skill strengths by the skill's position in the taxonomy: the role loops look up every profile skill
 * of every role, and an array index costs less than a string key.
 */
export interface Strengths {
  readonly byIndex: readonly (SkillStrength | undefined)[];
  /** How many skills are shown. */
  readonly size: number;
  readonly index: ReadonlyMap<string, number>;
}

export function strengthOf(s: Strengths, id: string): SkillStrength | undefined {
  const k = s.index.get(id);
  return k === undefined ? undefined : s.byIndex[k];
}

/**
 * Per skill of the taxonomy: its best evidence strength, that evidence first. `positions[k]`, when given, is the
 * position of matches[k] (the extraction knows it); otherwise ids are looked up. Matches of skills the taxonomy
 * does not have (a hand-edited report) are left out: no role lists them.
 */
export function skillStrengths(matches: readonly SkillMatch[], table: SkillTable, positions?: readonly number[]): Strengths {
  const byIndex = new Array<SkillStrength | undefined>(table.skills.length);
  let size = 0;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const at = positions ? positions[k]! : table.index.get(m.id);
    if (at === undefined) continue;
    const cat = table.skills[at]!.category;
    const all = m.evidence;
    let best = 0;
    let bestIdx = -1;
    for (let i = 0; i < all.length; i++) {
      const s = evidenceStrength(all[i]!, cat);
      if (s > best) { best = s; bestIdx = i; }
    }
    if (bestIdx < 0) continue;
    // The best evidence first, then the others that are not negated, in text order.
    const ev: Evidence[] = [all[bestIdx]!];
    for (let i = 0; i < all.length; i++) if (i !== bestIdx && !all[i]!.negated) ev.push(all[i]!);
    const strength = Math.round(best * 1000) / 1000;
    const had = byIndex[at];
    if (had === undefined) size++;
    if ((had?.strength ?? -1) < strength) byIndex[at] = { strength, evidence: ev };
    // A narrower skill shows the broader one it implies (EMT-B shows an EMT certification), on the same evidence.
    for (const broader of table.implies[at]!) {
      const was = byIndex[broader];
      if (was === undefined) size++;
      if ((was?.strength ?? -1) < strength) byIndex[broader] = { strength, evidence: ev };
    }
  }
  return { byIndex, size, index: table.index };
}

/** How many distinct health-care skills (`healthCareSkills`) a resume shows with some strength. */
export function healthCareShown(strengths: Strengths, table: SkillTable): number {
  let n = 0;
  const { byIndex } = strengths;
  for (let k = 0; k < byIndex.length; k++) {
    const s = byIndex[k];
    if (s !== undefined && s.strength >= 0.3 && table.healthCare[k] === 1) n++;
  }
  return n;
}

/**
 * The component a profile entry scores in. Credentials score with the skills: the ones that set a role apart (BLS
 * and EMT for the ER technician, EMT-B for the EMT) are in its signature, and a separate credentials component let
 * common cards (CPR, first aid) decide between roles.
 */
export function componentOf(entry: ProfileEntry, skill: Skill | undefined): Exclude<RoleComponent, 'responsibilities'> {
  if (entry.kind === 'distinct' || entry.kind === 'share') return 'signature';
  if (entry.kind === 'soft' || skill?.category === 'soft') return 'soft';
  return 'skills';
}

/** An item to score: a profile skill, a responsibility or a title match. */
export interface ScoreItem {
  readonly component: ComponentName;
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  readonly strength: number;
  readonly evidence: readonly Evidence[];
  /**
   * The id's place among all ids of the taxonomy in string order (equal ids, equal ranks), when the analyzer
   * knows it: contributions are then ordered by a numeric key instead of a comparator.
   */
  readonly rank?: number;
}

/**
 * A role's components with entries and their saturation denominators: the same for every resume, so an analyzer
 * works them out once per role.
 */
export interface Shares {
  /** The points of the components present (scaled to 100 in `allocateShares`). */
  readonly base: number;
  readonly parts: readonly { readonly component: ComponentName; readonly points: number; readonly denom: number }[];
}

export function sharesOf(totals: ReadonlyMap<ComponentName, number>): Shares {
  let base = 0;
  const parts: Shares['parts'][number][] = [];
  for (const c of COMPONENT_NAMES) {
    const total = totals.get(c) ?? 0;
    if (!(total > 0)) continue;
    base += COMPONENT_POINTS[c];
    parts.push({ component: c, points: COMPONENT_POINTS[c], denom: Math.max(SATURATION_FLOOR[c], Math.min(SATURATION[c] * total, SATURATION_CAP[c])) });
  }
  return { base, parts };
}

// Scratch space of `allocateShares`, grown when a role has more items. Scoring is synchronous and does not
// re-enter, so one set serves every call; typed arrays made per call would be allocated off the JS heap.
let exactOf = new Float64Array(128);
let floorsOf = new Float64Array(128);
let sortedOf = new Float64Array(128);
let keysOf = new Float64Array(128);
/** Ranks and item counts below these keep the sort keys of `allocateShares` exact integers. */
const RANK_LIMIT = 1 << 20;
const ITEM_LIMIT = 1 << 16;

/** The r-th largest (1-based) of the first n values, by insertion into scratch space: no comparator calls. */
function nthLargest(values: Float64Array, n: number, r: number): number {
  if (n > 256) return values.slice(0, n).sort()[n - r]!; // adversarial sizes: O(n log n)
  const sorted = sortedOf;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    let j = i;
    for (; j > 0 && sorted[j - 1]! < x; j--) sorted[j] = sorted[j - 1]!;
    sorted[j] = x;
  }
  return sorted[r - 1]!;
}

/**
 * Turns a role's scored items into contributions whose points add up exactly (in hundredths) to the score; the
 * components with entries (`shares`, from the role's total weights) share 100 points.
 */
export function allocateShares(items: readonly ScoreItem[], shares: Shares, extra: { component: ComponentName; points: number } | null): { contributions: Contribution[]; score: number } {
  if (items.length > exactOf.length) {
    exactOf = new Float64Array(items.length * 2);
    floorsOf = new Float64Array(items.length * 2);
    sortedOf = new Float64Array(items.length * 2);
    keysOf = new Float64Array(items.length * 2);
  }
  const exact = exactOf;
  const floors = floorsOf;
  // Loops rather than filter/map/reduce chains (this runs for every role of every resume); every sum is taken in
  // item order, as it always was, so the floating-point results are the same.
  // The extra component takes only what its items earn (a weak title match takes a few points, not all ten).
  let extraEarned = 0;
  let extraAll = 0;
  if (extra) {
    for (const x of items) {
      if (x.component !== extra.component) continue;
      extraAll += x.weight * x.strength;
      if (x.strength > 0) extraEarned += x.weight * x.strength;
    }
  }
  const extraPoints = extra ? extra.points * Math.min(1, extraEarned) : 0;
  const scale = shares.base > 0 ? (100 - extraPoints) / shares.base : 0;
  const scored: ScoreItem[] = [];
  let n = 0;
  for (const part of shares.parts) {
    const c = part.component;
    const max = part.points * scale;
    const from = n;
    let sum = 0;
    for (const i of items) {
      if (i.component !== c || !(i.strength > 0)) continue;
      const p = (max * i.weight * i.strength) / part.denom;
      sum += p;
      scored.push(i);
      exact[n++] = p;
    }
    const cap = sum > max ? max / sum : 1;
    for (let k = from; k < n; k++) exact[k] = exact[k]! * cap;
  }
  if (extra) {
    const denom = Math.max(1, extraAll);
    for (const i of items) {
      if (i.component !== extra.component || !(i.strength > 0)) continue;
      scored.push(i);
      exact[n++] = (extra.points * i.weight * i.strength) / denom;
    }
  }
  // Largest-remainder rounding to hundredths, so the parts add up exactly to the rounded total.
  let exactSum = 0;
  for (let k = 0; k < n; k++) exactSum += exact[k]!;
  let rest = Math.min(10000, Math.round(exactSum * 100));
  for (let k = 0; k < n; k++) { floors[k] = Math.floor(exact[k]! * 100 + 1e-9); rest -= floors[k]!; }
  if (rest >= n) {
    for (let k = 0; k < n; k++) floors[k]!++;
    rest -= n;
  } else if (rest > 0) {
    // The `rest` largest remainders get a hundredth each, ties to the earlier item: every remainder above the
    // rest-th largest, then those equal to it in item order. No sort: the threshold is all that is needed.
    for (let k = 0; k < n; k++) exact[k] = exact[k]! * 100 - floors[k]!;
    const threshold = nthLargest(exact, n, rest);
    for (let k = 0; k < n; k++) if (exact[k]! > threshold) { floors[k]!++; rest--; }
    for (let k = 0; k < n && rest > 0; k++) if (exact[k] === threshold) { floors[k]!++; rest--; }
  }
  for (let k = n - 1; rest < 0 && k >= 0; k--) { const take = Math.min(floors[k]!, -rest); floors[k]! -= take; rest += take; }
  const contributions: Contribution[] = [];
  let hundredths = 0;
  // Most points first, then by id, then in item order: with every rank known, as one number per item sorted
  // natively ((10000 - hundredths), rank and position packed into an exact integer), else with a comparator.
  let m = 0;
  const keys = keysOf;
  for (let k = 0; k < n && m >= 0; k++) {
    const h = floors[k]!;
    if (h <= 0) continue;
    const rank = scored[k]!.rank;
    if (rank === undefined || !(rank >= 0 && rank < RANK_LIMIT) || n >= ITEM_LIMIT) m = -1;
    else keys[m++] = ((10000 - h) * RANK_LIMIT + rank) * ITEM_LIMIT + k;
  }
  if (m >= 0) {
    const sorted = keys.subarray(0, m).sort();
    for (let x = 0; x < m; x++) {
      const key = sorted[x]!;
      const k = key - Math.floor(key / ITEM_LIMIT) * ITEM_LIMIT; // exact (a power of two); % on doubles is a slow fmod
      const h = floors[k]!;
      const r = scored[k]!;
      contributions.push({ component: r.component, id: r.id, label: r.label, points: h / 100, weight: r.weight, strength: r.strength, evidence: r.evidence });
      hundredths += h;
    }
    return { contributions, score: hundredths / 100 };
  }
  for (let k = 0; k < n; k++) {
    const h = floors[k]!;
    if (h <= 0) continue;
    const r = scored[k]!;
    contributions.push({ component: r.component, id: r.id, label: r.label, points: h / 100, weight: r.weight, strength: r.strength, evidence: r.evidence });
    hundredths += h;
  }
  stableSort(contributions, byPoints);
  return { contributions, score: hundredths / 100 };
}

/** Contributions, most points first, then by id. */
const byPoints = (a: Contribution, b: Contribution): number => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const COMPONENT_NAMES = Object.keys(COMPONENT_POINTS) as (keyof typeof COMPONENT_POINTS)[];

export type { Role };
