import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, EVAL_DIR, loadEvalSet, type EvalResults, type EvalSet } from '../scripts/eval.js';
import { defaultTaxonomy, type Analyzer, type SkillMatch } from '../src/index.js';

const set = loadEvalSet();
const skillIds = new Set(defaultTaxonomy.skills.map((s) => s.id));
const roleIds = defaultTaxonomy.roles.map((r) => r.id);

describe('the labelled evaluation set', () => {
  it('has the sizes the issue asks for', () => {
    expect(set.lines.length).toBeGreaterThanOrEqual(220);
    expect(set.pairs.length).toBeGreaterThanOrEqual(45);
    expect(set.resumes.length).toBeGreaterThanOrEqual(32);
  });

  it('has unique ids and labels only known skills, responsibilities and roles', () => {
    expect(new Set(set.lines.map((l) => l.id)).size).toBe(set.lines.length);
    expect(new Set(set.pairs.map((p) => p.id)).size).toBe(set.pairs.length);
    for (const l of set.lines) for (const s of [...l.skills, ...l.negated, ...l.hedged]) expect(skillIds.has(s), `${l.id}: ${s}`).toBe(true);
    const resp = new Set((defaultTaxonomy.responsibilities ?? []).map((r) => r.id));
    for (const p of set.pairs) expect(resp.has(p.responsibility), p.id).toBe(true);
    for (const r of set.resumes) {
      expect(roleIds).toContain(r.role);
      expect(r.top2[0]).toBe(r.role);
      expect(roleIds).toContain(r.top2[1]);
      expect(r.top2[1]).not.toBe(r.role);
    }
  });

  it('never lists a skill as both credited and negated or hedged on one line', () => {
    for (const l of set.lines) {
      for (const s of l.negated) expect(l.skills, l.id).not.toContain(s);
      for (const s of l.hedged) expect([...l.skills, ...l.negated], l.id).not.toContain(s);
    }
  });

  it('is at least a quarter hard negatives (no skill credited, negated or hedged)', () => {
    const hard = set.lines.filter((l) => !l.skills.length && !l.negated.length && !l.hedged.length).length;
    expect(hard / set.lines.length).toBeGreaterThanOrEqual(0.25);
  });

  it('credits every skill of the taxonomy on at least one line', () => {
    const credited = new Set(set.lines.flatMap((l) => l.skills));
    expect([...skillIds].filter((s) => !credited.has(s))).toEqual([]);
  });

  it('has both matching and non-matching pairs for every responsibility', () => {
    for (const r of defaultTaxonomy.responsibilities ?? []) {
      const pairs = set.pairs.filter((p) => p.responsibility === r.id);
      expect(pairs.some((p) => p.match), r.id).toBe(true);
      expect(pairs.some((p) => !p.match), r.id).toBe(true);
    }
  });

  it('has four resumes per role, every file listed once, and none copied from the other resume folders', () => {
    for (const role of roleIds) expect(set.resumes.filter((r) => r.role === role).length, role).toBe(4);
    expect(readdirSync(join(EVAL_DIR, 'resumes')).sort()).toEqual(set.resumes.map((r) => r.file).sort());
    // The measurement must be independent of the resumes the library was developed against.
    const others = ['../../examples/resumes', '../ranking'].map((d) => join(EVAL_DIR, d)).filter((d) => existsSync(d));
    const otherTexts = new Set(others.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f), 'utf8'))));
    expect(otherTexts.size).toBeGreaterThan(0);
    for (const r of set.resumes) expect(otherTexts.has(readFileSync(join(EVAL_DIR, 'resumes', r.file), 'utf8')), r.file).toBe(false);
  });
});

// A stand-in analyzer with known answers, so the arithmetic of the metrics is checked on its own.
function stubAnalyzer(skills: Record<string, [string, 'plain' | 'neg' | 'hedge'][]>, responsibilities: Record<string, string[]>, roles: Record<string, string[]>): Analyzer {
  const found = (text: string): SkillMatch[] => (skills[text] ?? []).map(([id, flag]) => ({
    id, label: id, category: defaultTaxonomy.skills.find((s) => s.id === id)!.category,
    evidence: [{ start: 0, end: 1, text: 'x', section: null, kind: 'exact', negated: flag === 'neg', hedged: flag === 'hedge', confidence: 1 }],
  }));
  return {
    taxonomy: defaultTaxonomy,
    extractSkills: found,
    listRoles: () => defaultTaxonomy.roles.map((r) => ({ id: r.id, title: r.title, description: r.description, onetSoc: r.onetSoc })),
    compareRoles: () => { throw new Error('unused'); },
    analyzeResume: (input) => {
      const key = typeof input === 'string' ? input : String(input.basics?.name);
      const order = roles[key] ?? [];
      return {
        responsibilities: (responsibilities[key] ?? []).map((id) => ({ id, text: id, similarity: 0.9, matched: true, evidence: [{ start: 0, end: 1, text: 'x', section: null, similarity: 0.9 }] })),
        roles: order.map((id, i) => ({ id, title: id, score: 90 - i * 10, band: 'strong', contributions: [], missing: [] })),
      } as never;
    },
  };
}

