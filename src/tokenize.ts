/**
 * Step 2: split normalized text into word tokens with positions, and record what separates each token
 * from the one before it (phrase matching stops at punctuation; negation scope stops at clause ends).
 */

/** Bits describing the gap before a token. */
export const GAP_NEWLINE = 1; // at least one line break
export const GAP_BLANK_LINE = 2; // an empty line (paragraph break)
export const GAP_CLAUSE = 4; // . , ; : ! ? | or a bullet
export const GAP_BRACKET = 8; // ( ) [ ] { } < > "
export const GAP_JOINER = 16; // - / + & (kept inside phrases: EMT-B, CPR/AED)
export const GAP_BROKEN_LINE = 32; // the line break looks like a wrapped sentence (next line starts in lower case)
export const GAP_COLON = 64; // a colon (with GAP_CLAUSE): "label: value" forms such as "EKG experience: none"

export interface Token {
  /** Offsets in the normalized text. */
  readonly start: number;
  readonly end: number;
  /** The token as written, with dotted acronyms collapsed (`B.P.` gives `BP`). */
  readonly raw: string;
  /** Lower-case form. */
  readonly lower: string;
  /** GAP_* bits for what stands between the previous token and this one. */
  readonly gap: number;
  /** Index of the line (in the normalized text) the token starts on. */
  readonly line: number;
}

// Character classes of ASCII, looked up once per character.
const WORD = 1;
const SPACE = 2;
const NEWLINE = 3;
const CLAUSE = 4;
const BRACKET = 5;
const JOINER = 6;
const OTHER = 7; // other punctuation: ends a clause
const ASCII = new Uint8Array(128).fill(OTHER);
for (let c = 48; c <= 57; c++) ASCII[c] = WORD;
for (let c = 65; c <= 90; c++) ASCII[c] = WORD;
for (let c = 97; c <= 122; c++) ASCII[c] = WORD;
for (const c of ' \t\'*#_=~') ASCII[c.charCodeAt(0)] = SPACE;
for (const c of '.,;:!?|') ASCII[c.charCodeAt(0)] = CLAUSE;
for (const c of '()[]{}<>"') ASCII[c.charCodeAt(0)] = BRACKET;
for (const c of '-/+&\\') ASCII[c.charCodeAt(0)] = JOINER;
ASCII[10] = NEWLINE;

const LETTER = /\p{L}|\p{N}/u;
function classOf(text: string, i: number, c: number): number {
  if (c < 128) return ASCII[c]!;
  if (c === 0x2022 || c === 0x2026) return CLAUSE; // bullet, ellipsis
  return LETTER.test(text[i]!) ? WORD : OTHER;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAsciiAlnum(c: number): boolean {
  return c < 128 && ASCII[c] === WORD;
}

/**
 * Tokenizes normalized text. Linear: every character is visited a bounded number of times.
 * @example
 * tokenize('B.P. and EKG/ECG').map((t) => t.raw) // ['BP', 'and', 'EKG', 'ECG']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  // One lower-casing pass; per-token slices of it when lower-casing kept the length (it nearly always does).
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === n;
  // Not a closure over `gap` and `line`: captured loop variables would live in a context and slow every access.
  const make = (start: number, end: number, raw: string, gap: number, line: number): Token =>
    ({ start, end, raw, lower: sameLength && raw.length === end - start ? lowered.slice(start, end) : raw.toLowerCase(), gap, line });
  let gap = 0;
  let line = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classOf(text, i, c);
    if (k !== WORD) {
      if (k === NEWLINE) {
        if (gap & GAP_NEWLINE) gap |= GAP_BLANK_LINE;
        else gap |= GAP_NEWLINE;
        line++;
        // A line break followed (after spaces) by a lower-case letter continues a wrapped sentence.
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        const d = j < n ? text.charCodeAt(j) : 0;
        if (d >= 97 && d <= 122) gap |= GAP_BROKEN_LINE;
        else gap &= ~GAP_BROKEN_LINE;
      } else if (k === CLAUSE || k === OTHER) gap |= c === 58 ? GAP_CLAUSE | GAP_COLON : GAP_CLAUSE;
      else if (k === BRACKET) gap |= GAP_BRACKET;
      else if (k === JOINER) gap |= GAP_JOINER;
      i++;
      continue;
    }
    const start = i;
    // Dotted acronym: single capitals each followed by a dot (B.P., E.M.T., E.R). Scanned once, never re-tried.
    if (isUpper(c) && text.charCodeAt(i + 1) === 46) {
      let j = i;
      let raw = '';
      while (isUpper(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) {
        raw += text[j];
        j += 2;
      }
      // A last capital with no dot (E.R): taken when nothing alphanumeric follows it.
      if (isUpper(text.charCodeAt(j)) && !isAsciiAlnum(text.charCodeAt(j + 1))) { raw += text[j]; j++; }
      if (raw.length >= 2) {
        tokens.push(make(start, j, raw, gap, line));
        gap = 0;
        i = j;
        continue;
      }
    }
    let j = i + 1;
    for (;;) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128 ? ASCII[d] !== WORD : classOf(text, j, d) !== WORD) break;
        j++;
      }
      // An apostrophe inside a word (don't) continues it; a possessive or plural 's (EKG's) ends it.
      if (text.charCodeAt(j) === 39 && j + 1 < n && classOf(text, j + 1, text.charCodeAt(j + 1)) === WORD) {
        const s = text.charCodeAt(j + 1);
        if ((s === 115 || s === 83) && !(j + 2 < n && classOf(text, j + 2, text.charCodeAt(j + 2)) === WORD)) {
          tokens.push(make(start, j, text.slice(start, j), gap, line));
          gap = 0;
          i = j + 2;
          break;
        }
        j++;
        continue;
      }
      tokens.push(make(start, j, text.slice(start, j), gap, line));
      gap = 0;
      i = j;
      break;
    }
  }
  return tokens;
}
