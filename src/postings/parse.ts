/**
 * Reading a job posting: what it asks for, each item required or preferred, the years of experience it asks, and the
 * built-in role its title is closest to. The skills are found by the resume matcher itself (`extract`, the same
 * taxonomy), so a posting and a resume speak one vocabulary; what is new here is where an item sits:
 *
 *   1. plain text (markup.ts): HTML and escaped HTML become lines, offsets kept;
 *   2. headings: a short line ending in ":" or written as a heading, classed by its words ("Requirements",
 *      "Preferred", "Responsibilities", "Benefits", "About us", ...); an inline "Education: ..." too;
 *   3. clauses: each line split at sentence ends, ";" and " but ";
 *   4. status: a cue in the clause ("required", "must", "preferred", "a plus", "desired", ...), the nearest one after
 *      the mention first ("BLS required, ACLS preferred"), else the nearest before ("Preferred: CNA"), else the
 *      section's; duties, qualifications and text under no heading are required (a duty is what the hire will do);
 *   5. what is not asked of the hire is left out: benefits, pay, schedule, "about us" sections, equal-opportunity
 *      and veterans-preference lines, training the employer provides, keyword lists, negated mentions;
 *   6. years: "2+ years of phlebotomy experience", "one year experience", "minimum of 6 months", "caregiving: 1 year",
 *      with the skill named in the clause (or none: general experience).
 *
 * Pure and deterministic; linear in the posting's length.
 */
import { extract, type Compiled } from '../analyze.js';
import { matchTitle, MIN_TITLE_SCORE } from '../titles.js';
import type { SkillCategory } from '../taxonomy.js';
import { inputSpan, plainText, type PlainText } from './markup.js';

/**
 * Required (a requirement, qualification or duty) or preferred ("preferred", "a plus", "nice to have", ...).
 * @example
 * parseJobPosting(text).items.filter((i) => i.status === 'required')
 */
export type ItemStatus = 'required' | 'preferred';

/**
 * How a posting's section is read: `required` (requirements, qualifications), `preferred`, `duties`
 * (responsibilities: required), `ignored` (benefits, pay, schedule, about the employer) or `other` (required).
 * @example
 * parseJobPosting(text).sections.map((s) => `${s.kind}: ${s.heading}`)
 */
export type PostingSectionKind = 'required' | 'preferred' | 'duties' | 'ignored' | 'other';

/**
 * One place a posting asks for an item. Offsets are into `JobPosting.text`.
 * @example
 * parseJobPosting('CNA license required.').items[0].evidence[0] // { start: 0, end: 3, text: 'CNA', status: 'required', cue: 'required', section: null }
 */
export interface PostingEvidence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly status: ItemStatus;
  /** The word that set the status ("required", "a plus"), when a cue did; else the section or the default did. */
  readonly cue?: string;
  /** The heading of the section it is under, or null (text before any heading, or the title). */
  readonly section: string | null;
}

/**
 * A skill, credential or duty the posting asks for: required when any mention asks it as required.
 * @example
 * parseJobPosting(text).items[0] // { id: 'phlebotomy', label: 'Phlebotomy', category: 'clinical', status: 'required', evidence: [...] }
 */
export interface PostingItem<S extends string = string> {
  readonly id: S;
  readonly label: string;
  readonly category: SkillCategory;
  readonly status: ItemStatus;
  readonly evidence: readonly PostingEvidence[];
}

/**
 * Years of experience the posting asks: in a skill ("2+ years of phlebotomy") or in general (`skill: null`).
 * @example
 * parseJobPosting('2+ years of phlebotomy experience required').years[0] // { skill: 'phlebotomy', years: 2, status: 'required', ... }
 */
export interface YearsAsked<S extends string = string> {
  readonly skill: S | null;
  /** The least number of years asked (6 months is 0.5). */
  readonly years: number;
  readonly status: ItemStatus;
  /** The clause that asks it (offsets into `JobPosting.text`). */
  readonly evidence: { readonly start: number; readonly end: number; readonly text: string };
}

