/**
 * Experience entries in resume text: title, employer, dates and the text that belongs to each (see parseExperience).
 */
import { contextOf } from './dates.js';
import { fieldsOf, firstNonSpace, isFieldSep, isSpace, splitParts, titleCased, titleOrOrg, type HeaderPart } from './header.js';
import { headerish, readLines, type LineInfo } from './lines.js';
import type { DateRange, ExperienceEntry, ExperienceOptions } from './types.js';

/** An entry being read: its header's title and employer parts, its dates, and its first and last header lines. */
interface EntryDraft { title: HeaderPart | null; employer: HeaderPart | null; range: DateRange | null; first: number; last: number }

/** Whether a header's first part reads as an employer (or cannot tell) and the second as a title. */
function employerFirst(text: string, parts: readonly HeaderPart[]): boolean {
  const a = parts[0];
  const b = parts[1];
  return a !== undefined && b !== undefined && titleOrOrg(text, a.s, a.e) <= 0 && titleOrOrg(text, b.s, b.e) > 0;
}

/** Title and employer among a header's parts: the first part, unless it reads as an employer and the next as a title. */
function setHeader(d: EntryDraft, text: string, parts: readonly HeaderPart[]): void {
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
 * const headings = compileHeadings(defaultTaxonomy.lexicon!.sections)
 * parseExperience('EXPERIENCE\nER Tech | Northwestern | 2021 - Present\n• EKGs', { asOf: '2024-06-01', headings })[0]
 * // { title: 'ER Tech', titleStart: 11, titleEnd: 18, employer: 'Northwestern',
 * //   range: { start: '2021-07', end: 'present', months: 36, precision: 'year', index: 25, length: 14 }, start: 11, end: 57, section: null }
 */
export function parseExperience(text: string, options: ExperienceOptions): ExperienceEntry[] {
  const ctx = contextOf(options);
  const infos = readLines(text, options, ctx);

  const drafts: EntryDraft[] = [];
  const partsOf = (l: number): HeaderPart[] => splitParts(text, infos[l]!, -1, -1);
  const usable = (l: number): boolean => l >= 0 && l < infos.length && !infos[l]!.claimed && headerish(infos[l], text);
  const sameSection = (a: number, b: number): boolean => infos[a]?.sectionIndex === infos[b]?.sectionIndex;
  let dateFirst: boolean | null = null; // the layout of date-only lines, decided by the first one
  // A line that opens a block (after a blank line or heading) or closes one (before list items or a blank line):
  // a neutral name there ("Visiting Angels", "Cox Communications") is a header, not a stray body line.
  const blockStart = (l: number): boolean => { const p = infos[l - 1]; return !p || p.blank || p.boundary || !p.allowed || p.bullet || !!p.range || p.claimed || !titleCased(text, p.s, p.e); };
  const blockEnd = (l: number): boolean => { const n = infos[l + 1]; return !n || n.blank || n.bullet || n.boundary || !n.allowed || !!n.range; };

  const kindOf = (p: HeaderPart | undefined): number => (p ? titleOrOrg(text, p.s, p.e) : 0);
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
    const d: EntryDraft = { title: null, employer: null, range: r, first: l, last: l };
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
function undated(text: string, infos: readonly LineInfo[], drafts: EntryDraft[]): void {
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
