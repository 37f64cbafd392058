/**
 * Reading an entry's header line: splitting it into parts ("Title | Employer | City, ST | dates"), telling a job
 * title from an employer by their words, dropping places and employment types, and telling a header from prose.
 */
import { codes, isAsciiLetter, isDash, isDigit, isLowerAscii, isUpperAscii } from '../codes.js';

const TITLE_WORDS: ReadonlySet<string> = new Set([
  'technician', 'technicians', 'tech', 'techs', 'technologist', 'aide', 'aid', 'assistant', 'asst', 'associate', 'nurse',
  'cna', 'hha', 'emt', 'paramedic', 'medic', 'specialist', 'representative', 'rep', 'clerk', 'coordinator', 'manager',
  'supervisor', 'director', 'secretary', 'receptionist', 'worker', 'caregiver', 'therapist', 'counselor', 'agent',
  'officer', 'analyst', 'coder', 'biller', 'registrar', 'scribe', 'volunteer', 'intern', 'extern', 'attendant',
  'phlebotomist', 'driver', 'responder', 'professional', 'administrator', 'corpsman', 'mht', 'bht', 'rbt', 'pct',
  'pta', 'cma', 'lpn', 'csr', 'provider', 'companion', 'sitter', 'cashier', 'server', 'orderly', 'transporter',
  'dispatcher', 'educator', 'instructor', 'trainer', 'operator', 'scheduler', 'helper', 'housekeeper', 'navigator',
  'liaison', 'advocate', 'mentor', 'tutor', 'consultant', 'lead', 'paraprofessional', 'firefighter', 'lifeguard',
]);
const ORG_WORDS: ReadonlySet<string> = new Set([
  'hospital', 'hospitals', 'center', 'centers', 'centre', 'clinic', 'clinics', 'system', 'systems', 'services',
  'service', 'inc', 'llc', 'ltd', 'corp', 'corporation', 'company', 'co', 'group', 'university', 'college', 'school',
  'department', 'dept', 'county', 'institute', 'foundation', 'agency', 'associates', 'practice', 'pharmacy', 'unit',
  'network', 'partners', 'ambulance', 'army', 'navy', 'corps', 'church', 'facility', 'residence', 'homes', 'store',
  'health', 'healthcare', 'medicine', 'hospice', 'ems', 'rescue', 'district', 'authority', 'llp', 'pc', 'pllc',
]);
// Only as the last word: "Regional One Health" is an employer, "Health Technician" a title.
const ORG_ONLY_LAST: ReadonlySet<string> = new Set(['health', 'healthcare', 'medicine', 'hospice', 'ems', 'rescue']);
const LEVEL_WORDS: ReadonlySet<string> = new Set(['i', 'ii', 'iii', 'iv', 'level', 'b', 'p', 'prn']);

/** The lower-cased ASCII letter runs of text[s, e) outside brackets. */
export function headerWords(text: string, s: number, e: number): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = s; i < e;) {
    const c = text.charCodeAt(i);
    if (depth === 0 && isAsciiLetter(c)) {
      let j = i + 1;
      while (j < e && isAsciiLetter(text.charCodeAt(j))) j++;
      out.push(text.slice(i, j).toLowerCase());
      i = j;
      continue;
    }
    if (isOpening(c)) depth++;
    else if (isClosing(c) && depth > 0) depth--;
    i++;
  }
  return out;
}

/** +1 when text[s, e) reads as a job title, -1 as an employer, 0 when it cannot tell. Parenthesised words are ignored. */
export function titleOrOrg(text: string, s: number, e: number): number {
  const words = headerWords(text, s, e);
  let k = words.length - 1;
  while (k > 0 && LEVEL_WORDS.has(words[k]!)) k--;
  const last = words[k];
  if (last !== undefined) {
    if (TITLE_WORDS.has(last)) return 1;
    if (ORG_WORDS.has(last)) return -1;
  }
  let title = 0;
  let org = 0;
  for (const w of words) {
    if (TITLE_WORDS.has(w)) title++;
    else if (ORG_WORDS.has(w) && !ORG_ONLY_LAST.has(w)) org++;
  }
  return title > org ? 1 : org > title ? -1 : 0;
}

/** A line of the text, [s, e), without its line break. */
export interface Line { readonly s: number; readonly e: number }
/** A part of a header line, [s, e), trimmed: a title, an employer, a place, an employment type. */
export interface HeaderPart { readonly s: number; readonly e: number }

/** "(" or "[". */
function isOpening(c: number): boolean { return c === codes.leftParenthesis || c === codes.leftSquareBracket; }
/** ")" or "]". */
function isClosing(c: number): boolean { return c === codes.rightParenthesis || c === codes.rightSquareBracket; }

