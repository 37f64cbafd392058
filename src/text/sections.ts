/**
 * Step 3: find the resume's sections from its headings ("PROFESSIONAL EXPERIENCE", "Work History:",
 * "## Skills", "Certifications & Licenses"), so every match can say where it was found.
 */
import { codes, isAsciiLetter, isLowerAscii, isUpperAscii } from '../codes.js';

/**
 * The kinds of resume section resume-fit recognises.
 * @example
 * extractSkills(text)[0].evidence[0].section // 'experience'
 */
export type SectionKind = 'summary' | 'skills' | 'experience' | 'education' | 'certifications' | 'volunteer' | 'other';

export const SECTION_KINDS: readonly SectionKind[] = ['summary', 'skills', 'experience', 'education', 'certifications', 'volunteer', 'other'];

/** A section: its kind, the heading as written, and its span in the normalized text. */
export interface Section {
  readonly kind: SectionKind;
  readonly heading: string;
  readonly start: number;
  readonly end: number;
  /** End of the heading words ("Skills" in "Skills: CPR, BLS"); text before it is not searched for skills. */
  readonly headingEnd: number;
}

export interface SectionMap {
  readonly sections: readonly Section[];
  /** The section kind of each line of the normalized text (null before the first heading). */
  readonly lineKinds: readonly (SectionKind | null)[];
  /** Offset in the normalized text where each line starts. */
  readonly lineStarts: readonly number[];
}

/** Headings compiled for lookup: normalized heading -> kind, and the first words of all headings. */
export interface HeadingTable {
  readonly byKey: ReadonlyMap<string, SectionKind>;
  readonly firstWords: ReadonlySet<string>;
  /** (first letter, length) of each first word, as letterIndex * 32 + length: rejects most lines without a string. */
  readonly firstShapes: ReadonlySet<number>;
}

/** A word's (lower-case first letter, length) as one number, for `HeadingTable.firstShapes`. */
function shapeOf(lowerFirst: number, length: number): number {
  return (lowerFirst - codes.lowercaseA) * 32 + length;
}

/** Compiles a lexicon's `sections` (kind -> headings) for lookup; once per analyzer. */
export function compileHeadings(sections: Partial<Record<SectionKind, readonly string[]>>): HeadingTable {
  const byKey = new Map<string, SectionKind>();
  const firstWords = new Set<string>();
  const firstShapes = new Set<number>();
  for (const kind of SECTION_KINDS) {
    for (const h of sections[kind] ?? []) {
      const key = headingKey(h);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, kind);
      const first = key.split(' ')[0]!;
      firstWords.add(first);
      if (first.length <= 20) firstShapes.add(shapeOf(first.charCodeAt(0), first.length));
    }
  }
  return { byKey, firstWords, firstShapes };
}

/** Cheap pre-check: does the line's first word start some heading? Most lines are rejected here. */
function mayBeHeading(table: HeadingTable, text: string, start: number, end: number): boolean {
  if (end - start > 80) return false;
  let i = start;
  while (i < end && !isAsciiLetter(text.charCodeAt(i))) i++;
  let j = i;
  while (j < end && isAsciiLetter(text.charCodeAt(j))) j++;
  if (startsHeading(table, text, i, j)) return true;
  // "CLINICAL CERTIFICATIONS", "Relevant Experience:": one qualifying word before a heading, in a short line written
  // as a heading (no lower-case letter, or a colon at its end).
  if (end - start > 40 || !writtenAsHeading(text, start, end)) return false;
  let k = j;
  while (k < end && !isAsciiLetter(text.charCodeAt(k))) k++;
  let l = k;
  while (l < end && isAsciiLetter(text.charCodeAt(l))) l++;
  return startsHeading(table, text, k, l);
}

function writtenAsHeading(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === codes.space || text.charCodeAt(e - 1) === codes.tab)) e--;
  if (e > start && text.charCodeAt(e - 1) === codes.colon) return true;
  for (let i = start; i < e; i++) if (isLowerAscii(text.charCodeAt(i))) return false;
  return true;
}

