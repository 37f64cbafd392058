/**
 * The public runtime API is exactly this list, in the source and in every built entry: adding or removing an
 * export must be a deliberate edit here (and a CHANGELOG line), never a side effect of a refactor. Types are
 * checked by test/package.test.ts (a consumer compiled against the installed .d.ts files).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import { requireBuilt } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Each export with what it is: functions, classes (errors) and plain values. */
const EXPORTS: Readonly<Record<string, 'function' | 'class' | 'number' | 'object'>> = {
  DEFAULT_MAX_INPUT_LENGTH: 'number',
  InvalidInputError: 'class',
  InvalidOptionsError: 'class',
  RESPONSIBILITY_THRESHOLD: 'number',
  ResumeFitError: 'class',
  TaxonomyError: 'class',
  analyzeResume: 'function',
  compareRoles: 'function',
  createAnalyzer: 'function',
  defaultTaxonomy: 'object',
  extractSkills: 'function',
  isResumeFitError: 'function',
  listRoles: 'function',
  matchJob: 'function',
  parseJobPosting: 'function',
  renderJsonResume: 'function',
  validateTaxonomy: 'function',
};
const NAMES = Object.keys(EXPORTS).sort();

function kindOf(value: unknown): string {
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
  return typeof value;
}

function describeExports(mod: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(mod).sort().map((k) => [k, kindOf(mod[k])]));
}

const BUILT: readonly { name: string; file: string; load: (path: string) => Promise<Record<string, unknown>> }[] = [
  { name: 'dist/index.js (ESM)', file: 'dist/index.js', load: (p) => import(pathToFileURL(p).href) },
  { name: 'dist/index.cjs (CommonJS)', file: 'dist/index.cjs', load: async (p) => require(p) as Record<string, unknown> },
  { name: 'dist/browser/resume-fit.js (browser bundle)', file: 'dist/browser/resume-fit.js', load: (p) => import(pathToFileURL(p).href) },
];

describe('public runtime exports', () => {
  it('src/index.ts exports exactly the intended names, each of the intended kind', () => {
    expect(Object.keys(source).sort()).toEqual(NAMES);
    expect(describeExports(source)).toEqual(EXPORTS);
  });

  it('the constants keep their documented values', () => {
    expect(source.DEFAULT_MAX_INPUT_LENGTH).toBe(2_000_000);
    expect(source.RESPONSIBILITY_THRESHOLD).toBeGreaterThan(0);
    expect(source.RESPONSIBILITY_THRESHOLD).toBeLessThan(1);
  });

  it('the error classes form one hierarchy under ResumeFitError', () => {
    for (const E of [source.InvalidInputError, source.InvalidOptionsError, source.TaxonomyError]) {
      expect(E.prototype).toBeInstanceOf(source.ResumeFitError);
    }
    expect(source.ResumeFitError.prototype).toBeInstanceOf(Error);
  });

  it.each(BUILT)('$name exports the same names and kinds as the source', async ({ file, load }) => {
    const path = join(repo, file);
    requireBuilt(file);
    const mod = await load(path);
    // Object.keys, not `in`: a CommonJS build must not leak "default" or "__esModule" as enumerable keys.
    expect(Object.keys(mod).sort()).toEqual(NAMES);
    expect(describeExports(mod)).toEqual(EXPORTS);
    expect(mod.DEFAULT_MAX_INPUT_LENGTH).toBe(source.DEFAULT_MAX_INPUT_LENGTH);
    expect(mod.RESPONSIBILITY_THRESHOLD).toBe(source.RESPONSIBILITY_THRESHOLD);
  });
});
