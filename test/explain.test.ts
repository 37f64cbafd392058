// What users read: gap `why` texts and comparison sentences, exact, on the real taxonomy. In a reader's words (no
// "the seeds list"), no doubled quotes, labels keep their own case (acronyms), and salary context compares the
// two roles being compared.
import { describe, expect, it } from 'vitest';
import { analyzeResume, compareRoles, defaultTaxonomy } from '../src/index.js';
import { compare, compileExplainer, fill, findGaps, inSentence, suggestionFor, titleInSentence, whyItMatters } from '../src/explain.js';
import { skillStrengths, skillTable } from '../src/score.js';
import type { Role, Skill } from '../src/taxonomy.js';

const skill = (id: string) => defaultTaxonomy.skills.find((s) => s.id === id)!;
const role = (id: string) => defaultTaxonomy.roles.find((r) => r.id === id)!;
const entry = (roleId: string, skillId: string) => role(roleId).profile.find((p) => p.skill === skillId)!;

describe('inSentence and titleInSentence keep acronyms', () => {
  it.each([
    ['Vital signs', 'vital signs'],
    ['Patients', 'patients'],
    ['BLS (basic life support)', 'BLS (basic life support)'],
    ['Electronic health records (EHR/EMR)', 'electronic health records (EHR/EMR)'],
    ['Life support (ACLS, PALS)', 'life support (ACLS, PALS)'],
    ['EMT certification', 'EMT certification'],
    ['EKG / electrocardiogram', 'EKG / electrocardiogram'],
    ['IEP goals', 'IEP goals'],
  ])('%s → %s', (label, expected) => { expect(inSentence(label)).toBe(expected); });

  it.each([
    ['Emergency Room Technician', 'emergency room technician'],
    ['Psychiatric (Mental Health) Technician', 'psychiatric (mental health) technician'],
    ['EMT Supervisor', 'EMT supervisor'],
  ])('%s → %s', (title, expected) => { expect(titleInSentence(title)).toBe(expected); });
});

