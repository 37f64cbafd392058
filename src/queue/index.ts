/**
 * `resume-fit/queue`: batch scoring on a Redis job queue (BullMQ), for corpora that outgrow one machine. Node
 * only, ESM only, behind its own entry (dist/queue.js); the core never imports it.
 *
 *   enqueue      the producer: one job per resume ({id, text} | {id, resume} | {id, path} | {id, bytes}),
 *                with the analysis options (asOf, target, top, explain) carried by each job
 *   startWorker  compiles the taxonomy once, scores jobs, and writes ONE result per id into a Redis hash
 *                (HSET: a retried job overwrites its record, so at-least-once delivery is exactly-once in the
 *                output). Every failure is an error record with its code, as in the CLI.
 *   queueStatus  counts per state, results written, resumes per second
 *   collectResults  the finisher: every record as a JSONL line, the same shape as `resume-fit analyze
 *                --input-format jsonl --format jsonl` (without "line"); a job that failed for good (a worker
 *                crashing on it again and again) becomes an ERR_JOB_FAILED record instead of a hole
 *
 * bullmq is an optional peer dependency, imported only here and only when a function is called; without it,
 * QueueError ERR_QUEUE_NOT_INSTALLED says `npm install bullmq`. Messages never contain resume text.
 */
import type { Writable } from 'node:stream';
import { createAnalyzer, isResumeFitError, type AnalyzeOptions, type Analyzer } from '../index.js';
import { parseResumeBytes, readResumeFile, ReadError, type ResumeInput } from '../node/read.js';
import { errorRecord, header, resultRecord, type FormatConfig, type RecordError } from '../cli/format.js';

type BullMQ = typeof import('bullmq');

/** Errors of the queue entry (not of one resume: those are error records). */
export class QueueError extends Error {
  override name = 'QueueError';
  constructor(readonly code: 'ERR_QUEUE_NOT_INSTALLED' | 'ERR_QUEUE_OPTIONS', message: string) { super(message); }
}

let bullmq: Promise<BullMQ> | null = null;
/** Loads bullmq on first use (about 1 MB with ioredis; never loaded by the core or the CLI's analyze). */
function loadBullmq(): Promise<BullMQ> {
  bullmq ??= import('bullmq').catch((e: unknown) => {
    bullmq = null;
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new QueueError('ERR_QUEUE_NOT_INSTALLED', 'resume-fit: the job queue needs the optional package bullmq, which is not installed: run `npm install bullmq` in the project that has resume-fit.');
    }
    throw e;
  });
  return bullmq;
}

/** A Redis URL (redis://[user:password@]host:port[/db]) or host and port. */
export type QueueConnection = string | { readonly host: string; readonly port: number; readonly password?: string; readonly username?: string; readonly db?: number };

interface RedisOptions { host: string; port: number; password?: string; username?: string; db?: number; maxRetriesPerRequest: null }

function redisOptions(c: QueueConnection): RedisOptions {
  if (typeof c !== 'string') return { ...c, maxRetriesPerRequest: null };
  let u: URL;
  try { u = new URL(c); } catch { throw new QueueError('ERR_QUEUE_OPTIONS', `resume-fit: the Redis connection must be a URL like redis://127.0.0.1:6379, got "${c.slice(0, 80)}".`); }
  if (u.protocol !== 'redis:') throw new QueueError('ERR_QUEUE_OPTIONS', `resume-fit: only redis:// URLs are supported, got ${u.protocol}.`);
  const o: RedisOptions = { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379), maxRetriesPerRequest: null };
  if (u.password) o.password = decodeURIComponent(u.password);
  if (u.username) o.username = decodeURIComponent(u.username);
  const db = u.pathname.replace(/^\//, '');
  if (db) o.db = Number(db);
  return o;
}

export interface QueueOptions {
  readonly connection: QueueConnection;
  /** The queue name; results and counters live under the same name. */
  readonly queue: string;
}

