/**
 * The date reader's lexer: digit runs, letter runs and single punctuation marks, with offsets; and the words it
 * knows (months, seasons, "present", range words, number words, units). Linear, no backtracking.
 */
import { codes, isAsciiLetter, isDash, isDigit } from '../codes.js';

export type DateTokenKind = 'num' | 'word' | 'dash' | 'slash' | 'dot' | 'apos' | 'comma' | 'plus' | 'open' | 'close' | 'other';
/** One token of a date expression: its kind and span [start, end) in the string lexed. */
export interface DateToken {
  readonly kind: DateTokenKind;
  readonly start: number;
  readonly end: number;
  /** A digit run's value (-1 for a run of more than six digits), else 0. */
  readonly value: number;
  /** A letter run that may be a date word, lower case; '' for every other token. */
  readonly word: string;
}

/**
 * Lexes a line for the date reader.
 * @example
 * lex("Jan '19").map((t) => t.kind) // ['word', 'apos', 'num']
 */
export function lex(s: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      // Long digit runs (phone numbers, ids) are never dates; cap the value so Number stays exact.
      out.push({ kind: 'num', start: i, end: j, value: j - i <= 6 ? Number(s.slice(i, j)) : -1, word: '' });
      i = j;
    } else if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < n && isAsciiLetter(s.charCodeAt(j))) j++;
      // Only a run that may be one of the date words gets its lower-cased text: the others stay '' (never a keyword).
      const len = j - i;
      const word = len < 32 && (KEY_LENGTHS[(c | codes.caseBit) - codes.lowercaseA]! >>> len) & 1 ? s.slice(i, j).toLowerCase() : '';
      out.push({ kind: 'word', start: i, end: j, value: 0, word });
      i = j;
    } else {
      let kind: DateTokenKind | null = 'other';
      if (c === codes.space || c === codes.tab || c === codes.carriageReturn || c === codes.lineFeed || c === codes.noBreakSpace) kind = null;
      else if (isDash(c) || c === codes.tilde || c === codes.minusSign) kind = 'dash';
      else if (c === codes.slash) kind = 'slash';
      else if (c === codes.dot) kind = 'dot';
      else if (isApostrophe(c)) kind = 'apos';
      else if (c === codes.comma) kind = 'comma';
      else if (c === codes.plusSign) kind = 'plus';
      else if (c === codes.leftParenthesis || c === codes.leftSquareBracket) kind = 'open';
      else if (c === codes.rightParenthesis || c === codes.rightSquareBracket) kind = 'close';
      if (kind) out.push({ kind, start: i, end: i + 1, value: 0, word: '' });
      i++;
    }
  }
  return out;
}

/** An apostrophe as resumes type it: ' ’ ‘ or `. */
export function isApostrophe(c: number): boolean {
  return c === codes.apostrophe || c === codes.rightSingleQuote || c === codes.leftSingleQuote || c === codes.graveAccent;
}

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);
/** Season -> [first month, last month]. Winter is the academic winter term (Jan-Mar) so it stays in its year. */
export const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['spring', [3, 5]], ['summer', [6, 8]], ['fall', [9, 11]], ['autumn', [9, 11]], ['winter', [1, 3]],
]);
export const PRESENT: ReadonlySet<string> = new Set(['present', 'current', 'currently', 'now', 'today', 'ongoing', 'pres']);
export const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'through', 'thru', 'until', 'till']);
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20],
]);
export const YEAR_UNITS: ReadonlySet<string> = new Set(['year', 'years', 'yr', 'yrs']);
export const MONTH_UNITS: ReadonlySet<string> = new Set(['month', 'months', 'mo', 'mos', 'mths', 'mth']);
/**
 * Every word the date reader compares a token's `word` with (keep in step with the tables above and the literals in
 * rangeAt and durationAt): per first letter, a bit for each length such a word has.
 */
const KEY_LENGTHS: readonly number[] = (() => {
  const words = [...MONTHS.keys(), ...SEASONS.keys(), ...PRESENT, ...RANGE_WORDS, ...NUMBER_WORDS.keys(), ...YEAR_UNITS, ...MONTH_UNITS, 'since', 'date', 'and'];
  const out = new Array<number>(26).fill(0);
  for (const w of words) out[w.charCodeAt(0) - 97]! |= 1 << w.length;
  return out;
})();
