/**
 * The format parity corpus (test/fixtures/parity): each resume as .md, .txt, .docx and .pdf, read through the CLI's
 * readers (src/node/read.ts) and analysed, then compared across formats and with the entries written down by hand
 * in expected.json. Used by test/parity.test.ts; `npx tsx scripts/parity.ts` prints the table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, type AnalysisReport } from '../src/index.js';
import { readResumeFile } from '../src/node/read.js';

export const PARITY_DIR = fileURLToPath(new URL('../test/fixtures/parity/', import.meta.url));
export const FORMATS = ['md', 'txt', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface ExpectedEntry { readonly title: string; readonly employer: string; readonly start: string; readonly end: string }
export interface Expected { readonly asOf: string; readonly resumes: Readonly<Record<string, { readonly layout: string; readonly entries: readonly ExpectedEntry[] }>> }

export function loadExpected(): Expected {
  return JSON.parse(readFileSync(join(PARITY_DIR, 'expected.json'), 'utf8')) as Expected;
}

export function parityNames(): string[] {
  return readdirSync(PARITY_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
}

/** A title or employer read across a wrapped line holds the line break (the report quotes the text as written). */
export const squash = (s: string | null): string | null => (s === null ? null : s.replace(/\s+/g, ' ').trim());

export interface FormatResult {
  readonly format: Format;
  readonly skills: readonly string[];
  readonly scores: Readonly<Record<string, number>>;
  readonly entries: readonly { readonly title: string | null; readonly employer: string | null; readonly from: string | null; readonly to: string | null }[];
}

export interface ResumeResult {
  readonly name: string;
  readonly formats: readonly FormatResult[];
  /** The largest difference of one role's score between two formats. */
  readonly spread: number;
  /** Expected entries found exactly (title, employer, dates), summed over the formats, and the number looked for. */
  readonly right: number;
  readonly total: number;
}

function summarize(format: Format, report: AnalysisReport): FormatResult {
  const scores: Record<string, number> = {};
  for (const r of report.roles) scores[r.id] = r.score;
  return {
    format,
    skills: report.skills.map((s) => s.id).sort(),
    scores,
    entries: report.experience.map((e) => ({ title: squash(e.title), employer: squash(e.employer), from: e.from, to: e.to })),
  };
}

export async function runParity(): Promise<ResumeResult[]> {
  const expected = loadExpected();
  const analyzer = createAnalyzer();
  const out: ResumeResult[] = [];
  for (const name of parityNames()) {
    const formats: FormatResult[] = [];
    for (const format of FORMATS) {
      const input = await readResumeFile(join(PARITY_DIR, `${name}.${format}`));
      if (input.kind !== 'text') throw new Error(`${name}.${format} is not read as text`);
      formats.push(summarize(format, analyzer.analyzeResume(input.text, { asOf: expected.asOf })));
    }
    let spread = 0;
    for (const id of Object.keys(formats[0]!.scores)) {
      const v = formats.map((f) => f.scores[id]!);
      spread = Math.max(spread, Math.max(...v) - Math.min(...v));
    }
    const want = expected.resumes[name]?.entries ?? [];
    let right = 0;
    for (const f of formats) {
      for (const w of want) {
        if (f.entries.some((e) => e.title === w.title && e.employer === w.employer && e.from === w.start && e.to === w.end)) right++;
      }
    }
    out.push({ name, formats, spread: Math.round(spread * 100) / 100, right, total: want.length * formats.length });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runParity();
  const rows = results.map((r) => `| ${r.name} | ${r.spread.toFixed(2)} | ${r.right}/${r.total} | ${FORMATS.map((f) => r.formats.find((x) => x.format === f)!.entries.length).join(' / ')} |`);
  const right = results.reduce((a, r) => a + r.right, 0);
  const total = results.reduce((a, r) => a + r.total, 0);
  console.log('| resume | score spread (max over roles) | entries right | entries found md / txt / docx / pdf |\n|---|---:|---:|---|');
  console.log(rows.join('\n'));
  console.log(`| all | ${Math.max(...results.map((r) => r.spread)).toFixed(2)} | ${right}/${total} (${((100 * right) / total).toFixed(1)}%) | |`);
  if (process.argv.includes('--entries')) {
    for (const r of results) for (const f of r.formats) console.log(r.name, f.format, JSON.stringify(f.entries));
  }
}
