/**
 * The progress line `resume-fit analyze` draws on a terminal's stderr (never when stderr is not a terminal). It
 * shows the count, the total once the inputs are counted, the rate and an ETA. No ETA is shown until
 * MIN_ETA_FILES inputs are done and MIN_ETA_MS have passed (an ETA from the first file is noise: one slow PDF
 * at 1/500 would promise minutes), and no total until the count is known (no "0/1" before anything is listed).
 */

/** Inputs done before an ETA is shown. */
export const MIN_ETA_FILES = 5;
/** Milliseconds before an ETA is shown. */
export const MIN_ETA_MS = 1000;

export interface ProgressState {
  readonly done: number;
  /** The number of inputs, or null while they are still being counted. */
  readonly total: number | null;
  readonly elapsedMs: number;
}

function duration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * The progress line for a state (pure, so it is tested as a table).
 * @example
 * progressLine({ done: 250, total: 500, elapsedMs: 5000 }) // '250/500 files (50%) | 50.0 files/s | ETA 5s'
 */
export function progressLine(p: ProgressState): string {
  const count = p.total === null ? `${p.done} file${p.done === 1 ? '' : 's'}` : `${p.done}/${p.total} files (${Math.floor((100 * p.done) / Math.max(1, p.total))}%)`;
  const secs = p.elapsedMs / 1000;
  const parts = [count];
  if (p.done > 0 && p.elapsedMs >= MIN_ETA_MS) parts.push(`${(p.done / secs).toFixed(1)} files/s`);
  if (p.total !== null && p.done >= MIN_ETA_FILES && p.elapsedMs >= MIN_ETA_MS && p.done < p.total) {
    parts.push(`ETA ${duration(((p.total - p.done) * secs) / p.done)}`);
  }
  return parts.join(' | ');
}

export interface Progress { tick(): void; setTotal(n: number): void; stop(): void }

/** Draws progressLine on `stream` (a terminal), at most ten times a second, and clears it on stop. */
export function terminalProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress {
  const started = now();
  let done = 0;
  let total: number | null = null;
  let drawn = 0;
  let lastDraw = -Infinity;
  const draw = (force: boolean): void => {
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const line = progressLine({ done, total, elapsedMs: t - started }).slice(0, Math.max(10, (stream.columns || 80) - 1));
    stream.write(`\r${line}${' '.repeat(Math.max(0, drawn - line.length))}`);
    drawn = line.length;
  };
  return {
    tick: () => { done++; draw(false); },
    setTotal: (n) => { total = Math.max(n, done); draw(false); },
    stop: () => { if (drawn) stream.write(`\r${' '.repeat(drawn)}\r`); drawn = 0; },
  };
}
