/**
 * JSON Resume input (https://jsonresume.org/schema): validated with our own zod schema, then rendered to a
 * deterministic plain text with capitalised headings, so the same pipeline reads it. Every rendered piece
 * records the JSON path it came from; evidence spans point into the rendering and name that path.
 * Contact details (email, phone, URLs, name) are not rendered: they show no skill and are personal data.
 */
import * as z from 'zod/mini';
import { formatZodIssues, InvalidInputError } from '../errors.js';
import { partitionPoint } from '../search.js';

const str = z.optional(z.string());
const strs = z.optional(z.array(z.string()));
const dated = { startDate: str, endDate: str };

export const JsonResumeSchema = z.object({
  $schema: str,
  basics: z.optional(z.object({ name: str, label: str, image: str, email: str, phone: str, url: str, summary: str,
    location: z.optional(z.object({ address: str, postalCode: str, city: str, countryCode: str, region: str })),
    profiles: z.optional(z.array(z.object({ network: str, username: str, url: str }))) })),
  work: z.optional(z.array(z.object({ name: str, location: str, description: str, position: str, url: str, ...dated, summary: str, highlights: strs }))),
  volunteer: z.optional(z.array(z.object({ organization: str, position: str, url: str, ...dated, summary: str, highlights: strs }))),
  education: z.optional(z.array(z.object({ institution: str, url: str, area: str, studyType: str, ...dated, score: str, courses: strs }))),
  awards: z.optional(z.array(z.object({ title: str, date: str, awarder: str, summary: str }))),
  certificates: z.optional(z.array(z.object({ name: str, date: str, issuer: str, url: str }))),
  publications: z.optional(z.array(z.object({ name: str, publisher: str, releaseDate: str, url: str, summary: str }))),
  skills: z.optional(z.array(z.object({ name: str, level: str, keywords: strs }))),
  languages: z.optional(z.array(z.object({ language: str, fluency: str }))),
  interests: z.optional(z.array(z.object({ name: str, keywords: strs }))),
  references: z.optional(z.array(z.object({ name: str, reference: str }))),
  projects: z.optional(z.array(z.object({ name: str, description: str, highlights: strs, keywords: strs, ...dated, url: str, roles: strs, entity: str, type: str }))),
});

/**
 * A JSON Resume document (the fields resume-fit reads; others are allowed and ignored).
 * @example
 * analyzeResume({ work: [{ position: 'EMT', highlights: ['Provided basic life support'] }] } satisfies JsonResume)
 */
export type JsonResume = z.infer<typeof JsonResumeSchema>;

/**
 * A piece of the rendering and the JSON path it came from.
 * @example
 * renderJsonResume(doc).segments[0] // { start: 11, end: 48, path: 'basics.summary' }
 */
export interface PathSegment { readonly start: number; readonly end: number; readonly path: string }

/**
 * A JSON Resume document rendered as text, with the JSON path of every piece.
 * @example
 * const { text, segments } = renderJsonResume(doc)
 */
export interface RenderedResume {
  readonly text: string;
  readonly segments: readonly PathSegment[];
}

/** String fields that real exports often write as numbers (`"startDate": 2019`, `"score": 3.8`). */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['startDate', 'endDate', 'date', 'releaseDate', 'score', 'postalCode']);

/**
 * What real exports contain and a resume can mean: a field set to `null` (dropped, as if absent) and a number in
 * a date, score or postal code field (made a string). Returns a copy; anything else (a null array entry, a number
 * keyword) is left for the schema to reject with its path.
 */
export function tidyJsonResume(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => tidyJsonResume(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    out[k] = typeof v === 'number' && NUMERIC_FIELDS.has(k) && Number.isFinite(v) ? String(v) : tidyJsonResume(v, depth + 1);
  }
  return out;
}

/** The top-level keys of the JSON Resume schema that hold resume content. */
const RESUME_KEYS = ['basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects'];

/** True when an object has none of the JSON Resume fields (a package.json, a config file): it is not a resume. */
export function hasNoResumeFields(value: object): boolean {
  return !RESUME_KEYS.some((k) => Object.prototype.hasOwnProperty.call(value, k) && (value as Record<string, unknown>)[k] != null);
}

