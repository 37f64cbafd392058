/**
 * Negation and hedging, NegEx-style: a cue before the mention (or, for "EKG - no" and "expected 2027", after it),
 * within its clause. Each text gets look-back chains once (`lookBack`), so a mention's search is a few array reads.
 */
import { GAP_BLANK_LINE, GAP_BROKEN_LINE, GAP_CLAUSE, GAP_COLON, GAP_NEWLINE, type Token } from '../text/tokenize.js';
import type { Cue } from './model.js';
import { CUE_HEDGE_END, CUE_NEGATION_END, CUE_POST_START, CUE_TERMINATOR, type WordInfo } from './words.js';

/**
 * Per-call working space, kept by the analyzer between texts (matching is synchronous and never re-entered): a
 * typed array made per resume would be allocated off the JS heap.
 */
export interface MatchScratch {
  /** The look-back chains of the text being matched (`lookBack`). */
  lookBack: Int32Array;
}

// Negation scope ends at clause punctuation, a blank line, or a line break that is not a wrapped sentence.
export function endsScope(gap: number): boolean {
  return (gap & (GAP_CLAUSE | GAP_BLANK_LINE)) !== 0 || ((gap & GAP_NEWLINE) !== 0 && (gap & GAP_BROKEN_LINE) === 0);
}

export const PRE_WINDOW = 8;
/** Int32 entries of look-back scratch an analyzer keeps between texts (1 MB: texts of about 60,000 tokens). */
export const SCRATCH_KEEP = 1 << 18;
export const POST_WINDOW = 6;

/**
 * Per text, computed once so each mention's look-back is a few array reads: where each token's clause starts
 * (`scope[i]`: the last position at or before i where a negation scope stops), and for each cue kind the chain of
 * positions where such a cue can end (`prev[e]`: the largest e' <= e with a cue ending at token e' - 1, or 0).
 */
export interface LookBack {
  readonly scope: Int32Array;
  readonly negation: Int32Array;
  readonly hedge: Int32Array;
  /**
   * For the cues written after a mention: `post[i]` is the largest s < i where a word starts a hedging or negation
   * cue, or -1. A mention with no such word in its window needs no scan of it.
   */
  readonly post: Int32Array;
}

export function lookBack(scratch: MatchScratch, tokens: readonly Token[], words: readonly WordInfo[]): LookBack {
  const n = tokens.length;
  // The four chains share the scratch buffer: a typed array this size is allocated off the JS heap, which costs more
  // than filling it.
  if (scratch.lookBack.length < 4 * (n + 1)) scratch.lookBack = new Int32Array(Math.max(4 * (n + 1), 2 * scratch.lookBack.length));
  const buf = scratch.lookBack;
  const scope = buf.subarray(0, n + 1);
  const negation = buf.subarray(n + 1, 2 * (n + 1));
  const hedge = buf.subarray(2 * (n + 1), 3 * (n + 1));
  const post = buf.subarray(3 * (n + 1), 4 * (n + 1));
  let sc = 0;
  let ng = 0;
  let hd = 0;
  let ps = -1;
  scope[0] = 0;
  negation[0] = 0;
  hedge[0] = 0;
  post[0] = -1;
  for (let i = 1; i <= n; i++) {
    const f = words[i - 1]!.cueFlags;
    if (i === n || (f & CUE_TERMINATOR) !== 0 || endsScope(tokens[i]!.gap)) sc = i;
    // Most words have no cue role at all.
    if (f !== 0) {
      if (f & CUE_NEGATION_END) ng = i;
      if (f & CUE_HEDGE_END) hd = i;
      if (f & CUE_POST_START) ps = i - 1;
    }
    scope[i] = sc;
    negation[i] = ng;
    hedge[i] = hd;
    post[i] = ps;
  }
  return { scope, negation, hedge, post };
}

/**
 * Finds a cue that ends before token `start`, within PRE_WINDOW tokens of the same clause, nearest first.
 * @example
 * // "no experience with EKG"   the chain gives e (the end of "no"), then the cue's words are compared back from it
 * //    ^ e               ^ start
 */
export function preCue(tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, start: number, hedging: boolean, voidedBy: ReadonlySet<string>): Cue | null {
  const from = Math.max(lb.scope[start]!, start - PRE_WINDOW);
  const prev = hedging ? lb.hedge : lb.negation;
  for (let e = prev[start]!; e > from; e = prev[e - 1]!) {
    const bucket = hedging ? words[e - 1]!.hedgeEnd! : words[e - 1]!.negationEnd!;
    for (const cue of bucket) {
      const n = cue.words.length;
      if (e - n < from) continue;
      let ok = true;
      for (let k = 0; k < n - 1; k++) if (words[e - n + k]!.wordId !== cue.ids[k]) { ok = false; break; }
      if (ok && hedging && e - n > 0 && voidedBy.has(tokens[e - n - 1]!.lower)) ok = false;
      if (ok) return cue;
    }
  }
  return null;
}

/**
 * Finds a cue that starts after token `end`, within POST_WINDOW tokens of the same clause, nearest first.
 * @example
 * // "BLS expected 2027"
 * //      ^ end: "expected" starts a hedging cue
 */
export function postCue(tokens: readonly Token[], words: readonly WordInfo[], end: number): Cue | null {
  let to = end;
  while (to < tokens.length && to - end < POST_WINDOW && !endsScope(tokens[to]!.gap)) to++;
  for (let s = end; s < to; s++) {
    const bucket = words[s]!.postHedgeStart;
    if (!bucket) continue;
    for (const cue of bucket) {
      const n = cue.words.length;
      if (s + n > to) continue;
      let ok = true;
      for (let k = 1; k < n; k++) if (words[s + k]!.wordId !== cue.ids[k]) { ok = false; break; }
      if (ok) return cue;
    }
  }
  return null;
}

/**
 * Finds a negation written after the mention ("EKG - no", "Home health experience: none"): a lexicon `negation.post` word
 * that ends its clause, within POST_WINDOW tokens, crossing at most one colon.
 */
export function postNegation(tokens: readonly Token[], words: readonly WordInfo[], end: number): Cue | null {
  let colons = 0;
  for (let s = end; s < tokens.length && s - end < POST_WINDOW; s++) {
    const gap = tokens[s]!.gap;
    if (endsScope(gap)) {
      if (!(gap & GAP_COLON) || gap & (GAP_NEWLINE | GAP_BLANK_LINE) || ++colons > 1) return null;
    }
    const bucket = words[s]!.postNegationStart;
    if (bucket && (s + 1 === tokens.length || endsScope(tokens[s + 1]!.gap))) return bucket[0]!;
  }
  return null;
}
