/**
 * The inputs of `resume-fit analyze`, produced lazily in a deterministic order: each argument in turn; a
 * folder is walked depth-first with its entries sorted by name (code-unit order, not locale), keeping files
 * with a resume extension and skipping hidden entries and symbolic links to folders (no loops); a glob
 * (`*`, `?`, `**`, `[abc]`, `{a,b}`) is matched under its static prefix the same way. Only one folder
 * listing is held at a time per level, so memory does not grow with the size of the corpus.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { RESUME_EXTENSIONS } from '../node/read.js';

export interface InputItem {
  /** The path as reported in the output (`-` for standard input). */
  readonly file: string;
  /**
   * What --shard hashes: the path relative to the folder or glob base it was found under, or the argument
   * itself for a file named directly, so machines that mount the corpus at different places agree.
   */
  readonly shardKey: string;
  /** An argument that produced no input (a glob matching nothing). */
  readonly error?: { readonly code: string; readonly message: string };
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));
const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** A glob (already relative to its base) as a regular expression over posix relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '{') { braces++; re += '(?:'; }
    else if (ch === '}' && braces > 0) { braces--; re += ')'; }
    else if (ch === ',' && braces > 0) re += '|';
    else re += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Splits a glob into the folder to walk (its segments without wildcards) and the pattern under it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = toPosix(pattern).split('/');
  const firstMagic = parts.findIndex((p) => GLOB_CHARS.test(p));
  const baseParts = parts.slice(0, firstMagic);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, rest: parts.slice(firstMagic).join('/') };
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function isFileEntry(dir: string, d: Dirent): Promise<boolean> {
  if (d.isFile()) return true;
  if (!d.isSymbolicLink()) return false;
  try { return (await stat(join(dir, d.name))).isFile(); } catch { return false; }
}

/**
 * Files under `root` (posix paths relative to it), sorted, depth-first. `accept` filters files, `descend`
 * prunes folders (both get the relative path).
 */
async function* walk(root: string, rel: string, accept: (rel: string) => boolean, descend: (rel: string) => boolean): AsyncGenerator<string> {
  const dir = rel ? join(root, rel) : root;
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // a folder that vanished or cannot be listed mid-walk contributes nothing
  }
  entries.sort(byName);
  for (const d of entries) {
    if (d.name.startsWith('.')) continue;
    const childRel = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (descend(childRel)) yield* walk(root, childRel, accept, descend);
    } else if (accept(childRel) && (await isFileEntry(dir, d))) yield childRel;
  }
}

const isResume = (rel: string): boolean => RESUME_EXTENSIONS.has(extname(rel).toLowerCase());

export async function* expandInputs(args: readonly string[]): AsyncGenerator<InputItem> {
  for (const arg of args) {
    if (arg === '-') { yield { file: '-', shardKey: '-' }; continue; }
    let st: Awaited<ReturnType<typeof stat>> | null = null;
    try { st = await stat(arg); } catch { st = null; }
    if (st?.isDirectory()) {
      for await (const rel of walk(arg, '', isResume, () => true)) yield { file: join(arg, rel), shardKey: rel };
    } else if (!st && isGlob(arg)) {
      const { base, rest } = splitGlob(arg);
      const re = globToRegExp(rest);
      const depth = rest.includes('**') ? Infinity : rest.split('/').length;
      let n = 0;
      for await (const rel of walk(base, '', (r) => re.test(r), (r) => r.split('/').length < depth)) {
        n++;
        yield { file: base === '.' && !arg.startsWith('./') ? rel : join(base, rel), shardKey: rel };
      }
      if (n === 0) yield { file: arg, shardKey: arg, error: { code: 'ERR_NO_MATCH', message: 'resume-fit: no file matches this pattern.' } };
    } else {
      // A file, or a path that does not exist: the reader reports it as an error record in its place.
      yield { file: arg, shardKey: toPosix(arg) };
    }
  }
}

/** FNV-1a (32 bit) of the UTF-8 bytes of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Shard { readonly index: number; readonly count: number }

export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || fnv1a(key) % shard.count === shard.index;
}

/** "I/N" with 0 <= I < N, or null. */
export function parseShard(s: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index < count && count <= 1_000_000 ? { index, count } : null;
}

