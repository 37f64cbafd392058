/**
 * Experience entries from a JSON Resume's `work[]` and `volunteer[]` (see parseJsonResumeWork).
 */
import type { PathSegment } from '../text/json-resume.js';
import { contextOf, resolve, type DateContext, type Point } from './dates.js';
import { MIN_YEAR, monthIndex } from './months.js';
import type { DateOptions, DateRange, ExperienceEntry } from './types.js';

interface JsonJob { readonly position?: string | undefined; readonly name?: string | undefined; readonly organization?: string | undefined; readonly startDate?: string | undefined; readonly endDate?: string | undefined }

/** A JSON Resume date ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') as a point, or null when malformed. */
function isoPoint(s: string, ctx: DateContext): Point | null {
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
  const ctx = contextOf(options);
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