/** How each resume is analysed; carried by every job so all workers agree. */
export interface QueueAnalysis {
  /** 'YYYY-MM-DD'. Pass it: a batch that runs over midnight should not change its date. Default: today (UTC), at enqueue. */
  readonly asOf?: string;
  readonly target?: string;
  readonly top?: number;
  readonly explain?: boolean;
  /**
   * 'jsonl' (default): the full report, as `analyze --format jsonl`; 'csv': the scores row of `analyze --format
   * csv` (about 200 bytes instead of 20-70 KB per resume). One format per queue.
   */
  readonly format?: 'jsonl' | 'csv';
}

export type QueueInput =
  | { readonly id: string | number; readonly text: string }
  | { readonly id: string | number; readonly resume: unknown }
  /** A file every worker can read (a shared mount): .txt .md .json .pdf .docx, as the CLI reads it. */
  | { readonly id: string | number; readonly path: string }
  /** Raw file bytes, base64; the type is sniffed as for the CLI's `-`. */
  | { readonly id: string | number; readonly bytes: string };

interface JobData { readonly input: QueueInput; readonly o: QueueAnalysis }

const keys = (queue: string) => ({ results: `bull:${queue}:rf:results`, meta: `bull:${queue}:rf:meta` });
const fieldOf = (id: string | number | null): string => JSON.stringify(id);

type Closable = { close(): Promise<void> };

/**
 * Enqueues resumes, in chunks (an iterable or async iterable, so a corpus is never held whole). Returns the
 * number enqueued. Each id should be unique in a batch: a second job with the same id overwrites the first's result.
 */
