/**
 * Stage: experience. Takes the normalized text and its sections (or a JSON Resume's `work[]` and `volunteer[]`) and
 * `asOf`; gives the experience entries (title, employer, dates and the text of each job), and per skill the months
 * of the entries that mention it and how long ago it was last used.
 *
 * Pure and browser-safe: no I/O, no clock (the current date is always the `asOf` option), linear in the text length,
 * and no regular expression over resume text (a small hand-written lexer reads the dates).
 *
 *   months.ts      month indices (year * 12 + month - 1) and `asOf`
 *   date-lexer.ts  the date reader's tokens and words
 *   dates.ts       date ranges and durations in a line (`parseDateRange`)
 *   header.ts      an entry's header line: parts, title or employer, places, prose
 *   lines.ts       per-line facts (section, list item, heading, dates), dates broken over a line break
 *   entries.ts     entries in resume text (`parseExperience`)
 *   json-work.ts   entries of a JSON Resume (`parseJsonResumeWork`)
 *   timeline.ts    unions of months, per-skill experience, recency
 */
export type { DateOptions, DateRange, ExperienceEntry, ExperienceOptions, MonthsUsed, SectionLike, SkillExperience } from './types.js';
export { asOfMonth } from './months.js';
export { parseDateRange } from './dates.js';
export { parseExperience } from './entries.js';
export { parseJsonResumeWork, type JsonWorkOptions } from './json-work.js';
export { monthsOfUnion, monthsSinceEnd, recencyFactor, RECENCY_FLOOR, RECENCY_FLOOR_AT, RECENT_MONTHS, skillExperience, type ExperienceCache } from './timeline.js';
