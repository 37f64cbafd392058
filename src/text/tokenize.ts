/**
 * Step 2: split normalized text into word tokens with positions, and record what separates each token
 * from the one before it (phrase matching stops at punctuation; negation scope stops at clause ends).
 */
import { codes, isLowerAscii, isUpperAscii } from '../codes.js';

/** Bits describing the gap before a token. */
export const GAP_NEWLINE = 1; // at least one line break
export const GAP_BLANK_LINE = 2; // an empty line (paragraph break)
export const GAP_CLAUSE = 4; // . , ; : ! ? | or a bullet
export const GAP_BRACKET = 8; // ( ) [ ] { } < > "
export const GAP_JOINER = 16; // - / + & (kept inside phrases: EMT-B, CPR/AED)
export const GAP_BROKEN_LINE = 32; // the line break looks like a wrapped sentence (next line starts in lower case)
export const GAP_COLON = 64; // a colon (with GAP_CLAUSE): "label: value" forms such as "EKG experience: none"

/**
 * A distinct word as written, shared by every token that spells it the same way (see `WordTable`).
 */
export interface Lexeme {
  readonly raw: string;
  readonly lower: string;
  /**
   * Its number in the table that made it (`table`), counted from 0 and never reused: what the table made since it
   * was last cleared is numbered from `table.firstId` on, so a stage can keep what it knows of each word in an array
   * (`id - firstId`) instead of a Map. -1, with a null table, for a word made outside a table.
   */
  readonly id: number;
  readonly table: WordTable | null;
}

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
  /** The word's shared record (`raw` and `lower` are its fields). */
  readonly lex: Lexeme;
}

const TABLE_LIMIT = 200_000;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Interns words: a hash table from the characters of a word to its Lexeme, so a batch never allocates the same word
 * twice and per-word work (stems, trie lookups, cues) is done once per analyzer. Looked up from the text's own
 * characters, without slicing a string first. Cleared when it grows past a bound, like the other memos.
 */
/**
 * A string that does not keep a larger one alive, for what outlives a resume (memo keys, interned words): V8 makes a
 * slice of 13 characters or more a view into the whole text; flattening a concatenation gives the characters their
 * own storage.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

export class WordTable {
  private hashes = new Int32Array(1024);
  private entries: (Lexeme | undefined)[] = new Array<Lexeme | undefined>(1024);
  private size = 0;
  private nextId = 0;
  private first = 0;

  /** The id of the first word made since the table was last cleared (words with a smaller id are no longer in it). */
  get firstId(): number {
    return this.first;
  }

  /** The Lexeme of text[start, end), created on first sight; `hash` is their FNV-1a
   * hash, which `tokenize` takes while it scans the word (only a hint: the characters are always compared). */
  lookup(text: string, start: number, end: number, hash: number): Lexeme {
    const h = hash | 1; // 0 marks an empty slot
    const mask = this.hashes.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = this.hashes[slot]!;
      if (at === 0) break;
      if (at !== h) continue;
      const e = this.entries[slot]!;
      const raw = e.raw;
      // startsWith compares natively, without a JS loop over the characters.
      if (raw.length === len && text.startsWith(raw, start)) return e;
    }
    // An entry outlives its resume: it must not be a view into the resume text.
    const raw = ownCopy(text.slice(start, end));
    if (this.size >= TABLE_LIMIT) this.clear();
    const lex: Lexeme = { raw, lower: raw.toLowerCase(), id: this.nextId++, table: this };
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    this.put(h, lex);
    return lex;
  }

  private put(h: number, lex: Lexeme): void {
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.entries[slot] = lex;
    this.size++;
  }

  private grow(): void {
    const { hashes, entries } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.entries = new Array<Lexeme | undefined>(hashes.length * 2);
    this.size = 0;
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.put(hashes[i]!, entries[i]!);
  }

  private clear(): void {
    this.first = this.nextId;
    this.hashes = new Int32Array(1024);
    this.entries = new Array<Lexeme | undefined>(1024);
    this.size = 0;
  }
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
for (let c = codes.digit0; c <= codes.digit9; c++) ASCII[c] = WORD;
for (let c = codes.uppercaseA; c <= codes.uppercaseZ; c++) ASCII[c] = WORD;
for (let c = codes.lowercaseA; c <= codes.lowercaseZ; c++) ASCII[c] = WORD;
for (const c of ' \t\'*#_=~') ASCII[c.charCodeAt(0)] = SPACE;
for (const c of '.,;:!?|') ASCII[c.charCodeAt(0)] = CLAUSE;
for (const c of '()[]{}<>"') ASCII[c.charCodeAt(0)] = BRACKET;
for (const c of '-/+&\\') ASCII[c.charCodeAt(0)] = JOINER;
ASCII[codes.lineFeed] = NEWLINE;

function makeToken(table: WordTable | undefined, text: string, start: number, end: number, hash: number, gap: number, line: number): Token {
  const lex = table ? table.lookup(text, start, end, hash) : lexeme(text.slice(start, end));
  return { start, end, raw: lex.raw, lower: lex.lower, gap, line, lex };
}

