/**
 * Step 5: match the seed's responsibility phrases against the resume's lines and bullets by meaning.
 * Each phrase and each line become bags of concepts: synonym-group heads ("took", "obtained" and "recorded"
 * are one concept), Porter stems, and the taxonomy skills found in them. Similarity is the IDF-weighted
 * share of the phrase's concepts that the line covers.
 */
import type { Lexicon, Responsibility } from '../taxonomy.js';
import { GAP_BROKEN_LINE, GAP_NEWLINE, tokenize, type Token } from '../text/tokenize.js';
import type { SkillMatcher } from './skills.js';
import type { RawMention } from './types.js';
import { stemOf } from './words.js';

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

/** The responsibilities compiled for matching: built once, never changed. */
export interface ResponsibilityModel {
  readonly items: readonly CompiledResponsibility[];
  readonly group: ReadonlyMap<string, string>;
  readonly stop: ReadonlySet<string>;
  readonly skillIndex: ReadonlyMap<string, number>;
  /**
   * Inverted index, flat: the postings of concept c are entries postStart[c] .. postStart[c + 1] - 1 of postItem
   * (the responsibility), postWeight (the concept's weight in it) and postSkill (1 for a skill concept).
   */
  readonly postStart: ArrayLike<number>;
  readonly postItem: ArrayLike<number>;
  readonly postWeight: ArrayLike<number>;
  readonly postSkill: ArrayLike<number>;
  /** Concept id of each responsibility concept ("~took", "splint", "skill:ekg"). */
  readonly conceptIds: ReadonlyMap<string, number>;
  /** Concept id of each taxonomy skill by its index in the skill matcher, or -1. */
  readonly skillConcept: ArrayLike<number>;
  /** Per item: 1 when the responsibility names skills (a line must show one, or cover more; see UNANCHORED_THRESHOLD). */
  readonly hasSkills: ArrayLike<number>;
  /** Per item: the total weight of its concepts. */
  readonly totals: ArrayLike<number>;
}

/** What an analyzer learns while matching responsibilities: the concept of each word it has seen. */
interface ResponsibilityCache {
  /** Memo: lower-case word -> concept id, or -1 for a word no responsibility uses. */
  readonly wordConcept: Map<string, number>;
  /** The concept of each word of the skill matcher's word table, by `lexeme.id - conceptsFrom`: one array read per token. */
  concepts: (number | undefined)[];
  /** The table's `firstId` when `concepts` was started (a cleared table starts a new list). */
  conceptsFrom: number;
}

/** An analyzer's responsibility matcher: the model, its cache, and per-call scratch. */
export interface ResponsibilityMatcher {
  readonly model: ResponsibilityModel;
  readonly cache: ResponsibilityCache;
  /** Working arrays of matchResponsibilities, reset on each call (typed arrays made per resume would be allocated off the JS heap). */
  readonly scratch: Scratch;
  /** The compiled responsibilities (the model's). */
  readonly items: readonly CompiledResponsibility[];
}

interface Scratch {
  /** Per item: best and second-best covered weight, and the weight the current line covers. */
  readonly bestCovered: Float64Array; readonly secondCovered: Float64Array; readonly covered: Float64Array;
  /** Per item: first and last token of its best and second-best line (-1: none). */
  readonly bestFirst: Int32Array; readonly bestLast: Int32Array; readonly secondFirst: Int32Array; readonly secondLast: Int32Array;
  /** Per item: 1 when the current line shows one of the skills it names. */
  readonly anchored: Uint8Array;
  /** The items the current line touches. */
  readonly touched: Int32Array;
  /** Per concept: the first token of the last line it was counted in. */
  readonly seenIn: Int32Array;
}

function conceptOf(m: SkillMatcher, group: ReadonlyMap<string, string>, lower: string): string {
  return group.get(lower) ?? group.get(stemOf(m.model, m.cache, lower)) ?? stemOf(m.model, m.cache, lower);
}

