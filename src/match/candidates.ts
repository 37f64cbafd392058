/**
 * Candidates: every place a skill's phrase matches, before overlaps are resolved. The walk goes from each token down
 * the model's trie by the word's keys (stem, exact-case acronym, typo correction), a phrase running over spaces,
 * joiners and a wrapped line but never over punctuation; `notWhen` rules drop the uses that are not the skill.
 */
import { GAP_BLANK_LINE, GAP_BRACKET, GAP_CLAUSE, GAP_COLON, GAP_JOINER, type Token } from '../text/tokenize.js';
import type { NotWhenRule, SkillModel, TrieNode } from './model.js';
import type { MatchKind, RawMention } from './types.js';
import { CONFIDENCE, type WordInfo } from './words.js';

/**
 * A match before overlaps are resolved. It is allocated in the shape of the mention it may become (RawMention's
 * fields, then what resolution reads), so a kept candidate is its own mention: negation and hedging are set in place.
 */
export interface Candidate extends RawMention {
  negated: boolean;
  hedged: boolean;
  cue: string | undefined;
  /** Token span, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Matched an exact-case acronym. */
  readonly acronym: boolean;
}

/** A candidate for tokens i..j-1 (every candidate is this one literal: one hidden class for every reader). */
function candidate(i: number, j: number, skill: number, kind: MatchKind, confidence: number, acronym: boolean): Candidate {
  return { skill, first: i, last: j - 1, kind, confidence, negated: false, hedged: false, cue: undefined, start: i, end: j, acronym };
}

// A phrase may run over spaces, hyphens, slashes and a line break, never over punctuation or a blank line.
const PHRASE_STOP = GAP_CLAUSE | GAP_BRACKET | GAP_BLANK_LINE;

/** True when a `notWhen` rule says this literal, in this context, is not the skill. */
function excluded(model: SkillModel, rules: readonly NotWhenRule[], literal: string, tokens: readonly Token[], i: number, j: number): boolean {
  for (const r of rules) {
    if (r.form !== literal) continue;
    if (i > 0 && !(tokens[i]!.gap & (GAP_CLAUSE | GAP_BLANK_LINE)) && r.before.has(tokens[i - 1]!.lower)) return true;
    if (j < tokens.length && !(tokens[j]!.gap & (GAP_CLAUSE | GAP_BLANK_LINE))) {
      if (r.after.has(tokens[j]!.lower)) return true;
      // A coordinated modifier: "patient and prescription information" ^ reads on to "information".
      if (j + 2 < tokens.length && COORDINATION.has(tokens[j]!.lower) && !(tokens[j + 1]!.gap & PHRASE_STOP) && !(tokens[j + 2]!.gap & PHRASE_STOP) && r.after.has(tokens[j + 2]!.lower)) return true;
    }
    if (r.traitList !== null && r.traitList === inTraitList(model, tokens, i, j)) return true;
    if (r.partOf !== null) for (let k = j; k < tokens.length && k < j + PART_OF_WINDOW && !(tokens[k]!.gap & PHRASE_STOP); k++) if (r.partOf.has(tokens[k]!.lower)) return true;
  }
  return false;
}

const COORDINATION: ReadonlySet<string> = new Set(['and', 'or', '&']);
/** How far a `notWhen.partOf` word may follow the form: "Certified Network Associate Training Program". */
const PART_OF_WINDOW = 4;
/** The gaps that separate two items of one list on one line: a comma or a joiner ("&", "/"), not a line break. */
const ITEM_GAP = GAP_CLAUSE | GAP_JOINER;

/**
 * True when tokens i..j-1 are an item in a list of personal traits: a lexicon `traits` word is the item before or
 * after it, across a comma or a coordination ("team worker, patient, responsible"; "reliable, patient and calm").
 */
function inTraitList(model: SkillModel, tokens: readonly Token[], i: number, j: number): boolean {
  const line = tokens[i]!.line;
  const trait = (k: number): boolean => k >= 0 && k < tokens.length && tokens[k]!.line === line && model.traits.has(tokens[k]!.lower);
  const apart = (k: number): boolean => (tokens[k]!.gap & ITEM_GAP) !== 0 && (tokens[k]!.gap & GAP_COLON) === 0;
  if (i > 0 && apart(i) && trait(i - 1)) return true;
  if (i > 1 && !(tokens[i]!.gap & PHRASE_STOP) && COORDINATION.has(tokens[i - 1]!.lower) && trait(i - 2)) return true;
  if (j < tokens.length && apart(j) && trait(j)) return true;
  if (j + 1 < tokens.length && !(tokens[j]!.gap & PHRASE_STOP) && COORDINATION.has(tokens[j]!.lower) && trait(j + 1)) return true;
  return false;
}

/** The tokens i..j-1 in lower case, joined by spaces (the form aliases are stored in). */
function literalOf(tokens: readonly Token[], i: number, j: number): string {
  let s = tokens[i]!.lower;
  for (let k = i + 1; k < j; k++) s += ` ${tokens[k]!.lower}`;
  return s;
}

