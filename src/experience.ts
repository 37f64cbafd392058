/**
 * The experience timeline: date ranges in the forms resumes use, experience entries (title, employer, dates and
 * the text that belongs to each), months of experience as a union of ranges, and per-skill months and recency.
 *
 * Pure and browser-safe: no I/O, no clock (the current date is always the `asOf` option), linear in the text
 * length, and no regular expression over resume text (a small hand-written lexer reads the dates).
 * Months are integers internally (year * 12 + month - 1); the public shapes use 'YYYY-MM' strings.
 */
import { InvalidOptionsError } from './errors.js';
import type { PathSegment } from './json-resume.js';
import { headingKind } from './sections.js';

/** A date range found in a line (or a bare duration such as "18 months", which has no dates). */
export interface DateRange {
  /** First month covered, 'YYYY-MM'; null for a bare duration. */
  readonly start: string | null;
  /** Last month covered, 'YYYY-MM', or 'present' (read as the asOf month); null for a bare duration. */
  readonly end: string | null;
  /** Months covered, both ends included ("Jan 2019 - Mar 2019" is 3). */
  readonly months: number;
  /** The coarsest end: a year-only end is read as mid-year, a season as its months, a duration has no dates. */
  readonly precision: 'month' | 'season' | 'year' | 'duration';
  /** Where the date expression starts in the string passed, and its length. */
  readonly index: number;
  readonly length: number;
}

export interface DateOptions {
  /** The current date, 'YYYY-MM-DD' or 'YYYY-MM': "Present" means this month; later dates are not accepted. */
  readonly asOf: string;
}

/** One job (or volunteer position) of a resume. */
export interface ExperienceEntry {
  /** The job title as written ("ER TECH II"), or null when none was found. */
  readonly title: string | null;
  /** Offsets of the title in the text ([-1, -1] when unknown). */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** The employer as written, or null. */
  readonly employer: string | null;
  /** The dates; null when the entry has none. */
  readonly range: DateRange | null;
  /** The text that belongs to the entry: [start, end) from its first header line to its last non-blank line. */
  readonly start: number;
  readonly end: number;
  /** The section kind the entry is in ('experience', 'volunteer'), or null when sections were not given. */
  readonly section: string | null;
  /** For JSON Resume entries: `work[0]`, `volunteer[1]`. */
  readonly path?: string;
}

/** A section span as `findSections` (or the report's `sections`) gives it; offsets into the same text. */
export interface SectionLike { readonly kind: string; readonly start: number; readonly end: number }

export interface ExperienceOptions extends DateOptions {
  /** The resume's sections. When given, entries are looked for only in sections of `kinds`. */
  readonly sections?: readonly SectionLike[];
  /** Section kinds that hold jobs. Default ['experience', 'volunteer']. */
  readonly kinds?: readonly string[];
}

/** Months of experience and the last month of use. */
export interface Timeline {
  /** Months covered by the union of the dated ranges, plus bare durations (which cannot be placed, so add up). */
  readonly months: number;
  /** The latest end, 'YYYY-MM' ('present' resolved to the asOf month); null when no range has dates. */
  readonly lastUsed: string | null;
}

export interface SkillExperience extends Timeline {
  /** Months from lastUsed to asOf (0 for a current job); null when lastUsed is. */
  readonly monthsSinceUsed: number | null;
  /** Indices (into the entries passed) of the entries holding a mention, ascending. */
  readonly entries: readonly number[];
}

// ---------------------------------------------------------------------------------------------------------
// Months and asOf

const MIN_YEAR = 1950;

const ym = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** 'YYYY-MM' or 'YYYY-MM-DD' to a month index, or NaN. */
function monthIndex(s: string): number {
  if (s.length !== 7 && s.length !== 10) return NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  if (s[4] !== '-' || !Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12 || y < 1000) return NaN;
  if (s.length === 10) {
    const d = Number(s.slice(8, 10));
    if (s[7] !== '-' || !Number.isInteger(d) || d < 1 || d > 31) return NaN;
  }
  return y * 12 + m - 1;
}

/** The asOf month index; throws InvalidOptionsError naming the option (a date is not personal data, but keep it short). */
export function asOfMonth(asOf: unknown): number {
  const m = typeof asOf === 'string' ? monthIndex(asOf) : NaN;
  if (Number.isNaN(m)) {
    throw new InvalidOptionsError('asOf', `resume-fit: options.asOf must be a date 'YYYY-MM-DD' or 'YYYY-MM', got ${typeof asOf === 'string' ? `"${asOf.slice(0, 20)}"` : typeof asOf}.`);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------
// Lexer: digit runs, letter runs and single punctuation marks, with offsets. Linear, no backtracking.

type Kind = 'num' | 'word' | 'dash' | 'slash' | 'dot' | 'apos' | 'comma' | 'plus' | 'open' | 'close' | 'other';
interface Tok { readonly k: Kind; readonly s: number; readonly e: number; readonly v: number; readonly w: string }

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isAsciiLetter(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      // Long digit runs (phone numbers, ids) are never dates; cap the value so Number stays exact.
      out.push({ k: 'num', s: i, e: j, v: j - i <= 6 ? Number(s.slice(i, j)) : -1, w: '' });
      i = j;
    } else if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < n && isAsciiLetter(s.charCodeAt(j))) j++;
      // Only a run that may be one of the date words gets its lower-cased text: the others stay '' (never a keyword).
      const len = j - i;
      const w = len < 32 && (KEY_LENGTHS[(c | 32) - 97]! >>> len) & 1 ? s.slice(i, j).toLowerCase() : '';
      out.push({ k: 'word', s: i, e: j, v: 0, w });
      i = j;
    } else {
      let k: Kind | null = 'other';
      if (c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0) k = null;
      else if (c === 45 || c === 126 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212) k = 'dash';
      else if (c === 47) k = 'slash';
      else if (c === 46) k = 'dot';
      else if (c === 39 || c === 0x2019 || c === 0x2018 || c === 96) k = 'apos';
      else if (c === 44) k = 'comma';
      else if (c === 43) k = 'plus';
      else if (c === 40 || c === 91) k = 'open';
      else if (c === 41 || c === 93) k = 'close';
      if (k) out.push({ k, s: i, e: i + 1, v: 0, w: '' });
      i++;
    }
  }
  return out;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);
/** Season -> [first month, last month]. Winter is the academic winter term (Jan-Mar) so it stays in its year. */
const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['spring', [3, 5]], ['summer', [6, 8]], ['fall', [9, 11]], ['autumn', [9, 11]], ['winter', [1, 3]],
]);
const PRESENT = new Set(['present', 'current', 'currently', 'now', 'today', 'ongoing', 'pres']);
const RANGE_WORDS = new Set(['to', 'through', 'thru', 'until', 'till']);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20],
]);
const YEAR_UNITS = new Set(['year', 'years', 'yr', 'yrs']);
const MONTH_UNITS = new Set(['month', 'months', 'mo', 'mos', 'mths', 'mth']);
/**
 * Every word the date reader compares a token's `w` with (keep in step with the tables above and the literals in
 * rangeAt and durationAt): per first letter, a bit for each length such a word has.
 */
