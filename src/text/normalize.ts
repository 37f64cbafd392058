/**
 * Step 1: normalize resume text for matching, keeping a map from every normalized character back to the
 * caller's input, so evidence spans always point into the text that was passed in.
 *
 * Handles: CRLF, Unicode NFKC (ligatures, full-width forms), smart quotes and dashes, bullets and the
 * private-use glyphs PDF extractors leave, UTF-8 read as Windows-1252 ("mojibake": `â€“`, `â€™`, `Ã©`),
 * zero-width and bidi controls, control characters, and words hyphenated across a line break.
 */
import { codes, isAsciiLetter, isLowerAscii } from '../codes.js';
import { lastAtOrBefore } from '../search.js';

const VERTICAL_TAB = 11;
const FORM_FEED = 12;
const DELETE = 127;
const SOFT_HYPHEN = 0xad;

/**
 * Normalized text plus its map back to the original input. The map is a list of segments in normalized-text
 * order: a "copy" segment is a run copied unchanged (offsets shift by a constant), a "replace" segment is what one
 * original span became (every character in it maps to the whole span). Most resumes need few segments.
 */
export interface NormalizedText {
  /** The normalized text (what the tokenizer reads). */
  readonly text: string;
  /** Segment starts in the normalized text (ascending); `null` when the map is the identity. */
  readonly segNorm: readonly number[] | null;
  /** Each segment's start in the original input. */
  readonly segOrig: readonly number[] | null;
  /** Each segment's end in the original input for a replace segment, or -1 for a copy segment. */
  readonly segOrigEnd: readonly number[] | null;
}

/** The bullet character every bullet glyph is normalized to. */
export const BULLET = '\u2022';

/** originalStart when the segment k of `pos` is known (lastAtOrBefore(segNorm, pos)); the text must have segments. */
export function originalStartIn(n: NormalizedText, pos: number, k: number): number {
  return n.segOrigEnd![k]! < 0 ? n.segOrig![k]! + (pos - n.segNorm![k]!) : n.segOrig![k]!;
}

/** originalEnd when the segment k of `pos` is known; the text must have segments. */
export function originalEndIn(n: NormalizedText, pos: number, k: number): number {
  return n.segOrigEnd![k]! < 0 ? n.segOrig![k]! + (pos - n.segNorm![k]!) + 1 : n.segOrigEnd![k]!;
}

/** Where the normalized character at `pos` starts in the original input (`pos` < text length). */
function originalStart(n: NormalizedText, pos: number): number {
  const { segNorm, segOrig, segOrigEnd } = n;
  if (segNorm === null || segOrig === null || segOrigEnd === null || segNorm.length === 0) return pos;
  const k = lastAtOrBefore(segNorm, pos);
  return segOrigEnd[k]! < 0 ? segOrig[k]! + (pos - segNorm[k]!) : segOrig[k]!;
}

/** Where the normalized character at `pos` ends in the original input (`pos` < text length). */
function originalEnd(n: NormalizedText, pos: number): number {
  const { segNorm, segOrig, segOrigEnd } = n;
  if (segNorm === null || segOrig === null || segOrigEnd === null || segNorm.length === 0) return pos + 1;
  const k = lastAtOrBefore(segNorm, pos);
  return segOrigEnd[k]! < 0 ? segOrig[k]! + (pos - segNorm[k]!) + 1 : segOrigEnd[k]!;
}

