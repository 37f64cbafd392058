// The analyze progress line: no "0/1" before the inputs are counted, no ETA from the first few files.
import { describe, expect, it } from 'vitest';
import { progressLine, terminalProgress } from '../../src/cli/progress.js';

describe('progressLine', () => {
  it.each([
    // done, total (null: still counting), elapsed ms, line
    [0, null, 0, '0 files'],
    [0, 500, 0, '0/500 files (0%)'],
    [1, 500, 40, '1/500 files (0%)'],
    [1, 500, 30_000, '1/500 files (0%) | 0.0 files/s'], // one slow file: a rate, but no ETA of hours
    [4, 500, 5_000, '4/500 files (0%) | 0.8 files/s'],
    [5, 500, 500, '5/500 files (1%)'], // five fast files, but under a second
    [5, 500, 1_000, '5/500 files (1%) | 5.0 files/s | ETA 1m39s'],
    [250, 500, 5_000, '250/500 files (50%) | 50.0 files/s | ETA 5s'],
    [120, null, 2_000, '120 files | 60.0 files/s'],
    [10, 100_000, 2_000, '10/100000 files (0%) | 5.0 files/s | ETA 5h33m'],
    [500, 500, 9_000, '500/500 files (100%) | 55.6 files/s'],
  ] as const)('%i done of %s after %i ms: %s', (done, total, elapsedMs, line) => {
    expect(progressLine({ done, total, elapsedMs })).toBe(line);
  });
});

describe('terminalProgress', () => {
  it('draws nothing before the first file, redraws over its own line, and clears it on stop', () => {
    let t = 0;
    const writes: string[] = [];
    const stream = { columns: 80, write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream;
    const p = terminalProgress(stream, () => t);
    expect(writes).toEqual([]);
    t = 200; p.tick();
    t = 250; p.setTotal(3); // within 100 ms of the last draw: not drawn
    t = 400; p.tick();
    p.stop();
    expect(writes).toEqual(['\r1 file', '\r2/3 files (66%)', `\r${' '.repeat(15)}\r`]);
  });
});
