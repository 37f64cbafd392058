/**
 * Step 5: match the seed's responsibility phrases against the resume's lines and bullets by meaning.
 * Each phrase and each line become bags of concepts: synonym-group heads ("took", "obtained" and "recorded"
 * are one concept), Porter stems, and the taxonomy skills found in them. Similarity is the IDF-weighted
 * share of the phrase's concepts that the line covers.
 */
import { stemOf, type RawMention, type SkillMatcher, type WordInfo } from './match-skills.js';
import { GAP_BROKEN_LINE, GAP_NEWLINE, tokenize, type Token } from './tokenize.js';
import type { Lexicon, Responsibility } from './taxonomy.js';

/**
 * A line must cover this share of a responsibility's weighted concepts to count as showing it.
 * @example
 * report.responsibilities.every((r) => r.similarity >= RESPONSIBILITY_THRESHOLD) // true
 */
export const RESPONSIBILITY_THRESHOLD = 0.35;
/**
 * A line that shows none of the skills a responsibility names ("support other technicians" without ABA or autism)
 * must cover this much more to count: shared filler words are not the duty.
 */
export const UNANCHORED_THRESHOLD = 0.6;
/** Weight of a taxonomy skill named by a responsibility, relative to word concepts. */
const SKILL_CONCEPT_WEIGHT = 2;
/** Generic verbs and nouns ("assist", "duties") still count, at this share of their IDF weight. */
const WEAK_FACTOR = 0.3;