const KEY_LENGTHS: readonly number[] = (() => {
  const words = [...MONTHS.keys(), ...SEASONS.keys(), ...PRESENT, ...RANGE_WORDS, ...NUMBER_WORDS.keys(), ...YEAR_UNITS, ...MONTH_UNITS, 'since', 'date', 'and'];
  const out = new Array<number>(26).fill(0);
  for (const w of words) out[w.charCodeAt(0) - 97]! |= 1 << w.length;
  return out;
})();

// ---------------------------------------------------------------------------------------------------------
// Date points and ranges

type Point =
  | { readonly kind: 'month'; readonly m: number; readonly next: number; readonly short?: boolean }
  | { readonly kind: 'year'; readonly y: number; readonly next: number }
  | { readonly kind: 'season'; readonly first: number; readonly last: number; readonly next: number }
  | { readonly kind: 'monthOnly'; readonly mo: number; readonly next: number }
  | { readonly kind: 'present'; readonly next: number }
  | { readonly kind: 'bad'; readonly next: number };

interface Ctx { readonly asOf: number; readonly maxYear: number }

const adj = (a: Tok | undefined, b: Tok | undefined): boolean => a !== undefined && b !== undefined && a.e === b.s;

const yearOkIn = (y: number, ctx: Ctx): boolean => y >= MIN_YEAR && y <= ctx.maxYear;

// Module-level helpers rather than closures: these run once per token.
function point(t: readonly Tok[], i: number, ctx: Ctx): Point | null {
  const a = t[i];
  if (!a) return null;
  if (a.k === 'word') {
    const mo = MONTHS.get(a.w);
    if (mo !== undefined) {
      let j = i + 1;
      if (t[j]?.k === 'dot' && adj(a, t[j])) j++;
      if (t[j]?.k === 'comma') j++;
      const b = t[j];
      if (b?.k === 'num' && b.e - b.s === 4) return yearOkIn(b.v, ctx) ? { kind: 'month', m: b.v * 12 + mo - 1, next: j + 1 } : { kind: 'bad', next: j + 1 };
      const c = t[j + 1];
      if (b?.k === 'apos' && c?.k === 'num' && c.e - c.s === 2 && adj(b, c)) {
        // "Jan '19": the century that does not put it in the future.
        const y = 2000 + c.v <= ctx.maxYear - 1 ? 2000 + c.v : 1900 + c.v;
        return yearOkIn(y, ctx) ? { kind: 'month', m: y * 12 + mo - 1, next: j + 2 } : { kind: 'bad', next: j + 2 };
      }
      return { kind: 'monthOnly', mo, next: j };
    }
    const season = SEASONS.get(a.w);
    if (season) {
      let j = i + 1;
      if (t[j]?.k === 'comma') j++;
      const b = t[j];
      if (b?.k === 'num' && b.e - b.s === 4) return yearOkIn(b.v, ctx) ? { kind: 'season', first: b.v * 12 + season[0] - 1, last: b.v * 12 + season[1] - 1, next: j + 1 } : { kind: 'bad', next: j + 1 };
      return null;
    }
    if (PRESENT.has(a.w)) return { kind: 'present', next: i + 1 };
    return null;
  }
  if (a.k !== 'num') return null;
  const len = a.e - a.s;
  const b = t[i + 1];
  const c = t[i + 2];
  if (len <= 2) {
    if (!((b?.k === 'slash' || b?.k === 'dot') && adj(a, b) && c?.k === 'num' && adj(b, c))) return null;
    const clen = c.e - c.s;
    if (clen === 4) {
      // MM/YYYY (or MM.YYYY): a month outside 1-12 ("13/2015") is malformed, not guessed.
      if (a.v < 1 || a.v > 12 || !yearOkIn(c.v, ctx)) return { kind: 'bad', next: i + 3 };
      return { kind: 'month', m: c.v * 12 + a.v - 1, next: i + 3 };
    }
    const d = t[i + 3];
    const e = t[i + 4];
    if (clen === 2 && b.k === 'slash' && !(d?.k === 'slash' && adj(c, d)) && a.v >= 1 && a.v <= 12) {
      // "03/19": MM/YY, the century as for "Jan '19". Marked short: rangeAt takes it only as an end of a range
      // whose other end is a month or "Present", so "24/7" or "1/2 cup" never reads as a date.
      const y = 2000 + c.v <= ctx.maxYear - 1 ? 2000 + c.v : 1900 + c.v;
      return yearOkIn(y, ctx) ? { kind: 'month', m: y * 12 + a.v - 1, next: i + 3, short: true } : { kind: 'bad', next: i + 3 };
    }
    if (clen <= 2 && b.k === 'slash' && d?.k === 'slash' && adj(c, d) && e?.k === 'num' && e.e - e.s === 4 && adj(d, e)) {
      // A full date: the month is known only when one reading is impossible ("05/23/2019", "23/05/2019").
      // "05/06/2019" is May or June, so it is skipped.
      if (!yearOkIn(e.v, ctx)) return { kind: 'bad', next: i + 5 };
      let mo = -1;
      if (a.v >= 1 && a.v <= 12 && (c.v > 12 || c.v === a.v) && c.v <= 31 && c.v >= 1) mo = a.v;
      else if (c.v >= 1 && c.v <= 12 && a.v > 12 && a.v <= 31) mo = c.v;
      return mo < 0 ? { kind: 'bad', next: i + 5 } : { kind: 'month', m: e.v * 12 + mo - 1, next: i + 5 };
    }
    return null;
  }
  if (len !== 4 || !yearOkIn(a.v, ctx)) return null; // phone fragments, ids ("GS-0640"), far-future years: not dates
  if ((b?.k === 'dash' || b?.k === 'slash') && adj(a, b) && c?.k === 'num' && c.e - c.s === 2 && adj(b, c)) {
    // ISO "2020-03" (or "2020/03"), optionally with a day. Over 12, "2015-16" is a range of years (shortYearRange
    // reads it first); "2011-12" stays December 2011, as ISO says.
    if (c.v < 1 || c.v > 12) return { kind: 'bad', next: i + 3 };
    let next = i + 3;
    const d = t[next];
    const e = t[next + 1];
    if (d?.k === b.k && adj(c, d) && e?.k === 'num' && e.e - e.s <= 2 && adj(d, e)) next += 2;
    return { kind: 'month', m: a.v * 12 + c.v - 1, next };
  }
  return { kind: 'year', y: a.v, next: i + 1 };
}

/** Index after a range separator at i ("-", "–", "to", "through", "until"), or -1. */
function separator(t: readonly Tok[], i: number): number {
  const a = t[i];
  if (!a) return -1;
  if (a.k === 'dash') {
    let j = i + 1;
    while (t[j]?.k === 'dash' && j - i < 3) j++; // "--"
    return j;
  }
  if (a.k === 'word' && RANGE_WORDS.has(a.w)) return i + 1;
  return -1;
}

interface Found { readonly range: DateRange | null; readonly next: number }

