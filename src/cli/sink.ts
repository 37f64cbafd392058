/**
 * Where analyze writes. `--out FILE` goes to `FILE.partial` in the same folder and is renamed to FILE only
 * when the run completes, so a file named FILE is always complete. On a write error the partial file is
 * removed. On SIGINT/SIGTERM a JSONL partial file is kept for `--resume` (other formats cannot be continued,
 * so theirs is removed). A FILE that exists and is not a regular file (/dev/stdout, a FIFO, /dev/full) is
 * written directly: it cannot be replaced by a rename.
 */
import { createReadStream } from 'node:fs';
import { copyFile, open, rename, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The output could not be written (disk full, permission, closed pipe). */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(message: string, readonly errno?: string) { super(message); }
}

const describe = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  const text: Record<string, string> = { ENOSPC: 'no space left on device', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', EISDIR: 'it is a directory', ENOENT: 'the folder does not exist', EPIPE: 'the reader closed the pipe', EDQUOT: 'disk quota exceeded', EIO: 'I/O error' };
  return code ? `${text[code] ?? 'write failed'} (${code})` : 'write failed';
};

export const partialPath = (out: string): string => `${out}.partial`;

/** What a previous interrupted run left: the keys already written and how many of them were errors. */
export interface ResumeState {
  readonly done: Set<string>;
  readonly failed: Map<string, number>;
}

// Records start with the key as written by format.ts: {"file":"...", or {"id":..., and error records
// continue with ,"error":{"code":"..." (jsonl input adds ,"line":N first).
const KEY_RE = /^\{"(?:file|id)":("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|null)(?:,"line":\d+)?,("error":\{"code":"([A-Z_]+)")?/;

/** The key of a record as --resume compares it: JSON text of the value, so 1 and "1" differ. */
export const keyOf = (key: string | number | null): string => JSON.stringify(key);

/**
 * Scans a JSONL partial output: keeps every complete line (ending in a newline) and cuts an incomplete last
 * line (a write cut short by a crash). Reads lines without parsing the whole report.
 */
export async function scanPartial(path: string): Promise<ResumeState & { readonly truncateTo: number }> {
  const done = new Set<string>();
  const failed = new Map<string, number>();
  const actual = (await stat(path)).size;
  let good = 0;
  let lineNo = 0;
  const take = (line: string): void => {
    lineNo++;
    if (line) {
      const m = KEY_RE.exec(line);
      if (!m) throw new UsageError(`resume-fit: ${path} line ${lineNo} is not a resume-fit JSONL record; --resume continues only files written by resume-fit analyze --format jsonl.`);
      done.add(JSON.stringify(JSON.parse(m[1]!)));
      if (m[3]) failed.set(m[3], (failed.get(m[3]) ?? 0) + 1);
    }
    good += Buffer.byteLength(line, 'utf8') + 1;
  };
  // One line behind: the last line counts only if it ends with a newline (else a crash cut it short).
  let prev: string | null = null;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (prev !== null) take(prev);
    prev = line;
  }
  if (prev !== null && good + Buffer.byteLength(prev, 'utf8') + 1 <= actual) take(prev);
  return { done, failed, truncateTo: good };
}

export class Sink {
  private stream: Writable;
  private error: OutputError | null = null;
  private closed = false;
  private constructor(stream: Writable, readonly target: string, private readonly tmp: string | null, private readonly handle: FileHandle | null) {
    this.stream = stream;
    stream.on('error', (e) => { this.error ??= new OutputError(`resume-fit: cannot write ${target}: ${describe(e)}.`, (e as { code?: string }).code); });
  }

  static stdout(): Sink {
    return new Sink(process.stdout, 'standard output', null, null);
  }

  /** Opens `--out FILE`. With `resume`, returns the state of the previous run and appends to its partial file. */
  static async file(out: string, resume: boolean): Promise<{ sink: Sink; state: ResumeState | null }> {
    const folder = dirname(resolve(out));
    const dirStat = await stat(folder).catch(() => null);
    if (!dirStat?.isDirectory()) throw new UsageError(`resume-fit: cannot write --out ${out}: the folder ${folder} does not exist.`);
    const existing = await stat(out).catch(() => null);
    if (existing && existing.isDirectory()) throw new UsageError(`resume-fit: cannot write --out ${out}: it is a directory.`);
    let handle: FileHandle;
    if (existing && !existing.isFile()) {
      // A device or FIFO: write to it directly (nothing to rename, nothing to resume).
      if (resume) throw new UsageError(`resume-fit: --resume needs --out to be a regular file; ${out} is not.`);
      try { handle = await open(out, 'w'); } catch (e) { throw new OutputError(`resume-fit: cannot write ${out}: ${describe(e)}.`); }
      return { sink: new Sink(handle.createWriteStream(), out, null, handle), state: null };
    }
    const tmp = partialPath(out);
    let state: ResumeState | null = null;
    if (resume) {
      const hasPartial = await stat(tmp).then((s) => s.isFile(), () => false);
      // A finished run continues too (e.g. new files in the folder): its output becomes the partial file.
      if (!hasPartial && existing) await copyFile(out, tmp);
      if (hasPartial || existing) {
        const scanned = await scanPartial(tmp);
        await truncate(tmp, scanned.truncateTo);
        state = { done: scanned.done, failed: scanned.failed };
      }
    }
    try {
      handle = await open(tmp, state ? 'a' : 'w');
    } catch (e) {
      throw new OutputError(`resume-fit: cannot write ${out}: ${describe(e)}.`);
    }
    return { sink: new Sink(handle.createWriteStream(), out, tmp, handle), state };
  }

  /** Writes a chunk, waiting for the stream to drain when its buffer is full (backpressure). */
  async write(chunk: string): Promise<void> {
    if (this.error) throw this.error;
    if (this.closed || !chunk) return;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((res) => {
        const done = (): void => { this.stream.off('drain', done); this.stream.off('error', done); this.stream.off('close', done); res(); };
        this.stream.on('drain', done).on('error', done).on('close', done);
      });
      if (this.error) throw this.error;
    }
  }

  private async end(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.stream === process.stdout) {
      if (!this.error) await new Promise<void>((res) => { process.stdout.write('', () => res()); });
      return;
    }
    await new Promise<void>((res) => {
      if (this.stream.destroyed) { res(); return; }
      this.stream.once('close', () => res());
      this.stream.end();
    });
    await this.handle?.close().catch(() => undefined);
  }

  /** Finishes a complete run: flushes, then renames FILE.partial to FILE. */
  async commit(): Promise<void> {
    await this.end();
    if (this.error) { await this.abort(false); throw this.error; }
    if (this.tmp) {
      try { await rename(this.tmp, this.target); } catch (e) { await this.abort(false); throw new OutputError(`resume-fit: cannot write ${this.target}: ${describe(e)}.`); }
    }
  }

  /** Stops: flushes what was written, and keeps the partial file (for --resume) or removes it. */
  async abort(keep: boolean): Promise<void> {
    await this.end();
    if (this.tmp && !keep) await unlink(this.tmp).catch(() => undefined);
  }

  get failed(): OutputError | null { return this.error; }
  get partial(): string | null { return this.tmp; }
}
