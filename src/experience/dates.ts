/**
 * Date ranges in the forms resumes use ("Mar 2020 – Present", "08/19 - 06/21", "2015-16", "Summer 2016", "since
 * 2019") and bare durations ("2 years"), read from the lexer's tokens with no regular expression over resume text.
 * Ambiguous or malformed dates are skipped, never guessed.
 */
import { lex, MONTH_UNITS, MONTHS, NUMBER_WORDS, PRESENT, RANGE_WORDS, SEASONS, YEAR_UNITS, type DateToken } from './date-lexer.js';
import { asOfMonth, formatMonth, MIN_YEAR } from './months.js';
import type { DateOptions, DateRange } from './types.js';

/** One end of a range as read at a token: a month, a year, a season, a month without its year, "Present", or malformed. */
export type Point =
  | { readonly kind: 'month'; readonly m: number; readonly next: number; readonly short?: boolean }
  | { readonly kind: 'year'; readonly y: number; readonly next: number }
  | { readonly kind: 'season'; readonly first: number; readonly last: number; readonly next: number }
  | { readonly kind: 'monthOnly'; readonly mo: number; readonly next: number }
  | { readonly kind: 'present'; readonly next: number }
  | { readonly kind: 'bad'; readonly next: number };

/** What reading dates needs of the options: asOf as a month index, and the latest year that can be a date. */
export interface DateContext { readonly asOf: number; readonly maxYear: number }

