/**
 * Skill matching, the stage's entry: `compileSkills` gives an analyzer its matcher (the shared model, its own cache
 * and scratch), and `findMentions` finds the skill mentions in a text's tokens: candidates, overlaps resolved,
 * negation and hedging applied, context checked.
 */
import type { Lexicon, Skill } from '../taxonomy.js';
import type { Token, WordTable } from '../text/tokenize.js';
import { findCandidates } from './candidates.js';
import { inContext } from './context.js';
import { compileSkillModel, type SkillModel } from './model.js';
import { lookBack, postCue, postNegation, POST_WINDOW, preCue, SCRATCH_KEEP, type MatchScratch } from './negation.js';
import { keepWithNested } from './overlaps.js';
import type { RawMention } from './types.js';
import { createMatchCache, wordInfos, type MatchCache } from './words.js';

export type { Evidence, MatchKind, RawMention, SkillMatch } from './types.js';

/** An analyzer's skill matcher: the model (built once, never changed), the analyzer's cache, and per-call scratch. */
export interface SkillMatcher {
  readonly model: SkillModel;
  readonly cache: MatchCache;
  readonly scratch: MatchScratch;
  /** The taxonomy's skills (the model's). */
  readonly skills: readonly Skill[];
  /** The cache's word table: tokenize a text with it before `findMentions`. */
  readonly words: WordTable;
}

/**
 * A matcher over a compiled model, with a fresh cache and scratch: analyzers (or workers, given a structured clone of
 * the model) can share one model.
 */
export function matcherOf(model: SkillModel, cache: MatchCache = createMatchCache()): SkillMatcher {
  return { model, cache, scratch: { lookBack: new Int32Array(0) }, skills: model.skills, words: cache.words };
}

/**
 * Compiles skills into a model and returns a matcher over it, its cache's stem memo warm with the taxonomy's words.
 * Cost: about the number of alias words times one stem.
 */
export function compileSkills(skills: readonly Skill[], lexicon: Lexicon): SkillMatcher {
  const cache = createMatchCache();
  return matcherOf(compileSkillModel(skills, lexicon, cache.stemMemo), cache);
}

/** Finds the skill mentions in tokens: candidates, overlaps resolved, negation and hedging applied. */
export function findMentions(m: SkillMatcher, tokens: readonly Token[]): RawMention[] {
  const { model, scratch } = m;
  const words = wordInfos(model, m.cache, tokens);
  const cands = findCandidates(model, tokens, words);
  const kept = keepWithNested(model, tokens, cands);
  const lb = lookBack(scratch, tokens, words);
  const n = tokens.length;
  // The kept candidates are the mentions (fresh objects of this call): negation and hedging are set on them.
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    // The post-cue scans look at most POST_WINDOW tokens from c.end: with no cue word starting there, they find none.
    const post = lb.post[Math.min(n, c.end + POST_WINDOW)]! >= c.end;
    const neg = preCue(tokens, words, lb, c.start, false, model.hedgeVoidedBy) ?? (post ? postNegation(tokens, words, c.end) : null);
    const hedge = neg ? null : preCue(tokens, words, lb, c.start, true, model.hedgeVoidedBy) ?? (post ? postCue(tokens, words, c.end) : null);
    if (neg !== null) { c.negated = true; c.cue = neg.text; } else if (hedge !== null) { c.hedged = true; c.cue = hedge.text; }
  }
  // A very long text does not leave its look-back buffer on the analyzer (16 MB after a 2 MB text).
  if (scratch.lookBack.length > SCRATCH_KEEP) scratch.lookBack = new Int32Array(0);
  return inContext(model, tokens, words, lb, kept);
}
