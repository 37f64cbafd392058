/**
 * Job postings: `parseJobPosting` reads what a posting asks for, `matchJob` scores a resume against it. Part of the
 * main entry; an app that imports only `analyzeResume` does not bundle this code (DESIGN.md, "Job postings").
 */
import { checkLength, checkOptions, type Analyzer } from '../analyze.js';
import { InvalidInputError } from '../errors.js';
import type { JsonResume } from '../text/json-resume.js';
import type { RoleId, SkillId } from '../taxonomy.js';
import { compiledFor, matchJobWith, type JobMatch, type MatchJobOptions } from './match.js';
import { parsePostingWith, renderPosting, type JobPosting, type JobPostingInput } from './parse.js';

/**
 * Options of `parseJobPosting`.
 * @example
 * parseJobPosting(text, { analyzer: createAnalyzer({ taxonomy }), maxInputLength: 100_000 })
 */
export interface ParseJobPostingOptions {
  /** The analyzer whose taxonomy gives the vocabulary (default: the bundled taxonomy). */
  readonly analyzer?: Analyzer<string, string>;
  /** Longest posting accepted, in characters (default 2,000,000). */
  readonly maxInputLength?: number;
}

const POSTING_KEYS = ['title', 'description', 'responsibilities', 'qualifications', 'requirements', 'skills', 'experienceRequirements', 'educationRequirements', 'preferred'] as const;

/**
 * Reads a job posting (its text, plain or HTML, or an object with `title` and `description`, such as a schema.org
 * JobPosting) into what it asks for: skills, credentials and duties, each required or preferred, the years of
 * experience asked, the closest role, and where each was found.
 * @example
 * const posting = parseJobPosting('Phlebotomist\nRequirements:\n• 1+ year of phlebotomy experience\n• BLS required; EHR experience a plus')
 * posting.items.map((i) => `${i.status} ${i.id}`) // ['required phlebotomy', 'required bls', 'preferred ehr']
 * posting.years                                   // [{ skill: 'phlebotomy', years: 1, status: 'required', evidence: {...} }]
 */
export function parseJobPosting(input: string | JobPostingInput, options?: ParseJobPostingOptions): JobPosting<RoleId, SkillId> {
  checkOptions(options, ['analyzer', 'maxInputLength']);
  const c = compiledFor(options?.analyzer);
  if (typeof input === 'string') checkLength(input.length, options);
  else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    for (const key of POSTING_KEYS) {
      const v = o[key];
      if (v === undefined || v === null || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) continue;
      throw new InvalidInputError('ERR_INVALID_INPUT', `resume-fit: the posting's "${key}" must be a string${key === 'title' || key === 'description' ? '' : ' or an array of strings'}, got ${Array.isArray(v) ? 'an array with a non-string' : typeof v}.`);
    }
    if (typeof o.title !== 'string' && typeof o.description !== 'string') throw new InvalidInputError('ERR_INVALID_INPUT', 'resume-fit: a posting object needs a "title" or a "description" string.');
    const clean = Object.fromEntries(POSTING_KEYS.filter((k) => o[k] !== undefined && o[k] !== null).map((k) => [k, o[k]])) as JobPostingInput;
    checkLength(renderPosting(clean).text.length, options);
    return parsePostingWith(c, clean) as JobPosting<RoleId, SkillId>;
  } else {
    throw new InvalidInputError('ERR_INVALID_INPUT', `resume-fit: expected posting text (a string) or a posting object { title, description, ... }, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`);
  }
  return parsePostingWith(c, input) as JobPosting<RoleId, SkillId>;
}

/**
 * Scores a resume (text or JSON Resume) against a parsed job posting, 0 to 100, explained: contributions that add
 * up to the score (required items weigh more than preferred; years asked against the resume's months when `asOf` is
 * given; a job title like the posting's), the items missing with why and a suggestion, the items shown.
 * @example
 * const fit = matchJob(resumeText, parseJobPosting(postingText), { asOf: '2026-11-24' })
 * fit.score; fit.band; fit.missing.filter((g) => g.component === 'required')
 */
export function matchJob(resume: string | JsonResume, posting: JobPosting, options?: MatchJobOptions): JobMatch<RoleId, SkillId> {
  checkOptions(options, ['analyzer', 'asOf', 'maxInputLength']);
  return matchJobWith(compiledFor(options?.analyzer), resume, posting, options) as JobMatch<RoleId, SkillId>;
}