/** Two tokens with nothing between them ("03/19", not "03 / 19"). */
const adjacent = (a: DateToken | undefined, b: DateToken | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

const yearOkIn = (y: number, ctx: DateContext): boolean => y >= MIN_YEAR && y <= ctx.maxYear;

/**
 * The date point that starts at token i, or null. Module-level helpers rather than closures: these run once per token.
 * @example
 * // "Mar 2020 – Present"   "03/2019 -"   "2020-03-15 to"   "Summer 2016"   "Jan '19"   "2017 -"
 * //  ^ month               ^ month      ^ month          ^ season        ^ month     ^ year
 */
function point(t: readonly DateToken[], i: number, ctx: DateContext): Point | null {
  const a = t[i];
  if (!a) return null;
  if (a.kind === 'word') {
    const mo = MONTHS.get(a.word);
    if (mo !== undefined) {
      let j = i + 1;
      if (t[j]?.kind === 'dot' && adjacent(a, t[j])) j++;
      if (t[j]?.kind === 'comma') j++;
      const b = t[j];
      if (b?.kind === 'num' && b.end - b.start === 4) return yearOkIn(b.value, ctx) ? { kind: 'month', m: b.value * 12 + mo - 1, next: j + 1 } : { kind: 'bad', next: j + 1 };
      const c = t[j + 1];
      if (b?.kind === 'apos' && c?.kind === 'num' && c.end - c.start === 2 && adjacent(b, c)) {
        // "Jan '19": the century that does not put it in the future.
        const y = 2000 + c.value <= ctx.maxYear - 1 ? 2000 + c.value : 1900 + c.value;
        return yearOkIn(y, ctx) ? { kind: 'month', m: y * 12 + mo - 1, next: j + 2 } : { kind: 'bad', next: j + 2 };
      }
      return { kind: 'monthOnly', mo, next: j };
    }
    const season = SEASONS.get(a.word);
    if (season) {
      let j = i + 1;
      if (t[j]?.kind === 'comma') j++;
      const b = t[j];
      if (b?.kind === 'num' && b.end - b.start === 4) return yearOkIn(b.value, ctx) ? { kind: 'season', first: b.value * 12 + season[0] - 1, last: b.value * 12 + season[1] - 1, next: j + 1 } : { kind: 'bad', next: j + 1 };
      return null;
    }
    if (PRESENT.has(a.word)) return { kind: 'present', next: i + 1 };
    return null;
  }
  if (a.kind !== 'num') return null;
  const len = a.end - a.start;
  const b = t[i + 1];
  const c = t[i + 2];
  if (len <= 2) {
    if (!((b?.kind === 'slash' || b?.kind === 'dot') && adjacent(a, b) && c?.kind === 'num' && adjacent(b, c))) return null;
    const clen = c.end - c.start;
    if (clen === 4) {
      // MM/YYYY (or MM.YYYY): a month outside 1-12 ("13/2015") is malformed, not guessed.
      if (a.value < 1 || a.value > 12 || !yearOkIn(c.value, ctx)) return { kind: 'bad', next: i + 3 };
      return { kind: 'month', m: c.value * 12 + a.value - 1, next: i + 3 };
    }
    const d = t[i + 3];
    const e = t[i + 4];
    if (clen === 2 && b.kind === 'slash' && !(d?.kind === 'slash' && adjacent(c, d)) && a.value >= 1 && a.value <= 12) {
      // "03/19": MM/YY, the century as for "Jan '19". Marked short: rangeAt takes it only as an end of a range
      // whose other end is a month or "Present", so "24/7" or "1/2 cup" never reads as a date.
      const y = 2000 + c.value <= ctx.maxYear - 1 ? 2000 + c.value : 1900 + c.value;
      return yearOkIn(y, ctx) ? { kind: 'month', m: y * 12 + a.value - 1, next: i + 3, short: true } : { kind: 'bad', next: i + 3 };
    }
    if (clen <= 2 && b.kind === 'slash' && d?.kind === 'slash' && adjacent(c, d) && e?.kind === 'num' && e.end - e.start === 4 && adjacent(d, e)) {
      // A full date: the month is known only when one reading is impossible ("05/23/2019", "23/05/2019").
      // "05/06/2019" is May or June, so it is skipped.
      if (!yearOkIn(e.value, ctx)) return { kind: 'bad', next: i + 5 };
      let mo = -1;
      if (a.value >= 1 && a.value <= 12 && (c.value > 12 || c.value === a.value) && c.value <= 31 && c.value >= 1) mo = a.value;
      else if (c.value >= 1 && c.value <= 12 && a.value > 12 && a.value <= 31) mo = c.value;
      return mo < 0 ? { kind: 'bad', next: i + 5 } : { kind: 'month', m: e.value * 12 + mo - 1, next: i + 5 };
    }
    return null;
  }
  if (len !== 4 || !yearOkIn(a.value, ctx)) return null; // phone fragments, ids ("GS-0640"), far-future years: not dates
  if ((b?.kind === 'dash' || b?.kind === 'slash') && adjacent(a, b) && c?.kind === 'num' && c.end - c.start === 2 && adjacent(b, c)) {
    // ISO "2020-03" (or "2020/03"), optionally with a day. Over 12, "2015-16" is a range of years (shortYearRange
    // reads it first); "2011-12" stays December 2011, as ISO says.
    if (c.value < 1 || c.value > 12) return { kind: 'bad', next: i + 3 };
    let next = i + 3;
    const d = t[next];
    const e = t[next + 1];
    if (d?.kind === b.kind && adjacent(c, d) && e?.kind === 'num' && e.end - e.start <= 2 && adjacent(d, e)) next += 2;
    return { kind: 'month', m: a.value * 12 + c.value - 1, next };
  }
  return { kind: 'year', y: a.value, next: i + 1 };
}

/**
 * Index after a range separator at i ("-", "–", "to", "through", "until"), or -1.
 * @example
 * // "2019 -- 2021"   "2019 through 2021"
 * //       ^ i ^ the index returned: after one to three dashes
 */
function separator(t: readonly DateToken[], i: number): number {
  const a = t[i];
  if (!a) return -1;
  if (a.kind === 'dash') {
    let j = i + 1;
    while (t[j]?.kind === 'dash' && j - i < 3) j++; // "--"
    return j;
  }
  if (a.kind === 'word' && RANGE_WORDS.has(a.word)) return i + 1;
  return -1;
}

interface Found { readonly range: DateRange | null; readonly next: number }

/**
 * Two points as a range clipped to asOf, or null when they cannot be one (reversed, starting after asOf).
 * @example
 * // "2018 - 2020": start mid-2018, end mid-2020 (24 months); "2019 - 2019": the whole of 2019
 * //  ^ p1   ^ p2
 */
export function resolve(p1: Point, p2: Point, ctx: DateContext, index: number, length: number): DateRange | null {
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
  return { start: formatMonth(s), end: p2.kind === 'present' ? 'present' : formatMonth(e), months: e - s + 1, precision, index, length };
}

/**
 * "2015-16", "2017-19": a range of years written with the end's last two digits (a school or fiscal year), when the
 * two digits are over 12 (else it is an ISO month) and after the start's. Not part of a longer date ("2015-16-03").
 */
function shortYearRange(t: readonly DateToken[], i: number, ctx: DateContext): Found | null {
  const a = t[i]!;
  const b = t[i + 1];
  const c = t[i + 2];
  if (a.kind !== 'num' || a.end - a.start !== 4 || b?.kind !== 'dash' || !adjacent(a, b) || c?.kind !== 'num' || c.end - c.start !== 2 || !adjacent(b, c) || c.value <= 12) return null;
  const d = t[i + 3];
  if (d && adjacent(c, d) && (d.kind === 'dash' || d.kind === 'slash' || d.kind === 'num')) return null;
  const end = a.value - (a.value % 100) + c.value;
  if (!yearOkIn(a.value, ctx) || end <= a.value || end > ctx.maxYear) return null;
  const range = resolve({ kind: 'year', y: a.value, next: i + 1 }, { kind: 'year', y: end, next: i + 3 }, ctx, a.start, c.end - a.start);
  return { range, next: i + 3 };
}

/**
 * A range starting at token i: found (range or null when malformed/skipped), or null when there is none.
 * @example
 * // "since 2019"   "Jan - Mar 2019"     "08/19 - Present"   "May 2019" (a lone date: no range)
 * //  ^ i           ^ p1  ^ p2 (p1 takes p2's year)
 */
function rangeAt(t: readonly DateToken[], i: number, ctx: DateContext): Found | null {
  const a = t[i]!;
  if (a.kind === 'word' && a.word === 'since') {
    const p = point(t, i + 1, ctx);
    if (!p || p.kind === 'present' || p.kind === 'monthOnly') return null;
    if (p.kind === 'bad') return { range: null, next: p.next };
    const index = t[i]!.start; const length = t[p.next - 1]!.end - index;
    return { range: resolve(p, { kind: 'present', next: p.next }, ctx, index, length), next: p.next };
  }
  const years = shortYearRange(t, i, ctx);
  if (years) return years;
  const p1 = point(t, i, ctx);
  if (!p1 || p1.kind === 'present') return null;
  const sep = separator(t, p1.next);
  if (sep < 0) {
    if (p1.kind === 'bad') return { range: null, next: p1.next };
    if (p1.kind === 'season') { const index = t[i]!.start; const length = t[p1.next - 1]!.end - index; return { range: resolve(p1, p1, ctx, index, length), next: p1.next }; }
    return null; // a lone date ("May 2019", "2017") is not a range
  }
  let p2 = point(t, sep, ctx);
  // "to date"
  if (!p2 && t[sep]?.kind === 'word' && t[sep]!.word === 'date' && t[sep - 1]?.word === 'to') p2 = { kind: 'present', next: sep + 1 };
  if (!p2) {
    if (p1.kind === 'bad') return { range: null, next: p1.next };
    if (p1.kind === 'season') { const index = t[i]!.start; const length = t[p1.next - 1]!.end - index; return { range: resolve(p1, p1, ctx, index, length), next: p1.next }; }
    return null;
  }
  const index = t[i]!.start;
  const length = t[p2.next - 1]!.end - index;
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

/**
 * The amount of a duration at token j: a number of up to three digits with one decimal, or a number word.
 * @example
 * // "1.5 years"   "six years"
 * //  ^ j          ^ j
 */
function amount(t: readonly DateToken[], j: number): { value: number; next: number } | null {
  const a = t[j];
  if (!a) return null;
  if (a.kind === 'word') { const value = NUMBER_WORDS.get(a.word); return value === undefined ? null : { value, next: j + 1 }; }
  if (a.kind !== 'num' || a.end - a.start > 3) return null;
  const d = t[j + 1];
  const f = t[j + 2];
  if (d?.kind === 'dot' && adjacent(a, d) && f?.kind === 'num' && adjacent(d, f) && f.end - f.start === 1) return { value: a.value + f.value / 10, next: j + 3 };
  return { value: a.value, next: j + 1 };
}

/**
 * A duration's unit at token j, after an optional "+".
 * @example
 * // "3+ yrs"   "18 months"
 * //   ^ j         ^ j
 */
function unitAt(t: readonly DateToken[], j: number): { unit: 'y' | 'm'; next: number } | null {
  let k = j;
  if (t[k]?.kind === 'plus') k++;
  const u = t[k];
  if (u?.kind !== 'word') return null;
  if (YEAR_UNITS.has(u.word)) return { unit: 'y', next: k + 1 };
  if (MONTH_UNITS.has(u.word)) return { unit: 'm', next: k + 1 };
  return null;
}

/**
 * A duration at token i ("2 years", "18 months", "3 yrs", "1.5 years", "2 years 3 months", "six years").
 * @example
 * // "2 yrs, 3 mos"
 * //  ^ i   ^ a months amount after the years
 */
function durationAt(t: readonly DateToken[], i: number): { months: number; next: number } | null {
  const first = amount(t, i);
  if (!first) return null;
  const u1 = unitAt(t, first.next);
  if (!u1) return null;
  let months = u1.unit === 'y' ? Math.round(first.value * 12) : Math.round(first.value);
  let next = u1.next;
  if (u1.unit === 'y') {
    // "2 years 3 months", "2 yrs, 3 mos", "2 years and 3 months"
    let j = next;
    if (t[j]?.kind === 'comma') j++;
    if (t[j]?.kind === 'word' && t[j]!.word === 'and') j++;
    const second = amount(t, j);
    const u2 = second ? unitAt(t, second.next) : null;
    if (second && u2?.unit === 'm' && Number.isInteger(second.value)) { months += second.value; next = u2.next; }
  }
  return months > 0 && months <= 600 ? { months, next } : null;
}

export function contextOf(options: DateOptions): DateContext {
  const asOf = asOfMonth(options?.asOf);
  return { asOf, maxYear: Math.floor(asOf / 12) + 1 };
}

export function firstRange(s: string, ctx: DateContext): DateRange | null {
  const t = lex(s);
  for (let i = 0; i < t.length; i++) {
    const f = rangeAt(t, i, ctx);
    if (!f) continue;
    if (f.range) return f.range;
    i = f.next - 1; // skipped as malformed: go on after it
  }
  for (let i = 0; i < t.length; i++) {
    const d = durationAt(t, i);
    if (d) return { start: null, end: null, months: d.months, precision: 'duration', index: t[i]!.start, length: t[d.next - 1]!.end - t[i]!.start };
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
  return firstRange(s, contextOf(options));
}