export function compileResponsibilities(list: readonly Responsibility[], lexicon: Lexicon, sm: SkillMatcher): ResponsibilityMatcher {
  const group = new Map<string, string>();
  for (const g of lexicon.synonyms) {
    const head = `~${g[0]!.toLowerCase()}`;
    for (const w of g) {
      const lw = w.toLowerCase();
      if (!group.has(lw)) group.set(lw, head);
      const s = stemOf(sm.model, sm.cache, lw);
      if (!group.has(s)) group.set(s, head);
    }
  }
  const stop = new Set(lexicon.stopwords.map((w) => w.toLowerCase()));
  const weak = new Set(lexicon.weakWords.map((w) => conceptOf(sm, group, w.toLowerCase())));
  const skillIndex = new Map(sm.model.skills.map((s, i) => [s.id, i]));
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
  const skillConcept = Int32Array.from(sm.model.skills, (sk) => conceptIds.get(`skill:${sk.id}`) ?? -1);
  const hasSkills = Uint8Array.from(items, (it) => (it.r.skills.length > 0 ? 1 : 0));
  const postStart = new Int32Array(postings.length + 1);
  postings.forEach((ps, c) => { postStart[c + 1] = postStart[c]! + ps.length; });
  const flat = postings.flat();
  const model: ResponsibilityModel = {
    items, group, stop, skillIndex, conceptIds, skillConcept, hasSkills,
    postStart,
    postItem: Int32Array.from(flat, (p) => p.item),
    postWeight: Float64Array.from(flat, (p) => p.weight),
    postSkill: Uint8Array.from(flat, (p) => (p.skill ? 1 : 0)),
    totals: Float64Array.from(items, (it) => it.total),
  };
  return {
    model,
    cache: { wordConcept: new Map(), concepts: [], conceptsFrom: 0 },
    scratch: {
      bestCovered: new Float64Array(n), secondCovered: new Float64Array(n), covered: new Float64Array(n),
      bestFirst: new Int32Array(n), bestLast: new Int32Array(n), secondFirst: new Int32Array(n), secondLast: new Int32Array(n),
      anchored: new Uint8Array(n), touched: new Int32Array(n), seenIn: new Int32Array(postings.length),
    },
    items,
  };
}

const WORD_MEMO_LIMIT = 200_000;
function wordConcept(rm: ResponsibilityMatcher, sm: SkillMatcher, lower: string): number {
  const memo = rm.cache.wordConcept;
  let id = memo.get(lower);
  if (id === undefined) {
    const { stop, conceptIds, group } = rm.model;
    id = stop.has(lower) ? -1 : conceptIds.get(conceptOf(sm, group, lower)) ?? -1;
    if (memo.size >= WORD_MEMO_LIMIT) memo.clear();
    memo.set(lower, id);
  }
  return id;
}

/** The concept of a token: one array read when the skill matcher's word table made it (see `Lexeme.id`). */
function tokenConcept(rm: ResponsibilityMatcher, sm: SkillMatcher, t: Token): number {
  const lex = t.lex;
  const { cache } = rm;
  const k = lex.id - cache.conceptsFrom;
  if (lex.table !== sm.words || k < 0) return wordConcept(rm, sm, t.lower);
  return cache.concepts[k] ?? (cache.concepts[k] = wordConcept(rm, sm, t.lower));
}

/** A line (or a bullet wrapped over several lines) as token indices. */
export interface LineUnit { readonly first: number; readonly last: number }

export interface RawResponsibilityMatch {
  readonly index: number;
  readonly similarity: number;
  readonly passed: boolean;
  /** Up to two best lines, best first, with their similarity. */
  readonly lines: readonly { unit: LineUnit; similarity: number }[];
}

/** Adds a concept's weight to every item that uses it (the current line); returns the new count of touched items. */
function cover(rm: ResponsibilityMatcher, concept: number, nTouched: number): number {
  const { postStart, postItem, postWeight, postSkill } = rm.model;
  const { covered, anchored, touched } = rm.scratch;
  for (let p = postStart[concept]!, end = postStart[concept + 1]!; p < end; p++) {
    const item = postItem[p]!;
    if (covered[item] === 0) touched[nTouched++] = item;
    covered[item]! += postWeight[p]!;
    if (postSkill[p]) anchored[item] = 1;
  }
  return nTouched;
}

