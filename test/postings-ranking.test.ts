/**
 * The posting ranking set (test/postings/ranking.jsonl): for each of 10 real postings, resumes in the order written
 * down before any run (the right role with the asked credential, the right role without it, a neighbour role, a
 * non-health resume). matchJob must keep every pair in that order; a pair marked "may tie" may come either way.
 * Needs the posting texts (and test/real's for `real:` resumes); skipped, with one line, without them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchJob, parseJobPosting, type JsonResume } from '../src/index.js';
import { loadPostingSet, postingsDir, rankingRows } from './postings/load.js';
import { realDir } from './real/load.js';

const ROOT = join(import.meta.dirname, '..');
const AS_OF = '2026-06-30';

function resumeInput(ref: string): string | JsonResume | null {
  const file = ref.startsWith('real:') ? join(realDir(), 'resumes', `${ref.slice(5)}.txt`) : join(ROOT, ref);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? (JSON.parse(text) as JsonResume) : text;
}

const short = (ref: string): string => ref.replace(/^real:/, '').replace(/^.*\//, '').replace(/\.\w+$/, '');
/** "may tie with ha-04": the two may come in either order. */
const mayTie = (a: { resume: string; why: string }, b: { resume: string; why: string }): boolean =>
  /may tie/i.test(a.why) && a.why.includes(short(b.resume).split('-').slice(0, 2).join('-')) || /may tie/i.test(b.why) && b.why.includes(short(a.resume).split('-').slice(0, 2).join('-'));

const set = loadPostingSet();
const byId = new Map(set.postings.map((p) => [p.id, p]));
const rows = rankingRows();
if (!set.postings.length) console.log(`posting ranking set: texts not in ${postingsDir()}; run \`npx tsx scripts/real.ts postings\` (skipped)`);

describe('the posting ranking set', () => {
  it('has 10 postings with at least 4 resumes each, every posting in the manifest', () => {
    expect(rows.length).toBe(10);
    for (const r of rows) expect(r.order.length, r.posting).toBeGreaterThanOrEqual(4);
  });

  /** Pairs in the written order (a "may tie" pair counts as in order either way), over every row with its texts. */
  function rank(): { pairs: number; right: number; passing: string[]; wrong: string[] } {
    let pairs = 0;
    let right = 0;
    const passing: string[] = [];
    const wrong: string[] = [];
    for (const row of rows) {
      const posting = byId.get(row.posting);
      if (!posting) continue;
      const parsed = parseJobPosting({ title: posting.title, description: posting.text });
      const scored = row.order.flatMap((o) => {
        const input = resumeInput(o.resume);
        return input === null ? [] : [{ ...o, score: matchJob(input, parsed, { asOf: AS_OF }).score }];
      });
      let ok = true;
      for (let i = 0; i < scored.length; i++) {
        for (let j = i + 1; j < scored.length; j++) {
          const a = scored[i]!;
          const b = scored[j]!;
          pairs++;
          if (a.score >= b.score || mayTie(a, b)) right++;
          else { ok = false; wrong.push(`${row.posting}: ${short(a.resume)} (${a.score}) below ${short(b.resume)} (${b.score})`); }
        }
      }
      if (ok) passing.push(row.posting);
    }
    return { pairs, right, passing, wrong };
  }

  // Issue 20 asks every row in order; reached so far: the rows below in full and RANK_FLOOR of the pairs. The
  // floor and the list are what CI holds (raised as the matcher improves, never lowered to let a change through).
  // 96 of 106 pairs (0.906) when set on the postings branch; 93 of 106 (0.877) once merged with the accuracy
  // issue's taxonomy changes (course certificates, new aliases), which move some resumes' scores. Raise, never lower.
  const RANK_FLOOR = 0.87;
  const PASSING = ['jp-008', 'jp-015', 'jp-033'];
  it.skipIf(!set.postings.length)('keeps the pairs in the written order (the rows that pass in full, and a floor over all pairs)', () => {
    const r = rank();
    console.log(`posting ranking set: ${r.right} of ${r.pairs} pairs in order; rows in full: ${r.passing.join(", ")}`);
    expect(r.passing).toEqual(expect.arrayContaining(PASSING));
    expect(r.right / r.pairs, r.wrong.join('\n')).toBeGreaterThanOrEqual(RANK_FLOOR);
  });
});
