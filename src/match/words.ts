/**
 * The analyzer's cache for matching, and what it holds: one record per distinct word (`WordInfo`: its stem, the trie
 * nodes it opens, its typo correction, the cue roles it has), worked out on first sight and kept, so a token costs an
 * array read. The cache belongs to one analyzer (it grows as it reads); the model it reads is shared and never changes.
 */
import { similarity } from '../nlp.js';
import { WordTable, type Token } from '../text/tokenize.js';
import { ACRONYM, FUZZY_MIN_LENGTH, keyOfWord, type Cue, type NotWhenRule, type SkillModel, type TrieNode } from './model.js';
import type { MatchKind } from './types.js';

export const CONFIDENCE: Readonly<Record<MatchKind, number>> = { exact: 1, alias: 0.95, stem: 0.9, fuzzy: 0.75 };

const MEMO_LIMIT = 200_000;
// A word one letter shorter may be corrected only by the letter it dropped ("presure"): substitutions in short
// words turn real words into taxonomy words ("charged" to "charted").
const FUZZY_SHORT = FUZZY_MIN_LENGTH - 1;
const FUZZY_THRESHOLD = 0.93;

/** What an analyzer learns while matching: memos by word, and the word table its texts are tokenized with. */
export interface MatchCache {
  /** The analyzer's interned words: tokenize with it and each token's word record is an array read (`infos`). */
  readonly words: WordTable;
  /** Memo of word -> stem (cleared when it grows past a bound). */
  readonly stemMemo: Map<string, string>;
  readonly fuzzyMemo: Map<string, string | null>;
  /** Memo of token (as written) -> its record, for tokens made outside the word table. */
  readonly wordMemo: Map<string, WordInfo>;
  /** The record of each word of the table, by `lexeme.id - infosFrom`. */
  infos: (WordInfo | undefined)[];
  /** The table's `firstId` when `infos` was started (a cleared table starts a new list). */
  infosFrom: number;
}

export function createMatchCache(): MatchCache {
  return { words: new WordTable(), stemMemo: new Map(), fuzzyMemo: new Map(), wordMemo: new Map(), infos: [], infosFrom: 0 };
}

/** A phrase this word can start: the trie node it opens, and how (booleans, read per token, not string compares). */
export interface PhraseStart {
  /** The node the word opens when phrases go on from it, else null. */
  readonly longer: TrieNode | null;
  readonly usedStem: boolean;
  readonly fuzzy: boolean;
  readonly acronym: boolean;
  /** The candidates of `node.hits` when the phrase is this word alone: they depend on the word only. */
  readonly oneWord: readonly OneWordMatch[] | null;
}

/** A one-word match worked out for the word: the skill, its kind, and the skill's `notWhen` rules for this word. */
export interface OneWordMatch {
  readonly skill: number;
  readonly kind: MatchKind;
  readonly confidence: number;
  /** The rules whose form is this word (the others never apply to it), or null. */
  readonly rules: readonly NotWhenRule[] | null;
}

/**
 * What matching needs to know about one word as written, computed once per analyzer: its trie keys (stem,
 * exact-case acronym, typo correction), the trie nodes it opens from the root, and the cue buckets it ends or starts.
 */
export interface WordInfo {
  readonly stem: string;
  readonly acronym: string | null;
  readonly fuzzy: string | null;
  /** Root children for this word as a first token (stem, acronym, typo), or null when it starts no phrase. */
  readonly starts: readonly PhraseStart[] | null;
  readonly terminator: boolean;
  readonly negationEnd: readonly Cue[] | null;
  readonly hedgeEnd: readonly Cue[] | null;
  readonly postHedgeStart: readonly Cue[] | null;
  readonly postNegationStart: readonly Cue[] | null;
  /** The numbers (`SkillModel.keyIds`) of the word's keys when they continue some phrase, else -1. */
  readonly stemKey: number;
  readonly acronymKey: number;
  readonly fuzzyKey: number;
  /** The stem differs from the word (a match through it is a stem match). */
  readonly stemmed: boolean;
  /** CUE_* bits: the cue roles above in one number, so the look-back pass reads one field per token. */
  readonly cueFlags: number;
  /** The word's number in `SkillModel.wordIds` (lower case), or -1 when no phrase or cue has the word. */
  readonly wordId: number;
  /** The word is a lexicon `healthWords` word (it puts its line in health care). */
  readonly health: boolean;
  /** The word is a plural person noun by its ending ("transcriptionists", "physicians"): see `othersWork`. */
  readonly personPlural: boolean;
}

export const CUE_TERMINATOR = 1;
export const CUE_NEGATION_END = 2;
export const CUE_HEDGE_END = 4;
/** The word starts a cue written after a mention (hedging or negation). */
export const CUE_POST_START = 8;

/** Stem of a lower-case word through the analyzer's memo. */
export function stemOf(model: SkillModel, cache: MatchCache, lower: string): string {
  let s = cache.stemMemo.get(lower);
  if (s === undefined) {
    s = keyOfWord(model.stemOverrides, lower);
    if (cache.stemMemo.size >= MEMO_LIMIT) cache.stemMemo.clear();
    cache.stemMemo.set(lower, s);
  }
  return s;
}

