/**
 * npx tsx bench/cli.ts: throughput and memory of the BUILT CLI (run `npm run build` first).
 *
 * 1. 10,000 resume files (the 40 bench/corpus resumes, ~5 KB, each made unique) analysed with --jobs 1 and
 *    --jobs 2 (--format csv, so the figure is reading and scoring, not JSON serialisation), and once with
 *    --format jsonl (the full reports) for comparison: files per second, the speed-up from the second
 *    worker, and peak resident memory of the whole process (worker threads included).
 * 2. Flat memory: 100,000 small files in 100 folders, analysed to --format jsonl; peak RSS for the first
 *    10,000 and for all 100,000 (the goal is under 300 MB, and about the same for both).
 *
 * Peak RSS comes from /usr/bin/time -v when present, else from polling VmHWM in /proc/<pid>/status.
 * Options: --files N (default 10000), --flat N (default 100000, 0 skips it), --keep (keep the temp folder).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resumeText } from '../test/cli/fixtures.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
const arg = (name: string, def: number): number => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : def; };
const nFiles = arg('--files', 10_000);
const nFlat = arg('--flat', 100_000);
const keep = process.argv.includes('--keep');
const hasTime = existsSync('/usr/bin/time');

interface Measure { seconds: number; peakMb: number; cpu: number | null; code: number | null; summary: string }

/** Runs the CLI, measuring wall time and peak RSS. */
function measure(args: readonly string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-v', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, argv as string[], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    let polled = 0;
    const timer = hasTime ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) polled = Math.max(polled, Number(m[1]) / 1024);
      } catch { /* exited */ }
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakMb = m ? Number(m[1]) / 1024 : polled;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : null;
      resolve({ seconds, peakMb, cpu, code, summary: stderr.split('\n').find((l) => l.startsWith('resume-fit:')) ?? '' });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'resume-fit-bench-'));
const corpusDir = join(root, 'bench', 'corpus');
const texts = readdirSync(corpusDir).sort().map((f) => ({ ext: f.endsWith('.md') ? 'md' : 'txt', text: readFileSync(join(corpusDir, f), 'utf8') }));

const big = join(work, 'big');
mkdirSync(big);
for (let i = 0; i < nFiles; i++) {
  const t = texts[i % texts.length]!;
  writeFileSync(join(big, `r${String(i).padStart(6, '0')}.${t.ext}`), `${t.text}\nReference number ${i}\n`);
}
const avgKb = texts.reduce((a, t) => a + t.text.length, 0) / texts.length / 1024;

const rows: string[] = [];
// CPU ms per file (user + sys, all threads) shows the cost independent of other load on the machine.
const line = (label: string, n: number, m: Measure): string => `| ${label} | ${n} | ${m.seconds.toFixed(1)} s | ${(n / m.seconds).toFixed(0)} | ${m.cpu === null ? 'n/a' : ((m.cpu * 1000) / n).toFixed(2)} | ${m.peakMb.toFixed(0)} MB |`;
const HEAD = '| run | files | wall time | files/s | CPU ms/file | peak RSS |\n|---|---:|---:|---:|---:|---:|';
console.log(`CLI bench: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), Node ${process.version}, ${nFiles} files of ~${avgKb.toFixed(1)} KB, peak RSS via ${hasTime ? '/usr/bin/time -v' : '/proc VmHWM polling'}\n`);
const j1 = await measure(['analyze', big, '--format', 'csv', '--out', '/dev/null', '--jobs', '1']);
const j2 = await measure(['analyze', big, '--format', 'csv', '--out', '/dev/null', '--jobs', '2']);
const jl = await measure(['analyze', big, '--format', 'jsonl', '--out', '/dev/null', '--jobs', '2']);
for (const m of [j1, j2, jl]) if (m.code !== 0) throw new Error(`the CLI failed: ${m.summary}`);
rows.push(line('csv, --jobs 1', nFiles, j1), line('csv, --jobs 2', nFiles, j2), line('jsonl (full reports), --jobs 2', nFiles, jl));
console.log(HEAD);
console.log(rows.join('\n'));
console.log(`\nSpeed-up from the second worker (csv): ${(j1.seconds / j2.seconds).toFixed(2)}x`);

if (nFlat > 0) {
  const flat = join(work, 'flat');
  const folders = 100;
  for (let i = 0; i < nFlat; i++) {
    const d = join(flat, `d${String(i % folders).padStart(3, '0')}`);
    if (i < folders) mkdirSync(d, { recursive: true });
    writeFileSync(join(d, `r${String(i).padStart(6, '0')}.txt`), resumeText(i));
  }
  const tenth = readdirSync(flat).sort().slice(0, folders / 10).map((d) => join(flat, d));
  const small = await measure(['analyze', ...tenth, '--format', 'jsonl', '--out', '/dev/null', '--jobs', '2']);
  const all = await measure(['analyze', flat, '--format', 'jsonl', '--out', '/dev/null', '--jobs', '2']);
  for (const m of [small, all]) if (m.code !== 0) throw new Error(`the CLI failed: ${m.summary}`);
  console.log(`\nFlat memory (small files, jsonl, --jobs 2):\n${HEAD}`);
  console.log(line('10% of the folders', nFlat / 10, small));
  console.log(line('all folders', nFlat, all));
  console.log(`\nPeak RSS ratio (all / 10%): ${(all.peakMb / small.peakMb).toFixed(2)}; goal: under 300 MB -> ${all.peakMb < 300 ? 'met' : 'NOT met'}`);
}
if (keep) console.log(`\nkept ${work}`); else rmSync(work, { recursive: true, force: true });