/** True when tokens i..j-1, in lower case, are one of the phrases (given as word numbers). */
function isPhrase(phrases: readonly (readonly number[])[], words: readonly WordInfo[], i: number, j: number): boolean {
  outer: for (const ids of phrases) {
    if (ids.length !== j - i) continue;
    for (let k = 0; k < ids.length; k++) if (words[i + k]!.wordId !== ids[k]) continue outer;
    return true;
  }
  return false;
}

/** Bits of how a phrase was matched so far (a stem differing from the word, a typo correction, an exact-case acronym). */
const VIA_STEM = 1;
const VIA_FUZZY = 2;
const VIA_ACRONYM = 4;

/** One text's walk over the trie: what every step reads, made once per text. */
interface PhraseWalk {
  readonly model: SkillModel;
  readonly tokens: readonly Token[];
  readonly words: readonly WordInfo[];
  readonly out: Candidate[];
}

/**
 * Finds every skill mention in normalized text, returning candidates with token spans, before overlap
 * resolution, in order of start. `findMentions` is the entry point.
 */
export function findCandidates(model: SkillModel, tokens: readonly Token[], words: readonly WordInfo[]): Candidate[] {
  const out: Candidate[] = [];
  const w: PhraseWalk = { model, tokens, words, out };
  for (let i = 0; i < tokens.length; i++) {
    const starts = words[i]!.starts;
    if (starts === null) continue;
    for (let t = 0; t < starts.length; t++) {
      const s = starts[t]!;
      // The one-word phrase: its candidates were worked out once for the word.
      const oneWord = s.oneWord;
      if (oneWord !== null) {
        for (let k = 0; k < oneWord.length; k++) {
          const h = oneWord[k]!;
          if (h.rules !== null && excluded(model, h.rules, tokens[i]!.lower, tokens, i, i + 1)) continue;
          out.push(candidate(i, i + 1, h.skill, h.kind, h.confidence, s.acronym));
        }
      }
      if (s.longer !== null) descend(w, s.longer, i, i + 1, (s.usedStem ? VIA_STEM : 0) | (s.fuzzy ? VIA_FUZZY : 0) | (s.acronym ? VIA_ACRONYM : 0));
    }
  }
  return out;
}

/**
 * The candidates of the phrase tokens[start..end-1], which reached `node`, then its continuations (depth first).
 * Top-level functions, not closures per call, so V8 optimizes them once for every resume.
 * @example
 * // "performed 12-lead EKG"   at the node of "12 lead": no skill ends here, so descend to "ekg"
 * //           ^ start  ^ end
 */
function walk(w: PhraseWalk, node: TrieNode, start: number, end: number, via: number): void {
  const hits = node.hits;
  if (hits !== null) {
    const { model, tokens, words, out } = w;
    const acronym = (via & VIA_ACRONYM) !== 0;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      if (h.rules && excluded(model, h.rules, literalOf(tokens, start, end), tokens, start, end)) continue;
      // As kindOf, with the phrase compared word by word (only the skill's phrases of this length can equal it).
      const kind: MatchKind = (via & VIA_FUZZY) !== 0 ? 'fuzzy'
        : h.canonical.length !== 0 && isPhrase(h.canonical, words, start, end) ? 'exact'
        : acronym || (via & VIA_STEM) === 0 || (h.alias.length !== 0 && isPhrase(h.alias, words, start, end)) ? 'alias' : 'stem';
      out.push(candidate(start, end, h.skill, kind, CONFIDENCE[kind], acronym));
    }
  }
  if (node.keys !== null) descend(w, node, start, end, via);
}

/** The child of `node` (which has children) by a key number (>= 0), or null. */
function childOf(node: TrieNode, key: number): TrieNode | null {
  const keys = node.keys!;
  const mask = keys.length - 1;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === key) return node.kids![slot]!;
    if (k === -1) return null;
  }
}

/**
 * Goes on from `node` with the token at `end`, by each of its keys (stem, acronym, typo correction) that the node has.
 * @example
 * // "BLS/ACLS certified"   a joiner continues a phrase; "BLS. ACLS" would stop here (PHRASE_STOP)
 * //     ^ end
 */
function descend(w: PhraseWalk, node: TrieNode, start: number, end: number, via: number): void {
  const { tokens } = w;
  if (end >= tokens.length || tokens[end]!.gap & PHRASE_STOP) return;
  const word = w.words[end]!;
  // A key of -1 continues no phrase; the others are looked up by number.
  if (word.stemKey >= 0) {
    const byStem = childOf(node, word.stemKey);
    if (byStem) walk(w, byStem, start, end + 1, word.stemmed ? via | VIA_STEM : via);
  }
  if (word.acronymKey >= 0) {
    const byAcronym = childOf(node, word.acronymKey);
    if (byAcronym) walk(w, byAcronym, start, end + 1, via | VIA_ACRONYM);
  }
  if (word.fuzzyKey >= 0) {
    const byFuzzy = childOf(node, word.fuzzyKey);
    if (byFuzzy) walk(w, byFuzzy, start, end + 1, via | VIA_FUZZY);
  }
}