export async function enqueue(options: QueueOptions & QueueAnalysis, inputs: Iterable<QueueInput> | AsyncIterable<QueueInput>): Promise<number> {
  const { Queue } = await loadBullmq();
  const queue = new Queue<JobData>(options.queue, { connection: redisOptions(options.connection) });
  const o: QueueAnalysis = {
    asOf: options.asOf ?? new Date().toISOString().slice(0, 10),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.top !== undefined ? { top: options.top } : {}),
    ...(options.explain ? { explain: true } : {}),
    ...(options.format === 'csv' ? { format: 'csv' as const } : {}),
  };
  if (options.format !== undefined && options.format !== 'jsonl' && options.format !== 'csv') throw new QueueError('ERR_QUEUE_OPTIONS', 'resume-fit: format must be "jsonl" or "csv".');
  const client = await queue.client;
  const k = keys(options.queue);
  await client.hsetnx(k.meta, 'started', String(Date.now()));
  await client.hset(k.meta, 'format', o.format ?? 'jsonl');
  let n = 0;
  let chunk: JobData[] = [];
  const flush = async (): Promise<void> => {
    if (!chunk.length) return;
    await queue.addBulk(chunk.map((data) => ({ name: 'score', data, opts: { attempts: 3, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: true, removeOnFail: false } })));
    await client.hincrby(k.meta, 'total', chunk.length);
    n += chunk.length;
    chunk = [];
  };
  try {
    for await (const input of inputs) {
      chunk.push({ input, o });
      if (chunk.length >= 500) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  return n;
}

export interface WorkerOptions extends QueueOptions {
  /** Jobs in flight in this process (default 1). Scoring is CPU work: run one process per core for more. */
  readonly concurrency?: number;
  /** Milliseconds a job's lock lasts before another worker may take the job over (BullMQ lockDuration, default 30000). */
  readonly lockDuration?: number;
  /** Milliseconds between checks for jobs whose worker died (BullMQ stalledInterval, default 30000). */
  readonly stalledInterval?: number;
}

export interface QueueWorker {
  /** Resolves when the worker is connected and taking jobs. */
  readonly ready: Promise<void>;
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

function toRecordError(e: unknown): RecordError {
  if (e instanceof ReadError) return { code: e.code, message: e.message };
  if (isResumeFitError(e)) return { code: e.code, message: e.message.split('\n')[0]! };
  return { code: 'ERR_INTERNAL', message: `resume-fit: unexpected ${e instanceof Error ? e.name : 'error'} while analysing this input.` };
}

/**
 * The record for one job's data: what a worker writes. Exported for tests and for callers with their own queue.
 * Never throws: every failure is an error record.
 */
export async function scoreJob(analyzer: Analyzer, data: unknown): Promise<{ id: string | number | null; record: string; code: string | null }> {
  const d = (typeof data === 'object' && data !== null ? data : {}) as { input?: Record<string, unknown>; o?: QueueAnalysis };
  const input = (typeof d.input === 'object' && d.input !== null ? d.input : {}) as Record<string, unknown>;
  const id = typeof input.id === 'string' || typeof input.id === 'number' ? input.id : null;
  const o = d.o ?? {};
  const fc: FormatConfig = { format: o.format === 'csv' ? 'csv' : 'jsonl', keyName: 'id', explain: Boolean(o.explain), roleIds: analyzer.listRoles().map((r) => r.id), ...(o.top !== undefined ? { top: o.top } : {}) };
  const fail = (err: RecordError) => ({ id, record: errorRecord(fc, id, err), code: err.code });
  try {
    if (id === null) return fail({ code: 'ERR_INVALID_RECORD', message: 'resume-fit: the job has no "id" (a string or a number).' });
    let doc: ResumeInput;
    if (typeof input.text === 'string') {
      if (!input.text.trim()) return fail({ code: 'ERR_EMPTY_INPUT', message: 'resume-fit: the record\'s "text" is empty.' });
      doc = { kind: 'text', text: input.text };
    } else if (input.resume !== undefined) doc = { kind: 'json', value: input.resume };
    else if (typeof input.path === 'string') doc = await readResumeFile(input.path);
    else if (typeof input.bytes === 'string') doc = await parseResumeBytes(Buffer.from(input.bytes, 'base64'), 'auto');
    else return fail({ code: 'ERR_INVALID_RECORD', message: 'resume-fit: the job needs "text", "resume", "path" or "bytes".' });
    const options: AnalyzeOptions = { ...(o.asOf !== undefined ? { asOf: o.asOf } : {}), ...(o.target !== undefined ? { target: o.target as never } : {}) };
    const report = analyzer.analyzeResume(doc.kind === 'text' ? doc.text : (doc.value as never), options);
    return { id, record: resultRecord(fc, id, report), code: null };
  } catch (e) {
    return fail(toRecordError(e));
  }
}

/** Starts a worker in this process. The taxonomy is compiled once, here. */
export async function startWorker(options: WorkerOptions): Promise<QueueWorker> {
  const { Worker } = await loadBullmq();
  const analyzer = createAnalyzer();
  const k = keys(options.queue);
  const worker = new Worker<JobData>(options.queue, async (job) => {
    const { id, record } = await scoreJob(analyzer, job.data);
    const client = await worker.client;
    // One field per id: a retry overwrites. `last` times the throughput.
    await client.multi().hset(k.results, fieldOf(id), record).hset(k.meta, 'last', String(Date.now())).exec();
  }, {
    connection: redisOptions(options.connection),
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: 2,
    autorun: true,
  });
  // Connection errors are retried by ioredis; without a listener they would be thrown as unhandled.
  worker.on('error', () => undefined);
  return { ready: worker.waitUntilReady().then(() => undefined), close: () => worker.close() };
}

export interface QueueStatus {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  /** Jobs that failed for good (collectResults reports them as ERR_JOB_FAILED records). */
  readonly failed: number;
  /** Jobs enqueued so far. */
  readonly total: number;
  /** Results written (one per id). */
  readonly results: number;
  /** True when nothing is waiting, active or delayed. */
  readonly idle: boolean;
  /** Seconds from the first enqueue to the last result written, and results per second over them. */
  readonly seconds: number;
  readonly perSecond: number;
}

export async function queueStatus(options: QueueOptions): Promise<QueueStatus> {
  const { Queue } = await loadBullmq();
  const queue = new Queue(options.queue, { connection: redisOptions(options.connection) });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized', 'paused', 'waiting-children');
    const client = await queue.client;
    const k = keys(options.queue);
    const [results, meta] = await Promise.all([client.hlen(k.results), client.hgetall(k.meta)]);
    const seconds = meta.started && meta.last ? Math.max(0, (Number(meta.last) - Number(meta.started)) / 1000) : 0;
    const waiting = (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0) + (c['waiting-children'] ?? 0);
    return {
      waiting, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0,
      total: Number(meta.total ?? 0), results, idle: waiting + (c.active ?? 0) + (c.delayed ?? 0) === 0,
      seconds, perSecond: seconds > 0 ? results / seconds : 0,
    };
  } finally {
    await queue.close();
  }
}

/** One status line: `10000 enqueued: 0 waiting, 2 active, 0 delayed, 0 failed; 9998 results; 812.3 resumes/s`. */
export function statusLine(s: QueueStatus): string {
  return `${s.total} enqueued: ${s.waiting} waiting, ${s.active} active, ${s.delayed} delayed, ${s.failed} failed; ${s.results} results; ${s.perSecond.toFixed(1)} resumes/s`;
}

/**
 * Writes every result to `out`, one JSONL line (or, for a csv queue, the CLI's header row and then one row) per
 * id, in HSCAN order, not input order (sort by id if order matters), after turning each job that failed for good and has no result into an ERR_JOB_FAILED record. Returns the
 * number of records written.
 */
export async function collectResults(options: QueueOptions & { readonly out: Writable }): Promise<number> {
  const { Queue } = await loadBullmq();
  const queue = new Queue<JobData>(options.queue, { connection: redisOptions(options.connection) });
  const k = keys(options.queue);
  try {
    const client = await queue.client;
    const format = (await client.hget(k.meta, 'format')) === 'csv' ? 'csv' : 'jsonl';
    const fc: FormatConfig = { format, keyName: 'id', explain: false, roleIds: createAnalyzer().listRoles().map((r) => r.id) };
    const write = async (chunk: string): Promise<void> => {
      if (chunk && !options.out.write(chunk)) await new Promise<void>((res) => options.out.once('drain', () => res()));
    };
    await write(header(fc));
    for (let start = 0; ; start += 500) {
      const failed = await queue.getFailed(start, start + 499);
      for (const job of failed) {
        const input = job.data?.input as { id?: unknown } | undefined;
        const id = typeof input?.id === 'string' || typeof input?.id === 'number' ? input.id : null;
        const err = { code: 'ERR_JOB_FAILED', message: `resume-fit: the job failed after ${job.attemptsMade} attempts (a worker stopped while analysing it each time).` };
        await client.hsetnx(k.results, fieldOf(id), errorRecord(fc, id, err));
      }
      if (failed.length < 500) break;
    }
    // SCAN may return a field twice (while Redis rehashes): each id is written once.
    const seen = new Set<string>();
    let n = 0;
    let cursor = '0';
    do {
      const [next, flat] = await client.hscan(k.results, cursor, 'COUNT', 1000);
      cursor = next;
      let chunk = '';
      for (let i = 1; i < flat.length; i += 2) {
        if (seen.has(flat[i - 1]!)) continue;
        seen.add(flat[i - 1]!);
        chunk += flat[i]!;
        n++;
      }
      await write(chunk);
    } while (cursor !== '0');
    return n;
  } finally {
    await queue.close();
  }
}

/** Deletes the queue's jobs, results and counters (e.g. before reusing its name). */
export async function clearQueue(options: QueueOptions): Promise<void> {
  const { Queue } = await loadBullmq();
  const queue: Closable & { obliterate(o: { force: boolean }): Promise<void>; client: Promise<{ del(...k: string[]): Promise<number> }> } = new Queue(options.queue, { connection: redisOptions(options.connection) });
  try {
    await queue.obliterate({ force: true });
    const k = keys(options.queue);
    await (await queue.client).del(k.results, k.meta);
  } finally {
    await queue.close();
  }
}
