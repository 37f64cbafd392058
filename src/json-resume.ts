/**
 * JSON Resume input (https://jsonresume.org/schema): validated with our own zod schema, then rendered to a
 * deterministic plain text with capitalised headings, so the same pipeline reads it. Every rendered piece
 * records the JSON path it came from; evidence spans point into the rendering and name that path.
 * Contact details (email, phone, URLs, name) are not rendered: they show no skill and are personal data.
 */
import * as z from 'zod/mini';
import { formatZodIssues, InvalidInputError } from './errors.js';

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

/** Validates a JSON Resume object; throws InvalidInputError naming every bad path. */
export function parseJsonResume(value: unknown): JsonResume {
  const r = JsonResumeSchema.safeParse(value);
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
  const put = (value: string | undefined, path: string, prefix = ''): void => {
    const v = clean(value);
    if (!v) return;
    text += prefix;
    segments.push({ start: text.length, end: text.length + v.length, path });
    text += `${v}\n`;
  };
  const heading = (h: string): void => { text += `${text ? '\n' : ''}${h}\n`; };
  const dates = (e: { startDate?: string | undefined; endDate?: string | undefined }): string =>
    e.startDate || e.endDate ? `${e.startDate ?? ''} - ${e.endDate || 'Present'}` : '';
  const line = (parts: (string | undefined)[]): string => parts.map((p) => clean(p)).filter(Boolean).join(' | ');

  if (doc.basics?.label || doc.basics?.summary) {
    heading('SUMMARY');
    put(doc.basics.label, 'basics.label');
    put(doc.basics.summary, 'basics.summary');
  }
  const jobs = (list: { position?: string | undefined; summary?: string | undefined; highlights?: string[] | undefined; startDate?: string | undefined; endDate?: string | undefined }[], key: string, org: (e: never) => string | undefined): void => {
    list.forEach((e, i) => {
      put(line([e.position, org(e as never), dates(e)]), `${key}[${i}]`);
      put(e.summary, `${key}[${i}].summary`);
      (e.highlights ?? []).forEach((h, k) => put(h, `${key}[${i}].highlights[${k}]`, '\u2022 '));
    });
  };
  if (doc.work?.length) {
    heading('EXPERIENCE');
    jobs(doc.work, 'work', (e: { name?: string }) => e.name);
  }
  if (doc.volunteer?.length) {
    heading('VOLUNTEER');
    jobs(doc.volunteer, 'volunteer', (e: { organization?: string }) => e.organization);
  }
  if (doc.education?.length) {
    heading('EDUCATION');
    doc.education.forEach((e, i) => {
      put(line([[e.studyType, e.area].filter(Boolean).join(' in '), e.institution, dates(e)]), `education[${i}]`);
      if (e.courses?.length) put(`Coursework: ${e.courses.map((c) => clean(c)).filter(Boolean).join(', ')}`, `education[${i}].courses`);
    });
  }
  if (doc.certificates?.length) {
    heading('CERTIFICATIONS');
    doc.certificates.forEach((c, i) => put(line([c.name, c.issuer, c.date]), `certificates[${i}]`));
  }
  if (doc.skills?.length) {
    heading('SKILLS');
    doc.skills.forEach((s, i) => {
      const kw = (s.keywords ?? []).map((k) => clean(k)).filter(Boolean).join(', ');
      put(s.name && kw ? `${clean(s.name)}: ${kw}` : s.name || kw, `skills[${i}]`);
    });
  }
  if (doc.projects?.length) {
    heading('PROJECTS');
    doc.projects.forEach((p, i) => {
      put(line([p.name, p.description]), `projects[${i}]`);
      (p.highlights ?? []).forEach((h, k) => put(h, `projects[${i}].highlights[${k}]`, '\u2022 '));
    });
  }
  if (doc.awards?.length) {
    heading('AWARDS');
    doc.awards.forEach((a, i) => put(line([a.title, a.awarder, a.summary]), `awards[${i}]`));
  }
  if (doc.interests?.length) {
    heading('INTERESTS');
    doc.interests.forEach((a, i) => put(line([a.name, (a.keywords ?? []).join(', ')]), `interests[${i}]`));
  }
  return { text, segments };
}

/** The JSON path of the segment holding offset `at`, or undefined. Binary search. */
export function pathAt(segments: readonly PathSegment[], at: number): string | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s.path;
  }
  return undefined;
}
