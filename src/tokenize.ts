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

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
const LETTER = /\p{L}|\p{N}/u;
function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 0x80) return isAsciiAlnum(c);
  if (c === 0x2022) return false;
  return LETTER.test(text[i]!);
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * Tokenizes normalized text. Linear: every character is visited a bounded number of times.
 * @example
 * tokenize('B.P. and EKG/ECG').map((t) => t.raw) // ['BP', 'and', 'EKG', 'ECG']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let gap = 0;
  let line = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(text, i, c)) {
      if (c === 10) {
        if (gap & GAP_NEWLINE) gap |= GAP_BLANK_LINE;
        else {
          // Blank lines may hold spaces: look back for another newline with only spaces between.
          gap |= GAP_NEWLINE;
        }
        line++;
        // A line break followed (after spaces) by a lower-case letter continues a wrapped sentence.
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        const d = j < n ? text.charCodeAt(j) : 0;
        if (d >= 97 && d <= 122) gap |= GAP_BROKEN_LINE;
        else gap &= ~GAP_BROKEN_LINE;
      } else if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 124 || c === 0x2022 || c === 0x2026) gap |= GAP_CLAUSE;
      else if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 60 || c === 62 || c === 34) gap |= GAP_BRACKET;
      else if (c === 45 || c === 47 || c === 43 || c === 38 || c === 92) gap |= GAP_JOINER;
      else if (c !== 32 && c !== 9 && c !== 39 && c !== 42 && c !== 35 && c !== 95 && c !== 61 && c !== 126) gap |= GAP_CLAUSE;
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
        tokens.push({ start, end: j, raw, lower: raw.toLowerCase(), gap, line });
        gap = 0;
        i = j;
        continue;
      }
    }
    let j = i + 1;
    for (;;) {
      while (j < n && isWordChar(text, j, text.charCodeAt(j))) j++;
      // An apostrophe inside a word (don't) continues it; a possessive or plural 's (EKG's) ends it.
      if (text.charCodeAt(j) === 39 && j + 1 < n && isWordChar(text, j + 1, text.charCodeAt(j + 1))) {
        const s = text.charCodeAt(j + 1);
        if ((s === 115 || s === 83) && !(j + 2 < n && isWordChar(text, j + 2, text.charCodeAt(j + 2)))) {
          const raw = text.slice(start, j);
          tokens.push({ start, end: j, raw, lower: raw.toLowerCase(), gap, line });
          gap = 0;
          i = j + 2;
          break;
        }
        j++;
        continue;
      }
      const raw = text.slice(start, j);
      tokens.push({ start, end: j, raw, lower: raw.toLowerCase(), gap, line });
      gap = 0;
      i = j;
      break;
    }
  }
  return tokens;
}
