/**
 * Every error resume-fit throws. Messages start with `resume-fit:`, name the bad value or path and the fix,
 * and never contain resume text (resumes are personal data).
 */

/**
 * Stable codes; part of the public API (a change is a breaking change).
 * @example
 * if (isResumeFitError(e) && e.code === 'ERR_INPUT_TOO_LARGE') retryWithLargerLimit()
 */
export type ResumeFitErrorCode =
  | 'ERR_INVALID_INPUT'
  | 'ERR_INPUT_TOO_LARGE'
  | 'ERR_INVALID_OPTIONS'
  | 'ERR_UNKNOWN_ROLE'
  | 'ERR_INVALID_TAXONOMY'
  | 'ERR_INVALID_JSON_RESUME';

/**
 * Base class of every resume-fit error.
 * @example
 * try { analyzeResume(42 as never) } catch (e) { if (isResumeFitError(e)) console.log(e.code) }
 */
export class ResumeFitError extends Error {
  override name = 'ResumeFitError';
  readonly code: ResumeFitErrorCode;
  constructor(code: ResumeFitErrorCode, message: string) {
    super(message.startsWith('resume-fit:') ? message : `resume-fit: ${message}`);
    this.code = code;
  }
}

/**
 * The input is not something resume-fit can read (wrong type, too large, malformed JSON Resume).
 * @example
 * try { analyzeResume(42 as never) } catch (e) { if (e instanceof InvalidInputError) e.code // 'ERR_INVALID_INPUT' }
 */
export class InvalidInputError extends ResumeFitError {
  override name = 'InvalidInputError';
  /** Where in a JSON Resume document the problem is, when there is one. */
  readonly issues: readonly ValidationIssue[];
  constructor(code: 'ERR_INVALID_INPUT' | 'ERR_INPUT_TOO_LARGE' | 'ERR_INVALID_JSON_RESUME', message: string, issues: readonly ValidationIssue[] = []) {
    super(code, message);
    this.issues = issues;
  }
}

/**
 * An option has a bad value (unknown role id, negative limit, ...).
 * @example
 * try { analyzeResume(text, { target: 'nurse' }) } catch (e) { (e as InvalidOptionsError).option // 'target' }
 */
export class InvalidOptionsError extends ResumeFitError {
  override name = 'InvalidOptionsError';
  readonly option: string;
  constructor(option: string, message: string, code: 'ERR_INVALID_OPTIONS' | 'ERR_UNKNOWN_ROLE' = 'ERR_INVALID_OPTIONS') {
    super(code, message);
    this.option = option;
  }
}

/**
 * One problem found while validating a taxonomy or a JSON Resume document.
 * @example
 * { path: 'roles[0].profile[3].skill', message: 'unknown skill "ekgg": add it to skills or fix the id' }
 */
export interface ValidationIssue {
  /** Dotted path to the bad value, e.g. `skills[3].aliases[0]`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * A custom taxonomy failed validation; `issues` lists every problem, not only the first.
 * @example
 * try { createAnalyzer({ taxonomy }) } catch (e) { if (e instanceof TaxonomyError) for (const i of e.issues) console.log(i.path, i.message) }
 */
export class TaxonomyError extends ResumeFitError {
  override name = 'TaxonomyError';
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const shown = issues.slice(0, 10).map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n');
    const more = issues.length > 10 ? `\n  ... and ${issues.length - 10} more (see error.issues)` : '';
    super('ERR_INVALID_TAXONOMY', `resume-fit: the taxonomy is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}); fix these and try again:\n${shown}${more}`);
    this.issues = issues;
  }
}

/**
 * True for any resume-fit error, including one from another realm (a worker, an iframe), where `instanceof`
 * fails: a known `name` with a known `code`, or a `resume-fit:` message (a structured clone loses name and code).
 * @example
 * if (isResumeFitError(err)) console.error(err.code, err.message)
 */
export function isResumeFitError(value: unknown): value is ResumeFitError {
  if (value instanceof ResumeFitError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; code?: unknown; message?: unknown };
  const knownCode = typeof v.code === 'string' && CODES.has(v.code);
  if (typeof v.name === 'string' && NAMES.has(v.name) && knownCode) return true;
  // A structured clone (what postMessage delivers) keeps only the message: its name is 'Error' and `code` is gone.
  return typeof v.message === 'string' && v.message.startsWith('resume-fit:') && (knownCode || v.code === undefined);
}

const CODES: ReadonlySet<string> = new Set<ResumeFitErrorCode>(['ERR_INVALID_INPUT', 'ERR_INPUT_TOO_LARGE', 'ERR_INVALID_OPTIONS', 'ERR_UNKNOWN_ROLE', 'ERR_INVALID_TAXONOMY', 'ERR_INVALID_JSON_RESUME']);
const NAMES: ReadonlySet<string> = new Set(['ResumeFitError', 'InvalidInputError', 'InvalidOptionsError', 'TaxonomyError']);

/** Formats a zod issue list as ValidationIssues without echoing input values (they may be resume text). */
export function formatZodIssues(issues: readonly { path: readonly PropertyKey[]; code: string; [k: string]: unknown }[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeZodIssue(issue) }));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function describeZodIssue(issue: { code: string; [k: string]: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `must match ${String(issue.pattern)}` : `must be a valid ${String(issue.format)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return `must be one of ${(issue.values as unknown[] | undefined)?.map((v) => JSON.stringify(v)).join(', ') ?? 'the allowed values'}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${(issue.keys as string[] | undefined)?.map((k) => JSON.stringify(k)).join(', ') ?? ''}: remove them`;
    case 'custom':
      return typeof issue.message === 'string' && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
    default:
      return 'is invalid';
  }
}
