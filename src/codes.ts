/**
 * Named character codes (UTF-16 code units), so a hot path reads `c === codes.asterisk || c === codes.underscore`
 * rather than `c === 42 || c === 95` (micromark's `codes`). A const enum: the build inlines each use as its number,
 * so a name costs nothing at run time.
 */
export const enum codes {
  tab = 9, // \t
  lineFeed = 10, // \n
  carriageReturn = 13, // \r
  space = 32,
  quotationMark = 34, // "
  numberSign = 35, // #
  apostrophe = 39, // '
  leftParenthesis = 40,
  rightParenthesis = 41,
  asterisk = 42,
  plusSign = 43,
  comma = 44,
  dash = 45, // - (hyphen-minus)
  dot = 46,
  slash = 47,
  digit0 = 48,
  digit9 = 57,
  colon = 58,
  semicolon = 59,
  greaterThan = 62,
  atSign = 64,
  uppercaseA = 65,
  uppercaseZ = 90,
  leftSquareBracket = 91,
  backslash = 92,
  rightSquareBracket = 93,
  underscore = 95,
  graveAccent = 96, // `
  lowercaseA = 97,
  lowercaseO = 111,
  lowercaseS = 115,
  lowercaseT = 116,
  lowercaseZ = 122,
  verticalBar = 124,
  tilde = 126,
  /** Sets a letter's lower-case bit: `(c | codes.caseBit) === codes.lowercaseA` for "a" or "A". */
  caseBit = 32,
  noBreakSpace = 0xa0,
  middleDot = 0xb7, // ·
  hyphen = 0x2010, // ‐, the first of the Unicode dashes ‐ ‑ ‒ – — ―
  enDash = 0x2013,
  emDash = 0x2014,
  horizontalBar = 0x2015, // ―, the last of the Unicode dashes
  leftSingleQuote = 0x2018,
  rightSingleQuote = 0x2019,
  bullet = 0x2022, // •
  triangularBullet = 0x2023, // ‣
  ellipsis = 0x2026, // …
  minusSign = 0x2212,
  blackSmallSquare = 0x25aa, // ▪
  blackCircle = 0x25cf, // ●
}

/** "0" to "9". */
export function isDigit(c: number): boolean {
  return c >= codes.digit0 && c <= codes.digit9;
}
/** "A" to "Z". */
export function isUpperAscii(c: number): boolean {
  return c >= codes.uppercaseA && c <= codes.uppercaseZ;
}
/** "a" to "z". */
export function isLowerAscii(c: number): boolean {
  return c >= codes.lowercaseA && c <= codes.lowercaseZ;
}
/** "A" to "Z" or "a" to "z". */
export function isAsciiLetter(c: number): boolean {
  return isUpperAscii(c) || isLowerAscii(c);
}
/** "-" or a Unicode dash (‐ ‑ ‒ – — ―). */
export function isDash(c: number): boolean {
  return c === codes.dash || (c >= codes.hyphen && c <= codes.horizontalBar);
}