/** Maps a normalized span [start, end) back to the original input. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): [number, number] {
  const { segNorm, segOrig, segOrigEnd } = n;
  if (segNorm === null || segOrig === null || segOrigEnd === null || segNorm.length === 0) return [start, end];
  if (end <= start) {
    if (start >= n.text.length) {
      const last = segNorm.length - 1;
      const copy = segOrigEnd[last]! < 0;
      const at = copy ? segOrig[last]! + (n.text.length - segNorm[last]!) : segOrigEnd[last]!;
      return [at, at];
    }
    const at = originalStart(n, start);
    return [at, at];
  }
  return [originalStart(n, start), originalEnd(n, end - 1)];
}

// Text that needs no work: printable ASCII, tabs and LF, with no hyphen at a line end.
const PLAIN = /[^\t\n\x20-\x7e]|-[ \t]*\n/;

// Windows-1252 characters at 0x80-0x9F, by the byte they stand for (used to undo mojibake).
const CP1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

function byteOf(code: number): number {
  if (code >= 0x80 && code <= 0xbf) return code;
  return CP1252[code] ?? -1;
}

/** Tries to decode UTF-8 bytes that were read as Windows-1252 at `i`; returns [codePoint, length] or null. */
function decodeMojibake(input: string, i: number): [number, number] | null {
  const lead = input.charCodeAt(i);
  const len = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (len === 0 || i + 1 >= input.length) return null;
  let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  for (let k = 1; k < len; k++) {
    const b = i + k < input.length ? byteOf(input.charCodeAt(i + k)) : -1;
    if (b < 0) {
      // A right double quote (E2 80 9D) often loses its last byte, which Windows-1252 cannot show.
      if (len === 3 && k === 2 && lead === 0xe2 && input.charCodeAt(i + 1) === 0x20ac) return [0x201d, 2];
      return null;
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return [cp, len];
}

/** What one non-ASCII code point becomes: a replacement string, '' to drop it, or null to apply NFKC. */
function mapCodePoint(cp: number): string | null {
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x201a || cp === 0x201b || cp === 0x2032 || cp === 0x00b4 || cp === 0x0060) return "'";
  if (cp === 0x201c || cp === 0x201d || cp === 0x201e || cp === 0x201f || cp === 0x2033) return '"';
  if ((cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212 || cp === 0xfe63 || cp === 0xff0d) return '-';
  if (cp === 0x00a0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x1680) return ' ';
  if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) || cp === 0xfeff || cp === 0x00ad) return '';
  if (cp === 0x2028 || cp === 0x2029 || cp === 0x0085) return '\n';
  if (cp < 0xa0) return ' '; // C1 controls
  // Bullets, arrows, boxes and check marks used as list markers.
  if (cp === 0x2022 || cp === 0x25aa || cp === 0x25cf || cp === 0x25e6 || cp === 0x2023 || cp === 0x2043 || cp === 0x2219 || cp === 0x00b7 ||
      cp === 0x27a2 || cp === 0x27a4 || cp === 0x25ba || cp === 0x25b6 || cp === 0x25a0 || cp === 0x25a1 || cp === 0x25c6 || cp === 0x25c7 ||
      cp === 0x25cb || cp === 0x2713 || cp === 0x2714 || cp === 0x2756 || cp === 0x2794 || cp === 0x2192 || cp === 0x21d2 || cp === 0x29bf ||
      cp === 0x27a3 || cp === 0x2666 || cp === 0x25ab || cp === 0x25fe || cp === 0x25fd || cp === 0x2605 || cp === 0x2606 || cp === 0x00a7) return BULLET;
  if ((cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0x10ffff)) return BULLET; // private-use glyphs (Symbol/Wingdings bullets)
  if (cp === 0xfffd || cp === 0xfffc) return ' ';
  return null;
}

/** NFKC of one code point, through the call's memo (a resume repeats its few accented letters). */
function nfkc(cp: number, memo: Map<number, string>): string {
  let s = memo.get(cp);
  if (s === undefined) {
    s = String.fromCodePoint(cp).normalize('NFKC');
    memo.set(cp, s);
  }
  return s;
}