describe('computeMetrics (arithmetic on a stub analyzer)', () => {
  const tiny: EvalSet = {
    lines: [
      { id: 'a', text: 'A', skills: ['ekg', 'vital-signs'], negated: [], hedged: [], style: 'bullet' },
      { id: 'b', text: 'B', skills: [], negated: ['bls'], hedged: ['ehr'], style: 'terse' },
      { id: 'c', text: 'C', skills: [], negated: [], hedged: [], style: 'bullet' },
      { id: 'd', text: 'D', skills: ['customer-service'], negated: [], hedged: [], style: 'caps' },
    ],
    pairs: [
      { id: 'p1', line: 'P1', responsibility: 'iep-goals', match: true },
      { id: 'p2', line: 'P2', responsibility: 'iep-goals', match: false },
      { id: 'p3', line: 'P3', responsibility: 'iep-goals', match: true },
    ],
    resumes: [
      { file: 'r1.txt', role: 'health-aide', top2: ['health-aide', 'health-technician'], input: 'R1' },
      { file: 'r2.txt', role: 'health-aide', top2: ['health-aide', 'health-technician'], input: 'R2' },
    ],
  };
  const stub = stubAnalyzer(
    { A: [['ekg', 'plain'], ['patients', 'plain']], B: [['bls', 'neg'], ['ehr', 'neg']], C: [['emergency-care', 'plain']], D: [['customer-service', 'plain']] },
    { P1: ['iep-goals'], P2: ['iep-goals'] },
    { R1: ['health-aide', 'health-technician'], R2: ['health-technician', 'health-aide'] },
  );
  let r: EvalResults;
  beforeAll(() => { r = computeMetrics(tiny, stub); });

  it('counts credited skills as tp/fp/fn, micro and per category', () => {
    expect([r.skills.tp, r.skills.fp, r.skills.fn]).toEqual([2, 2, 1]);
    expect(r.skills.precision).toBe(0.5);
    expect(r.skills.recall).toBe(0.6667);
    expect(r.skills.f1).toBe(0.5714);
    expect(r.skills.byCategory.clinical).toEqual({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.skills.byCategory.service).toEqual({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.skills.hardNegativesClean).toBe(0);
    expect(r.errors.skills).toEqual([
      { id: 'a', falsePositives: ['patients'], falseNegatives: ['vital-signs'] },
      { id: 'c', falsePositives: ['emergency-care'], falseNegatives: [] },
    ]);
  });

  it('scores negation and hedging flags, with false flags', () => {
    expect(r.negation).toEqual({ labelled: 1, flagged: 1, falseFlags: 1, accuracy: 1 });
    expect(r.hedging).toEqual({ labelled: 1, flagged: 0, falseFlags: 0, accuracy: 0 });
    expect(r.errors.negation).toEqual([{ id: 'b', skill: 'ehr', labelled: 'hedged', predicted: 'negated' }]);
  });

  it('scores responsibility pairs and roles', () => {
    expect(r.responsibilities).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 0, precision: 0.5, recall: 0.5 });
    expect(r.roles).toMatchObject({ top1: 0.5, top2: 1, top2Order: 0.5 });
    expect(r.roles.confusion['health-aide']).toMatchObject({ 'health-aide': 1, 'health-technician': 1, 'emergency-room-technician': 0 });
  });
});

describe('measured accuracy floors (a regression below a floor fails CI)', () => {
  let r: EvalResults;
  beforeAll(() => { r = computeMetrics(set); });

  it('is deterministic', () => {
    expect(computeMetrics(set)).toEqual(r);
  });

  // The floors.
  it('skill precision >= 0.95', () => { expect(r.skills.precision).toBeGreaterThanOrEqual(0.95); });
  it('skill recall >= 0.90', () => { expect(r.skills.recall).toBeGreaterThanOrEqual(0.9); });
  it('role top-1 accuracy >= 0.85', () => { expect(r.roles.top1).toBeGreaterThanOrEqual(0.85); });

  // Measured level minus a small margin (measured at the first run: negation 0.769, hedging 0.80,
  // responsibilities precision 0.879 and recall 0.967, role top-2 0.969).
  it('negation: >= 0.70 of negated mentions flagged, at most 6 false flags', () => {
    expect(r.negation.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.negation.falseFlags).toBeLessThanOrEqual(6);
  });
  it('hedging: >= 0.72 of hedged mentions flagged, at most 4 false flags', () => {
    expect(r.hedging.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(r.hedging.falseFlags).toBeLessThanOrEqual(4);
  });
  it('responsibilities: precision >= 0.82 and recall >= 0.90', () => {
    expect(r.responsibilities.precision).toBeGreaterThanOrEqual(0.82);
    expect(r.responsibilities.recall).toBeGreaterThanOrEqual(0.9);
  });
  it('role top-2 accuracy >= 0.90', () => { expect(r.roles.top2).toBeGreaterThanOrEqual(0.9); });
});