/** Validates a JSON Resume object; throws InvalidInputError naming every bad path. */
export function parseJsonResume(value: unknown): JsonResume {
  const r = JsonResumeSchema.safeParse(tidyJsonResume(value));
  if (!r.success) {
    const issues = formatZodIssues(r.error.issues as never);
    const list = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new InvalidInputError('ERR_INVALID_JSON_RESUME', `resume-fit: the JSON Resume document is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${list}. Fix these fields (see https://jsonresume.org/schema) or pass the resume as text.`, issues);
  }
  return r.data;
}

const clean = (s: string | undefined): string => (s ?? '').replace(/\s+$/g, '');

/**
 * Renders a JSON Resume document as text with headings. Deterministic: the same document gives the same text.
 * @example
 * renderJsonResume({ work: [{ position: 'ER Tech', highlights: ['Performed EKGs'] }] }).text
 * // 'EXPERIENCE\nER Tech\n• Performed EKGs\n'
 */
export function renderJsonResume(doc: JsonResume): RenderedResume {
  let text = '';
  const segments: PathSegment[] = [];
  /**
   * One piece of a line: a string field (with its path), a joiner (path null: dropped unless it sits between two
   * kept pieces) or fixed text (path '': kept, no segment, e.g. "Present", "Coursework: ").
   */
  type Piece = readonly [value: string | undefined, path: string | null];
  /** Writes one line from pieces; every non-empty field is its own segment, so evidence names the exact field. */
  const putLine = (pieces: readonly Piece[], prefix = ''): void => {
    const kept = pieces.filter(([v, path]) => path === null || path === '' || clean(v));
    // Between two kept fields, only the last joiner stays ("EMT certificate in | City College" → " | "); joiners
    // before the first field or after the last one go.
    const parts: Piece[] = [];
    let joiner: Piece | null = null;
    for (const piece of kept) {
      if (piece[1] === null) { joiner = piece; continue; }
      if (joiner && parts.length) parts.push(joiner);
      joiner = null;
      parts.push(piece);
    }
    if (!parts.some(([, path]) => path)) return;
    text += prefix;
    for (const [v, path] of parts) {
      const value = path ? clean(v) : v!;
      if (path) segments.push({ start: text.length, end: text.length + value.length, path });
      text += value;
    }
    text += '\n';
  };
  const put = (value: string | undefined, path: string, prefix = ''): void => putLine([[value, path]], prefix);
  const heading = (h: string): void => { text += `${text ? '\n' : ''}${h}\n`; };
  const SEP: Piece = [' | ', null];
  /** "position | org | start - end" as pieces; the dates render as before ("2019 - Present"). */
  const datePieces = (e: { startDate?: string | undefined; endDate?: string | undefined }, path: string): Piece[] =>
    e.startDate || e.endDate ? [[e.startDate ?? '', `${path}.startDate`], [' - ', null], e.endDate ? [e.endDate, `${path}.endDate`] : ['Present', '']] : [];
  /** Fields joined by " | ", each a piece; a group (dates) counts as one field. */
  const joined = (groups: Piece[][]): Piece[] => {
    const present = groups.filter((g) => g.some(([v, path]) => path !== null && clean(v)));
    return present.flatMap((g, i) => (i ? [SEP, ...g] : g));
  };

  if (doc.basics?.label || doc.basics?.summary) {
    heading('SUMMARY');
    put(doc.basics.label, 'basics.label');
    put(doc.basics.summary, 'basics.summary');
  }
  const jobs = (list: { position?: string | undefined; summary?: string | undefined; highlights?: string[] | undefined; startDate?: string | undefined; endDate?: string | undefined }[], key: string, orgKey: 'name' | 'organization'): void => {
    list.forEach((e, i) => {
      const path = `${key}[${i}]`;
      putLine(joined([[[e.position, `${path}.position`]], [[(e as Record<string, string | undefined>)[orgKey], `${path}.${orgKey}`]], datePieces(e, path)]));
      put(e.summary, `${path}.summary`);
      (e.highlights ?? []).forEach((h, k) => put(h, `${path}.highlights[${k}]`, '\u2022 '));
    });
  };
  if (doc.work?.length) {
    heading('EXPERIENCE');
    jobs(doc.work, 'work', 'name');
  }
  if (doc.volunteer?.length) {
    heading('VOLUNTEER');
    jobs(doc.volunteer, 'volunteer', 'organization');
  }
  if (doc.education?.length) {
    heading('EDUCATION');
    doc.education.forEach((e, i) => {
      const path = `education[${i}]`;
      const degree: Piece[] = [[e.studyType, `${path}.studyType`], [' in ', null], [e.area, `${path}.area`]];
      putLine(joined([degree, [[e.institution, `${path}.institution`]], datePieces(e, path)]));
      const courses = (e.courses ?? []).map((c, k): Piece => [c, `${path}.courses[${k}]`]).filter(([c]) => clean(c));
      if (courses.length) putLine([['Coursework: ', ''], ...courses.flatMap((c, k): Piece[] => (k ? [[', ', null], c] : [c]))]);
    });
  }
  if (doc.certificates?.length) {
    heading('CERTIFICATIONS');
    doc.certificates.forEach((c, i) => putLine(joined([[[c.name, `certificates[${i}].name`]], [[c.issuer, `certificates[${i}].issuer`]], [[c.date, `certificates[${i}].date`]]])));
  }
  if (doc.skills?.length) {
    heading('SKILLS');
    doc.skills.forEach((s, i) => {
      const kw = (s.keywords ?? []).map((k, j): Piece => [k, `skills[${i}].keywords[${j}]`]).filter(([k]) => clean(k));
      const list = kw.flatMap((k, j): Piece[] => (j ? [[', ', null], k] : [k]));
      putLine(s.name && clean(s.name) && kw.length ? [[s.name, `skills[${i}].name`], [': ', null], ...list] : s.name && clean(s.name) ? [[s.name, `skills[${i}].name`]] : list);
    });
  }
  if (doc.projects?.length) {
    heading('PROJECTS');
    doc.projects.forEach((p, i) => {
      putLine(joined([[[p.name, `projects[${i}].name`]], [[p.description, `projects[${i}].description`]]]));
      (p.highlights ?? []).forEach((h, k) => put(h, `projects[${i}].highlights[${k}]`, '\u2022 '));
    });
  }
  if (doc.awards?.length) {
    heading('AWARDS');
    doc.awards.forEach((a, i) => putLine(joined([[[a.title, `awards[${i}].title`]], [[a.awarder, `awards[${i}].awarder`]], [[a.summary, `awards[${i}].summary`]]])));
  }
  if (doc.interests?.length) {
    heading('INTERESTS');
    doc.interests.forEach((a, i) => {
      const kw = (a.keywords ?? []).map((k, j): Piece => [k, `interests[${i}].keywords[${j}]`]).filter(([k]) => clean(k));
      putLine(joined([[[a.name, `interests[${i}].name`]], kw.flatMap((k, j): Piece[] => (j ? [[', ', null], k] : [k]))]));
    });
  }
  return { text, segments };
}

const HEADER_FIELD = /^((?:work|volunteer)\[\d+\])\.(?:position|name|organization|startDate|endDate)$/;

/**
 * The segments as the experience parser reads them: each job's header line ("position | name | dates", whose
 * fields the rendering names one by one) as one piece named by the entry (`work[0]`), position first.
 * @example
 * parseJsonResumeWork(doc, { asOf, segments: entrySegments(renderJsonResume(doc).segments) })
 */
export function entrySegments(segments: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  for (const s of segments) {
    const m = HEADER_FIELD.exec(s.path);
    const last = out[out.length - 1];
    if (m && last && last.path === m[1] && last.end <= s.start) out[out.length - 1] = { start: last.start, end: s.end, path: m[1]! };
    else out.push(m ? { start: s.start, end: s.end, path: m[1]! } : s);
  }
  return out;
}

/** The JSON path of the segment holding offset `at`, or undefined. Segments are in text order and do not overlap. */
export function pathAt(segments: readonly PathSegment[], at: number): string | undefined {
  // The first segment that ends after `at`: it holds `at` unless it starts after it.
  const s = segments[partitionPoint(0, segments.length, (k) => segments[k]!.end > at)];
  return s !== undefined && s.start <= at ? s.path : undefined;
}
