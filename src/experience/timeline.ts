/**
 * Months of experience as a union of ranges (overlapping jobs count once), per-skill experience, and recency.
 */
import { partitionPoint } from '../search.js';
import { asOfMonth, formatMonth, monthIndex } from './months.js';
import type { DateOptions, DateRange, ExperienceEntry, SkillExperience, MonthsUsed } from './types.js';

/** A range as [first month, last month], month indices. */
type MonthSpan = readonly [number, number];
const bySpan = (a: MonthSpan, b: MonthSpan): number => a[0] - b[0] || a[1] - b[1];

/** A dated range as a span of month indices; null when it has no dates (a duration) or is malformed. */
function spanOf(r: DateRange | null | undefined, asOf: number): MonthSpan | null {
  if (!r || r.start === null) return null;
  const s = monthIndex(r.start);
  const e = r.end === 'present' ? asOf : r.end === null ? NaN : monthIndex(r.end);
  return Number.isNaN(s) || Number.isNaN(e) || e < s ? null : [s, e];
}

/** The union of spans (sorted here, in place) plus loose months. */
function unionOf(spans: MonthSpan[], loose: number): MonthsUsed {
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
  return { months: months + loose, lastUsed: last >= 0 ? formatMonth(last) : null };
}

/** Months covered by the union of ranges (overlapping jobs count once) plus bare durations, and the latest end. */
export function monthsOfUnion(ranges: readonly (DateRange | null | undefined)[], options: DateOptions): MonthsUsed {
  const asOf = asOfMonth(options?.asOf);
  const spans: MonthSpan[] = [];
  let loose = 0;
  for (const r of ranges) {
    if (!r) continue;
    if (r.start === null) { loose += r.months; continue; }
    const x = spanOf(r, asOf);
    if (x) spans.push(x);
  }
  return unionOf(spans, loose);
}

/** Work shared by the skills of one analysis: the entries in text order, and unions already computed. */
export interface ExperienceCache {
  order?: number[];
  /** `asOf` as a month index, parsed once per analysis. */
  asOf?: number;
  /** Per entry, its range as `spanOf` reads it (the strings parsed once per analysis, not once per skill). */
  spans?: (MonthSpan | null)[];
  /** Per set of entries, the union and its months since last use. */
  readonly unions: Map<number | string, MonthsUsed & { readonly since: number | null }>;
}

/**
 * Experience with a skill: the union of the entries that hold one of its mentions (offsets into the text the
 * entries were read from), and how long ago it was last used.
 * @example
 * const text = 'EXPERIENCE\nER Tech | Northwestern | 2021 - Present\n• EKGs'
 * const entries = parseExperience(text, { asOf: '2024-06-01', headings })
 * skillExperience(entries, [text.indexOf('EKG')], { asOf: '2024-06-01' }) // { months: 36, lastUsed: '2024-06', monthsSinceUsed: 0, entries: [0] }
 */
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
    // The last entry (in text order) that starts at or before the mention, or -1.
    const found = partitionPoint(0, order.length, (k) => entries[order[k]!]!.start > at) - 1;
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
    const spans: MonthSpan[] = [];
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
