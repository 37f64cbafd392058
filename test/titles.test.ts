import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../src/taxonomy.js';
import { compileTitles, matchTitle, MIN_TITLE_SCORE, titleWords } from '../src/titles.js';

const matcher = compileTitles(defaultTaxonomy.roles);
const best = (title: string): string | null => matchTitle(matcher, title)[0]?.role ?? null;

describe('matchTitle on the bundled roles', () => {
  // [title as a resume writes it, best role, why]
  const table: [string, string, string][] = [
    ['Patient Care Technician', 'health-technician', 'O*NET 29-2099.00 title'],
    ['Health Technician (GS-0640-6)', 'health-technician', 'parenthesised pay grade dropped'],
    ['Healthcare Technician', 'health-technician', '"healthcare" = "health care"'],
    ['Certified Patient Care Tech', 'health-technician', '"Certified" is a qualifier, "Tech" = "Technician"'],
    ['Mental Health Technician', 'psychiatric-technician', 'not health-technician: "Mental" is distinctive'],
    ['MENTAL HEALTH TECHNICIAN II', 'psychiatric-technician', 'case and level ignored'],
    ['Behavioral Health Tech', 'psychiatric-technician', 'abbreviation'],
    ['Psych Tech', 'psychiatric-technician', 'two abbreviations'],
    ['Registered Behavior Technician (RBT)', 'psychiatric-technician', 'qualifier dropped'],
    ['Mental Health Worker', 'psychiatric-technician', 'O*NET MHW'],
    ['Medical Records Clerk', 'health-information-technician', 'O*NET 29-2072.00 reported title'],
    ['Medical Records Technicians', 'health-information-technician', 'plural'],
    ['Medical Biller and Coder', 'health-information-technician', '"and" ignored'],
    ['Health Information Tech', 'health-information-technician', 'not health-technician'],
    ['Physical Therapy Aide', 'physical-therapy-assistant', 'PT aide is the PTA role family'],
    ['PT Aide', 'physical-therapy-assistant', '"PT" = "Physical Therapy"'],
    ['Senior Physical Therapist Asst', 'physical-therapy-assistant', 'seniority and abbreviation'],
    ['Rehab Aide', 'physical-therapy-assistant', 'seed title'],
    ['ER Tech', 'emergency-room-technician', 'acronym and abbreviation'],
    ['ER TECH II', 'emergency-room-technician', 'level ignored'],
    ['Emergency Dept Tech', 'emergency-room-technician', '"Dept" = "Department"'],
    ['ED Patient Care Technician', 'emergency-room-technician', 'every word is emergency-room vocabulary'],
    ['Patient Care Tech - Emergency Department', 'emergency-room-technician', 'word order noise'],
    ['EMT-Basic', 'emergency-medical-technician', 'hyphenated level'],
    ['EMT-Paramedic', 'emergency-medical-technician', 'O*NET EMT Paramedic'],
    ['Paramedic', 'emergency-medical-technician', 'one word'],
    ['Home Health Aide', 'health-aide', 'O*NET 31-1121.00 title'],
    ['Certified Nursing Asst', 'health-aide', 'abbreviation'],
    ['HHA/CNA', 'health-aide', 'two acronyms of the same role'],
    ['Direct Support Professional', 'health-aide', 'O*NET 31-1121.00 DSP'],
    ['Customer Care Rep', 'customer-care-technician', '"Rep" = "Representative"'],
    ['Sr. Customer Service Rep', 'customer-care-technician', 'seniority and abbreviation'],
    ['Call Center Rep', 'customer-care-technician', 'O*NET 43-4051.00 reported title'],
  ];
  it.each(table)('%s -> %s (%s)', (title, role) => {
    expect(best(title)).toBe(role);
  });

  it('an exact title (after abbreviations) scores 1 and names the role title it matched', () => {
    expect(matchTitle(matcher, 'Customer Care Rep')[0]).toEqual({ role: 'customer-care-technician', title: 'Customer Care Representative', score: 1 });
    // A tie goes to the title that explains more of the words: "EMT-Basic", not "EMT".
    expect(matchTitle(matcher, 'EMT-Basic')[0]).toEqual({ role: 'emergency-medical-technician', title: 'EMT-Basic', score: 1 });
  });

  it('lists other roles below the best one, weaker', () => {
    const r = matchTitle(matcher, 'Mental Health Technician');
    expect(r.map((m) => m.role)).toEqual(['psychiatric-technician', 'health-technician']);
    expect(r[0]!.score).toBe(1);
    expect(r[1]!.score).toBeGreaterThanOrEqual(MIN_TITLE_SCORE);
    expect(r[1]!.score).toBeLessThan(0.7);
  });

  it('word order costs a little', () => {
    const inOrder = matchTitle(matcher, 'Emergency Department Technician')[0]!;
    const shuffled = matchTitle(matcher, 'Technician, Emergency Department')[0]!;
    expect([inOrder.role, inOrder.score, shuffled.role, shuffled.score]).toEqual(['emergency-room-technician', 1, 'emergency-room-technician', 0.9]);
  });

  it.each(['Unit Secretary', 'Medical Assistant', 'Cashier', 'Sales Associate', 'Pharmacy Technician', 'Software Engineer', 'Technician', '', '(  )', '12345'])('%j matches no role', (title) => {
    expect(matchTitle(matcher, title)).toEqual([]);
  });

  it('min lowers or raises the bar', () => {
    expect(matchTitle(matcher, 'Medical Assistant', { min: 0.1 }).length).toBeGreaterThan(0);
    expect(matchTitle(matcher, 'Mental Health Technician', { min: 0.99 }).map((m) => m.role)).toEqual(['psychiatric-technician']);
  });
});

