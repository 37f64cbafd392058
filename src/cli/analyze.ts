/**
 * `resume-fit analyze`: a streaming batch. Inputs are produced lazily (inputs.ts), analysed in input order
 * with at most `window` tasks in flight (in this thread for --jobs 1, in worker threads otherwise), and each
 * output record is written as soon as every record before it is written, waiting when the output is slow
 * (backpressure). Nothing is held per input beyond the window, so memory stays flat with the corpus size
 * (--resume keeps the keys already written, a few dozen bytes each).
 */
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { MAX_FILE_BYTES, ReadError } from '../node/read.js';
import { footer, header, matchRecord, separator, type OutputFormat } from './format.js';
import { expandInputs, inShard, type Shard } from './inputs.js';
import { WorkerPool } from './pool.js';
import { keyOf, OutputError, Sink, type ResumeState } from './sink.js';
import { terminalProgress, type Progress } from './progress.js';
import { makeRunner, type Task, type TaskConfig, type TaskResult, type TaskSource } from './task.js';

export interface AnalyzeRun {
  readonly inputs: readonly string[];
  readonly inputFormat: 'files' | 'jsonl';
  readonly config: TaskConfig;
  readonly out?: string;
  readonly resume: boolean;
  readonly jobs: number;
  readonly shard?: Shard;
}

export const defaultJobs = (): number => availableParallelism();

interface Pending { readonly key: string; readonly rawKey: string | number | null; readonly result: Promise<TaskResult> }