/** The closest long taxonomy word to a misspelt token, or null. Memoized per analyzer. */
export function fuzzyStem(model: SkillModel, cache: MatchCache, lower: string): string | null {
  const memo = cache.fuzzyMemo.get(lower);
  if (memo !== undefined) return memo;
  let best: string | null = null;
  if (!model.fuzzyExclude.has(lower) && /^[a-z]+$/.test(lower)) {
    let bestScore = FUZZY_THRESHOLD;
    for (const w of model.fuzzyVocab.get(lower.slice(0, 2)) ?? []) {
      if (Math.abs(w.length - lower.length) > 2 || w.charCodeAt(w.length - 1) !== lower.charCodeAt(lower.length - 1)) continue;
      if (lower.length === FUZZY_SHORT && w.length !== FUZZY_MIN_LENGTH) continue;
      const s = similarity(lower, w);
      if (s > bestScore || (s === bestScore && best !== null && w < best)) { bestScore = s; best = w; }
    }
  }
  const result = best === null ? null : stemOf(model, cache, best);
  if (cache.fuzzyMemo.size >= MEMO_LIMIT) cache.fuzzyMemo.clear();
  cache.fuzzyMemo.set(lower, result);
  return result;
}

/** How a one-word or longer match was made, as the kind of evidence it is. */
export function kindOf(model: SkillModel, skill: number, literal: string, usedStem: boolean, usedFuzzy: boolean, usedAcronym: boolean): MatchKind {
  return usedFuzzy ? 'fuzzy'
    : model.canonicalForms[skill]!.has(literal) ? 'exact'
    : usedAcronym || model.aliasForms[skill]!.has(literal) ? 'alias' : usedStem ? 'stem' : 'alias';
}

function wordInfo(model: SkillModel, cache: MatchCache, raw: string, lower: string): WordInfo {
  let w = cache.wordMemo.get(raw);
  if (w !== undefined) return w;
  const stem = stemOf(model, cache, lower);
  const acronym = model.acronyms.has(raw) ? ACRONYM + raw : null;
  let fuzzy: string | null = null;
  if (lower.length >= FUZZY_SHORT && !model.stems.has(stem)) fuzzy = fuzzyStem(model, cache, lower);
  if (fuzzy === stem) fuzzy = null;
  const starts: PhraseStart[] = [];
  const start = (key: string, via: 'stem' | 'acronym' | 'fuzzy'): void => {
    const id = model.keyIds.get(key);
    const node = id === undefined ? undefined : model.roots.get(id);
    if (!node) return;
    const usedStem = via === 'stem' && stem !== lower;
    const oneWord = node.hits ? node.hits.map((h): OneWordMatch => {
      const kind = kindOf(model, h.skill, lower, usedStem, via === 'fuzzy', via === 'acronym');
      const rules = h.rules?.filter((r) => r.form === lower) ?? [];
      return { skill: h.skill, kind, confidence: CONFIDENCE[kind], rules: rules.length ? rules : null };
    }) : null;
    starts.push({ longer: node.keys === null ? null : node, usedStem, fuzzy: via === 'fuzzy', acronym: via === 'acronym', oneWord });
  };
  start(stem, 'stem');
  if (acronym) start(acronym, 'acronym');
  if (fuzzy) start(fuzzy, 'fuzzy');
  const innerKey = (key: string | null): number => (key !== null && model.innerKeys.has(key) ? model.keyIds.get(key)! : -1);
  const terminator = model.terminators.has(lower);
  const negationEnd = model.negationCues.get(lower) ?? null;
  const hedgeEnd = model.hedgeCues.get(lower) ?? null;
  const postHedgeStart = model.postHedgeCues.get(lower) ?? null;
  const postNegationStart = model.postNegationCues.get(lower) ?? null;
  w = {
    stem, acronym, fuzzy, starts: starts.length ? starts : null,
    terminator, negationEnd, hedgeEnd, postHedgeStart, postNegationStart,
    stemKey: innerKey(stem),
    acronymKey: innerKey(acronym),
    fuzzyKey: innerKey(fuzzy),
    stemmed: stem !== lower,
    cueFlags: (terminator ? CUE_TERMINATOR : 0) | (negationEnd ? CUE_NEGATION_END : 0) | (hedgeEnd ? CUE_HEDGE_END : 0) |
      (postHedgeStart || postNegationStart ? CUE_POST_START : 0),
    wordId: model.wordIds.get(lower) ?? -1,
    health: model.healthWords.has(lower),
    personPlural: lower.endsWith('ists') || lower.endsWith('ians'),
  };
  if (cache.wordMemo.size >= MEMO_LIMIT) cache.wordMemo.clear();
  cache.wordMemo.set(raw, w);
  return w;
}

/** The word records of a token list: for a token of the analyzer's word table, one array read. */
export function wordInfos(model: SkillModel, cache: MatchCache, tokens: readonly Token[]): WordInfo[] {
  const table = cache.words;
  if (cache.infosFrom !== table.firstId) { cache.infos = []; cache.infosFrom = table.firstId; }
  const { infos, infosFrom } = cache;
  const out = new Array<WordInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const lex = tokens[i]!.lex;
    const k = lex.id - infosFrom;
    // A word made by another table, or before this table was last cleared, goes through the memo.
    if (lex.table !== table || k < 0) { out[i] = wordInfo(model, cache, lex.raw, lex.lower); continue; }
    out[i] = infos[k] ?? (infos[k] = wordInfo(model, cache, lex.raw, lex.lower));
  }
  return out;
}
