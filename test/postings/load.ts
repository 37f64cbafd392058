/**
 * Loading the job-posting evaluation set (README.md here). The texts live outside the repository, in a cache rebuilt
 * by `tsx scripts/real.ts postings`; the recipes, labels and hashes are committed. Node-only, for tests and scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { half, sha16, type Recipe } from '../real/load.js';

export interface PostingSource {
  readonly id: string;
  readonly source: Recipe;
  readonly licence: string;
  readonly kind: string;
  readonly sha: string;
  /** The posting's title (for dataset rows, a field of its own: the text is the description). */
  readonly title: string;
  /** The role the labellers gave the posting, or null for a neighbour (phlebotomist, medical assistant). */
  readonly role: string | null;
  readonly neighbour: string | null;
}

export interface PostingLabels {
  readonly id: string;
  readonly required: readonly string[];
  readonly preferred: readonly string[];
  readonly years: readonly { readonly skill: string | null; readonly min: number; readonly required: boolean }[];
  readonly notes?: string;
}

export interface RankingRow {
  readonly posting: string;
  /** Best first; `resume` is a path in this repository or `real:<id>` (test/real's cache). */
  readonly order: readonly { readonly resume: string; readonly why: string }[];
}

export const postingsDir = (): string => process.env['RESUME_FIT_POSTINGS_DIR'] ?? join(homedir(), '.cache', 'resume-fit', 'postings');

const here = (f: string) => new URL(f, import.meta.url);
const jsonl = <T>(f: string): T[] => readFileSync(here(f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

export const postingSources = (): PostingSource[] => jsonl<PostingSource>('./manifest.jsonl');
export const postingLabels = (): PostingLabels[] => jsonl<PostingLabels>('./labels.jsonl');
export const rankingRows = (): RankingRow[] => jsonl<RankingRow>('./ranking.jsonl');

/** The frozen split: the same function of the id as test/real's (`split:<id>`), so nobody chooses. */
export const postingHalf = (id: string): 'dev' | 'test' => half(id);

export interface PostingSet {
  readonly postings: readonly (PostingSource & { readonly text: string; readonly half: 'dev' | 'test'; readonly labels: PostingLabels })[];
  /** Postings whose text is missing from the cache or differs from the recorded hash. */
  readonly missing: readonly string[];
}

/** The labelled postings with their texts, or only those the cache holds (`missing` names the rest). */
export function loadPostingSet(): PostingSet {
  const labels = new Map(postingLabels().map((l) => [l.id, l]));
  const postings = [];
  const missing: string[] = [];
  for (const s of postingSources()) {
    const file = join(postingsDir(), `${s.id}.txt`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const l = labels.get(s.id);
    if (text === undefined || sha16(text) !== s.sha || !l) { missing.push(s.id); continue; }
    postings.push({ ...s, text, half: postingHalf(s.id), labels: l });
  }
  return { postings, missing };
}
