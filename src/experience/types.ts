/**
 * The shapes the experience stage gives: date ranges, entries (jobs and volunteer positions) and timelines.
 */
import type { HeadingTable } from '../text/sections.js';

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

/**
 * Where entries are looked for: with `sections` (as `findSections` gives them), only in sections of `kinds`, each
 * section's first line ending the entry before it; without them, anywhere, a line that is a heading of the
 * analyzer's lexicon (`headings`, from `compileHeadings`) ending the entry before it.
 */
export type ExperienceOptions = DateOptions & {
  /** Section kinds that hold jobs. Default ['experience', 'volunteer']. */
  readonly kinds?: readonly string[];
} & ({ readonly sections: readonly SectionLike[]; readonly headings?: undefined } | { readonly headings: HeadingTable; readonly sections?: undefined });

/** Months of experience and the last month of use. */
export interface MonthsUsed {
  /** Months covered by the union of the dated ranges, plus bare durations (which cannot be placed, so add up). */
  readonly months: number;
  /** The latest end, 'YYYY-MM' ('present' resolved to the asOf month); null when no range has dates. */
  readonly lastUsed: string | null;
}

export interface SkillExperience extends MonthsUsed {
  /** Months from lastUsed to asOf (0 for a current job); null when lastUsed is. */
  readonly monthsSinceUsed: number | null;
  /** Indices (into the entries passed) of the entries holding a mention, ascending. */
  readonly entries: readonly number[];
}
