/**
 * npm run bench: speed and memory of the built package on the fixed corpus in bench/corpus, reported as ratios
 * to a bare regex tokenizing pass (`text.toLowerCase().match(/[a-z0-9]+/g)`) over the same texts in the same run,
 * so the figures compare across machines. Never part of `npm test`.
 *
 * Prints a table and writes bench/results/latest.json (git-ignored).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAnalyzer, matchJob, parseJobPosting } from '../dist/index.js';

const here = import.meta.dirname;
const corpusDir = join(here, 'corpus');
const texts = readdirSync(corpusDir).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const avgKb = texts.reduce((a, t) => a + t.length, 0) / texts.length / 1024;

let sink = 0; // keeps results alive so nothing is optimised away
const bare = (t: string): void => { sink += t.toLowerCase().match(/[a-z0-9]+/g)?.length ?? 0; };

/** Median over `rounds` of the time per call of fn over every text, in microseconds. */
function perCall(fn: (t: string) => void, list: readonly string[], rounds: number): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const t of list) fn(t);
    times.push(((performance.now() - t0) * 1000) / list.length);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const analyzer = createAnalyzer();
const extract = (t: string): void => { sink += analyzer.extractSkills(t).length; };
const analyze = (t: string): void => { sink += analyzer.analyzeResume(t).roles.length; };
// matchJob against one posting parsed once (bench/posting.txt), as `resume-fit match --job` runs: issue 20 asks it to
// cost at most 2× analyzeResume on the same resume.
const posting = parseJobPosting(readFileSync(join(here, 'posting.txt'), 'utf8'), { analyzer });
const match = (t: string): void => { sink += matchJob(t, posting, { analyzer }).contributions.length; };
// Warm-up: JIT and the analyzer's stem memo, as in a batch that has seen a few resumes.
for (let i = 0; i < 20; i++) for (const t of texts) { bare(t); extract(t); analyze(t); match(t); }

// The three are measured round by round, interleaved (each over every text in its own loop, as a batch would run
// it), so the baseline and the library share the same conditions (CPU frequency, other load, GC state). Each round
// gives a ratio (library over bare in that round); the ratios reported are the medians of those, which a burst of
// load on a shared machine moves less than a ratio of two medians.
const rounds = 61;
const series3: Record<'bare' | 'extract' | 'analyze' | 'match', number[]> = { bare: [], extract: [], analyze: [], match: [] };
for (let r = 0; r < rounds; r++) {
  series3.bare.push(perCall(bare, texts, 1));
  series3.extract.push(perCall(extract, texts, 1));
  series3.analyze.push(perCall(analyze, texts, 1));
  series3.match.push(perCall(match, texts, 1));
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bareUs = med(series3.bare);
const extractUs = med(series3.extract);
const analyzeUs = med(series3.analyze);
const extractRatio = med(series3.extract.map((x, r) => x / series3.bare[r]!));
const analyzeRatios = series3.analyze.map((x, r) => x / series3.bare[r]!);
const analyzeRatio = med(analyzeRatios);
const matchUs = med(series3.match);
// matchJob over analyzeResume on the same resumes in the same round (target ≤ 2).
const matchVsAnalyze = med(series3.match.map((x, r) => x / series3.analyze[r]!));
// Spread of the baseline (interquartile range over median), and of the analysis ratio, to show how steady the run was.
const q = (xs: number[], f: number): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * f)]!;
const bareSpread = (q(series3.bare, 0.75) - q(series3.bare, 0.25)) / bareUs;
const ratioRange = [q(analyzeRatios, 0.25), q(analyzeRatios, 0.75)] as const;

// Compiling the default taxonomy (a fresh analyzer, cold memo), then its first resume.
const compileMs: number[] = [];
const firstMs: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  const a = createAnalyzer();
  const t1 = performance.now();
  sink += a.analyzeResume(texts[i % texts.length]!).roles.length;
  compileMs.push(t1 - t0);
  firstMs.push(performance.now() - t1);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Doubling series: time per call at 1 KB, 2 KB, ... and the ratio to the step before (about 2 means linear).
function series(name: string, make: (size: number) => string, fn: (t: string) => void, maxKb: number): { name: string; steps: { kb: number; ms: number; ratio: number | null }[] } {
  const steps: { kb: number; ms: number; ratio: number | null }[] = [];
  for (let kb = 1; kb <= maxKb; kb *= 2) {
    const text = make(kb * 1024);
    const reps = Math.max(3, Math.min(200, Math.round(2048 / kb)));
    fn(text);
    const ms = perCall(fn, [text], reps) / 1000;
    const prev = steps[steps.length - 1];
    steps.push({ kb, ms, ratio: prev ? ms / prev.ms : null });
  }
  return { name, steps };
}
const joined = texts.join('\n\n');
const ofSize = (src: string) => (size: number): string => { let s = src; while (s.length < size) s += `\n${src}`; return s.slice(0, size); };
const big = { maxInputLength: 4_000_000 };
const adversarial: Record<string, (size: number) => string> = {
  'one skill repeated': ofSize('EKG '),
  'one line, no spaces': ofSize('electrocardiogramBLSvitalsigns12-lead/'),
  'bullets only': ofSize('• CPR\n'),
  'dotted capitals': ofSize('E.M.T.B.P.'),
  'hyphens and line breaks': ofSize('electro-\ncardio-\n'),
  'mojibake and bidi': ofSize('â€“\u202eEKG\u200bâ€™ Ã© '),
};
const linear = [
  series('extractSkills, resume text', ofSize(joined), (t) => { sink += analyzer.extractSkills(t, big).length; }, 1024),
  series('analyzeResume, resume text', ofSize(joined), (t) => { sink += analyzer.analyzeResume(t, big).roles.length; }, 1024),
  ...Object.entries(adversarial).map(([name, make]) => series(`analyzeResume, adversarial: ${name}`, make, (t) => { sink += analyzer.analyzeResume(t, big).roles.length; }, 2048)),
];