// A line break is a space only inside a dates line joined with the next ("08/19 –" over "Present").
export function isSpace(c: number): boolean {
  return c === codes.space || c === codes.tab || c === codes.carriageReturn || c === codes.noBreakSpace || c === codes.lineFeed;
}
// Characters trimmed from the edges of a header part: spaces, Markdown marks and escapes ("\\|"), separators left by a
// removed date.
function isTrim(c: number): boolean {
  return isSpace(c) || c === codes.asterisk || c === codes.underscore || c === codes.numberSign || c === codes.greaterThan ||
    c === codes.graveAccent || c === codes.colon || c === codes.semicolon || c === codes.comma || c === codes.verticalBar ||
    c === codes.backslash || isDash(c) || c === codes.bullet || c === codes.middleDot;
}
// A field separator at the end or start of a header line: the header goes on across the line break.
export function isFieldSep(c: number): boolean {
  return c === codes.verticalBar || c === codes.comma || c === codes.semicolon || c === codes.middleDot || c === codes.bullet || isDash(c);
}

const STATES: ReadonlySet<string> = new Set(['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR']);
// A field made only of these words says how the job was held, not what it was ("SEASONAL | SKI PATROL").
const EMPLOYMENT_WORDS: ReadonlySet<string> = new Set(['seasonal', 'part', 'full', 'time', 'temporary', 'temp', 'contract', 'per', 'diem', 'prn', 'remote', 'hybrid']);
// Their first letters (lower case), so most parts are passed over without splitting them into words.
const EMPLOYMENT_FIRST: ReadonlySet<number> = new Set([...EMPLOYMENT_WORDS].map((w) => w.charCodeAt(0)));

/** A US state code written as one: two capitals, the whole of text[s, e). */
function isState(text: string, s: number, e: number): boolean {
  return e - s === 2 && STATES.has(text.slice(s, e));
}

/**
 * Written as a header is (title case or capitals): no word of four letters or more starts lower case. A body line
 * without its list marker ("Lead code reviews and mentor two engineers", as PDF text from a browser gives it) is not.
 */
export function titleCased(text: string, s: number, e: number): boolean {
  for (let i = s; i < e;) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) { i++; continue; }
    let j = i + 1;
    while (j < e && isAsciiLetter(text.charCodeAt(j))) j++;
    if (j - i >= 4 && isLowerAscii(c)) return false;
    i = j;
  }
  return true;
}

/** A place name: one to three capitalised words, no digits, neither a title nor an employer ("Columbus", "Sugar Land"). */
function cityLike(text: string, s: number, e: number): boolean {
  let words = 0;
  let start = true;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return false;
    if (isSpace(c) || c === codes.dot) { start = true; continue; }
    if (start) { if (!isUpperAscii(c)) return false; words++; start = false; }
  }
  return words >= 1 && words <= 3 && titleOrOrg(text, s, e) === 0;
}

/**
 * The parts of a header that can be a title or an employer: without employment types ("SEASONAL", "HeaderPart-time") and
 * places ("Columbus, OH" as two parts, "Tucson AZ" as one). A state code counts as a place after a place name, or
 * from the third field on; second after a title it is kept ("HEALTH TECHNICIAN | VA").
 */
export function fieldsOf(text: string, parts: readonly HeaderPart[]): HeaderPart[] {
  const out: HeaderPart[] = [];
  for (const p of parts) {
    if (p.e - p.s <= 24 && EMPLOYMENT_FIRST.has(text.charCodeAt(p.s) | codes.caseBit)) {
      const words = headerWords(text, p.s, p.e);
      if (words.length > 0 && words.every((w) => EMPLOYMENT_WORDS.has(w))) continue;
    }
    if (isState(text, p.s, p.e)) {
      const prev = out[out.length - 1];
      if (prev && cityLike(text, prev.s, prev.e)) { out.pop(); continue; }
      if (out.length >= 2) continue;
    }
    // "Tucson AZ": a place name and a state code in one part, the last ("Southern Arizona VA" before "Tucson, AZ" is an employer).
    const sp = p.e - p.s > 3 ? p.e - 3 : -1;
    if (p === parts[parts.length - 1] && sp > p.s && text.charCodeAt(sp) === codes.space && isState(text, sp + 1, p.e) && cityLike(text, p.s, sp) && out.length >= 1) continue;
    out.push(p);
  }
  return out;
}

/**
 * Splits a header line into parts on "|", "•", "·", ",", ";", tabs, runs of spaces, a spaced dash and " at ",
 * never inside parentheses; the span [skipS, skipE) (the date) is a separator. Offsets are absolute.
 */
