/**
 * Job-posting figures (test/postings, issue 20): items asked (precision and recall over the labelled skills, whatever
 * their status), per status (required, preferred), required-vs-preferred right for the items found that are labelled,
 * and the years asked. Printed by `npm run eval` per half; only the dev half's errors are ever listed.
 */
import { compiledOf, createAnalyzer, type Analyzer } from '../src/analyze.js';
import { parsePostingWith, type JobPosting, type ParseHooks } from '../src/postings/parse.js';
import type { PostingSet } from '../test/postings/load.js';

export interface Prf { readonly tp: number; readonly fp: number; readonly fn: number; readonly precision: number | null; readonly recall: number | null }
export interface PostingFigures {
  readonly postings: number;
  /** Items found vs items labelled, status aside. */
  readonly items: Prf;
  readonly required: Prf;
  readonly preferred: Prf;
  /** Of the items found that are labelled: the status is the labelled one. */
  readonly statusRight: number | null;
  readonly statusCounts: { readonly right: number; readonly of: number };
  /** Years asked: (skill, years) pairs; and of those found, the status right. */
  readonly years: Prf & { readonly statusRight: number | null };
  readonly errors: readonly { readonly id: string; readonly falsePositives: readonly string[]; readonly falseNegatives: readonly string[]; readonly wrongStatus: readonly string[]; readonly years: string }[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const prf = (tp: number, fp: number, fn: number): Prf => ({ tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) });

/** The parser run on one posting of the set as an integration would: the title field and the text. */
export function parseSetPosting(analyzer: Analyzer, p: { title: string; text: string }, hooks?: ParseHooks): JobPosting {
  return parsePostingWith(compiledOf(analyzer)!, { title: p.title, description: p.text }, hooks);
}

export function postingFigures(set: PostingSet, half: 'dev' | 'test', analyzer: Analyzer = createAnalyzer(), hooks?: ParseHooks): PostingFigures {
  let itp = 0, ifp = 0, ifn = 0, rtp = 0, rfp = 0, rfn = 0, ptp = 0, pfp = 0, pfn = 0, right = 0, of = 0;
  let ytp = 0, yfp = 0, yfn = 0, yright = 0;
  const errors: PostingFigures['errors'][number][] = [];
  const postings = set.postings.filter((p) => p.half === half);
  for (const p of postings) {
    const parsed = parseSetPosting(analyzer, p, hooks);
    const found = new Map(parsed.items.map((i) => [i.id, i.status]));
    const req = new Set(p.labels.required);
    const pref = new Set(p.labels.preferred.filter((x) => !req.has(x)));
    const labelled = new Map<string, string>([...[...pref].map((x) => [x, 'preferred'] as const), ...[...req].map((x) => [x, 'required'] as const)]);
    const fps: string[] = [];
    const fns: string[] = [];
    const wrong: string[] = [];
    for (const [id, status] of found) {
      const want = labelled.get(id);
      if (want === undefined) { ifp++; fps.push(`${id} (${status})`); } else { itp++; of++; if (want === status) right++; else wrong.push(`${id}: ${status}, labelled ${want}`); }
      if (status === 'required') { if (req.has(id)) rtp++; else rfp++; } else if (pref.has(id)) ptp++; else pfp++;
    }
    for (const [id, want] of labelled) if (!found.has(id)) { ifn++; fns.push(`${id} (${want})`); }
    for (const id of req) if (found.get(id) !== 'required') rfn++;
    for (const id of pref) if (found.get(id) !== 'preferred') pfn++;
    const key = (skill: string | null, n: number): string => `${skill ?? '-'}:${n}`;
    const wantYears = new Map(p.labels.years.map((y) => [key(y.skill, y.min), y.required ? 'required' : 'preferred']));
    const gotYears = new Map(parsed.years.map((y) => [key(y.skill, y.years), y.status]));
    for (const [k, s] of gotYears) { const w = wantYears.get(k); if (w === undefined) yfp++; else { ytp++; if (w === s) yright++; } }
    for (const k of wantYears.keys()) if (!gotYears.has(k)) yfn++;
    const yearsErr = [...gotYears.keys()].filter((k) => !wantYears.has(k)).map((k) => `+${k}`).concat([...wantYears.keys()].filter((k) => !gotYears.has(k)).map((k) => `-${k}`)).join(' ');
    if (fps.length || fns.length || wrong.length || yearsErr) errors.push({ id: p.id, falsePositives: fps, falseNegatives: fns, wrongStatus: wrong, years: yearsErr });
  }
  return { postings: postings.length, items: prf(itp, ifp, ifn), required: prf(rtp, rfp, rfn), preferred: prf(ptp, pfp, pfn), statusRight: ratio(right, of), statusCounts: { right, of }, years: { ...prf(ytp, yfp, yfn), statusRight: ratio(yright, ytp) }, errors };
}

const pct = (x: number | null): string => (x === null ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);
const line = (name: string, f: Prf): string => `  ${name.padEnd(10)} precision ${pct(f.precision)}  recall ${pct(f.recall)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`;

export function formatPostings(half: string, f: PostingFigures, verbose = false): string {
  const out = [
    `-- ${half} half: ${f.postings} postings`,
    line('items', f.items),
    line('required', f.required),
    line('preferred', f.preferred),
    `  status right for items found: ${pct(f.statusRight)} (${f.statusCounts.right} of ${f.statusCounts.of})`,
    `${line('years', f.years)}; status right ${pct(f.years.statusRight)}`,
  ];
  if (verbose) for (const e of f.errors) out.push(`  ${e.id}: FP ${e.falsePositives.join(', ') || '-'} | FN ${e.falseNegatives.join(', ') || '-'} | status ${e.wrongStatus.join('; ') || '-'} | years ${e.years || '-'}`);
  return out.join('\n');
}