/**
 * The built-in role (or a custom taxonomy's) closest to the posting: by its title when the title matches one
 * (`by: 'title'`), else by the share of the role's profile weight the posting's items cover (`by: 'skills'`).
 * @example
 * parseJobPosting('Phlebotomist\n...').role // { id: 'health-technician', title: 'Health Technician', score: 0.42, by: 'skills' }
 */
export interface PostingRole<R extends string = string> {
  readonly id: R;
  readonly title: string;
  /** Title match score, or profile coverage, in (0, 1]. */
  readonly score: number;
  readonly by: 'title' | 'skills';
}

/**
 * A section of the posting (offsets into `JobPosting.text`).
 * @example
 * parseJobPosting(text).sections[0] // { kind: 'duties', heading: 'Responsibilities', start: 120, end: 610 }
 */
export interface PostingSection { readonly kind: PostingSectionKind; readonly heading: string; readonly start: number; readonly end: number }

/**
 * What a job posting asks for: a role-like profile to score resumes against with `matchJob`. Plain data (JSON
 * round-trips it), so a posting can be parsed once and stored.
 * @example
 * const posting = parseJobPosting(text)
 * posting.items.map((i) => `${i.status} ${i.id}`) // ['required phlebotomy', 'required bls', 'preferred ehr', ...]
 */
export interface JobPosting<R extends string = string, S extends string = string> {
  /** The posting's title: the object's `title`, or the first line when it reads as one; null when there is none. */
  readonly title: string | null;
  readonly role: PostingRole<R> | null;
  /** The items asked, in order of first mention. */
  readonly items: readonly PostingItem<S>[];
  readonly years: readonly YearsAsked<S>[];
  readonly sections: readonly PostingSection[];
  /** The text every offset points into: the input string, or the rendering of a posting object. */
  readonly text: string;
}

/**
 * A posting as an object (a schema.org JobPosting works): `title` or `description` at least; the lists are read under
 * their own headings (Responsibilities, Requirements, Qualifications, Skills, Experience, Education, Preferred).
 * @example
 * parseJobPosting({ title: 'EMT - Basic', description: 'Respond to 911 calls.', qualifications: ['EMT-B certification'] })
 */
export interface JobPostingInput {
  readonly title?: string;
  readonly description?: string;
  readonly responsibilities?: string | readonly string[];
  readonly qualifications?: string | readonly string[];
  readonly requirements?: string | readonly string[];
  readonly skills?: string | readonly string[];
  readonly experienceRequirements?: string | readonly string[];
  readonly educationRequirements?: string | readonly string[];
  readonly preferred?: string | readonly string[];
}

/** Hooks the measurement script swaps (scripts/posting-compromise.ts); the library uses the hand rules. */
export interface ParseHooks {
  /** Clause spans [start, end) of one line (offsets into the line). */
  readonly clauses?: (line: string) => readonly (readonly [number, number])[];
  /** The years in a clause, each with its span in the clause. */
  readonly years?: (clause: string) => readonly { readonly years: number; readonly start: number; readonly end: number }[];
}

