// Stage 6, score, called directly: bands, evidence strength, the best evidence per skill, components, saturation
// shares and the exact allocation of points (DESIGN.md, "The scoring model").
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../src/match/skills.js';
import { allocateShares, bandOf, componentOf, evidenceStrength, HEDGED_FACTOR, sharesOf, skillStrengths, skillTable, strengthOf, type ComponentName, type ScoreItem } from '../src/score.js';
import { defaultTaxonomy, type ProfileEntry, type Skill } from '../src/taxonomy.js';
import { expectContributionsAddUp } from './helpers.js';

const ev = (section: Evidence['section'], extra: Partial<Evidence> = {}): Evidence =>
  ({ start: 0, end: 3, text: 'EKG', section, kind: 'exact', negated: false, hedged: false, confidence: 1, ...extra });
const item = (component: ComponentName, id: string, weight: number, strength: number): ScoreItem => ({ component, id, label: id, weight, strength, evidence: [] });

describe('bandOf', () => {
  it.each([[100, 'strong'], [70, 'strong'], [69.99, 'moderate'], [45, 'moderate'], [44.99, 'weak'], [20, 'weak'], [19.99, 'none'], [0, 'none']])('%d is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe('evidenceStrength: confidence × where it was found × hedging', () => {
  it.each([
    ['an experience bullet', ev('experience'), 'clinical', 1],
    ['a skills list', ev('skills'), 'clinical', 0.75],
    ['no heading', ev(null), 'clinical', 0.8],
    ['a fuzzy match in experience', ev('experience', { kind: 'fuzzy', confidence: 0.75 }), 'clinical', 0.75],
    ['a hedged mention ("seeking")', ev('experience', { hedged: true }), 'clinical', HEDGED_FACTOR],
    ['a negated mention', ev('experience', { negated: true }), 'clinical', 0],
    ['a credential under certifications', ev('certifications'), 'credential', 1],
    ['a credential under education', ev('education'), 'credential', 1],
    ['coursework under education', ev('education'), 'knowledge', 1],
    ['a clinical skill under education', ev('education'), 'clinical', 0.7],
  ] as const)('%s: %d', (_label, e, category, strength) => {
    expect(evidenceStrength(e, category)).toBeCloseTo(strength, 10);
  });
});

describe('skillStrengths', () => {
  const table = skillTable(defaultTaxonomy.skills, defaultTaxonomy.lexicon);
  const match = (id: string, evidence: Evidence[]) => {
    const s = defaultTaxonomy.skills.find((x) => x.id === id)!;
    return { id, label: s.label, category: s.category, evidence };
  };

  it('a skill counts by its best evidence, first, never by repetition; negated evidence is dropped', () => {
    const listed = Array.from({ length: 50 }, () => ev('skills'));
    const best = ev('experience', { start: 400, end: 403 });
    const negated = ev('summary', { negated: true });
    const s = strengthOf(skillStrengths([match('ekg', [...listed, negated, best])], table), 'ekg')!;
    expect(s.strength).toBe(1);
    expect(s.evidence[0]).toBe(best);
    expect(s.evidence).toHaveLength(51);
    expect(strengthOf(skillStrengths([match('ekg', listed)], table), 'ekg')!.strength).toBe(0.75);
  });

  it('a skill shown only by negated evidence is not shown', () => {
    const s = skillStrengths([match('ekg', [ev('experience', { negated: true })])], table);
    expect([s.size, strengthOf(s, 'ekg')]).toEqual([0, undefined]);
  });

  it('a narrower skill shows the broader one it implies, on the same evidence (EMT-B: an EMT certification)', () => {
    const s = skillStrengths([match('emt-basic', [ev('certifications')])], table);
    expect(s.size).toBe(2);
    expect(strengthOf(s, 'emt-certification')).toEqual(strengthOf(s, 'emt-basic'));
  });

  it('skills the taxonomy does not have (a hand-edited report) are left out', () => {
    expect(skillStrengths([{ id: 'no-such-skill', label: 'x', category: 'clinical', evidence: [ev('experience')] }], table).size).toBe(0);
  });
});

describe('componentOf', () => {
  const entry = (kind: ProfileEntry['kind']): ProfileEntry => ({ skill: 'x', kind, weight: 1, quote: 'x' });
  const skill = (category: Skill['category']) => ({ category }) as Skill;
  it.each([
    ['distinct', 'clinical', 'signature'], ['share', 'clinical', 'signature'], ['soft', 'soft', 'soft'],
    ['duty', 'soft', 'soft'], ['duty', 'clinical', 'skills'], ['shared', 'credential', 'skills'], ['technology', 'technology', 'skills'],
  ] as const)('a %s entry of a %s skill scores in %s', (kind, category, component) => {
    expect(componentOf(entry(kind), skill(category))).toBe(component);
  });
});

describe('sharesOf and allocateShares', () => {
  it('a component\'s saturation is its share of the total weight, between its floor and its cap', () => {
    expect(sharesOf(new Map([['signature', 4], ['skills', 10], ['responsibilities', 3], ['soft', 2]]))).toEqual({
      base: 100,
      parts: [
        { component: 'signature', points: 30, denom: 2.4 }, // 0.6 × 4
        { component: 'skills', points: 45, denom: 5 }, // 0.5 × 10
        { component: 'responsibilities', points: 15, denom: 1.5 }, // 0.5 × 3
        { component: 'soft', points: 10, denom: 2 }, // 0.6 × 2 = 1.2, raised to the floor
      ],
    });
    expect(sharesOf(new Map([['skills', 100]])).parts[0]!.denom).toBe(9); // capped
  });

  const skillsOnly = sharesOf(new Map([['skills', 10]]));

  it('a role with one component gives it all 100 points; half its saturation earns half', () => {
    expect(skillsOnly.base).toBe(45);
    expect(allocateShares([item('skills', 'a', 2.5, 1)], skillsOnly, null).score).toBe(50);
    expect(allocateShares([item('skills', 'a', 5, 1), item('skills', 'b', 5, 1)], skillsOnly, null).score).toBe(100);
    expect(allocateShares([item('skills', 'a', 50, 1)], skillsOnly, null).score).toBe(100); // capped at the component's points
  });

  it('a title takes its points from the others in proportion', () => {
    const { contributions, score } = allocateShares([item('skills', 'a', 2.5, 1), item('titles', 't', 1, 1)], skillsOnly, { component: 'titles', points: 15 });
    expect(contributions.map((c) => [c.id, c.points])).toEqual([['a', 42.5], ['t', 15]]);
    expect(score).toBe(57.5);
  });

  it('rounds by largest remainder, so the contributions add up exactly to the score', () => {
    const result = allocateShares([item('skills', 'a', 1, 1 / 3), item('skills', 'b', 1, 1 / 3), item('skills', 'c', 1, 1 / 3)], skillsOnly, null);
    expect(result.contributions.map((c) => c.points)).toEqual([6.67, 6.67, 6.66]);
    expect(result.score).toBe(20);
    expectContributionsAddUp({ id: 'r', title: 'r', band: bandOf(result.score), missing: [], ...result });
  });
});
