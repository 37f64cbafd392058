/**
 * Per-line facts of a resume for the entry reader (`readLines`): the section a line is in, whether it is blank, a
 * list item, a heading, and the dates it holds, with dates broken over a line break read as one (`joinSplitDates`).
 */
import { codes, isAsciiLetter, isDash, isDigit, isLowerAscii } from '../codes.js';
import { headingKind } from '../text/sections.js';
import { isApostrophe, MONTHS, SEASONS } from './date-lexer.js';
import { firstRange, type DateContext } from './dates.js';
import { fieldsOf, firstNonSpace, isBulletAt, isProse, isSpace, splitParts, wordCount, fieldStart, type Line } from './header.js';
import type { DateRange, ExperienceOptions, SectionLike } from './types.js';

/** Per-line facts, computed once; the line itself is [s, e), without its line break. */
export interface LineInfo extends Line {
  readonly allowed: boolean;
  /** A heading or the first line of a section: entries end before it. */
  readonly boundary: boolean;
  readonly blank: boolean;
  readonly bullet: boolean;
  readonly range: DateRange | null;
  readonly section: string | null;
  readonly sectionIndex: number;
  /** Taken by an entry's header already. */
  claimed: boolean;
}

export type MutableInfo = { -readonly [K in keyof LineInfo]: LineInfo[K] };

/** A line that can hold a title or employer: allowed, not blank, not a list item, not a heading, not prose, no dates. */
export function headerish(info: LineInfo | undefined, text: string): boolean {
  return !!info && info.allowed && !info.blank && !info.bullet && !info.boundary && !info.range && !isProse(text, info.s, info.e);
}

// A duration's unit as the lexer reads it (a whole ASCII letter run), for lines without a year ("six years").
const UNIT_WORD = /(?:^|[^a-z])(?:years?|yrs?|months?|mos?|mths?)(?![a-z])/i;

/**
 * Cheap pre-check, true whenever `firstRange` over text[s, e) can find something (most lines cannot and skip the
 * lexer). Why it never skips a line with dates: every range `rangeAt` resolves has a point of kind month, year or
 * season, and each of those is read from a digit run of exactly four digits, except "Jan '19" (an apostrophe
 * followed by a run of exactly two) and "03/19" (a run of two after a slash after a digit). A duration needs a unit word. Runs are maximal within [s, e), as the lexer
 * sees them on the line's slice.
 */
function mayHoldDates(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < e && isDigit(text.charCodeAt(j))) j++;
    if (j - i === 4 || (j - i === 2 && i > s && isApostrophe(text.charCodeAt(i - 1)))) return true;
    if (j - i === 2 && i > s + 1 && text.charCodeAt(i - 1) === codes.slash && isDigit(text.charCodeAt(i - 2))) return true; // MM/YY
    i = j;
  }
  return UNIT_WORD.test(text.slice(s, e));
}

const DEFAULT_KINDS: ReadonlySet<string> = new Set(['experience', 'volunteer']);

/** Sections by start: the array itself when already in order (as findSections gives them), where the stable sort would change nothing. */
function sectionsByStart(sections: readonly SectionLike[]): readonly SectionLike[] {
  for (let k = 1; k < sections.length; k++) {
    if (!(sections[k]!.start >= sections[k - 1]!.start)) return [...sections].sort((a, b) => a.start - b.start);
  }
  return sections;
}