function resolve(p1: Point, p2: Point, ctx: Ctx, index: number, length: number): DateRange | null {
  let s: number;
  let e: number;
  if (p1.kind === 'month') s = p1.m;
  else if (p1.kind === 'year') s = p1.y * 12 + 6; // an unknown month is read as mid-year: "2018 - 2020" is 24 months
  else if (p1.kind === 'season') s = p1.first;
  else return null;
  if (p2.kind === 'month') e = p2.m;
  else if (p2.kind === 'year') e = p2.y * 12 + 5;
  else if (p2.kind === 'season') e = p2.last;
  else if (p2.kind === 'present') e = ctx.asOf;
  else return null;
  // A year-only end in the same year as the other end widens to the whole year rather than reversing.
  if (p1.kind === 'year' && p2.kind === 'year' && p1.y === p2.y) { s = p1.y * 12; e = s + 11; }
  if (p1.kind === 'year' && s > e) s = p1.y * 12;
  if (p2.kind === 'year' && e < s) e = p2.y * 12 + 11;
  if (e < s || s > ctx.asOf) return null; // reversed, or starts in the future: skipped
  if (e > ctx.asOf) e = ctx.asOf; // an end later this year (a planned end date) counts up to asOf
  const rank = { month: 0, season: 1, year: 2 } as const;
  const k1 = p1.kind;
  const k2 = p2.kind === 'present' ? 'month' : p2.kind;
  const precision = rank[k1] >= rank[k2] ? k1 : k2;
  return { start: ym(s), end: p2.kind === 'present' ? 'present' : ym(e), months: e - s + 1, precision, index, length };
}

/**
 * "2015-16", "2017-19": a range of years written with the end's last two digits (a school or fiscal year), when the
 * two digits are over 12 (else it is an ISO month) and after the start's. Not part of a longer date ("2015-16-03").
 */
function shortYearRange(t: readonly Tok[], i: number, ctx: Ctx): Found | null {
  const a = t[i]!;
  const b = t[i + 1];
  const c = t[i + 2];
  if (a.k !== 'num' || a.e - a.s !== 4 || b?.k !== 'dash' || !adj(a, b) || c?.k !== 'num' || c.e - c.s !== 2 || !adj(b, c) || c.v <= 12) return null;
  const d = t[i + 3];
  if (d && adj(c, d) && (d.k === 'dash' || d.k === 'slash' || d.k === 'num')) return null;
  const end = a.v - (a.v % 100) + c.v;
  if (!yearOkIn(a.v, ctx) || end <= a.v || end > ctx.maxYear) return null;
  const range = resolve({ kind: 'year', y: a.v, next: i + 1 }, { kind: 'year', y: end, next: i + 3 }, ctx, a.s, c.e - a.s);
  return { range, next: i + 3 };
}

/** A range starting at token i: found (range or null when malformed/skipped), or null when there is none. */
function rangeAt(t: readonly Tok[], i: number, ctx: Ctx): Found | null {
  const a = t[i]!;
  if (a.k === 'word' && a.w === 'since') {
    const p = point(t, i + 1, ctx);
    if (!p || p.kind === 'present' || p.kind === 'monthOnly') return null;
    if (p.kind === 'bad') return { range: null, next: p.next };
    const index = t[i]!.s; const length = t[p.next - 1]!.e - index;
    return { range: resolve(p, { kind: 'present', next: p.next }, ctx, index, length), next: p.next };
  }
  const years = shortYearRange(t, i, ctx);
  if (years) return years;
  const p1 = point(t, i, ctx);
  if (!p1 || p1.kind === 'present') return null;
  const sep = separator(t, p1.next);
  if (sep < 0) {
    if (p1.kind === 'bad') return { range: null, next: p1.next };
    if (p1.kind === 'season') { const index = t[i]!.s; const length = t[p1.next - 1]!.e - index; return { range: resolve(p1, p1, ctx, index, length), next: p1.next }; }
    return null; // a lone date ("May 2019", "2017") is not a range
  }
  let p2 = point(t, sep, ctx);
  // "to date"
  if (!p2 && t[sep]?.k === 'word' && t[sep]!.w === 'date' && t[sep - 1]?.w === 'to') p2 = { kind: 'present', next: sep + 1 };
  if (!p2) {
    if (p1.kind === 'bad') return { range: null, next: p1.next };
    if (p1.kind === 'season') { const index = t[i]!.s; const length = t[p1.next - 1]!.e - index; return { range: resolve(p1, p1, ctx, index, length), next: p1.next }; }
    return null;
  }
  const index = t[i]!.s;
  const length = t[p2.next - 1]!.e - index;
  if (p1.kind === 'bad' || p2.kind === 'bad' || p2.kind === 'monthOnly') return { range: null, next: p2.next };
  // MM/YY only beside another month or "Present" ("03/19 - 06/21", "04/22 - Present").
  if ((p1.kind === 'month' && p1.short && p2.kind !== 'month' && p2.kind !== 'present') || (p2.kind === 'month' && p2.short && p1.kind !== 'month')) return null;
  if (p1.kind === 'monthOnly') {
    // "Jan - Mar 2019": the start takes the end's year.
    if (p2.kind !== 'month') return p2.kind === 'year' || p2.kind === 'season' ? { range: null, next: p2.next } : null;
    const y = Math.floor(p2.m / 12);
    return { range: resolve({ kind: 'month', m: y * 12 + p1.mo - 1, next: p1.next }, p2, ctx, index, length), next: p2.next };
  }
  return { range: resolve(p1, p2, ctx, index, length), next: p2.next };
}

/** A duration at token i ("2 years", "18 months", "3 yrs", "1.5 years", "2 years 3 months", "six years"). */
function amount(t: readonly Tok[], j: number): { v: number; next: number } | null {
  const a = t[j];
  if (!a) return null;
  if (a.k === 'word') { const v = NUMBER_WORDS.get(a.w); return v === undefined ? null : { v, next: j + 1 }; }
  if (a.k !== 'num' || a.e - a.s > 3) return null;
  const d = t[j + 1];
  const f = t[j + 2];
  if (d?.k === 'dot' && adj(a, d) && f?.k === 'num' && adj(d, f) && f.e - f.s === 1) return { v: a.v + f.v / 10, next: j + 3 };
  return { v: a.v, next: j + 1 };
}

function unitAt(t: readonly Tok[], j: number): { unit: 'y' | 'm'; next: number } | null {
  let k = j;
  if (t[k]?.k === 'plus') k++;
  const u = t[k];
  if (u?.k !== 'word') return null;
  if (YEAR_UNITS.has(u.w)) return { unit: 'y', next: k + 1 };
  if (MONTH_UNITS.has(u.w)) return { unit: 'm', next: k + 1 };
  return null;
}

function durationAt(t: readonly Tok[], i: number): { months: number; next: number } | null {
  const first = amount(t, i);
  if (!first) return null;
  const u1 = unitAt(t, first.next);
  if (!u1) return null;
  let months = u1.unit === 'y' ? Math.round(first.v * 12) : Math.round(first.v);
  let next = u1.next;
  if (u1.unit === 'y') {
    // "2 years 3 months", "2 yrs, 3 mos", "2 years and 3 months"
    let j = next;
    if (t[j]?.k === 'comma') j++;
    if (t[j]?.k === 'word' && t[j]!.w === 'and') j++;
    const second = amount(t, j);
    const u2 = second ? unitAt(t, second.next) : null;
    if (second && u2?.unit === 'm' && Number.isInteger(second.v)) { months += second.v; next = u2.next; }
  }
  return months > 0 && months <= 600 ? { months, next } : null;
}

function ctxOf(options: DateOptions): Ctx {
  const asOf = asOfMonth(options?.asOf);
  return { asOf, maxYear: Math.floor(asOf / 12) + 1 };
}