function lexeme(raw: string): Lexeme {
  return { raw, lower: raw.toLowerCase(), id: -1, table: null };
}

const LETTER = /\p{L}|\p{N}/u;
function classOf(text: string, i: number, c: number): number {
  if (c < 128) return ASCII[c]!;
  if (c === codes.bullet || c === codes.ellipsis) return CLAUSE;
  return LETTER.test(text[i]!) ? WORD : OTHER;
}
function isAsciiAlnum(c: number): boolean {
  return c < 128 && ASCII[c] === WORD;
}

/**
 * Tokenizes normalized text. Linear: every character is visited a bounded number of times.
 * @example
 * tokenize('B.P. and EKG/ECG').map((t) => t.raw) // ['BP', 'and', 'EKG', 'ECG']
 */
export function tokenize(text: string, table?: WordTable): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let gap = 0;
  let line = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classOf(text, i, c);
    if (k !== WORD) {
      if (k === SPACE) { i++; continue; } // most of what is not a word
      if (k === NEWLINE) {
        if (gap & GAP_NEWLINE) gap |= GAP_BLANK_LINE;
        else gap |= GAP_NEWLINE;
        line++;
        // A line break followed (after spaces) by a lower-case letter continues a wrapped sentence.
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === codes.space || text.charCodeAt(j) === codes.tab)) j++;
        const d = j < n ? text.charCodeAt(j) : 0;
        // A list-item marker first on the line ("- Assisted", "* CPR", "+ EKG", "> BLS", Word's "o Charted"), followed
        // by a space or tab, ends the line before it as a bullet does; "-5 degrees" is no marker. (Dashes are already
        // "-"; bullet glyphs are clause marks of their own.)
        // "CNA\n- Assisted"   "BLS\n  o Charted"
        //       ^ d              ^ d
        if (d === codes.dash || d === codes.asterisk || d === codes.plusSign || d === codes.greaterThan || d === codes.lowercaseO) {
          const after = text.charCodeAt(j + 1);
          if (after === codes.space || after === codes.tab) {
            gap = (gap | GAP_CLAUSE) & ~GAP_BROKEN_LINE;
            i = j + 1;
            continue;
          }
        }
        // "Assisted nurses with\n  patient transfers": a wrapped line
        //                          ^ d
        if (isLowerAscii(d)) gap |= GAP_BROKEN_LINE;
        else gap &= ~GAP_BROKEN_LINE;
      } else if (k === CLAUSE || k === OTHER) gap |= c === codes.colon ? GAP_CLAUSE | GAP_COLON : GAP_CLAUSE;
      else if (k === BRACKET) gap |= GAP_BRACKET;
      else if (k === JOINER) gap |= GAP_JOINER;
      i++;
      continue;
    }
    const start = i;
    // Dotted acronym: single capitals each followed by a dot (B.P., E.M.T., E.R). Scanned once, never re-tried.
    // "took B.P. and"
    //       ^ i
    if (isUpperAscii(c) && text.charCodeAt(i + 1) === codes.dot) {
      let j = i;
      let raw = '';
      while (isUpperAscii(text.charCodeAt(j)) && text.charCodeAt(j + 1) === codes.dot) {
        raw += text[j];
        j += 2;
      }
      // A last capital with no dot (E.R): taken when nothing alphanumeric follows it.
      if (isUpperAscii(text.charCodeAt(j)) && !isAsciiAlnum(text.charCodeAt(j + 1))) { raw += text[j]; j++; }
      if (raw.length >= 2) {
        const lex = lexeme(raw);
        tokens.push({ start, end: j, raw, lower: lex.lower, gap, line, lex });
        gap = 0;
        i = j;
        continue;
      }
    }
    let j = i + 1;
    // The word's hash (FNV-1a, for the WordTable) is taken in the same pass that finds its end.
    let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    for (;;) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128 ? ASCII[d] !== WORD : classOf(text, j, d) !== WORD) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        j++;
      }
      // An apostrophe inside a word (don't) continues it; a possessive or plural 's (EKG's) ends it.
      // "don't" goes on; "EKG's" ends before the apostrophe
      //     ^ j              ^ j
      if (text.charCodeAt(j) === codes.apostrophe && j + 1 < n && classOf(text, j + 1, text.charCodeAt(j + 1)) === WORD) {
        const s = text.charCodeAt(j + 1);
        if ((s | codes.caseBit) === codes.lowercaseS && !(j + 2 < n && classOf(text, j + 2, text.charCodeAt(j + 2)) === WORD)) {
          tokens.push(makeToken(table, text, start, j, h, gap, line));
          gap = 0;
          i = j + 2;
          break;
        }
        h = Math.imul(h ^ codes.apostrophe, FNV_PRIME);
        j++;
        continue;
      }
      tokens.push(makeToken(table, text, start, j, h, gap, line));
      gap = 0;
      i = j;
      break;
    }
  }
  return tokens;
}