describe('compileTitles on a small fixture', () => {
  const roles = [
    { id: 'a', title: 'Alpha Technician', titles: ['Alpha Tech', 'Alpha Aide'] },
    { id: 'b', title: 'Beta Technician', titles: ['Beta Records Clerk'] },
  ];
  const m = compileTitles(roles);
  it('weights words by how few roles use them', () => {
    expect(m.weights.get('alpha')!).toBeGreaterThan(m.weights.get('technician')!);
    expect(m.titles.map((t) => t.title)).toEqual(['Alpha Technician', 'Alpha Aide', 'Beta Technician', 'Beta Records Clerk']); // "Alpha Tech" duplicates "Alpha Technician"
  });
  it('matches and scores', () => {
    expect(matchTitle(m, 'beta records clerks')).toEqual([{ role: 'b', title: 'Beta Records Clerk', score: 1 }]);
    expect(matchTitle(m, 'Alpha')).toEqual([]);
  });
  it('reads abbreviations and noise words from the lexicon (the default lexicon\'s when it has none)', () => {
    const lexicon = { ...defaultTaxonomy.lexicon!, titleSynonyms: { bt: ['beta', 'technician'] }, titleNoise: ['acting'] };
    const own = compileTitles(roles, lexicon);
    expect(matchTitle(own, 'Acting BT')).toEqual([{ role: 'b', title: 'Beta Technician', score: 1 }]);
    expect(matchTitle(own, 'Beta Tech')).toEqual([]); // "tech" is no longer "technician"
    const { titleSynonyms: _s, titleNoise: _n, ...bare } = defaultTaxonomy.lexicon!;
    expect(matchTitle(compileTitles(roles, bare), 'Sr. Alpha Tech')[0]).toEqual({ role: 'a', title: 'Alpha Technician', score: 1 });
  });
});

describe('titleWords', () => {
  it.each([
    ['Sr. Patient Care Tech II (PRN)', ['patient', 'care', 'technician']],
    ['ER Tech', ['emergency', 'room', 'technician']],
    ['Behavioural Health Asst.', ['behavioral', 'health', 'assistant']],
    ['Medical Records Specialists', ['medical', 'record', 'specialist']],
    ['(RBT)', ['rbt']],
    ['Customer Svc Reps', ['customer', 'service', 'representative']],
  ])('%s', (title, words) => {
    expect(titleWords(title, matcher.words)).toEqual(words);
  });
});
