/**
 * The one adapter between resume-fit and its NLP packages. natural is imported by deep path only: its root
 * module loads database drivers (mongoose, pg, redis) and prints dotenv lines. tsup bundles these few files
 * into dist, so users never install natural. compromise is not used on any scoring path (DESIGN.md).
 */
// natural's Porter stemmer (~6 KB bundled with its stemmer base and aggressive tokenizer). Never call attach():
// it patches String.prototype.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
// natural's Jaro-Winkler similarity (~1 KB, no dependencies); the Levenshtein module pulls in underscore.
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/** Porter stem of a lower-case word. Callers memoize per analyzer (a cold stem costs about 2 µs). */
export function stem(word: string): string {
  return porterStemmer.stem(word);
}

/** Jaro-Winkler similarity in [0, 1] of two lower-case words. */
export function similarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}
