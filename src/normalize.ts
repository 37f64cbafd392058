/**
 * Step 1: normalize resume text for matching, keeping a map from every normalized character back to the
 * caller's input, so evidence spans always point into the text that was passed in.
 *
 * Handles: CRLF, Unicode NFKC (ligatures, full-width forms), smart quotes and dashes, bullets and the
 * private-use glyphs PDF extractors leave, UTF-8 read as Windows-1252 ("mojibake": `â€“`, `â€™`, `Ã©`),
 * zero-width and bidi controls, control characters, and words hyphenated across a line break.
 */

/** Normalized text plus its map back to the original input. */
export interface NormalizedText {
  /** The normalized text (what the tokenizer reads). */
  readonly text: string;
  /** Original start offset of each normalized character; `null` when the map is the identity. */
  readonly starts: Int32Array | null;
  /** Original end offset (exclusive) of each normalized character; `null` when the map is the identity. */
  readonly ends: Int32Array | null;
}

/** The bullet character every bullet glyph is normalized to. */
export const BULLET = '\u2022';

/** Maps a normalized span [start, end) back to the original input. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.starts === null || n.ends === null) return [start, end];
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : n.ends.length ? n.ends[n.ends.length - 1]! : 0;
    return [at, at];
  }
  return [n.starts[start]!, n.ends[end - 1]!];
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

const nfkcCache = new Map<number, string>();
function nfkc(cp: number): string {
  let s = nfkcCache.get(cp);
  if (s === undefined) {
    s = String.fromCodePoint(cp).normalize('NFKC');
    if (nfkcCache.size < 4096) nfkcCache.set(cp, s);
  }
  return s;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}
function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/**
 * Normalizes resume text. Pure and linear in the input length.
 * @example
 * const n = normalizeText('Electro-\ncardiogram â€“ 12-lead')
 * n.text // 'Electrocardiogram - 12-lead'
 */
export function normalizeText(input: string): NormalizedText {
  if (!PLAIN.test(input)) return { text: input, starts: null, ends: null };
  const n = input.length;
  const out: string[] = [];
  // Sized for the common case; grown when NFKC expands a character.
  let starts: Int32Array = new Int32Array(n + 16);
  let ends: Int32Array = new Int32Array(n + 16);
  let len = 0;
  let lastCode = 0; // last emitted char code

  const emit = (s: string, from: number, to: number): void => {
    for (let k = 0; k < s.length; k++) {
      if (len >= starts.length) {
        const grow = (a: Int32Array): Int32Array => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[len] = from;
      ends[len] = to;
      out.push(s[k]!);
      len++;
    }
    if (s.length) lastCode = s.charCodeAt(s.length - 1);
  };

  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    // A hyphen (or soft hyphen) ending a line between two parts of a word: join the parts.
    if ((c === 45 || c === 0xad || c === 0x2010) && isLetter(lastCode)) {
      let j = i + 1;
      while (j < n && (input.charCodeAt(j) === 32 || input.charCodeAt(j) === 9)) j++;
      if (j < n && input.charCodeAt(j) === 13) j++;
      if (j < n && input.charCodeAt(j) === 10) {
        j++;
        while (j < n && (input.charCodeAt(j) === 32 || input.charCodeAt(j) === 9)) j++;
        if (j < n && isLower(input.charCodeAt(j))) { i = j; continue; }
      }
    }
    if (c < 0x80) {
      if (c === 13) { emit('\n', i, input.charCodeAt(i + 1) === 10 ? i + 2 : i + 1); i += input.charCodeAt(i + 1) === 10 ? 2 : 1; continue; }
      if (c === 11 || c === 12) { emit('\n', i, i + 1); i++; continue; }
      if (c === 10 || c === 9 || (c >= 32 && c < 127)) { emit(input[i]!, i, i + 1); i++; continue; }
      emit(' ', i, i + 1); // other control characters, NUL included
      i++;
      continue;
    }
    // Mojibake: a run of Windows-1252 characters that is really UTF-8.
    if (c >= 0xc2 && c <= 0xf4) {
      const m = decodeMojibake(input, i);
      if (m) {
        const mapped = mapCodePoint(m[0]);
        emit(mapped ?? nfkc(m[0]), i, i + m[1]);
        i += m[1];
        continue;
      }
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; width = 2; } else { emit(' ', i, i + 1); i++; continue; }
    } else if (c >= 0xdc00 && c <= 0xdfff) { emit(' ', i, i + 1); i++; continue; } // lone surrogate
    const mapped = mapCodePoint(cp);
    emit(mapped ?? nfkc(cp), i, i + width);
    i += width;
  }
  return { text: out.join(''), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}