/** Whether the letter run ending at text[e - 1] is a month or a season ("Jul 2017 – Dec" over "2020"). */
function endsWithDateWord(text: string, s: number, e: number): boolean {
  let k = e;
  while (k > s && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  if (e - k < 3 || e - k > 9) return false;
  const w = text.slice(k, e).toLowerCase();
  return MONTHS.has(w) || SEASONS.has(w);
}

/**
 * Dates broken over a line break ("08/19 –" over "Present", "Summer" over "2016", "January 2022" over "– Present",
 * as PDF text gives a narrow table cell or a wrapped line): a line without a range that ends with a dash, "to", a
 * month or a season, or is followed by a line that starts with a dash, is read together with the next when a range
 * starts on the one and ends on the other; the next line then belongs to it (claimed).
 */
function joinSplitDates(text: string, infos: MutableInfo[], ctx: DateContext): void {
  for (let l = 1; l < infos.length; l++) {
    // "Caregiver · Comfort Keepers" over "· Phoenix, AZ 2017-19": a separator that PDF text put first on the line
    // (normalize makes "·" a bullet). A list item holding only a place and dates, right under a header line, is
    // that header's end; any other item stays an item.
    const a = infos[l - 1]!;
    const b = infos[l]!;
    if (!b.bullet || !b.allowed || a.blank || a.bullet || a.range || a.boundary || !a.allowed || a.sectionIndex !== b.sectionIndex || b.e - b.s > 200) continue;
    if (!mayHoldDates(text, b.s, b.e)) continue;
    const r = firstRange(text.slice(b.s, b.e), ctx);
    if (!r || r.precision === 'duration') continue;
    if (fieldsOf(text, splitParts(text, b, b.s + r.index, b.s + r.index + r.length)).length > 0) continue;
    infos[l] = { ...b, bullet: false, range: r };
  }
  for (let l = 0; l + 1 < infos.length; l++) {
    const a = infos[l]!;
    const b = infos[l + 1]!;
    if (a.range || !a.allowed || a.blank || a.bullet || a.boundary || b.blank || b.boundary || b.sectionIndex !== a.sectionIndex || b.e - a.s > 200) continue;
    let i = a.e;
    while (i > a.s && isSpace(text.charCodeAt(i - 1))) i--;
    const last = text.charCodeAt(i - 1);
    const first = text.charCodeAt(firstNonSpace(text, b.s, b.e));
    // "– Present" reads as a list item ("– " is a list marker); a range ending there is not one.
    const dashFirst = isDash(first);
    if (b.bullet && !dashFirst) continue;
    // "Jan 2019 to" over "Present": the line ends with the word "to" (any case)
    //           ^ i - 3
    const endsTo = i - a.s >= 3 && text.charCodeAt(i - 3) === codes.space && (text.charCodeAt(i - 2) | codes.caseBit) === codes.lowercaseT &&
      (last | codes.caseBit) === codes.lowercaseO;
    if (!(isDash(last) || endsTo || dashFirst || (isDigit(first) && endsWithDateWord(text, a.s, i)))) continue;
    const r = firstRange(text.slice(a.s, b.e), ctx);
    // Only a range that starts on this line and ends on the next; a sentence is not a header.
    if (!r || r.precision === 'duration' || r.index >= i - a.s || r.index + r.length <= b.s - a.s || isProse(text, b.s, b.e)) continue;
    infos[l] = { ...a, e: b.e, range: r };
    infos[l + 1] = { ...b, bullet: false, claimed: true };
    l++;
  }
}

/**
 * The lines of `text` with their facts: the section each is in (and whether its kind holds jobs), blank lines, list
 * items (and their wrapped continuations), headings, and the dates a header line holds; dates broken over a line
 * break are joined (`joinSplitDates`).
 */
export function readLines(text: string, options: ExperienceOptions, ctx: DateContext): MutableInfo[] {
  const kinds = options.kinds != null ? new Set(options.kinds) : DEFAULT_KINDS;
  const sections = options.sections ? sectionsByStart(options.sections) : null;
  const infos: MutableInfo[] = [];
  let si = 0;
  let allowedSi = -1; // the section whose kind was last looked up, and the answer
  let allowedHere = false;
  let inItem = false; // the line before is a list item or its continuation
  // Lines split on "\n"; a "\r" before the break is not part of the line (the last line keeps its own).
  for (let s = 0; ;) {
    const nl = text.indexOf('\n', s);
    const e = nl === -1 ? text.length : nl > s && text.charCodeAt(nl - 1) === codes.carriageReturn ? nl - 1 : nl;
    let allowed = true;
    let boundary = false;
    let section: string | null = null;
    let sectionIndex = -1;
    if (sections) {
      while (si < sections.length && sections[si]!.end <= s && !(sections[si]!.start === sections[si]!.end && sections[si]!.start === s)) si++;
      const sec = sections[si];
      if (sec && sec.start <= s && (s < sec.end || sec.start === s)) {
        section = sec.kind;
        sectionIndex = si;
        if (allowedSi !== si) { allowedSi = si; allowedHere = kinds.has(sec.kind); }
        allowed = allowedHere;
        boundary = sec.start === s;
      } else allowed = false;
    } else if (e - s <= 80) {
      boundary = options.headings !== undefined && headingKind(text.slice(s, e), options.headings) !== null;
    }
    const lead = firstNonSpace(text, s, e);
    const blank = lead >= e;
    // A line that goes on with a lower-case word after a list item is that item wrapped (PDF text has no soft
    // wraps), never a header.
    const c0 = blank ? 0 : text.charCodeAt(lead);
    const bullet: boolean = !blank && (isBulletAt(text, lead) || (inItem && isLowerAscii(c0)));
    inItem = bullet;
    let range: DateRange | null = null;
    if (allowed && !blank && !bullet && !boundary && e - s <= 200) {
      const r = mayHoldDates(text, s, e) ? firstRange(text.slice(s, e), ctx) : null;
      if (r) {
        // The rest of the line must read as a header, not a sentence ("From 2019 to 2021 I cared for ...").
        const restProse = isProse(text, s, s + r.index) || isProse(text, s + r.index + r.length, e) || wordCount(text, s, e) > 18;
        const endsSentence = text.charCodeAt(e - 1) === codes.dot && isProse(text, s, e);
        // A bare duration is an entry's dates only on a short header line ("Home Health Aide, Visiting Angels (2 years)").
        const durationOk = r.precision !== 'duration' || (e - s <= 100 && wordCount(text, s, e) <= 12 && fieldStart(text, s, s + r.index));
        if (!restProse && !endsSentence && durationOk) range = r;
      }
    }
    infos.push({ s, e, allowed, boundary, blank, bullet, range, section, sectionIndex, claimed: false });
    if (nl === -1) break;
    s = nl + 1;
  }
  joinSplitDates(text, infos, ctx);
  return infos;
}
