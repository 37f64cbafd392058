/**
 * Issue 20 asks whether compromise earns its place on postings: sentence and requirement-clause detection, and
 * number / "years" parsing. This runs the posting parser on the labelled postings' DEV half three ways (hand rules;
 * compromise's sentences for clauses; compromise's numbers for years) and prints the figures and the time per
 * posting. The test half is not used for the choice. Run: npx tsx scripts/posting-compromise.ts
 */
import nlp from 'compromise';
import { createAnalyzer } from '../src/analyze.js';
import { handYears, type ParseHooks } from '../src/postings/parse.js';
import { loadPostingSet, postingsDir } from '../test/postings/load.js';
import { postingFigures, type PostingFigures } from './eval-postings.js';

type Doc = ReturnType<typeof nlp>;
interface Offset { offset: { start: number; length: number } }

/** Clauses: compromise's sentences of the line, each with its offsets. */
function compromiseClauses(line: string): [number, number][] {
  if (!line.trim()) return [];
  const out: [number, number][] = [];
  for (const s of (nlp(line) as Doc).sentences().json({ offset: true }) as Offset[]) out.push([s.offset.start, s.offset.start + s.offset.length]);
  return out.length ? out : [[0, line.length]];
}

/** Years: compromise's numbers ("one", "2+", "six") followed by a year or month unit. */
function compromiseYears(clause: string): { years: number; start: number; end: number }[] {
  const out: { years: number; start: number; end: number }[] = [];
  for (const n of (nlp(clause) as Doc).numbers().json({ offset: true }) as (Offset & { number?: { num?: number } })[]) {
    const value = n.number?.num;
    if (typeof value !== 'number' || !(value > 0)) continue;
    const end = n.offset.start + n.offset.length;
    const unit = /^\s*(?:\+|plus\b)?\s*(?:(?:-|–|to|or)\s*\d{1,2}\s*)?(?:\+\s*)?(?:or more\s+)?(years?|yrs?|months?|mos?)\b(?!\s+(?:of\s+)?(?:age|old)\b)/i.exec(clause.slice(end));
    if (!unit) continue;
    out.push({ years: /^mo/i.test(unit[1]!) ? Math.round((value / 12) * 100) / 100 : value, start: n.offset.start, end: end + unit[0].length });
  }
  return out;
}

const set = loadPostingSet();
if (!set.postings.length) { console.log(`no texts in ${postingsDir()}: run npx tsx scripts/real.ts postings`); process.exit(0); }
const analyzer = createAnalyzer();
const variants: [string, ParseHooks | undefined][] = [
  ['hand rules', undefined],
  ['compromise clauses', { clauses: compromiseClauses }],
  ['compromise years', { years: compromiseYears }],
  ['compromise both', { clauses: compromiseClauses, years: compromiseYears }],
];
const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
for (const [name, hooks] of variants) {
  postingFigures(set, 'dev', analyzer, hooks); // warm-up
  const t0 = performance.now();
  const f: PostingFigures = postingFigures(set, 'dev', analyzer, hooks);
  const ms = (performance.now() - t0) / f.postings;
  console.log(`${name.padEnd(20)} items P ${pct(f.items.precision)} R ${pct(f.items.recall)}  status right ${pct(f.statusRight)}  years P ${pct(f.years.precision)} R ${pct(f.years.recall)} status ${pct(f.years.statusRight)}  ${ms.toFixed(2)} ms/posting`);
}
void handYears;