// Heading words, checked in this order: a "Preferred Qualifications" heading is preferred, "About the role" duties.
const PREFERRED_HEAD = /\b(prefer\w*|desir\w*|nice[ -]to[ -]haves?|bonus|pluses|a plus|advantage\w*|ideally)\b/;
const IGNORED_HEAD = /\b(benefits?|perks|what we offer|we offer|why (join|work)|about (us|the company|our)|our (company|mission|story|values|culture)|who we are|pay|salary|compensation|wages?|schedule|shifts?|hours|location|job type|equal|eeo|diversity|how to apply|to apply|application|disclaimer|covid|vaccin\w*|travel|contract length|start date|reports? to|closing date|contact|interview)\b/;
const DUTIES_HEAD = /\b(responsib\w*|duties|duty|what you('ll| will) do|tasks|functions|the role|your role|about the (role|job|position)|job (summary|description|spec|purpose|overview|details)|position (summary|overview|description|purpose)|overview|day[- ]to[- ]day|accountabilit\w*|main purpose|role (summary|description|purpose)|you will)\b/;
const REQUIRED_HEAD = /\b(require\w*|qualif\w*|must|minimum|essential|what you('ll| will)? need|looking for|you (have|bring|are)|who you are|skills|experience|education|licen[cs]\w*|certific\w*|credential\w*|eligib\w*|knowledge|abilit\w*|competen\w*|person spec\w*|criteria|background|training)\b/;

// Benefits named so that a preferred word is in them ("Employee Referral Bonus Program").
const BENEFIT_HEAD = /\b(reimburs\w*|referral|employees?|401\s*\(?k|insurance|holidays?|paid time|pto|perks?)\b/;

export function headingKind(heading: string): PostingSectionKind {
  const h = heading.toLowerCase();
  if (BENEFIT_HEAD.test(h)) return 'ignored';
  if (PREFERRED_HEAD.test(h)) return 'preferred';
  if (IGNORED_HEAD.test(h)) return 'ignored';
  if (DUTIES_HEAD.test(h)) return 'duties';
  if (REQUIRED_HEAD.test(h)) return 'required';
  return 'other';
}

const BULLET_START = /^\s*(?:[•·*\-–—▪◦●○■□➢➤►>+]|\d{1,2}[.)])\s*/;

/** A line's heading: "Requirements:", "QUALIFICATIONS", "## Duties", "**Preferred**", or an inline "Education: ...". */
function lineHeading(line: string): { heading: string; contentAt: number } | null {
  const raw = line.replace(/\s+$/, '');
  const m = /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*([A-Za-z][A-Za-z0-9 '’&/(),+-]{1,70}?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$/.exec(raw);
  if (m) {
    const words = m[1]!.trim().split(/\s+/);
    const colon = /:\s*(?:\*\*|__)?\s*$/.test(raw);
    const marked = /^\s*(#|\*\*|__)/.test(raw);
    // A short line ending in a colon, marked as a heading, or in capitals / title case with a heading word.
    // Without a colon or a mark, only a line in capitals is a heading: a list item is often in title case
    // ("Medical Assistant Certification", "First Aid and CPR Certifications").
    const shaped = words.length <= 6 && /^[^a-z]*$/.test(m[1]!);
    if (words.length <= 8 && (colon || marked)) return { heading: m[1]!.trim(), contentAt: raw.length };
    if (shaped && headingKind(m[1]!) !== 'other') return { heading: m[1]!.trim(), contentAt: raw.length };
    return null;
  }
  // Inline: "Education: High school or equivalent (Preferred)", "Experience: caregiving: 1 year".
  const inline = /^\s*(?:\*\*)?([A-Za-z][A-Za-z '’&/-]{1,40}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?=\S)/.exec(raw);
  if (inline && inline[1]!.trim().split(/\s+/).length <= 4 && headingKind(inline[1]!) !== 'other') return { heading: inline[1]!.trim(), contentAt: inline[0].length };
  return null;
}

/** Clause spans of a line: sentence ends, ";" and " but " ("preferred but not required" is one clause's cue). */
export function handClauses(line: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?](?=\s+[A-Z(•*\d-])|;|\s\bbut\b\s|[.!?]\s*$/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < line.length) out.push([start, line.length]);
  return out;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24 };
const YEARS = /\b(\d{1,2}(?:\.\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s*(?:\(\d{1,2}\)\s*)?(?:\+|plus\b)?\s*(?:(?:-|–|to|or)\s*\d{1,2}\s*)?(?:\+\s*)?(?:or more\s+)?(years?|yrs?|months?|mos?)\b(?:['’]s?)?(?!\s+(?:of\s+)?(?:age|old)\b)/gi;

/** Hand rules: the numbers of years (or months) in a clause, "2+ years", "one year", "6 months", "1-2 years". */
export function handYears(clause: string): { years: number; start: number; end: number }[] {
  const out: { years: number; start: number; end: number }[] = [];
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(clause); m !== null; m = YEARS.exec(clause)) {
    const word = m[1]!.toLowerCase();
    const n = NUMBER_WORDS[word] ?? Number(word);
    // "a year" and "an 8 hour" only as a whole: "a" must be followed directly by the unit.
    if ((word === 'a' || word === 'an') && !/^an?\s+(year|month)/i.test(m[0])) continue;
    if (!(n > 0)) continue;
    const months = /^mo/i.test(m[2]!);
    out.push({ years: months ? Math.round((n / 12) * 100) / 100 : n, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Clauses that ask nothing of the hire: benefits, equal opportunity, training the employer gives, keyword lists.
const NOT_ASKED = /\b(equal (employment )?opportunit\w*|eoe\b|affirmative action|regardless of|without regard|protected veterans?|veteran status|veterans? (and|or)|(people|individuals|persons) with disabilit\w*|encouraged to apply|disability status|we (offer|provide)|we (will |can )?(provide|train)|will be (provided|trained)|paid training|training (is )?provided|free (training|cpr|certification)|401\s*\(?k|dental|vision insurance|health insurance|life (insurance|assurance)|paid time off|\bpto\b|tuition|reimburse\w*|discounts?\b|employee assistance|sign[- ]on bonus|referral bonus|pension|annual leave|key ?words|job keywords|search terms|we are an?\b|our (company|agency|mission|organi[sz]ation)|founded in|since \d{4}|salary|per hour|an hour\b|hourly rate)\b/i;
// The employer speaking of itself ("We believe health records play a vital role in patient care", "our patients"):
// a clause in the first person plural that says nothing of the hire ("you", "candidate") asks nothing, unless it
// names the job ("we are seeking Home Health Aides licensed as a CNA").
const EMPLOYER_VOICE = /\b(we|we're|we've|our|ours|us)\b/i;
const HIRE_VOICE = /\b(you|your|you'll|you're|candidates?|applicants?|the ideal|individuals?|seeking|looking for|hiring|recruiting|must|required|requires?|preferred|responsible|will (be|have|need|provide|assist|perform)|ability|able to|aides?|assistants?|technicians?|techs?|caregivers?|workers?|associates?|representatives?)\b/i;
// Someone else's credential in a duty: "reports changes to the Registered Nurse", "as directed by the RN".
const OTHERS_CREDENTIAL = /\b(the|to|by|of|under|with)\s+$/i;
const REQUIRED_CUE = /\b(required|requires?|requirement|must|mandatory|essential|minimum|necessary|needed|at least)\b/gi;
const PREFERRED_CUE = /\b(preferred|preferably|prefer|desirable|desired|(?:an?|big|huge) plus|nice[ -]to[ -]have|bonus|advantageous|an advantage|ideally|helpful|beneficial|welcomed?|an asset)\b/gi;
const EXPERIENCE = /\bexperience[ds]?\b|\bexp\b/i;
const AGE = /\b(years? of age|years? old|age of)\b/i;

interface Cue { readonly at: number; readonly end: number; readonly status: ItemStatus; readonly word: string }

function cuesOf(clause: string): Cue[] {
  const cues: Cue[] = [];
  for (const [re, status] of [[REQUIRED_CUE, 'required'], [PREFERRED_CUE, 'preferred']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
      // "not required", "no ... necessary": not a requirement ("preferred but not required" is preferred).
      if (status === 'required' && /\b(not|no|never)\s+(\w+\s+)?$/i.test(clause.slice(Math.max(0, m.index - 14), m.index))) continue;
      cues.push({ at: m.index, end: m.index + m[0].length, status, word: m[0].toLowerCase() });
    }
  }
  return cues.sort((a, b) => a.at - b.at);
}

/** The cue that sets an item's status: the nearest after it in the clause, else the nearest before. */
function cueFor(cues: readonly Cue[], start: number, end: number): Cue | null {
  for (const c of cues) if (c.at >= end) return c;
  for (let k = cues.length - 1; k >= 0; k--) if (cues[k]!.end <= start) return cues[k]!;
  return null;
}

/** A clause of the plain text: its span, status source and section. */
interface Clause { readonly start: number; readonly end: number; readonly text: string; readonly kind: PostingSectionKind | 'title'; readonly heading: string | null; readonly cues: readonly Cue[]; readonly asked: boolean }

const listOf = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/** The text a posting object is read as: its title, description and lists under their headings. */
export function renderPosting(p: JobPostingInput): { text: string; title: string | null } {
  const parts: string[] = [];
  const title = typeof p.title === 'string' && p.title.trim() ? p.title.trim() : null;
  if (title) parts.push(title);
  if (typeof p.description === 'string' && p.description.trim()) parts.push(p.description.trim());
  const lists: [string, keyof JobPostingInput][] = [['Responsibilities', 'responsibilities'], ['Requirements', 'requirements'], ['Qualifications', 'qualifications'], ['Skills', 'skills'], ['Experience', 'experienceRequirements'], ['Education', 'educationRequirements'], ['Preferred', 'preferred']];
  for (const [heading, key] of lists) {
    const items = listOf(p[key] as string | readonly string[] | undefined).map((s) => s.trim()).filter(Boolean);
    if (items.length) parts.push(`${heading}:\n${items.map((s) => (/\n/.test(s) ? s : `• ${s}`)).join('\n')}`);
  }
  return { text: parts.join('\n\n'), title };
}

/** The first line when it reads as a title: short, no sentence, not a heading. */
function titleLine(lines: readonly { text: string; start: number }[]): { text: string; start: number } | null {
  for (const l of lines) {
    const t = l.text.replace(BULLET_START, '').replace(/[*_#]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/[,:]$/, '');
    if (!t) continue;
    const words = t.split(' ');
    if (words.length > 10 || /[.!?]$/.test(t) || /^(job )?(title|position)\s*:/i.test(t) === false && /:/.test(t)) {
      const m = /^\s*(?:job\s+)?(?:title|position|role)\s*:\s*(.{3,80})$/i.exec(t);
      return m ? { text: m[1]!.trim(), start: l.start + l.text.indexOf(m[1]!.trim()) } : null;
    }
    if (lineHeading(l.text) && headingKind(t) !== 'other') return null;
    // A requirement on the first line is no title ("2+ years of phlebotomy experience required").
    cuesOf(t);
    if (REQUIRED_CUE.test(t) || PREFERRED_CUE.test(t) || /\d/.test(t) && /\b(years?|months?)\b/i.test(t)) { REQUIRED_CUE.lastIndex = 0; PREFERRED_CUE.lastIndex = 0; return null; }
    REQUIRED_CUE.lastIndex = 0;
    PREFERRED_CUE.lastIndex = 0;
    const m = /^\s*(?:job\s+)?(?:title|position|role)\s*:\s*(.+)$/i.exec(t);
    const title = m ? m[1]!.trim() : t;
    const at = l.text.indexOf(title);
    return { text: title, start: l.start + (at >= 0 ? at : 0) };
  }
  return null;
}

/** Phrases that name the job in a sentence: "seeking patient care technicians", "looking for a Home Health Aide". */
const SEEKING = /\b(?:seeking|looking for|hiring|recruiting|is searching for|as an?|position of|role of|join (?:us|our team) as)\s+(?:an?\s+|(?:experienced|qualified|dedicated|compassionate|caring|dependable|reliable|motivated|full[- ]time|part[- ]time|certified)\s+)*((?:[A-Za-z&/-]+\s+){0,4}[A-Za-z&/-]+)/gi;

export interface ParseOptions { readonly maxInputLength?: number }

/**
 * The parser over a compiled taxonomy. `hooks` swap the clause and years rules (measurement only).
 */
export function parsePostingWith(c: Compiled, input: string | JobPostingInput, hooks?: ParseHooks): JobPosting {
  let text: string;
  let givenTitle: string | null = null;
  if (typeof input === 'string') text = input;
  else ({ text, title: givenTitle } = renderPosting(input));
  const plain: PlainText = plainText(text);
  const p = plain.text;
  const toInput = (s: number, e: number): [number, number] => inputSpan(plain, s, e);
  const clausesOf = hooks?.clauses ?? handClauses;
  const yearsOf = hooks?.years ?? handYears;

  // Lines with their offsets in the plain text.
  const lines: { text: string; start: number }[] = [];
  for (let at = 0; at <= p.length;) {
    const nl = p.indexOf('\n', at);
    const end = nl < 0 ? p.length : nl;
    lines.push({ text: p.slice(at, end), start: at });
    if (nl < 0) break;
    at = nl + 1;
  }
  const title = givenTitle !== null ? { text: givenTitle, start: 0 } : titleLine(lines);
  const titleLineIndex = title && givenTitle === null ? lines.findIndex((l) => l.start <= title.start && title.start <= l.start + l.text.length) : givenTitle !== null ? 0 : -1;

  // Sections and clauses.
  const clauses: Clause[] = [];
  const sections: { kind: PostingSectionKind; heading: string; start: number; end: number }[] = [];
  let kind: PostingSectionKind | null = null;
  let heading: string | null = null;
  lines.forEach((line, k) => {
    if (!line.text.trim()) return;
    if (k === titleLineIndex) {
      clauses.push({ start: line.start, end: line.start + line.text.length, text: line.text, kind: 'title', heading: null, cues: [], asked: true });
      return;
    }
    let contentAt = 0;
    const h = BULLET_START.test(line.text) && !/^\s*[*#]{2}/.test(line.text) ? null : lineHeading(line.text);
    if (h) {
      const own = headingKind(h.heading);
      // A lead-in sentence ("Direct experience with the following tasks:") continues its section unless it says
      // preferred itself; a heading proper sets the kind.
      const leadIn = kind !== null && h.heading.split(/\s+/).length > 4 && /^[A-Z][a-z]+ [a-z]/.test(h.heading);
      const k: PostingSectionKind = leadIn && own !== 'preferred' && own !== 'ignored' ? kind ?? own : own;
      kind = k;
      heading = h.heading;
      if (sections.length) sections[sections.length - 1]!.end = line.start;
      sections.push({ kind: k, heading, start: line.start, end: p.length });
      // The heading's own words can ask something ("First Aid and CPR Certifications", "License/Certification:").
      clauses.push({ start: line.start, end: line.start + Math.min(h.contentAt, line.text.length), text: line.text.slice(0, h.contentAt), kind: k, heading, cues: cuesOf(line.text.slice(0, h.contentAt)), asked: k !== 'ignored' });
      contentAt = h.contentAt;
      if (contentAt >= line.text.length) return;
    }
    const body = line.text.slice(contentAt);
    for (const [s, e] of clausesOf(body)) {
      const ct = body.slice(s, e);
      if (!ct.trim()) continue;
      const asked = kind !== 'ignored' && !NOT_ASKED.test(ct) && !(EMPLOYER_VOICE.test(ct) && !HIRE_VOICE.test(ct));
      clauses.push({ start: line.start + contentAt + s, end: line.start + contentAt + e, text: ct, kind: kind ?? 'other', heading, cues: cuesOf(ct), asked });
    }
  });

  // Skills, by the resume matcher on the plain text; each mention placed in its clause.
  const ex = extract(c, p, null);
  const clauseAt = (pos: number): Clause | null => {
    let lo = 0;
    let hi = clauses.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const cl = clauses[mid]!;
      if (pos < cl.start) hi = mid - 1; else if (pos >= cl.end) lo = mid + 1; else return cl;
    }
    return null;
  };
  const items: PostingItem[] = [];
  const mentionsByClause = new Map<Clause, { id: string; start: number; end: number }[]>();
  for (const s of ex.skills) {
    const evidence: PostingEvidence[] = [];
    for (const e of s.evidence) {
      if (e.negated) continue;
      const cl = clauseAt(e.start);
      if (!cl || !cl.asked) continue;
      if (s.category === 'credential' && cl.kind !== 'title' && OTHERS_CREDENTIAL.test(p.slice(Math.max(cl.start, e.start - 12), e.start))) continue;
      const cue = cl.kind === 'title' ? null : cueFor(cl.cues, e.start - cl.start, e.end - cl.start);
      const status: ItemStatus = cue ? cue.status : cl.kind === 'preferred' ? 'preferred' : 'required';
      const [start, end] = toInput(e.start, e.end);
      evidence.push(cue ? { start, end, text: text.slice(start, end), status, cue: cue.word, section: cl.heading } : { start, end, text: text.slice(start, end), status, section: cl.heading });
      let list = mentionsByClause.get(cl);
      if (!list) { list = []; mentionsByClause.set(cl, list); }
      list.push({ id: s.id, start: e.start - cl.start, end: e.end - cl.start });
    }
    if (!evidence.length) continue;
    const status: ItemStatus = evidence.some((e) => e.status === 'required') ? 'required' : 'preferred';
    items.push({ id: s.id, label: s.label, category: s.category, status, evidence });
  }

  // Years: a number of years or months in a clause about experience (never an age, pay or the employer's history).
  const years: YearsAsked[] = [];
  const seen = new Map<string, number>();
  let experienceSection = false;
  for (const cl of clauses) {
    experienceSection = cl.heading !== null && /experience/i.test(cl.heading);
    if (!cl.asked || cl.kind === 'title' || AGE.test(cl.text)) continue;
    if (!EXPERIENCE.test(cl.text) && !experienceSection) continue;
    for (const y of yearsOf(cl.text)) {
      // Not a soft skill, nor the generic "certification" ("certificate plus 1 year of experience" is experience in general).
      const mentions = (mentionsByClause.get(cl) ?? []).filter((m) => c.skillsById.get(m.id)?.category !== 'soft' && m.id !== 'certification');
      // The skill the experience is in: the nearest mention after the number ("2 years of phlebotomy"), else before
      // ("phlebotomy: 1 year", "experience as a CNA for 1 year").
      const after = mentions.filter((m) => m.start >= y.end).sort((a, b) => a.start - b.start)[0];
      const before = mentions.filter((m) => m.end <= y.start).sort((a, b) => b.end - a.end)[0];
      // Only close by: "1+ years of medical assistant experience in an urgent care or emergency room setting" is
      // experience in general, not in the emergency room.
      const near = after && after.start - y.end <= 30 ? after : before && y.start - before.end <= 25 ? before : null;
      const skill = near?.id ?? null;
      const cue = cueFor(cl.cues, y.start, y.end);
      const status: ItemStatus = cue ? cue.status : cl.kind === 'preferred' ? 'preferred' : 'required';
      const key = `${skill ?? ''}:${y.years}`;
      const [start, end] = toInput(cl.start, cl.end);
      const trimmed = trimSpan(text, start, end);
      const ask: YearsAsked = { skill, years: y.years, status, evidence: { start: trimmed[0], end: trimmed[1], text: text.slice(trimmed[0], trimmed[1]) } };
      const had = seen.get(key);
      if (had === undefined) { seen.set(key, years.length); years.push(ask); } else if (status === 'required' && years[had]!.status === 'preferred') years[had] = ask;
    }
  }

  return {
    title: title?.text ?? null,
    role: closestRole(c, title?.text ?? null, p, items),
    items,
    years,
    sections: sections.map((s) => { const [start, end] = toInput(s.start, s.end); return { kind: s.kind, heading: s.heading, start, end }; }),
    text,
  };
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The role the title names, else the one whose profile the items cover best (see PostingRole). */
function closestRole(c: Compiled, title: string | null, plain: string, items: readonly PostingItem[]): PostingRole | null {
  const candidates: string[] = title ? [title] : [];
  // Without a title line, the job named in the opening sentences ("We're seeking patient care technicians").
  const head = plain.slice(0, 600);
  SEEKING.lastIndex = 0;
  for (let m = SEEKING.exec(head); m !== null; m = SEEKING.exec(head)) candidates.push(m[1]!);
  for (const t of candidates) {
    const best = matchTitle(c.titles, t, { min: MIN_TITLE_SCORE })[0];
    if (best) return { id: best.role, title: c.rolesById.get(best.role)!.title, score: best.score, by: 'title' };
  }
  const asked = new Map(items.map((i) => [i.id, i.status === 'required' ? 1 : 0.5]));
  let best: PostingRole | null = null;
  for (const role of c.taxonomy.roles) {
    let total = 0;
    let got = 0;
    for (const e of role.profile) { total += e.weight; got += e.weight * (asked.get(e.skill) ?? 0); }
    const score = total > 0 ? Math.round((got / total) * 1000) / 1000 : 0;
    if (score > 0 && (!best || score > best.score)) best = { id: role.id, title: role.title, score, by: 'skills' };
  }
  return best;
}