// Memory: heap held by one analyzer after a batch (its memo), and the heap growth over a long batch.
globalThis.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const batch = createAnalyzer();
for (let i = 0; i < 50; i++) for (const t of texts) sink += batch.analyzeResume(t).roles.length;
globalThis.gc?.();
const heap1 = process.memoryUsage().heapUsed;
for (let i = 0; i < 50; i++) for (const t of texts) sink += batch.analyzeResume(t).roles.length;
globalThis.gc?.();
const heap2 = process.memoryUsage().heapUsed;

const results = {
  node: process.version,
  corpus: { resumes: texts.length, averageKb: Number(avgKb.toFixed(2)) },
  perResumeMicroseconds: { bare: Number(bareUs.toFixed(1)), bareInterquartileSpread: Number(bareSpread.toFixed(3)), extractSkills: Number(extractUs.toFixed(1)), analyzeResume: Number(analyzeUs.toFixed(1)) },
  ratios: { extractSkills: Number(extractRatio.toFixed(2)), analyzeResume: Number(analyzeRatio.toFixed(2)), analyzeResumeInterquartile: ratioRange.map((x) => Number(x.toFixed(2))), matchJobOverAnalyzeResume: Number(matchVsAnalyze.toFixed(2)) },
  matchJobMicroseconds: Number(matchUs.toFixed(1)),
  targets: { extractSkills: 3, analyzeResume: 8, matchJobOverAnalyzeResume: 2 },
  resumesPerSecondOneCore: { extractSkills: Math.round(1e6 / extractUs), analyzeResume: Math.round(1e6 / analyzeUs) },
  compileDefaultTaxonomyMs: Number(median(compileMs).toFixed(2)),
  firstResumeAfterCompileMs: Number(median(firstMs).toFixed(2)),
  memory: { analyzerAfterBatchKb: Math.round((heap1 - heap0) / 1024), growthOverNextBatchKb: Math.round((heap2 - heap1) / 1024), gcExposed: typeof globalThis.gc === 'function', rssMb: Math.round(process.memoryUsage().rss / 1048576) },
  linear,
};

const f = (n: number, d = 1): string => n.toFixed(d);
console.log(`resume-fit bench (${process.version}; ${texts.length} resumes, ${f(avgKb)} KB on average; medians of ${rounds} rounds)\n`);
console.log('per resume                      µs      × bare pass   target');
console.log(`bare regex pass            ${f(bareUs).padStart(8)}        1.00`);
console.log(`extractSkills              ${f(extractUs).padStart(8)}   ${f(extractRatio, 2).padStart(9)}   ≤ 3×    (${results.resumesPerSecondOneCore.extractSkills.toLocaleString('en-US')} resumes/s on one core)`);
console.log(`analyzeResume (8 roles)    ${f(analyzeUs).padStart(8)}   ${f(analyzeRatio, 2).padStart(9)}   ≤ 8×    (${results.resumesPerSecondOneCore.analyzeResume.toLocaleString('en-US')} resumes/s on one core)`);
console.log(`matchJob (parsed posting)  ${f(matchUs).padStart(8)}   ${f(matchUs / bareUs, 2).padStart(9)}   ≤ 2× analyzeResume: ${f(matchVsAnalyze, 2)}× (median of the rounds' ratios)`);
console.log(`(interleaved rounds; ratios are medians of the ${rounds} rounds' ratios, analyzeResume's middle half ${f(ratioRange[0], 2)}–${f(ratioRange[1], 2)}×;`);
console.log(` the baseline's interquartile spread is ${f(bareSpread * 100)}% of its median)`);
console.log(`\ncompile the default taxonomy: ${f(results.compileDefaultTaxonomyMs, 2)} ms (target < 20 ms); first resume after it: ${f(results.firstResumeAfterCompileMs, 2)} ms (cold stem memo)`);
console.log(`memory: analyzer after a batch ${results.memory.analyzerAfterBatchKb} KB heap; growth over the next ${50 * texts.length} resumes ${results.memory.growthOverNextBatchKb} KB${results.memory.gcExposed ? '' : ' (run with --expose-gc for exact figures)'}; RSS ${results.memory.rssMb} MB`);
console.log('\nlinear time: ms per call at each size, and the ratio to the size before (2.0 = linear)');
for (const s of linear) {
  const ratios = s.steps.slice(1).map((x) => x.ratio!);
  const worst = Math.max(...ratios.slice(2)); // the first doublings are dominated by fixed costs
  console.log(`  ${s.name.padEnd(48)} ${s.steps.map((x) => `${x.kb >= 1024 ? `${x.kb / 1024}M` : `${x.kb}K`}:${f(x.ms, 2)}`).join(' ')}`);
  console.log(`  ${''.padEnd(48)} ratios ${ratios.map((r) => f(r, 2)).join(' ')}; worst from 4 KB on: ${f(worst, 2)}`);
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
if (sink === -1) console.log('');
