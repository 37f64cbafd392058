/**
 * Set-ups shared by the test files: one analyzer of the default taxonomy, `found` for skill ids with flags,
 * `thrown` for the error a call throws, the "contributions add up" check, and the "dist is built" guard.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createAnalyzer, type RoleFit } from '../src/index.js';

export const ROOT = join(import.meta.dirname, '..');

/** The default taxonomy's analyzer, compiled once per test file. */
export const analyzer = createAnalyzer();

/** Skill ids found in text, with flags: "ekg", "ekg!neg", "bls!hedge". */
export function found(text: string): string[] {
  return analyzer.extractSkills(text).map((s) => {
    const e = s.evidence[0]!;
    return s.id + (e.negated ? '!neg' : e.hedged ? '!hedge' : '');
  });
}

/** What `f` throws; fails the test when it throws nothing. */
export function thrown<E = unknown>(f: () => unknown): E {
  try {
    f();
  } catch (e) {
    return e as E;
  }
  throw new Error('expected a throw');
}

/** A fit's contributions add up exactly to its score, in hundredths, and each earns something. */
export function expectContributionsAddUp(fit: RoleFit): void {
  const hundredths = fit.contributions.reduce((a, c) => a + Math.round(c.points * 100), 0);
  expect(hundredths, `${fit.id}: contributions vs score`).toBe(Math.round(fit.score * 100));
  expect(fit.contributions.filter((c) => !(c.points > 0)), `${fit.id}: contributions without points`).toEqual([]);
}

/** Throws, naming the command that makes them, when built files (paths from the repository root) are missing. */
export function requireBuilt(...files: string[]): void {
  const missing = files.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: run npm run build (npm test does it first)`);
}
