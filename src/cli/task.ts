/**
 * One unit of batch work, the same in a worker thread and in the main thread (--jobs 1): get the input
 * (read and decode a file, or take bytes or a parsed record), analyse it, and format its output record.
 * Every failure becomes an error record; messages are the readers' and the library's, which never contain
 * resume text, or a generic one for anything unexpected.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer, isResumeFitError, matchJob, parseJobPosting, type Analyzer, type JobMatch, type JobPosting } from '../index.js';
import { parseResumeBytes, readResumeFile, ReadError, type FileKind, type ResumeInput } from '../node/read.js';
import { errorRecord, resultRecord, type FormatConfig, type RecordError } from './format.js';

export interface TaskConfig extends FormatConfig {
  readonly target?: string;
  /** Today's date for the experience timeline ('YYYY-MM-DD'): --as-of, or the date the run started. */
  readonly asOf: string;
  /** A taxonomy JSON file, already validated by the main thread. */
  readonly taxonomyPath?: string;
  /** `match --job FILE`: the posting, read by the main thread; every input is a resume scored against it. */
  readonly job?: ResumeInput;
  /** `match --resume FILE`: the resume, read by the main thread; every input is a posting it is scored against. */
  readonly matchResume?: ResumeInput;
}

export type TaskSource =
  | { readonly type: 'path'; readonly path: string }
  | { readonly type: 'bytes'; readonly bytes: Uint8Array; readonly kind: FileKind }
  | { readonly type: 'input'; readonly input: ResumeInput }
  | { readonly type: 'error'; readonly error: RecordError };

export interface Task {
  readonly seq: number;
  readonly key: string | number | null;
  /** Line number of a --input-format jsonl record (reported with errors). */
  readonly line?: number;
  readonly source: TaskSource;
}

export interface TaskResult {
  readonly seq: number;
  readonly chunk: string;
  /** The error code, or null when the input was scored. */
  readonly code: string | null;
  /** `match`: the fit, formatted by the main thread once the ranks are known (chunk is then empty). */
  readonly fit?: JobMatch;
}

export function loadTaxonomyFile(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function toRecordError(e: unknown): RecordError {
  if (e instanceof ReadError) return { code: e.code, message: e.message };
  if (isResumeFitError(e)) return { code: e.code, message: e.message.split('\n')[0]! };
  // Anything else could carry text from the document in its message: report the class only.
  return { code: 'ERR_INTERNAL', message: `resume-fit: unexpected ${e instanceof Error ? e.name : 'error'} while analysing this input.` };
}

export function makeRunner(config: TaskConfig): (task: Task) => Promise<TaskResult> {
  const analyzer: Analyzer = createAnalyzer(config.taxonomyPath ? { taxonomy: loadTaxonomyFile(config.taxonomyPath) } : undefined);
  const options = config.target ? { target: config.target, asOf: config.asOf } : { asOf: config.asOf };
  const valueOf = (input: ResumeInput): never => (input.kind === 'text' ? input.text : input.value) as never;
  // match --job: the posting is parsed once per thread (a JobPosting caches what scoring needs of it).
  let posting: JobPosting | undefined;
  return async (task) => {
    try {
      const s = task.source;
      if (s.type === 'error') return { seq: task.seq, chunk: errorRecord(config, task.key, s.error, task.line), code: s.error.code };
      const input = s.type === 'path' ? await readResumeFile(s.path) : s.type === 'bytes' ? await parseResumeBytes(s.bytes, s.kind) : s.input;
      if (config.job) {
        posting ??= parseJobPosting(valueOf(config.job), { analyzer });
        return { seq: task.seq, chunk: '', code: null, fit: matchJob(valueOf(input), posting, { analyzer, asOf: config.asOf }) };
      }
      if (config.matchResume) {
        const fit = matchJob(valueOf(config.matchResume), parseJobPosting(valueOf(input), { analyzer }), { analyzer, asOf: config.asOf });
        return { seq: task.seq, chunk: '', code: null, fit };
      }
      const report = analyzer.analyzeResume(input.kind === 'text' ? input.text : (input.value as never), options);
      return { seq: task.seq, chunk: resultRecord(config, task.key, report), code: null };
    } catch (e) {
      const err = toRecordError(e);
      return { seq: task.seq, chunk: errorRecord(config, task.key, err, task.line), code: err.code };
    }
  };
}
