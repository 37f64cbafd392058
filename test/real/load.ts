/**
 * Loading the real-resume evaluation set (see README.md here). The texts live outside the repository, in a cache
 * rebuilt by `tsx scripts/real.ts build`; the labels and recipes are committed. Node-only, for tests and scripts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Extract = 'text' | 'pdf' | 'docx' | 'json-resume' | 'json' | 'jsonl' | 'csv' | 'html' | 'strings';

/** Where one resume's text comes from: a file at a commit of a public repository, and how to read it. */
export interface Recipe {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly extract: Extract | 'zip';
  /** zip: the file inside the archive, and how to read it (default text). */
  readonly entry?: string;
  readonly inner?: Extract;
  /** json, jsonl and json-resume: a JSON pointer to the text (or the resume object). */
  readonly pointer?: string;
  /** csv: the column holding the text; csv and jsonl: the row (csv rows count the header as 0). */
  readonly column?: string;
  readonly row?: number;
}

export interface RealResume {
  readonly id: string;
  readonly group: 'health' | 'service' | 'nonhealth';
  readonly source: Recipe;
  readonly licence: string;
  readonly sha: string;
  /** The title the writer gives themselves (or their latest job's), which sets the expected role. */
  readonly title: string;
  /** Expected best role (health resumes with a clear role only), and roles also accepted as best. */
  readonly role?: string;
  readonly acceptable?: readonly string[];
  /**
   * Non-health resumes: the text shows the writer's own health-care work, training or credential at some time (a former
   * EMT now a developer). Labelled from the text before any run; such a resume may fairly score on a health role.
   */
  readonly healthHistory?: boolean;
}

export interface RealLine {
  readonly id: string;
  readonly resume: string;
  readonly line: number;
  readonly sha: string;
  readonly skills: readonly string[];
  readonly negated: readonly string[];
  readonly hedged: readonly string[];
}

export const realDir = (): string => process.env['RESUME_FIT_REAL_DIR'] ?? join(homedir(), '.cache', 'resume-fit', 'real');
export const mirrorsDir = (): string => process.env['RESUME_FIT_MIRRORS'] ?? '/work/.mirror';
export const sha16 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The frozen split, by resume: a fixed function of the id, so nobody chooses which resumes are test. */
export const half = (resumeId: string): 'dev' | 'test' => (parseInt(sha16(`split:${resumeId}`).slice(0, 8), 16) % 2 === 0 ? 'dev' : 'test');

const here = (f: string) => new URL(f, import.meta.url);
const jsonl = <T>(f: string): T[] => readFileSync(here(f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

export interface RealSet {
  readonly resumes: readonly (RealResume & { readonly text: string; readonly half: 'dev' | 'test' })[];
  readonly lines: readonly (RealLine & { readonly text: string; readonly half: 'dev' | 'test' })[];
  /** Resumes whose text is missing from the cache or differs from the recorded hash. */
  readonly missing: readonly string[];
}

/** The set with its texts, or only what the cache holds (`missing` names the rest). */
export function loadRealSet(): RealSet {
  const sources = jsonl<RealResume>('./sources.jsonl');
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const s of sources) {
    const file = join(realDir(), 'resumes', `${s.id}.txt`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (text === undefined || sha16(text) !== s.sha) missing.push(s.id);
    else texts.set(s.id, text);
  }
  const resumes = sources.filter((s) => texts.has(s.id)).map((s) => ({ ...s, text: texts.get(s.id)!, half: half(s.id) }));
  const lines = [];
  for (const l of jsonl<RealLine>('./lines.jsonl')) {
    const text = texts.get(l.resume)?.split('\n')[l.line]?.trim();
    if (text === undefined || sha16(text) !== l.sha) continue;
    lines.push({ ...l, text, half: half(l.resume) });
  }
  return { resumes, lines, missing };
}