/**
 * Scores every line against every responsibility in one pass over the tokens: each token's concept is looked up
 * in the inverted index, so the cost is the number of tokens, not tokens x responsibilities. A line ends at a line
 * break, unless the next line is the wrapped rest of it (starts in lower case); only the winning lines become LineUnit
 * objects.
 */
export function matchResponsibilities(rm: ResponsibilityMatcher, sm: SkillMatcher, tokens: readonly Token[], mentions: readonly RawMention[]): RawResponsibilityMatch[] {
  const nItems = rm.items.length;
  const { totals, hasSkills, skillConcept } = rm.model;
  // Best two lines per item, best first. `covered` and `anchored` are back at zero after every line.
  const { bestCovered, secondCovered, covered, bestFirst, bestLast, secondFirst, secondLast, anchored, touched, seenIn } = rm.scratch;
  bestCovered.fill(0); secondCovered.fill(0); covered.fill(0); anchored.fill(0); bestFirst.fill(-1); secondFirst.fill(-1); seenIn.fill(-1);
  // Concepts by word of the skill matcher's table: a cleared table starts a new list.
  const table = sm.words;
  if (rm.cache.conceptsFrom !== table.firstId) { rm.cache.concepts = []; rm.cache.conceptsFrom = table.firstId; }
  let nTouched = 0;
  let mention = 0;
  let first = 0; // the current line's first token
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    // Each item that uses the word's concept covers its weight, once per line (skills on the line likewise below).
    let concept = tokenConcept(rm, sm, tokens[i]!);
    if (concept >= 0 && seenIn[concept] !== first) {
      seenIn[concept] = first;
      nTouched = cover(rm, concept, nTouched);
    }
    // The line (or a bullet wrapped over several lines) ends here unless the next token continues it.
    if (i + 1 < n) {
      const gap = tokens[i + 1]!.gap;
      if ((gap & GAP_NEWLINE) === 0 || (gap & GAP_BROKEN_LINE) !== 0) continue;
    }
    // Skills mentioned on the line (not negated) count as concepts of it.
    while (mention < mentions.length && mentions[mention]!.first <= i) {
      const m = mentions[mention++]!;
      if (m.negated || m.first < first) continue;
      concept = skillConcept[m.skill]!;
      if (concept < 0 || seenIn[concept] === first) continue;
      seenIn[concept] = first;
      nTouched = cover(rm, concept, nTouched);
    }
    for (let k = 0; k < nTouched; k++) {
      const item = touched[k]!;
      let c = covered[item]!;
      // A line without any of the duty's skills counts half, unless it is close to the phrase anyway.
      if (hasSkills[item] && !anchored[item] && c / totals[item]! < UNANCHORED_THRESHOLD) c /= 2;
      covered[item] = 0;
      anchored[item] = 0;
      // Ties keep the earlier line, as lines are visited in order.
      if (c > bestCovered[item]!) {
        secondFirst[item] = bestFirst[item]!; secondLast[item] = bestLast[item]!; secondCovered[item] = bestCovered[item]!;
        bestFirst[item] = first; bestLast[item] = i; bestCovered[item] = c;
      } else if (c > secondCovered[item]!) { secondFirst[item] = first; secondLast[item] = i; secondCovered[item] = c; }
    }
    nTouched = 0;
    first = i + 1;
  }
  const out: RawResponsibilityMatch[] = [];
  for (let index = 0; index < nItems; index++) {
    const total = totals[index]!;
    const lines: { unit: LineUnit; similarity: number }[] = [];
    if (bestFirst[index]! >= 0) lines.push({ unit: { first: bestFirst[index]!, last: bestLast[index]! }, similarity: Math.round((bestCovered[index]! / total) * 1000) / 1000 });
    if (secondFirst[index]! >= 0) {
      const similarity = Math.round((secondCovered[index]! / total) * 1000) / 1000;
      if (similarity >= RESPONSIBILITY_THRESHOLD) lines.push({ unit: { first: secondFirst[index]!, last: secondLast[index]! }, similarity });
    }
    const best = lines[0]?.similarity ?? 0;
    out.push({ index, similarity: best, passed: best >= RESPONSIBILITY_THRESHOLD, lines });
  }
  return out;
}