function firstRange(s: string, ctx: Ctx): DateRange | null {
  const t = lex(s);
  for (let i = 0; i < t.length; i++) {
    const f = rangeAt(t, i, ctx);
    if (!f) continue;
    if (f.range) return f.range;
    i = f.next - 1; // skipped as malformed: go on after it
  }
  for (let i = 0; i < t.length; i++) {
    const d = durationAt(t, i);
    if (d) return { start: null, end: null, months: d.months, precision: 'duration', index: t[i]!.s, length: t[d.next - 1]!.e - t[i]!.s };
  }
  return null;
}

/**
 * Finds the first date range in a line; failing that, a duration ("2 years"). Ambiguous or malformed dates
 * ("13/2015", "05/06/2019", a reversed "2015-2014", a start after asOf) are skipped, never guessed.
 * A year without a month is read as mid-year, so "2018 - 2020" is 24 months and "2019 - 2019" the whole year.
 * @example
 * parseDateRange('ER Tech, Northwestern   Mar 2020 – Present', { asOf: '2024-06-01' })
 * // { start: '2020-03', end: 'present', months: 52, precision: 'month', index: 24, length: 18 }
 */
export function parseDateRange(s: string, options: DateOptions): DateRange | null {
  return firstRange(s, ctxOf(options));
}

// ---------------------------------------------------------------------------------------------------------
// Experience entries in text

const TITLE_WORDS = new Set([
  'technician', 'technicians', 'tech', 'techs', 'technologist', 'aide', 'aid', 'assistant', 'asst', 'associate', 'nurse',
  'cna', 'hha', 'emt', 'paramedic', 'medic', 'specialist', 'representative', 'rep', 'clerk', 'coordinator', 'manager',
  'supervisor', 'director', 'secretary', 'receptionist', 'worker', 'caregiver', 'therapist', 'counselor', 'agent',
  'officer', 'analyst', 'coder', 'biller', 'registrar', 'scribe', 'volunteer', 'intern', 'extern', 'attendant',
  'phlebotomist', 'driver', 'responder', 'professional', 'administrator', 'corpsman', 'mht', 'bht', 'rbt', 'pct',
  'pta', 'cma', 'lpn', 'csr', 'provider', 'companion', 'sitter', 'cashier', 'server', 'orderly', 'transporter',
  'dispatcher', 'educator', 'instructor', 'trainer', 'operator', 'scheduler', 'helper', 'housekeeper', 'navigator',
  'liaison', 'advocate', 'mentor', 'tutor', 'consultant', 'lead', 'paraprofessional', 'firefighter', 'lifeguard',
]);
const ORG_WORDS = new Set([
  'hospital', 'hospitals', 'center', 'centers', 'centre', 'clinic', 'clinics', 'system', 'systems', 'services',
  'service', 'inc', 'llc', 'ltd', 'corp', 'corporation', 'company', 'co', 'group', 'university', 'college', 'school',
  'department', 'dept', 'county', 'institute', 'foundation', 'agency', 'associates', 'practice', 'pharmacy', 'unit',
  'network', 'partners', 'ambulance', 'army', 'navy', 'corps', 'church', 'facility', 'residence', 'homes', 'store',
  'health', 'healthcare', 'medicine', 'hospice', 'ems', 'rescue', 'district', 'authority', 'llp', 'pc', 'pllc',
]);
// Only as the last word: "Regional One Health" is an employer, "Health Technician" a title.
const ORG_ONLY_LAST = new Set(['health', 'healthcare', 'medicine', 'hospice', 'ems', 'rescue']);
const LEVEL_WORDS = new Set(['i', 'ii', 'iii', 'iv', 'level', 'b', 'p', 'prn']);

/** The lower-cased ASCII letter runs of text[s, e) outside brackets. */
function wordsOf(text: string, s: number, e: number): string[] {
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
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
    i++;
  }
  return out;
}

/** +1 when text[s, e) reads as a job title, -1 as an employer, 0 when it cannot tell. Parenthesised words are ignored. */
function titleOrOrg(text: string, s: number, e: number): number {
  const words = wordsOf(text, s, e);
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

interface Line { readonly s: number; readonly e: number }
interface Part { readonly s: number; readonly e: number }

// A line break is a space only inside a dates line joined with the next ("08/19 –" over "Present").
function isSpace(c: number): boolean { return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 10; }
function isDash(c: number): boolean { return c === 45 || (c >= 0x2010 && c <= 0x2015); }
// Characters trimmed from the edges of a header part: spaces, Markdown marks and escapes ("\\|"), separators left by a
// removed date.
function isTrim(c: number): boolean { return isSpace(c) || c === 42 || c === 95 || c === 35 || c === 62 || c === 96 || c === 58 || c === 59 || c === 44 || c === 124 || c === 92 || isDash(c) || c === 0x2022 || c === 0xb7; }
// A field separator at the end or start of a header line: the header goes on across the line break.
function isFieldSep(c: number): boolean { return c === 124 || c === 44 || c === 59 || c === 0xb7 || c === 0x2022 || isDash(c); }

const STATES = new Set(['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR']);
// A field made only of these words says how the job was held, not what it was ("SEASONAL | SKI PATROL").
const EMPLOYMENT_WORDS = new Set(['seasonal', 'part', 'full', 'time', 'temporary', 'temp', 'contract', 'per', 'diem', 'prn', 'remote', 'hybrid']);
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
function titleCased(text: string, s: number, e: number): boolean {
  for (let i = s; i < e;) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) { i++; continue; }
    let j = i + 1;
    while (j < e && isAsciiLetter(text.charCodeAt(j))) j++;
    if (j - i >= 4 && c >= 97 && c <= 122) return false;
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
    if (isSpace(c) || c === 46) { start = true; continue; }
    if (start) { if (!(c >= 65 && c <= 90)) return false; words++; start = false; }
  }
  return words >= 1 && words <= 3 && titleOrOrg(text, s, e) === 0;
}

/**
 * The parts of a header that can be a title or an employer: without employment types ("SEASONAL", "Part-time") and
 * places ("Columbus, OH" as two parts, "Tucson AZ" as one). A state code counts as a place after a place name, or
 * from the third field on; second after a title it is kept ("HEALTH TECHNICIAN | VA").
 */
function fieldsOf(text: string, parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (p.e - p.s <= 24 && EMPLOYMENT_FIRST.has(text.charCodeAt(p.s) | 32)) {
      const words = wordsOf(text, p.s, p.e);
      if (words.length > 0 && words.every((w) => EMPLOYMENT_WORDS.has(w))) continue;
    }
    if (isState(text, p.s, p.e)) {
      const prev = out[out.length - 1];
      if (prev && cityLike(text, prev.s, prev.e)) { out.pop(); continue; }
      if (out.length >= 2) continue;
    }
    // "Tucson AZ": a place name and a state code in one part, the last ("Southern Arizona VA" before "Tucson, AZ" is an employer).
    const sp = p.e - p.s > 3 ? p.e - 3 : -1;
    if (p === parts[parts.length - 1] && sp > p.s && text.charCodeAt(sp) === 32 && isState(text, sp + 1, p.e) && cityLike(text, p.s, sp) && out.length >= 1) continue;
    out.push(p);
  }
  return out;
}

/**
 * Splits a header line into parts on "|", "•", "·", ",", ";", tabs, runs of spaces, a spaced dash and " at ",
 * never inside parentheses; the span [skipS, skipE) (the date) is a separator. Offsets are absolute.
 */