/** True when text[i, j) is the first word of some heading. */
function startsHeading(table: HeadingTable, text: string, i: number, j: number): boolean {
  if (j === i || j - i > 20 || !table.firstShapes.has(shapeOf(text.charCodeAt(i) | codes.caseBit, j - i))) return false;
  return table.firstWords.has(text.slice(i, j).toLowerCase());
}

function headingKey(s: string): string {
  // "CERTIFICATIONS/LICENSES", "Skills & Abilities" and "Licenses + Certificates" are "... and ..." headings.
  return s.toLowerCase().replace(/ *[&/+] */g, ' and ').replace(/[^a-z ]+/g, ' ').replace(/ +/g, ' ').trim();
}

const LIST_SEPARATOR = /\s*(?:,|;|\band\b)\s*/i;

/** "Expertise, Certification and Training": a list of known headings is a heading of the first one's kind. */
function listHeading(table: HeadingTable, body: string): SectionKind | undefined {
  const parts = body.split(LIST_SEPARATOR).filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  const first = table.byKey.get(headingKey(parts[0]!));
  for (let k = 1; first !== undefined && k < parts.length; k++) if (!table.byKey.has(headingKey(parts[k]!))) return undefined;
  return first;
}

// Leading decoration: bullets, Markdown heading marks, rules, numbering like "1." or "I.".
const LEAD = /^[\s\u2022*#=_\-~>|]+/;
const TRAIL = /[\s:=_\-~|]+$/;

/**
 * Classifies one line: returns the heading's section kind, or null when the line is not a heading.
 * @example
 * const table = compileHeadings(defaultTaxonomy.lexicon!.sections)
 * headingKind('PROFESSIONAL EXPERIENCE', table) // 'experience'
 * headingKind('Skills: CPR, BLS', table)        // 'skills'
 */
export function headingKind(line: string, table: HeadingTable): SectionKind | null {
  if (line.length > 80) return null;
  // A bulleted line is content ("• Education: taught diabetes classes"), never a heading.
  if (/^\s*[\u2022*\-+>]\s/.test(line)) return null;
  const trimmed = line.replace(LEAD, '');
  if (!trimmed) return null;
  const markdown = /^\s*#/.test(line);
  const colon = trimmed.indexOf(':');
  // "Skills: CPR, BLS, First Aid" opens a section with its content on the same line.
  if (colon > 0 && colon < 40) {
    const kind = table.byKey.get(headingKey(trimmed.slice(0, colon)));
    if (kind) return kind;
  }
  const body = trimmed.replace(TRAIL, '');
  const key = headingKey(body);
  // "CLINICAL CERTIFICATIONS", "Relevant Experience:": a known heading after one qualifying word, when the line is
  // written as a heading (all capitals or a trailing colon).
  const space = key.indexOf(' ');
  const kind = table.byKey.get(key) ?? (space > 0 && (colon > 0 || body === body.toUpperCase()) ? table.byKey.get(key.slice(space + 1)) : undefined) ?? listHeading(table, body);
  if (!kind) return null;
  const first = body.charCodeAt(0);
  // A heading is written as one: capitals, title case, a Markdown mark or a trailing colon.
  if (markdown || colon > 0 || isUpperAscii(first)) return kind;
  return null;
}

/**
 * Splits normalized text into lines and assigns each line its section, by the headings of the analyzer's lexicon
 * (`compileHeadings`). Linear in the text length.
 */
export function findSections(text: string, table: HeadingTable): SectionMap {
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineKinds: (SectionKind | null)[] = new Array<SectionKind | null>(lineStarts.length).fill(null);
  const sections: Section[] = [];
  let current: SectionKind | null = null;
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineStarts[l]!;
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
    if (mayBeHeading(table, text, start, end)) {
      const kind = headingKind(text.slice(start, end), table);
      if (kind) {
        const prev = sections[sections.length - 1];
        if (prev) sections[sections.length - 1] = { ...prev, end: start };
        const line = text.slice(start, end);
        const colon = line.indexOf(':');
        const headingEnd = colon > 0 && colon < 40 ? start + colon : end;
        sections.push({ kind, heading: text.slice(start, headingEnd).replace(/^[\s\u2022*#=_\-~>|]+/, '').trim(), start, end: text.length, headingEnd });
        current = kind;
      }
    }
    lineKinds[l] = current;
  }
  return { sections, lineKinds, lineStarts };
}