export function splitParts(text: string, line: Line, skipS: number, skipE: number): HeaderPart[] {
  const parts: HeaderPart[] = [];
  let depth = 0;
  let from = line.s;
  const push = (s: number, e: number): void => {
    while (s < e && isTrim(text.charCodeAt(s))) s++;
    while (e > s && isTrim(text.charCodeAt(e - 1))) e--;
    // An unmatched bracket at an edge ("(2021" or "Northwestern (") is what the date removal left.
    let open = 0;
    for (let i = s; i < e; i++) { const c = text.charCodeAt(i); if (isOpening(c)) open++; else if (isClosing(c)) open--; }
    while (open > 0 && e > s) { if (isOpening(text.charCodeAt(e - 1))) open--; e--; while (e > s && isTrim(text.charCodeAt(e - 1))) e--; }
    while (open < 0 && s < e) { if (isClosing(text.charCodeAt(s))) open++; s++; while (s < e && isTrim(text.charCodeAt(s))) s++; }
    let letters = 0;
    for (let i = s; i < e && letters < 2; i++) if (isAsciiLetter(text.charCodeAt(i))) letters++;
    if (letters >= 2) parts.push({ s, e });
  };
  for (let i = line.s; i < line.e; i++) {
    if (i === skipS) { push(from, i); i = skipE - 1; from = skipE; depth = 0; continue; }
    const c = text.charCodeAt(i);
    if (isOpening(c)) { depth++; continue; }
    if (isClosing(c) && depth > 0) { depth--; continue; }
    if (depth > 0) continue;
    // How many characters the separator at i takes (0: none here).
    let cut = 0;
    // "ER Tech | Northwestern"   "ER Tech • Northwestern"   "Tech, Northwestern"
    //          ^ one character
    if (c === codes.verticalBar || c === codes.bullet || c === codes.middleDot || c === codes.comma || c === codes.semicolon || c === codes.tab) cut = 1;
    // "ER Tech    Northwestern": a run of two spaces or more
    //         ^
    else if (c === codes.space && text.charCodeAt(i + 1) === codes.space) { cut = 2; while (i + cut < line.e && text.charCodeAt(i + cut) === codes.space) cut++; }
    // "ER Tech – Northwestern", "ER Tech -Northwestern": a dash with a space on one side
    //          ^
    else if (isDash(c) && (isSpace(text.charCodeAt(i - 1)) || isSpace(text.charCodeAt(i + 1))) && i > line.s) cut = 1;
    // "ER Tech @Northwestern"
    //          ^
    else if (c === codes.atSign && isSpace(text.charCodeAt(i - 1))) cut = 1;
    // "ER Tech at Northwestern"
    //         ^ four characters: " at "
    else if (c === codes.space && text.startsWith(' at ', i)) cut = 4;
    if (cut) { push(from, i); from = i + cut; i += cut - 1; }
  }
  push(from, line.e);
  return parts;
}

export function firstNonSpace(text: string, s: number, e: number): number {
  let i = s;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** A list item, given the line's first non-space i < e: "•", "-", "*", "+" or "–" followed by a space ("**Title**" and "*Mar 2020*" are not). */
export function isBulletAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === codes.bullet || c === codes.blackCircle || c === codes.blackSmallSquare || c === codes.triangularBullet) return true;
  return (c === codes.dash || c === codes.asterisk || c === codes.plusSign || c === codes.enDash || c === codes.emDash || c === codes.greaterThan) &&
    isSpace(text.charCodeAt(i + 1));
}

export function wordCount(text: string, s: number, e: number): number {
  let n = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const sp = isSpace(text.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** Prose rather than a header: too long, too many words, or a sentence's final period (not "Inc." or "Co."). */
export function isProse(text: string, s: number, e: number): boolean {
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - s > 160 || wordCount(text, s, e) > 16) return true;
  if (text.charCodeAt(e - 1) !== codes.dot) return false;
  let k = e - 1;
  while (k > s && !isSpace(text.charCodeAt(k - 1))) k--;
  // "Inc.", "Co.", "P.C." end a header; "care." ends a sentence.
  const c = text.charCodeAt(k);
  return !(isUpperAscii(c) && e - 1 - k <= 4);
}

/** A duration is an entry's field ("(2 years)", ", 3 yrs") only after a separator, not inside a sentence ("with six years"). */
export function fieldStart(text: string, lineStart: number, at: number): boolean {
  let k = at;
  while (k > lineStart && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === lineStart) return false; // a duration alone on a line has no title
  const c = text.charCodeAt(k - 1);
  return isOpening(c) || c === codes.comma || c === codes.verticalBar || c === codes.colon || c === codes.bullet || c === codes.middleDot || isDash(c);
}