function splitParts(text: string, line: Line, skipS: number, skipE: number): Part[] {
  const parts: Part[] = [];
  let depth = 0;
  let from = line.s;
  const push = (s: number, e: number): void => {
    while (s < e && isTrim(text.charCodeAt(s))) s++;
    while (e > s && isTrim(text.charCodeAt(e - 1))) e--;
    // An unmatched bracket at an edge ("(2021" or "Northwestern (") is what the date removal left.
    let open = 0;
    for (let i = s; i < e; i++) { const c = text.charCodeAt(i); if (c === 40 || c === 91) open++; else if (c === 41 || c === 93) open--; }
    while (open > 0 && e > s) { const c = text.charCodeAt(e - 1); if (c === 40 || c === 91) open--; e--; while (e > s && isTrim(text.charCodeAt(e - 1))) e--; }
    while (open < 0 && s < e) { const c = text.charCodeAt(s); if (c === 41 || c === 93) open++; s++; while (s < e && isTrim(text.charCodeAt(s))) s++; }
    let letters = 0;
    for (let i = s; i < e && letters < 2; i++) if (isAsciiLetter(text.charCodeAt(i))) letters++;
    if (letters >= 2) parts.push({ s, e });
  };
  for (let i = line.s; i < line.e; i++) {
    if (i === skipS) { push(from, i); i = skipE - 1; from = skipE; depth = 0; continue; }
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) { depth++; continue; }
    if ((c === 41 || c === 93) && depth > 0) { depth--; continue; }
    if (depth > 0) continue;
    let cut = 0;
    if (c === 124 || c === 0x2022 || c === 0xb7 || c === 44 || c === 59 || c === 9) cut = 1;
    else if (c === 32 && text.charCodeAt(i + 1) === 32) { cut = 2; while (i + cut < line.e && text.charCodeAt(i + cut) === 32) cut++; }
    else if (isDash(c) && (isSpace(text.charCodeAt(i - 1)) || isSpace(text.charCodeAt(i + 1))) && i > line.s) cut = 1;
    else if (c === 64 && isSpace(text.charCodeAt(i - 1))) cut = 1;
    else if (c === 32 && text.charCodeAt(i + 1) === 97 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 32) cut = 4; // " at "
    if (cut) { push(from, i); from = i + cut; i += cut - 1; }
  }
  push(from, line.e);
  return parts;
}

function firstNonSpace(text: string, s: number, e: number): number {
  let i = s;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** A list item, given the line's first non-space i < e: "•", "-", "*", "+" or "–" followed by a space ("**Title**" and "*Mar 2020*" are not). */
function isBulletAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2022 || c === 0x25cf || c === 0x25aa || c === 0x2023) return true;
  return (c === 45 || c === 42 || c === 43 || c === 0x2013 || c === 0x2014 || c === 62) && isSpace(text.charCodeAt(i + 1));
}

function wordCount(text: string, s: number, e: number): number {
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
function isProse(text: string, s: number, e: number): boolean {
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - s > 160 || wordCount(text, s, e) > 16) return true;
  if (text.charCodeAt(e - 1) !== 46) return false;
  let k = e - 1;
  while (k > s && !isSpace(text.charCodeAt(k - 1))) k--;
  // "Inc.", "Co.", "P.C." end a header; "care." ends a sentence.
  const c = text.charCodeAt(k);
  return !(c >= 65 && c <= 90 && e - 1 - k <= 4);
}

/** A duration is an entry's field ("(2 years)", ", 3 yrs") only after a separator, not inside a sentence ("with six years"). */
function fieldStart(text: string, lineStart: number, at: number): boolean {
  let k = at;
  while (k > lineStart && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === lineStart) return false; // a duration alone on a line has no title
  const c = text.charCodeAt(k - 1);
  return c === 40 || c === 91 || c === 44 || c === 124 || c === 58 || c === 0x2022 || c === 0xb7 || isDash(c);
}

/** Per-line facts, computed once; the line itself is [s, e), without its line break. */
interface LineInfo extends Line {
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

type MutableInfo = { -readonly [K in keyof LineInfo]: LineInfo[K] };

/** A line that can hold a title or employer: allowed, not blank, not a list item, not a heading, not prose, no dates. */
function headerish(info: LineInfo | undefined, text: string): boolean {
  return !!info && info.allowed && !info.blank && !info.bullet && !info.boundary && !info.range && !isProse(text, info.s, info.e);
}

// A duration's unit as the lexer reads it (a whole ASCII letter run), for lines without a year ("six years").
const UNIT_WORD = /(?:^|[^a-z])(?:years?|yrs?|months?|mos?|mths?)(?![a-z])/i;
const isApos = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2018 || c === 96;

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
    if (j - i === 4 || (j - i === 2 && i > s && isApos(text.charCodeAt(i - 1)))) return true;
    if (j - i === 2 && i > s + 1 && text.charCodeAt(i - 1) === 47 && isDigit(text.charCodeAt(i - 2))) return true; // MM/YY
    i = j;
  }
  return UNIT_WORD.test(text.slice(s, e));
}

const DEFAULT_KINDS: ReadonlySet<string> = new Set(['experience', 'volunteer']);

/** Sections by start: the array itself when already in order (as findSections gives them), where the stable sort would change nothing. */
function byStart(sections: readonly SectionLike[]): readonly SectionLike[] {
  for (let k = 1; k < sections.length; k++) {
    if (!(sections[k]!.start >= sections[k - 1]!.start)) return [...sections].sort((a, b) => a.start - b.start);
  }
  return sections;
}

interface Draft { title: Part | null; employer: Part | null; range: DateRange | null; first: number; last: number }

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
function joinSplitDates(text: string, infos: MutableInfo[], ctx: Ctx): void {
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
    const endsTo = i - a.s >= 3 && (text.charCodeAt(i - 3) === 32) && (text.charCodeAt(i - 2) | 32) === 116 && (last | 32) === 111;
    if (!(isDash(last) || endsTo || dashFirst || (isDigit(first) && endsWithDateWord(text, a.s, i)))) continue;
    const r = firstRange(text.slice(a.s, b.e), ctx);
    // Only a range that starts on this line and ends on the next; a sentence is not a header.
    if (!r || r.precision === 'duration' || r.index >= i - a.s || r.index + r.length <= b.s - a.s || isProse(text, b.s, b.e)) continue;
    infos[l] = { ...a, e: b.e, range: r };
    infos[l + 1] = { ...b, bullet: false, claimed: true };
    l++;
  }
}

/** Whether a header's first part reads as an employer (or cannot tell) and the second as a title. */
function employerFirst(text: string, parts: readonly Part[]): boolean {
  const a = parts[0];
  const b = parts[1];
  return a !== undefined && b !== undefined && titleOrOrg(text, a.s, a.e) <= 0 && titleOrOrg(text, b.s, b.e) > 0;
}

/** Title and employer among a header's parts: the first part, unless it reads as an employer and the next as a title. */
function setHeader(d: Draft, text: string, parts: readonly Part[]): void {
  const swap = employerFirst(text, parts);
  d.title = (swap ? parts[1] : parts[0]) ?? null;
  d.employer = (swap ? parts[0] : parts[1]) ?? null;
}

