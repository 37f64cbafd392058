/**
 * resume-fit: explainable resume skill matching and fit scores for health technician and allied-health roles.
 * This file is the public API; a test asserts its exact export list.
 */
import { defaultAnalyzer, type AnalysisReport, type AnalyzeOptions, type ExtractOptions, type RoleInfo, type TypedSkillMatch } from './analyze.js';
import type { JsonResume } from './text/json-resume.js';
import type { RoleComparison } from './explain.js';
import type { RoleId, SkillId } from './taxonomy.js';

/**
 * Scores a resume (text or a JSON Resume object) for every role and explains each score.
 * @example
 * import { analyzeResume } from 'resume-fit'
 * const report = analyzeResume('EXPERIENCE\n• Took vital signs and blood pressure for 30 patients a day')
 * report.target.score      // health technician fit, 0-100
 * report.roles[0].id       // best-fitting role
 * report.target.missing[0] // the heaviest missing skill, with why and a suggestion
 */
export function analyzeResume(input: string | JsonResume, options?: AnalyzeOptions<RoleId>): AnalysisReport<RoleId, SkillId> {
  return defaultAnalyzer().analyzeResume(input, options);
}

/**
 * Finds the taxonomy's skills in text, with the exact place of each mention.
 * @example
 * const skills = extractSkills('BLS/ACLS certified. No experience with telemetry.')
 * skills.map((s) => s.id) // ['bls', 'life-support', 'telemetry-monitoring'] (the last one negated)
 */
export function extractSkills(text: string, options?: ExtractOptions): TypedSkillMatch<SkillId>[] {
  return defaultAnalyzer().extractSkills(text, options);
}

/**
 * Lists the roles of the default taxonomy.
 * @example
 * listRoles().map((r) => r.id) // ['health-technician', 'emergency-room-technician', ...]
 */
export function listRoles(): RoleInfo<RoleId>[] {
  return defaultAnalyzer().listRoles();
}

/**
 * Explains why one role fits a resume better than another (distinct skills found and missing, salary and
 * education context from the seeds).
 * @example
 * const report = analyzeResume(text)
 * compareRoles(report, 'health-technician', 'emergency-room-technician').summary
 */
export function compareRoles(report: AnalysisReport, a: RoleId, b: RoleId): RoleComparison<RoleId> {
  return defaultAnalyzer().compareRoles(report, a, b);
}

export { createAnalyzer, DEFAULT_MAX_INPUT_LENGTH, RESPONSIBILITY_THRESHOLD } from './analyze.js';
export type { AnalysisReport, AnalyzeOptions, Analyzer, AnalyzerOptions, ExperienceRecord, ExtractOptions, ReportSkill, ResponsibilityMatch, RoleInfo, SectionSpan, SkillExperienceInfo } from './analyze.js';

export { ResumeFitError, InvalidInputError, InvalidOptionsError, TaxonomyError, isResumeFitError } from './errors.js';
export type { ResumeFitErrorCode, ValidationIssue } from './errors.js';

export { defaultTaxonomy, validateTaxonomy } from './taxonomy.js';
export type { Lexicon, ProfileEntry, Responsibility, Role, RoleId, Sentences, Skill, SkillCategory, SkillId, Taxonomy } from './taxonomy.js';

export { renderJsonResume } from './text/json-resume.js';
export type { JsonResume, RenderedResume, PathSegment } from './text/json-resume.js';

export type { Evidence, MatchKind } from './match/types.js';
export type { TypedSkillMatch as SkillMatch } from './analyze.js';
export type { Band, ComponentName, Contribution, Gap, RoleFit } from './score.js';
export type { ComparisonSide, RoleComparison } from './explain.js';
export type { SectionKind } from './text/sections.js';

export { parseJobPosting, matchJob } from './postings/index.js';
export type { ParseJobPostingOptions } from './postings/index.js';
export type { ItemStatus, JobPosting, JobPostingInput, PostingEvidence, PostingItem, PostingRole, PostingSection, PostingSectionKind, YearsAsked } from './postings/parse.js';
export type { JobMatch, MatchJobOptions, ShownItem, YearsFit } from './postings/match.js';
// Not exported on purpose: the pipeline stages (normalize, tokenize, sections, matchers). They are tested
// directly but their shapes may change in a minor release.
