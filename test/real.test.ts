/**
 * The real-resume set (test/real/README.md): its shape always, and floors on the frozen test half when the texts are
 * in the cache (`npx tsx scripts/real.ts build`). The floors are the targets; the test half's errors are
 * never printed here, only its figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFigures } from '../scripts/eval-real.js';
import { defaultTaxonomy } from '../src/index.js';
import { half, loadRealSet, realDir, type RealLine, type RealResume } from './real/load.js';

const jsonl = <T>(f: string): T[] => readFileSync(new URL(f, import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const sources = jsonl<RealResume>('./real/sources.jsonl');
const labels = jsonl<RealLine>('./real/lines.jsonl');
const skillIds = new Set(defaultTaxonomy.skills.map((s) => s.id));
const roleIds = new Set(defaultTaxonomy.roles.map((r) => r.id));

/** Issue 19's targets for the test half (not all met yet: see FLOORS). */
export const TARGETS = { precision: 0.95, recall: 0.9, hardNegativesClean: 0.95, top1: 0.85, nonHealthMax: 15 };
/**
 * What CI holds the test half to: the figures reached, rounded down, so a regression fails. Raised as the matcher
 * improves; never lowered to let a change through. Re-based once, on 2026-12-04, when the labels were double-annotated
 * (test/real/README.md): the same code (e5d8607) measured recall 0.785 on the first labels and 0.695 on the
 * adjudicated ones, which credit more; the floors were then set from the figures on the adjudicated labels.
 */
export const FLOORS = { precision: 0.8, recall: 0.7, hardNegativesClean: 0.94, top1: 0.85, nonHealthMax: 45 };

describe('the real-resume set', () => {
  it('is as large as issue 19 asks (1,500 lines, 300 resumes, 400 hard negatives, 200 non-health), with every non-health resume labelled for health history', () => {
    expect(labels.length).toBeGreaterThanOrEqual(1500);
    expect(sources.length).toBeGreaterThanOrEqual(300);
    expect(labels.filter((l) => !l.skills.length && !l.negated.length && !l.hedged.length).length).toBeGreaterThanOrEqual(400);
    expect(sources.filter((s) => s.group === 'nonhealth').length).toBeGreaterThanOrEqual(200);
    for (const s of sources.filter((x) => x.group === 'nonhealth')) expect(typeof s.healthHistory, s.id).toBe('boolean');
  });

  it('has the resumes with a clear role found so far (issue 19 asks 60; public repositories gave 21)', () => {
    expect(sources.filter((s) => s.role).length).toBeGreaterThanOrEqual(24);
  });

  it('has unique ids, known skills and roles, a recipe and hash for every resume, and lines of known resumes', () => {
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
    const ids = new Set(sources.map((s) => s.id));
    for (const s of sources) {
      expect(s.sha, s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(s.source.commit, s.id).toMatch(/^[0-9a-f]{40}$/);
      expect(s.source.repo, s.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      if (s.role) expect(roleIds.has(s.role), `${s.id}: ${s.role}`).toBe(true);
      for (const r of s.acceptable ?? []) expect(roleIds.has(r), `${s.id}: ${r}`).toBe(true);
      expect(s.role === undefined || s.group !== 'nonhealth', s.id).toBe(true);
    }
    for (const l of labels) {
      expect(ids.has(l.resume), l.id).toBe(true);
      expect(l.id).toBe(`${l.resume}#${l.line}`);
      for (const k of [...l.skills, ...l.negated, ...l.hedged]) expect(skillIds.has(k), `${l.id}: ${k}`).toBe(true);
      for (const k of l.negated) expect(l.skills, l.id).not.toContain(k);
      for (const k of l.hedged) expect([...l.skills, ...l.negated], l.id).not.toContain(k);
    }
  });

  it('splits by resume into halves of similar size, by a fixed function of the id', () => {
    const test = sources.filter((s) => half(s.id) === 'test').length;
    expect(test / sources.length).toBeGreaterThan(0.4);
    expect(test / sources.length).toBeLessThan(0.6);
    expect(half('ha-001')).toBe(half('ha-001'));
  });

  const set = loadRealSet();
  const present = set.resumes.length > 0;
  if (!present) console.log(`real-resume set: texts not in ${realDir()}; run \`npx tsx scripts/real.ts build\` to measure the test half (skipped)`);
  it.skipIf(!present)('holds its floors on the frozen test half', () => {
    const f = realFigures(set, 'test');
    expect(f.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(f.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(f.hardNegativesClean).toBeGreaterThanOrEqual(FLOORS.hardNegativesClean);
    expect(f.top1).toBeGreaterThanOrEqual(FLOORS.top1);
    expect(f.nonHealthMax ?? 0).toBeLessThanOrEqual(FLOORS.nonHealthMax);
  });
});