interface CompiledResponsibility {
  readonly r: Responsibility;
  readonly concepts: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface ResponsibilityMatcher {
  readonly items: readonly CompiledResponsibility[];
  readonly group: ReadonlyMap<string, string>;
  readonly stop: ReadonlySet<string>;
  readonly skillIndex: ReadonlyMap<string, number>;
  /** Inverted index: concept id -> the responsibilities that use it, with its weight in each. */
  readonly postings: readonly (readonly { item: number; weight: number; skill: boolean }[])[];
  /** Concept id of each responsibility concept ("~took", "splint", "skill:ekg"). */
  readonly conceptIds: ReadonlyMap<string, number>;
  /** Concept id of each taxonomy skill by its index in the skill matcher, or -1. */
  readonly skillConcept: Int32Array;
  /** Memo: lower-case word -> concept id, or -1 for a word no responsibility uses. One lookup per token. */
  readonly wordConcept: Map<string, number>;
  /** Per item: 1 when the responsibility names skills (a line must show one, or cover more; see UNANCHORED_THRESHOLD). */
  readonly hasSkills: Uint8Array;
}

function conceptOf(m: SkillMatcher, group: ReadonlyMap<string, string>, lower: string): string {
  return group.get(lower) ?? group.get(stemOf(m, lower)) ?? stemOf(m, lower);
}

export function compileResponsibilities(list: readonly Responsibility[], lexicon: Lexicon, sm: SkillMatcher): ResponsibilityMatcher {
  const group = new Map<string, string>();
  for (const g of lexicon.synonyms) {
    const head = `~${g[0]!.toLowerCase()}`;
    for (const w of g) {
      const lw = w.toLowerCase();
      if (!group.has(lw)) group.set(lw, head);
      const s = stemOf(sm, lw);
      if (!group.has(s)) group.set(s, head);
    }
  }
  const stop = new Set(lexicon.stopwords.map((w) => w.toLowerCase()));
  const weak = new Set(lexicon.weakWords.map((w) => conceptOf(sm, group, w.toLowerCase())));
  const skillIndex = new Map(sm.skills.map((s, i) => [s.id, i]));
  const bags = list.map((r) => {
    const words = new Set<string>();
    for (const t of tokenize(r.normalized)) if (!stop.has(t.lower)) words.add(conceptOf(sm, group, t.lower));
    return words;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const c of b) df.set(c, (df.get(c) ?? 0) + 1);
  const n = list.length;
  const items = list.map((r, i) => {
    const concepts = new Map<string, number>();
    for (const c of bags[i]!) concepts.set(c, Math.log(1 + n / df.get(c)!) * (weak.has(c) ? WEAK_FACTOR : 1));
    for (const s of r.skills) concepts.set(`skill:${s}`, SKILL_CONCEPT_WEIGHT);
    let total = 0;
    for (const w of concepts.values()) total += w;
    return { r, concepts, total };
  });
  const conceptIds = new Map<string, number>();
  const postings: { item: number; weight: number; skill: boolean }[][] = [];
  items.forEach((item, i) => {
    for (const [c, weight] of item.concepts) {
      let id = conceptIds.get(c);
      if (id === undefined) { id = postings.length; conceptIds.set(c, id); postings.push([]); }
      postings[id]!.push({ item: i, weight, skill: c.startsWith('skill:') });
    }
  });
  const skillConcept = Int32Array.from(sm.skills, (sk) => conceptIds.get(`skill:${sk.id}`) ?? -1);
  const hasSkills = Uint8Array.from(items, (it) => (it.r.skills.length > 0 ? 1 : 0));
  return { items, group, stop, skillIndex, postings, conceptIds, skillConcept, wordConcept: new Map(), hasSkills };
}

const WORD_MEMO_LIMIT = 200_000;
function wordConcept(rm: ResponsibilityMatcher, sm: SkillMatcher, lower: string): number {
  let id = rm.wordConcept.get(lower);
  if (id === undefined) {
    id = rm.stop.has(lower) ? -1 : rm.conceptIds.get(conceptOf(sm, rm.group, lower)) ?? -1;
    if (rm.wordConcept.size >= WORD_MEMO_LIMIT) rm.wordConcept.clear();
    rm.wordConcept.set(lower, id);
  }
  return id;
}

/** The concept of a token: kept on its word record (one property read) when the analyzer's word table made it. */
function tokenConcept(rm: ResponsibilityMatcher, sm: SkillMatcher, t: Token): number {
  const info = t.lex.info as WordInfo | null;
  if (info === null) return wordConcept(rm, sm, t.lower);
  if (info.conceptFor !== rm) { info.concept = wordConcept(rm, sm, t.lower); info.conceptFor = rm; }
  return info.concept;
}

/** A line (or a bullet wrapped over several lines) as token indices. */
export interface LineUnit { readonly first: number; readonly last: number }

/** Splits tokens into lines; a wrapped line (next line starts in lower case) continues the unit. */
export function lineUnits(tokens: readonly Token[]): LineUnit[] {
  const units: LineUnit[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || ((tokens[i]!.gap & GAP_NEWLINE) !== 0 && (tokens[i]!.gap & GAP_BROKEN_LINE) === 0)) {
      if (i > first) units.push({ first, last: i - 1 });
      first = i;
    }
  }
  return units;
}

export interface RawResponsibilityMatch {
  readonly index: number;
  readonly similarity: number;
  readonly passed: boolean;
  /** Up to two best lines, best first, with their similarity. */
  readonly lines: readonly { unit: LineUnit; similarity: number }[];
}

/**
 * Scores every line against every responsibility in one pass over the lines: each line's concepts are looked up
 * in the inverted index, so the cost is the number of tokens, not tokens x responsibilities.
 */
export function matchResponsibilities(rm: ResponsibilityMatcher, sm: SkillMatcher, tokens: readonly Token[], mentions: readonly RawMention[]): RawResponsibilityMatch[] {
  const units = lineUnits(tokens);
  const nItems = rm.items.length;
  // Best two lines per responsibility: [unit index, covered weight] pairs, best first.
  // Plain arrays: typed arrays of this size are allocated off the JS heap, which costs more than the matching.
  const best1 = new Array<number>(nItems).fill(-1);
  const best2 = new Array<number>(nItems).fill(-1);
  const cov1 = new Array<number>(nItems).fill(0);
  const cov2 = new Array<number>(nItems).fill(0);
  const covered = new Array<number>(nItems).fill(0);
  const anchored = new Array<number>(nItems).fill(0); // 1: the line shows one of the skills the responsibility names
  const hasSkills = rm.hasSkills;
  const seenIn = new Array<number>(rm.postings.length).fill(-1); // the last unit each concept was counted in
  const touched: number[] = [];
  let mention = 0;
  const add = (concept: number, u: number): void => {
    if (concept < 0 || seenIn[concept] === u) return;
    seenIn[concept] = u;
    for (const p of rm.postings[concept]!) {
      if (covered[p.item] === 0) touched.push(p.item);
      covered[p.item]! += p.weight;
      if (p.skill) anchored[p.item] = 1;
    }
  };
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    for (let i = unit.first; i <= unit.last; i++) add(tokenConcept(rm, sm, tokens[i]!), u);
    // Skills mentioned on the line (not negated) count as concepts of it.
    while (mention < mentions.length && mentions[mention]!.first <= unit.last) {
      const m = mentions[mention++]!;
      if (!m.negated && m.first >= unit.first) add(rm.skillConcept[m.skill]!, u);
    }
    for (const item of touched) {
      let c = covered[item]!;
      // A line without any of the duty's skills counts half, unless it is close to the phrase anyway.
      if (hasSkills[item] && !anchored[item] && c / rm.items[item]!.total < UNANCHORED_THRESHOLD) c /= 2;
      covered[item] = 0;
      anchored[item] = 0;
      // Ties keep the earlier line, as lines are visited in order.
      if (c > cov1[item]!) { best2[item] = best1[item]!; cov2[item] = cov1[item]!; best1[item] = u; cov1[item] = c; }
      else if (c > cov2[item]!) { best2[item] = u; cov2[item] = c; }
    }
    touched.length = 0;
  }
  return rm.items.map((item, index) => {
    const round = (c: number): number => Math.round((c / item.total) * 1000) / 1000;
    const lines: { unit: LineUnit; similarity: number }[] = [];
    if (best1[index]! >= 0) lines.push({ unit: units[best1[index]!]!, similarity: round(cov1[index]!) });
    if (best2[index]! >= 0 && round(cov2[index]!) >= RESPONSIBILITY_THRESHOLD) lines.push({ unit: units[best2[index]!]!, similarity: round(cov2[index]!) });
    const best = lines[0]?.similarity ?? 0;
    return { index, similarity: best, passed: best >= RESPONSIBILITY_THRESHOLD, lines };
  });
}