/**
 * Finds the experience entries of a resume: title, employer, dates and the text that belongs to each (its header
 * lines and bullets, up to the next entry, heading or section end). Layouts read: everything on one line
 * ("Title, Employer, City   Mar 2020 – Present", "TITLE | EMPLOYER | 2019 - 2021", "**Title** — Employer (2021 – Present)"),
 * title on one line and "Employer — City | dates" on the next, title/employer lines then a dates line, and a dates
 * line first. The header may be wrapped anywhere over up to four lines (PDF text), with the dates broken after their
 * dash or a blank line away (a DOCX table cell); places ("Columbus, OH") and employment types ("SEASONAL") are never
 * the title or employer, and a title wrapped over a line break keeps it (offsets quote the text as written).
 * When no entry has dates, undated entries are read from a title line followed by list items.
 * Offsets are into `text`; with `sections`, only sections of `kinds` are searched.
 * @example
 * parseExperience('EXPERIENCE\nER Tech | Northwestern | 2021 - Present\n• EKGs', { asOf: '2024-06-01' })[0]
 * // { title: 'ER Tech', titleStart: 11, titleEnd: 18, employer: 'Northwestern',
 * //   range: { start: '2021-07', end: 'present', months: 36, precision: 'year', index: 25, length: 14 }, start: 11, end: 57, section: null }
 */