async function readStdinBytes(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new ReadError('ERR_FILE_TOO_LARGE', `standard input is over the ${MAX_FILE_BYTES}-byte limit.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

interface Work { readonly key: string | number | null; readonly shardKey: string; readonly line?: number; readonly source: () => Promise<TaskSource> }

/** --input-format files: paths, folders, globs and `-`. */
async function* fileWork(args: readonly string[]): AsyncGenerator<Work> {
  let stdinUsed = false;
  for await (const item of expandInputs(args)) {
    if (item.error) { const error = item.error; yield { key: item.file, shardKey: item.shardKey, source: async () => ({ type: 'error', error }) }; continue; }
    if (item.file === '-') {
      const again = stdinUsed;
      stdinUsed = true;
      yield {
        key: '-', shardKey: '-', source: async () => {
          if (again) return { type: 'error', error: { code: 'ERR_STDIN_REUSED', message: 'resume-fit: standard input (-) can be read only once.' } };
          try { return { type: 'bytes', bytes: await readStdinBytes(), kind: 'auto' }; } catch (e) {
            return { type: 'error', error: e instanceof ReadError ? { code: e.code, message: e.message } : { code: 'ERR_READ_FAILED', message: 'resume-fit: standard input could not be read.' } };
          }
        },
      };
      continue;
    }
    const path = item.file;
    yield { key: path, shardKey: item.shardKey, source: async () => ({ type: 'path', path }) };
  }
}

/** --input-format jsonl: one record per stdin line, {"id", "text"} or {"id", "resume"}. */
async function* jsonlWork(): AsyncGenerator<Work> {
  let line = 0;
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const bad = (key: string | number | null, code: string, message: string): Work => ({ key, shardKey: String(key ?? `line ${line}`), line, source: async () => ({ type: 'error', error: { code, message } }) });
    let rec: unknown;
    try { rec = JSON.parse(text); } catch { yield bad(null, 'ERR_INVALID_JSON', 'resume-fit: the line is not valid JSON.'); continue; }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) { yield bad(null, 'ERR_INVALID_RECORD', 'resume-fit: a record must be a JSON object {"id", "text"} or {"id", "resume"}.'); continue; }
    const r = rec as { id?: unknown; text?: unknown; resume?: unknown };
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? r.id : null;
    if (id === null) { yield bad(null, 'ERR_INVALID_RECORD', 'resume-fit: the record has no "id" (a string or a number).'); continue; }
    let source: TaskSource;
    if (typeof r.text === 'string') {
      source = r.text.trim() ? { type: 'input', input: { kind: 'text', text: r.text } } : { type: 'error', error: { code: 'ERR_EMPTY_INPUT', message: 'resume-fit: the record\'s "text" is empty.' } };
    } else if (r.resume !== undefined) source = { type: 'input', input: { kind: 'json', value: r.resume } };
    else { yield bad(id, 'ERR_INVALID_RECORD', 'resume-fit: the record needs "text" (a string) or "resume" (a JSON Resume object).'); continue; }
    yield { key: id, shardKey: String(id), line, source: async () => source };
  }
}

async function makeProgress(run: AnalyzeRun): Promise<Progress | null> {
  if (!process.stderr.isTTY) return null;
  const progress = terminalProgress(process.stderr);
  // Count the inputs alongside the run (listing is far faster than analysing) for a real total and ETA; until
  // the count is complete, the line shows only how many are done.
  if (run.inputFormat === 'files') {
    void (async () => {
      let total = 0;
      for await (const item of expandInputs(run.inputs)) if (inShard(item.shardKey, run.shard)) total++;
      progress.setTotal(total);
    })().catch(() => undefined);
  }
  return progress;
}

/** Runs analyze; returns the exit code. */
export async function runAnalyze(run: AnalyzeRun, workerEntry: URL): Promise<number> {
  const started = process.hrtime.bigint();
  let sink: Sink;
  let state: ResumeState | null = null;
  if (run.out && run.out !== '-') ({ sink, state } = await Sink.file(run.out, run.resume));
  else sink = Sink.stdout();

  const format: OutputFormat = run.config.format;
  const jsonlKeep = format === 'jsonl' && sink.partial !== null;
  const failed = new Map<string, number>(state?.failed ?? []);
  const priorFailed = [...failed.values()].reduce((a, b) => a + b, 0);
  let scored = (state?.done.size ?? 0) - priorFailed;
  let skipped = 0;
  let written = 0;
  const progress = await makeProgress(run);

  const inProcess = run.jobs <= 1 ? makeRunner(run.config) : null;
  const pool = inProcess ? null : new WorkerPool(run.jobs, workerEntry, run.config);
  // In flight: enough to keep every worker busy while the head of the line finishes, and no more.
  const window = inProcess ? 4 : run.jobs * 4;

  const summary = (extra: string): string => {
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const nFailed = [...failed.values()].reduce((a, b) => a + b, 0);
    const codes = [...failed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([c, n]) => `${c} ${n}`).join(', ');
    const total = scored + nFailed;
    const parts = [`${total} input${total === 1 ? '' : 's'}`, `${scored} scored`, `${nFailed} failed${codes ? ` (${codes})` : ''}`];
    if (skipped) parts.push(`${skipped} already in the output (--resume)`);
    if (run.shard) parts.push(`shard ${run.shard.index}/${run.shard.count}`);
    const rate = secs > 0 ? (written / secs).toFixed(1) : '0';
    let s = `resume-fit: ${parts.join(', ')}; ${secs.toFixed(2)} s, ${rate} inputs/s${extra}`;
    return `${s}\n`;
  };

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      progress?.stop();
      await sink.abort(jsonlKeep);
      await pool?.close();
      const kept = jsonlKeep ? `; interrupted by ${signal}: ${sink.partial} keeps the ${written + (state?.done.size ?? 0)} records written; run again with --resume to continue` : `; interrupted by ${signal}, no output file written`;
      process.stderr.write(summary(kept));
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const pending: Pending[] = [];
  let seq = 0;
  let first = true;
  // match ranks: every result is held until the last one is in, then written best first (ties in input order),
  // errors after them in input order. Memory grows with the inputs here, unlike analyze.
  const ranked: { key: string | number | null; r: TaskResult }[] | null = run.config.match ? [] : null;
  const writeHead = async (): Promise<void> => {
    const p = pending.shift()!;
    const r = await p.result;
    if (stopping) return;
    if (ranked) {
      ranked.push({ key: p.rawKey, r });
      if (r.code) failed.set(r.code, (failed.get(r.code) ?? 0) + 1); else scored++;
      progress?.tick();
      return;
    }
    await sink.write(separator(run.config, first) + r.chunk);
    first = false;
    written++;
    if (r.code) failed.set(r.code, (failed.get(r.code) ?? 0) + 1); else scored++;
    progress?.tick();
  };

  try {
    if (!state) await sink.write(header(run.config));
    const work = run.inputFormat === 'jsonl' ? jsonlWork() : fileWork(run.inputs);
    for await (const w of work) {
      if (stopping) break;
      if (!inShard(w.shardKey, run.shard)) continue;
      const key = keyOf(w.key);
      if (state?.done.has(key)) { skipped++; continue; }
      const s = seq++;
      const result = w.source().then((source) => {
        const task: Task = w.line !== undefined ? { seq: s, key: w.key, line: w.line, source } : { seq: s, key: w.key, source };
        return inProcess ? inProcess(task) : pool!.run(task);
      });
      pending.push({ key, rawKey: w.key, result });
      while (pending.length >= window && !stopping) await writeHead();
    }
    while (pending.length && !stopping) await writeHead();
    if (stopping) return await new Promise<number>(() => undefined); // the signal handler exits
    if (ranked) {
      const ok = ranked.filter((x) => x.r.fit).sort((a, b) => b.r.fit!.score - a.r.fit!.score || a.r.seq - b.r.seq);
      const bad = ranked.filter((x) => !x.r.fit).sort((a, b) => a.r.seq - b.r.seq);
      let rank = 0;
      for (const x of [...ok, ...bad]) {
        const chunk = x.r.fit ? matchRecord(run.config, x.key, x.r.fit, ++rank) : x.r.chunk;
        await sink.write(separator(run.config, first) + chunk);
        first = false;
        written++;
      }
    }
    if (!state) await sink.write(footer(run.config, written));
    await pool?.close();
    progress?.stop();
    await sink.commit();
  } catch (e) {
    progress?.stop();
    await pool?.close();
    await sink.abort(false);
    if (e instanceof OutputError) {
      // A reader that closed the pipe early (| head) is not an error worth a message.
      if (e.errno !== 'EPIPE') process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stderr.write(summary(run.out && run.out !== '-' ? `; wrote ${run.out}` : ''));
  return failed.size ? 1 : 0;
}