describe('gap why texts, one per profile kind', () => {
  it.each([
    ['health-technician', 'vital-signs', 'share', 'Health technician resumes list vital signs (5%).'],
    ['health-technician', 'patients', 'share', 'Health technician resumes list patients (18%).'],
    ['health-technician', 'educational-materials', 'distinct', 'Educational materials is one of the skills that set health technicians apart from other health roles.'],
    ['emergency-room-technician', 'bls', 'distinct', 'BLS (basic life support) is one of the skills that set emergency room technicians apart from other health roles.'],
    ['emergency-room-technician', 'blood-pressure', 'shared', 'Emergency Room Technicians and health technicians both list blood pressure among their skills.'],
    ['emergency-medical-technician', 'bls', 'duty', 'Emergency Medical Technician duties include BLS (basic life support).'],
    ['physical-therapy-assistant', 'anatomy', 'coursework', 'Physical Therapy Assistant training often covers anatomy and physiology.'],
    ['health-technician', 'continuous-glucose-monitoring', 'technology', 'Continuous glucose monitoring is a technology health technicians use or are starting to use.'],
    ['health-information-technician', 'attention-to-detail', 'soft', 'Attention to detail and accuracy is a soft skill health information technicians rely on.'],
  ])('%s / %s (%s): %s', (roleId, skillId, kind, why) => {
    const e = entry(roleId, skillId);
    expect(e.kind).toBe(kind);
    expect(whyItMatters(e, skill(skillId), role(roleId))).toBe(why);
  });

  it('no why text in the taxonomy says "seeds", doubles a quote, or quotes a seed fragment', () => {
    const texts = defaultTaxonomy.roles.flatMap((r) => r.profile.map((p) => whyItMatters(p, skill(p.skill), r)));
    expect(texts.length).toBe(defaultTaxonomy.roles.reduce((n, r) => n + r.profile.length, 0));
    expect(texts.filter((t) => /seed|""|"/i.test(t))).toEqual([]);
  });
});

describe('comparison sentences', () => {
  const er = analyzeResume('EXPERIENCE\nER Technician, City Hospital, 2019 - 2024\n- Performed 12-lead EKGs and drew blood in the emergency room\n- ACLS, PALS and BLS certified; EMT certification\n', { asOf: '2026-06-30' });

  it('keep the labels\' own case and list the last item with "and"', () => {
    // The scores come from the report (matching is tuned elsewhere); the sentence around them is pinned.
    const score = (id: string) => er.roles.find((r) => r.id === id)!.score;
    expect(compareRoles(er, 'emergency-room-technician', 'health-technician').summary).toBe(
      `Emergency Room Technician fits better (${score('emergency-room-technician')} vs ${score('health-technician')}): the resume shows BLS (basic life support), emergency room, EMT certification and life support (ACLS, PALS), which health technician profiles do not emphasise; for health technician it lacks educational materials, educational programs, excellent interpersonal skills and veterans.`,
    );
  });

  it('ER technician vs EMT: salary compared between the two roles, not with health technicians', () => {
    expect(compareRoles(er, 'emergency-room-technician', 'emergency-medical-technician').context).toEqual([
      'Emergency Medical Technicians earn about $3,776 more a year than emergency room technicians on average.',
      'Emergency Medical Technicians are paid most in the government industry ($39,453 on average).',
    ]);
  });

  it('a role vs the health technician: the figures relative to health technicians are the comparison itself', () => {
    expect(compareRoles(er, 'health-technician', 'emergency-room-technician').context).toEqual([
      'Emergency Room Technicians earn $1,906 less a year than health technicians on average.',
      "Emergency Room Technicians are 1.8% less likely than health technicians to hold a Master's degree and 0.2% more likely to hold a Doctoral degree.",
      'Health Technicians are paid most in the government industry ($43,446 on average).',
      "Health Technician education: Associate's degree (usual minimum); some positions also require certification.",
    ]);
  });
});

describe('fill', () => {
  it('fills known placeholders and leaves others as written (inherited names too)', () => {
    expect(fill('{roleTitle} duties include {label} ({share}%).', { roleTitle: 'Health Aide', label: 'vital signs', share: 5 })).toBe('Health Aide duties include vital signs (5%).');
    expect(fill('{unknown} and {constructor}', {})).toBe('{unknown} and {constructor}');
  });
});

describe('suggestionFor: the skill\'s own suggestion, else its category\'s template', () => {
  const skill = (label: string, category: Skill['category'], suggestion?: string): Skill =>
    ({ id: 'x', label, category, aliases: ['x'], source: { file: 'f', quote: 'q' }, ...(suggestion ? { suggestion } : {}) });
  it.each([
    [skill('BLS (basic life support)', 'credential'), 'List BLS (basic life support) under a CERTIFICATIONS heading with the issuer and the expiry date.'],
    [skill('Medical Terminology', 'knowledge'), 'List Medical Terminology coursework or training under EDUCATION, or show it in an experience bullet.'],
    [skill('Patience', 'soft'), 'Show patience with a concrete example in an experience bullet rather than as a bare word.'],
    [skill('EHR Systems', 'technology'), 'Name the ehr systems tools you used in an experience bullet.'],
    [skill('Wound care', 'clinical'), 'Add an experience bullet that shows wound care: what you did, for whom and how often.'],
    [skill('Wound care', 'clinical', 'Say which dressings you changed.'), 'Say which dressings you changed.'],
  ])('%#: %s', (s, text) => { expect(suggestionFor(s)).toBe(text); });
});

describe('an explainer of a small fixture', () => {
  const skills: Skill[] = ['a', 'b', 'c'].map((id) => ({ id, label: `Skill ${id}`, category: 'clinical', aliases: [`skill ${id}`], source: { file: 'f', quote: 'q' } }));
  const role = (id: string, title: string, profile: string[]): Role =>
    ({ id, title, description: 'd', onetSoc: [], titles: [], facts: {}, profile: profile.map((skill) => ({ skill, kind: 'distinct', weight: 3, quote: 'q' })), source: { file: 'f', quote: 'q' } });
  const alpha = role('alpha', 'Alpha Aide', ['a', 'b']);
  const beta = role('beta', 'Beta Tech', ['b', 'c']);
  const table = skillTable(skills);
  const explainer = compileExplainer(defaultTaxonomy.sentences!, new Map(skills.map((s) => [s.id, s])), table.index);
  const shown = skillStrengths([{ id: 'a', label: 'Skill a', category: 'clinical', evidence: [{ start: 0, end: 7, text: 'skill a', section: 'experience', kind: 'exact', negated: false, hedged: false, confidence: 1 }] }], table);
  const fit = (id: string, title: string, score: number) => ({ id, title, score, band: 'weak' as const, contributions: [], missing: [] });

  it('findGaps lists the profile skills the resume does not show, each time as fresh objects', () => {
    const gaps = findGaps(explainer, alpha, shown);
    expect(gaps.map((g) => [g.skill, g.why])).toEqual([['b', 'Skill b is one of the skills that set alpha aides apart from other health roles.']]);
    expect(findGaps(explainer, alpha, shown)[0]).not.toBe(gaps[0]);
  });

  it('compare names what sets each role apart, found and missing', () => {
    const c = compare(explainer, alpha, beta, fit('alpha', 'Alpha Aide', 30), fit('beta', 'Beta Tech', 10), shown);
    expect([c.better, c.difference, c.a.distinctFound, c.b.distinctMissing, c.sharedFound]).toEqual(['alpha', 20, ['Skill a'], ['Skill c'], []]);
    expect(c.summary).toBe('Alpha Aide fits better (30 vs 10): the resume shows skill a, which beta tech profiles do not emphasise; for beta tech it lacks skill c.');
    expect(compare(explainer, alpha, beta, fit('alpha', 'Alpha Aide', 10), fit('beta', 'Beta Tech', 10), shown).summary).toBe('Alpha Aide and Beta Tech fit equally well (10).');
  });
});