export function parseExperience(text: string, options: ExperienceOptions): ExperienceEntry[] {
  const ctx = ctxOf(options);
  const kinds = options.kinds != null ? new Set(options.kinds) : DEFAULT_KINDS;
  const sections = options.sections ? byStart(options.sections) : null;
  const infos: MutableInfo[] = [];
  let si = 0;
  let allowedSi = -1; // the section whose kind was last looked up, and the answer
  let allowedHere = false;
  let inItem = false; // the line before is a list item or its continuation
  // Lines split on "\n"; a "\r" before the break is not part of the line (the last line keeps its own).
  for (let s = 0; ;) {
    const nl = text.indexOf('\n', s);
    const e = nl === -1 ? text.length : nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
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
      boundary = headingKind(text.slice(s, e)) !== null;
    }
    const lead = firstNonSpace(text, s, e);
    const blank = lead >= e;
    // A line that goes on with a lower-case word after a list item is that item wrapped (PDF text has no soft
    // wraps), never a header.
    const c0 = blank ? 0 : text.charCodeAt(lead);
    const bullet: boolean = !blank && (isBulletAt(text, lead) || (inItem && c0 >= 97 && c0 <= 122));
    inItem = bullet;
    let range: DateRange | null = null;
    if (allowed && !blank && !bullet && !boundary && e - s <= 200) {
      const r = mayHoldDates(text, s, e) ? firstRange(text.slice(s, e), ctx) : null;
      if (r) {
        // The rest of the line must read as a header, not a sentence ("From 2019 to 2021 I cared for ...").
        const restProse = isProse(text, s, s + r.index) || isProse(text, s + r.index + r.length, e) || wordCount(text, s, e) > 18;
        const endsSentence = text.charCodeAt(e - 1) === 46 && isProse(text, s, e);
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

  const drafts: Draft[] = [];
  const partsOf = (l: number): Part[] => splitParts(text, infos[l]!, -1, -1);
  const usable = (l: number): boolean => l >= 0 && l < infos.length && !infos[l]!.claimed && headerish(infos[l], text);
  const sameSection = (a: number, b: number): boolean => infos[a]?.sectionIndex === infos[b]?.sectionIndex;
  let dateFirst: boolean | null = null; // the layout of date-only lines, decided by the first one
  // A line that opens a block (after a blank line or heading) or closes one (before list items or a blank line):
  // a neutral name there ("Visiting Angels", "Cox Communications") is a header, not a stray body line.
  const blockStart = (l: number): boolean => { const p = infos[l - 1]; return !p || p.blank || p.boundary || !p.allowed || p.bullet || !!p.range || p.claimed || !titleCased(text, p.s, p.e); };
  const blockEnd = (l: number): boolean => { const n = infos[l + 1]; return !n || n.blank || n.bullet || n.boundary || !n.allowed || !!n.range; };

  const kindOf = (p: Part | undefined): number => (p ? titleOrOrg(text, p.s, p.e) : 0);
  // A field separator where line a ends or line b starts: the fields go on across the break.
  const endSep = (a: number): boolean => {
    const x = infos[a]!;
    let i = x.e;
    while (i > x.s && isSpace(text.charCodeAt(i - 1))) i--;
    return i > x.s && isFieldSep(text.charCodeAt(i - 1));
  };
  const sepAtBreak = (a: number, b: number): boolean => {
    const y = infos[b]!;
    const j = firstNonSpace(text, y.s, y.e);
    return endSep(a) || (j < y.e && isFieldSep(text.charCodeAt(j)));
  };

  for (let l = 0; l < infos.length; l++) {
    const info = infos[l]!;
    const r = info.range;
    if (!r) continue;
    const absS = info.s + r.index;
    const own = splitParts(text, info, absS, absS + r.length);
    const d: Draft = { title: null, employer: null, range: r, first: l, last: l };
    const prevOk = usable(l - 1) && sameSection(l - 1, l);
    const nextOk = usable(l + 1) && sameSection(l + 1, l);
    const dateOnly = fieldsOf(text, own).length === 0;
    if (dateOnly && dateFirst === null && (prevOk || nextOk)) dateFirst = !prevOk;
    if (dateOnly && nextOk && (dateFirst || !prevOk)) {
      // Dates first, then the title (and maybe the employer on the line after).
      const n = fieldsOf(text, partsOf(l + 1));
      setHeader(d, text, n);
      d.last = l + 1;
      if (n.length === 1 && usable(l + 2) && sameSection(l + 2, l)) {
        const nn = fieldsOf(text, partsOf(l + 2));
        const nnKind = kindOf(nn[0]);
        const nKind = kindOf(n[0]);
        if (nnKind < 0 || (nnKind > 0 && nKind < 0) || (nnKind === 0 && nn.length <= 2 && blockEnd(l + 2))) {
          if (nnKind > 0) { d.title = nn[0]!; d.employer = n[0]!; } else { d.title = n[0]!; d.employer = nn[0] ?? null; }
          d.last = l + 2;
        }
      }
    } else {
      // The header is this line and the lines above it that go with it: up to three, joined into one list of
      // fields. PDF text wraps a long header anywhere ("Certified Nursing Assistant, Memorial" over "Hermann
      // Southwest Hospital, Houston, TX,") and a table cell puts the dates on a line of their own; a DOCX table
      // puts them a blank line below the header.
      let group = own;
      let top = l;
      for (let taken = 0; taken < 3; taken++) {
        const fields = fieldsOf(text, group);
        let a = top - 1;
        const bridged = top === l && fields.length === 0 && dateFirst !== true && !!infos[a]?.blank;
        if (bridged) a--;
        if (!usable(a) || !sameSection(a, l)) break;
        const above = partsOf(a);
        if (above.length === 0) break;
        const sep = !bridged && sepAtBreak(a, top);
        const fa = fieldsOf(text, above);
        const kA = kindOf(fa[0]);
        const kG = kindOf(fields[0]);
        // Title above, employer here (or the other way round); a wrapped line of several fields; two neutral
        // names where a block starts ("Stocker" over "Kroger, Memphis, TN").
        // Only lines written as headers are: a list item that lost its marker is not one. With a title and an
        // employer here already, only a title over a plain employer name joins.
        const cased = above[0] !== undefined && titleCased(text, above[0].s, above[above.length - 1]!.e);
        const pair = cased && fa.length === 1 && (fields.length <= 1 ? (kA > 0 && kG <= 0) || (kA < 0 && kG > 0) : kA > 0 && kG < 0);
        const one = cased && fields.length === 1 && (above.length >= 2 || (fa.length === 1 && kA === 0 && kG >= 0 && blockStart(a)));
        // A line inside a header: the line above it ends with a separator ("Certified Nursing Assistant," over
        // "Memorial Hermann Southwest" over "Hospital, Houston, TX, 05/2021 –").
        const mid = !sep && !bridged && usable(a - 1) && sameSection(a - 1, l) && endSep(a - 1);
        if (!(sep || bridged || fields.length === 0 || pair || one || mid)) break;
        const g0 = group[0];
        if (!sep && !bridged && g0 && kindOf(g0) <= 0 && (above.length >= 2 || (mid && kA <= 0))) {
          // A field wrapped over the line break: "Rainier Ambulance" + "Service".
          group = [...above.slice(0, -1), { s: above[above.length - 1]!.s, e: g0.e }, ...group.slice(1)];
        } else group = [...above, ...group];
        top = a;
      }
      setHeader(d, text, fieldsOf(text, group));
      d.first = top;
    }
    for (let k = d.first; k <= d.last; k++) infos[k]!.claimed = true;
    drafts.push(d);
  }

  if (drafts.length === 0) undated(text, infos, drafts);

  const out: ExperienceEntry[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const stop = k + 1 < drafts.length ? drafts[k + 1]!.first : infos.length;
    let lastLine = d.last;
    for (let l = d.last + 1; l < stop; l++) {
      const info = infos[l]!;
      if (info.boundary || !info.allowed || info.sectionIndex !== infos[d.first]!.sectionIndex) break;
      if (!info.blank) lastLine = l;
    }
    const first = infos[d.first]!;
    const end = infos[lastLine]!.e;
    out.push({
      title: d.title ? text.slice(d.title.s, d.title.e) : null,
      titleStart: d.title ? d.title.s : -1,
      titleEnd: d.title ? d.title.e : -1,
      employer: d.employer ? text.slice(d.employer.s, d.employer.e) : null,
      range: d.range,
      start: firstNonSpace(text, first.s, first.e),
      end,
      section: infos[d.first]!.section,
    });
  }
  return out;
}

/** Entries without dates: a header line that reads as a title, followed (maybe after an employer line) by list items. */
function undated(text: string, infos: readonly LineInfo[], drafts: Draft[]): void {
  for (let l = 0; l < infos.length; l++) {
    if (!headerish(infos[l], text)) continue;
    const parts = splitParts(text, infos[l]!, -1, -1);
    const swap = employerFirst(text, parts);
    let title = (swap ? parts[1] : parts[0]) ?? null;
    let employer = (swap ? parts[0] : parts[1]) ?? null;
    if (!title) continue;
    let last = l;
    let kind = titleOrOrg(text, title.s, title.e);
    if (!infos[l + 1]?.bullet) {
      // "Title" / "Employer, City" / bullets
      if (!(parts.length === 1 && headerish(infos[l + 1], text) && infos[l + 2]?.bullet)) continue;
      const n = splitParts(text, infos[l + 1]!, -1, -1);
      if (!n[0]) continue;
      const nKind = titleOrOrg(text, n[0].s, n[0].e);
      if (kind <= 0 && nKind > 0) { employer = title; title = n[0]; kind = nKind; } else employer = n[0];
      last = l + 1;
    }
    if (kind <= 0) continue;
    drafts.push({ title, employer, range: null, first: l, last });
    l = last;
  }
}

// ---------------------------------------------------------------------------------------------------------
// JSON Resume

interface JsonJob { readonly position?: string | undefined; readonly name?: string | undefined; readonly organization?: string | undefined; readonly startDate?: string | undefined; readonly endDate?: string | undefined }

/** A JSON Resume date ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') as a point, or null when malformed. */
function isoPoint(s: string, ctx: Ctx): Point | null {
  const v = s.trim();
  if (v.length === 4) {
    const y = Number(v);
    return Number.isInteger(y) && y >= MIN_YEAR && y <= ctx.maxYear ? { kind: 'year', y, next: 0 } : null;
  }
  const m = monthIndex(v);
  return Number.isNaN(m) || m < MIN_YEAR * 12 ? null : { kind: 'month', m, next: 0 };
}

export interface JsonWorkOptions extends DateOptions {
  /** The rendering's segments (`renderJsonResume(doc).segments`): entries then get offsets into its text. */
  readonly segments?: readonly PathSegment[];
}

/**
 * Entries from a JSON Resume's `work[]` and `volunteer[]`: `position` is the title, `name` / `organization` the
 * employer, `startDate` / `endDate` the dates (a missing endDate is "present"; a missing or malformed startDate
 * gives `range: null`). With `segments`, `start`/`end` span the entry's rendered lines and the title its
 * position; otherwise they are -1.
 * @example
 * parseJsonResumeWork({ work: [{ position: 'ER Tech', startDate: '2021-03' }] }, { asOf: '2024-06-01' })[0].range
 * // { start: '2021-03', end: 'present', months: 40, precision: 'month', index: 0, length: 0 }
 */
export function parseJsonResumeWork(doc: { readonly work?: readonly JsonJob[] | undefined; readonly volunteer?: readonly JsonJob[] | undefined }, options: JsonWorkOptions): ExperienceEntry[] {
  const ctx = ctxOf(options);
  const segs = options.segments ?? null;
  const out: ExperienceEntry[] = [];
  const add = (list: readonly JsonJob[] | undefined, key: string, section: string): void => {
    (list ?? []).forEach((job, i) => {
      const path = `${key}[${i}]`;
      let range: DateRange | null = null;
      const p1 = job.startDate ? isoPoint(job.startDate, ctx) : null;
      const p2: Point | null = job.endDate && job.endDate.trim() ? isoPoint(job.endDate, ctx) : { kind: 'present', next: 0 };
      if (p1 && p2) range = resolve(p1, p2, ctx, 0, 0);
      const title = job.position?.trim() ? job.position.trim() : null;
      const employer = (key === 'work' ? job.name : job.organization)?.trim() || null;
      let start = -1;
      let end = -1;
      let titleStart = -1;
      let titleEnd = -1;
      if (segs) {
        for (const s of segs) {
          if (s.path !== path && !s.path.startsWith(`${path}.`)) continue;
          if (start < 0) start = s.start;
          end = s.end;
          // The renderer writes the header line as "position | name | dates", position first.
          if (s.path === path && title && job.position && s.end - s.start >= job.position.trimEnd().length) {
            const lead = job.position.length - job.position.trimStart().length;
            titleStart = s.start + lead;
            titleEnd = titleStart + title.length;
          }
        }
      }
      out.push({ title, titleStart, titleEnd, employer, range, start, end, section, path });
    });
  };
  add(doc.work, 'work', 'experience');
  add(doc.volunteer, 'volunteer', 'volunteer');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Union, per-skill experience, recency

type Span = readonly [number, number];
const bySpan = (a: Span, b: Span): number => a[0] - b[0] || a[1] - b[1];

/** A dated range as a span of month indices; null when it has no dates (a duration) or is malformed. */
function spanOf(r: DateRange | null | undefined, asOf: number): Span | null {
  if (!r || r.start === null) return null;
  const s = monthIndex(r.start);
  const e = r.end === 'present' ? asOf : r.end === null ? NaN : monthIndex(r.end);
  return Number.isNaN(s) || Number.isNaN(e) || e < s ? null : [s, e];
}

/** The union of spans (sorted here, in place) plus loose months. */
function unionOf(spans: Span[], loose: number): Timeline {
  // Few spans as a rule: an insertion sort, no comparator calls. Spans are integer pairs, so every correct sort
  // gives the same order.
  if (spans.length <= 16) {
    for (let i = 1; i < spans.length; i++) {
      const x = spans[i]!;
      let j = i - 1;
      while (j >= 0 && bySpan(spans[j]!, x) > 0) { spans[j + 1] = spans[j]!; j--; }
      spans[j + 1] = x;
    }
  } else spans.sort(bySpan);
  let months = 0;
  let curS = -1;
  let curE = -2;
  let last = -1;
  for (const [s, e] of spans) {
    if (s > curE + 1) { if (curE >= curS && curS >= 0) months += curE - curS + 1; curS = s; curE = e; } else if (e > curE) curE = e;
    if (e > last) last = e;
  }
  if (curS >= 0) months += curE - curS + 1;
  return { months: months + loose, lastUsed: last >= 0 ? ym(last) : null };
}

/** Months covered by the union of ranges (overlapping jobs count once) plus bare durations, and the latest end. */
export function monthsOfUnion(ranges: readonly (DateRange | null | undefined)[], options: DateOptions): Timeline {
  const asOf = asOfMonth(options?.asOf);
  const spans: Span[] = [];
  let loose = 0;
  for (const r of ranges) {
    if (!r) continue;
    if (r.start === null) { loose += r.months; continue; }
    const x = spanOf(r, asOf);
    if (x) spans.push(x);
  }
  return unionOf(spans, loose);
}

/**
 * Experience with a skill: the union of the entries that hold one of its mentions (offsets into the text the
 * entries were read from), and how long ago it was last used.
 * @example
 * const text = 'EXPERIENCE\nER Tech | Northwestern | 2021 - Present\n• EKGs'
 * const entries = parseExperience(text, { asOf: '2024-06-01' })
 * skillExperience(entries, [text.indexOf('EKG')], { asOf: '2024-06-01' }) // { months: 36, lastUsed: '2024-06', monthsSinceUsed: 0, entries: [0] }
 */
/** Work shared by the skills of one analysis: the entries in text order, and unions already computed. */
export interface ExperienceCache {
  order?: number[];
  /** `asOf` as a month index, parsed once per analysis. */
  asOf?: number;
  /** Per entry, its range as `spanOf` reads it (the strings parsed once per analysis, not once per skill). */
  spans?: (Span | null)[];
  /** Per set of entries, the union and its months since last use. */
  readonly unions: Map<number | string, Timeline & { readonly since: number | null }>;
}

export function skillExperience(entries: readonly ExperienceEntry[], mentionOffsets: readonly number[], options: DateOptions, cache?: ExperienceCache): SkillExperience {
  const asOf = cache?.asOf ?? asOfMonth(options?.asOf);
  if (cache) cache.asOf = asOf;
  // Entries do not overlap and come in text order; sort indices by start anyway (JSON entries may lack offsets).
  const order = cache?.order ?? entries.map((_, i) => i).filter((i) => entries[i]!.start >= 0).sort((a, b) => entries[a]!.start - entries[b]!.start);
  if (cache) cache.order = order;
  // The entries holding a mention, ascending and once each. Mentions come in text order, so repeats are adjacent
  // and the list is already sorted; the sort below only runs for offsets given out of order.
  const idx: number[] = [];
  let sorted = true;
  for (const at of mentionOffsets) {
    let lo = 0;
    let hi = order.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = entries[order[mid]!]!;
      if (e.start <= at) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found < 0 || at >= entries[order[found]!]!.end) continue;
    const k = order[found]!;
    const last = idx.length ? idx[idx.length - 1]! : -1;
    if (k === last) continue;
    if (k < last) sorted = false;
    idx.push(k);
  }
  if (!sorted) {
    idx.sort((a, b) => a - b);
    let w = 0;
    for (let r = 0; r < idx.length; r++) if (r === 0 || idx[r] !== idx[w - 1]) idx[w++] = idx[r]!;
    idx.length = w;
  }
  // Skills mentioned in the same entries share a timeline: compute each union once per analysis.
  // The key: a bit mask of the entries when there are few (no string to build), their list otherwise.
  let key: number | string = 0;
  if (idx.length && idx[idx.length - 1]! < 31) for (const i of idx) key |= 1 << i;
  else if (idx.length) key = idx.join(',');
  let t = cache?.unions.get(key);
  if (!t) {
    const per = cache?.spans ?? entries.map((e) => spanOf(e.range, asOf));
    if (cache) cache.spans = per;
    // As monthsOfUnion over the entries' ranges: durations add up in entry order, spans are united.
    const spans: Span[] = [];
    let loose = 0;
    for (const i of idx) {
      const r = entries[i]!.range;
      if (!r) continue;
      if (r.start === null) { loose += r.months; continue; }
      const x = per[i];
      if (x) spans.push(x);
    }
    const u = unionOf(spans, loose);
    t = { months: u.months, lastUsed: u.lastUsed, since: u.lastUsed === null ? null : Math.max(0, asOf - monthIndex(u.lastUsed)) };
    cache?.unions.set(key, t);
  }
  // Field by field: an object spread here was the hottest line of an analysis with asOf.
  return { months: t.months, lastUsed: t.lastUsed, monthsSinceUsed: t.since, entries: idx };
}

/**
 * Months from a range's end to asOf (0 for "present"); null for a bare duration or no range.
 * @example
 * monthsSinceEnd(parseDateRange('2018 - 2020', { asOf: '2025-06-01' }), { asOf: '2025-06-01' }) // 60 (June 2020 to June 2025)
 */
export function monthsSinceEnd(range: DateRange | null | undefined, options: DateOptions): number | null {
  const asOf = asOfMonth(options?.asOf);
  if (!range || range.end === null) return null;
  if (range.end === 'present') return 0;
  const e = monthIndex(range.end);
  return Number.isNaN(e) ? null : Math.max(0, asOf - e);
}

/** Used within this many months, a skill counts as current. */
export const RECENT_MONTHS = 24;
/** What a skill last used RECENCY_FLOOR_AT months ago (or longer) keeps of its strength. */
export const RECENCY_FLOOR = 0.6;
export const RECENCY_FLOOR_AT = 120;

/**
 * Strength multiplier for how long ago a skill was last used: 1 up to RECENT_MONTHS, then down linearly to
 * RECENCY_FLOOR at RECENCY_FLOOR_AT months (10 years) and flat after. Unknown (null) counts as current, so a
 * resume without dates is not penalised.
 * @example
 * recencyFactor(0) // 1
 * recencyFactor(72) // 0.8
 */
export function recencyFactor(monthsSinceUsed: number | null): number {
  if (monthsSinceUsed === null || monthsSinceUsed <= RECENT_MONTHS) return 1;
  const t = Math.min(1, (monthsSinceUsed - RECENT_MONTHS) / (RECENCY_FLOOR_AT - RECENT_MONTHS));
  return Math.round((1 - t * (1 - RECENCY_FLOOR)) * 1000) / 1000;
}