/** An ASCII or Latin-1/Latin Extended letter. */
function isLetter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}
/** A lower-case ASCII or Latin-1 letter. */
function isLower(code: number): boolean {
  return isLowerAscii(code) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

// Where the slow path must look: a non-ASCII or control character, a CR, or a hyphen at a line end.
const SPECIAL = /[^\t\n\x20-\x7e]|-[ \t]*\r?\n/g;

/**
 * Normalizes resume text. Pure and linear in the input length: plain runs are copied as slices, and only the
 * special characters between them are looked at one by one.
 * @example
 * const n = normalizeText('Electro-\ncardiogram â€“ 12-lead')
 * n.text // 'Electrocardiogram - 12-lead'
 */
export function normalizeText(input: string): NormalizedText {
  if (!PLAIN.test(input)) return { text: input, segNorm: null, segOrig: null, segOrigEnd: null };
  const n = input.length;
  const parts: string[] = [];
  const segNorm: number[] = [];
  const segOrig: number[] = [];
  const segOrigEnd: number[] = [];
  let len = 0; // length of the normalized text so far
  let lastCode = 0; // last emitted char code
  // A copy segment continues while originals stay contiguous; it is opened lazily.
  let copyOpenAt = -1; // original offset the open copy segment has reached, or -1
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    if (copyOpenAt !== from) { segNorm.push(len); segOrig.push(from); segOrigEnd.push(-1); }
    parts.push(input.slice(from, to));
    len += to - from;
    lastCode = input.charCodeAt(to - 1);
    copyOpenAt = to;
  };
  const replace = (s: string, from: number, to: number): void => {
    copyOpenAt = -1;
    if (!s) return;
    segNorm.push(len); segOrig.push(from); segOrigEnd.push(to);
    parts.push(s);
    len += s.length;
    lastCode = s.charCodeAt(s.length - 1);
  };

  // NFKC of the code points this text needs it for (per call: no state outlives it).
  const nfkcMemo = new Map<number, string>();
  let i = 0;
  SPECIAL.lastIndex = 0;
  while (i < n) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(input);
    const at = found ? found.index : n;
    copy(i, at);
    if (!found) break;
    i = at;
    const c = input.charCodeAt(i);
    // A hyphen (or soft hyphen) ending a line between two parts of a word: join the parts.
    // "Electro-\ncardiogram"
    //         ^ i, then j past the line break to "c" (lower case: one word)
    if ((c === codes.dash || c === SOFT_HYPHEN || c === codes.hyphen) && isLetter(lastCode)) {
      let j = i + 1;
      while (j < n && (input.charCodeAt(j) === codes.space || input.charCodeAt(j) === codes.tab)) j++;
      if (j < n && input.charCodeAt(j) === codes.carriageReturn) j++;
      if (j < n && input.charCodeAt(j) === codes.lineFeed) {
        j++;
        while (j < n && (input.charCodeAt(j) === codes.space || input.charCodeAt(j) === codes.tab)) j++;
        if (j < n && isLower(input.charCodeAt(j))) { replace('', i, j); i = j; continue; }
      }
    }
    if (c < 0x80) {
      if (c === codes.carriageReturn) { const w = input.charCodeAt(i + 1) === codes.lineFeed ? 2 : 1; replace('\n', i, i + w); i += w; continue; }
      if (c === VERTICAL_TAB || c === FORM_FEED) { replace('\n', i, i + 1); i++; continue; }
      if (c === codes.lineFeed || c === codes.tab || (c >= codes.space && c < DELETE)) { copy(i, i + 1); i++; continue; }
      replace(' ', i, i + 1); // other control characters, NUL included
      i++;
      continue;
    }
    // Mojibake: a run of Windows-1252 characters that is really UTF-8.
    if (c >= 0xc2 && c <= 0xf4) {
      const m = decodeMojibake(input, i);
      if (m) {
        replace(mapCodePoint(m[0]) ?? nfkc(m[0], nfkcMemo), i, i + m[1]);
        i += m[1];
        continue;
      }
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; width = 2; } else { replace(' ', i, i + 1); i++; continue; }
    } else if (c >= 0xdc00 && c <= 0xdfff) { replace(' ', i, i + 1); i++; continue; } // lone surrogate
    const mapped = mapCodePoint(cp) ?? nfkc(cp, nfkcMemo);
    // Characters NFKC leaves alone (accented letters, most scripts) stay in the copy run.
    if (mapped.length === width && mapped === input.slice(i, i + width)) copy(i, i + width);
    else replace(mapped, i, i + width);
    i += width;
  }
  // Plain arrays (of small integers): typed copies would be allocated off the JS heap for every resume.
  return { text: parts.join(''), segNorm, segOrig, segOrigEnd };
}
