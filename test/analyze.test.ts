import { describe, expect, it } from 'vitest';
import { analyzeResume, compareRoles, createAnalyzer, defaultTaxonomy, InvalidOptionsError, listRoles, RESPONSIBILITY_THRESHOLD, TaxonomyError, type RoleId } from '../src/index.js';
import { expectContributionsAddUp } from './helpers.js';


const htResume = `SUMMARY
Health technician at a VA clinic; excellent interpersonal and customer service skills.

EXPERIENCE
Health Technician, VA Medical Center, 2019 - Present
• Obtained and recorded vital signs and blood pressure for 30 veterans a day.
• Developed educational materials on hypertension for veterans and families.
• Performed 12-lead EKGs and documented results in the electronic medical record.
`;

describe('analyzeResume: the report', () => {
  const report = analyzeResume(htResume);

  it('scores all eight roles, best first, with the health technician as the default target', () => {
    expect(report.roles.map((r) => r.id).sort()).toEqual(listRoles().map((r) => r.id).sort());
    expect(report.roles).toHaveLength(8);
    for (let i = 1; i < report.roles.length; i++) expect(report.roles[i - 1]!.score).toBeGreaterThanOrEqual(report.roles[i]!.score);
    expect(report.target.id).toBe('health-technician');
    expect(report.roles[0]!.id).toBe('health-technician');
    expect(report.target.band).toBe(report.target.score >= 70 ? 'strong' : report.target.score >= 45 ? 'moderate' : report.target.score >= 20 ? 'weak' : 'none');
  });

  it('every fit has contributions whose points add up exactly to its score, each with evidence', () => {
    for (const fit of report.roles) {
      expectContributionsAddUp(fit);
      for (const c of fit.contributions) {
        expect(c.evidence.length).toBeGreaterThan(0);
        for (const e of c.evidence) expect(htResume.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it('lists the skills found with the engine’s evidence and the matched responsibilities', () => {
    const ids = report.skills.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['vital-signs', 'blood-pressure', 'veterans', 'educational-materials', 'ekg', 'ehr', 'interpersonal-skills', 'customer-service']));
    const r = report.responsibilities.map((x) => x.id);
    expect(r).toContain('ekg-testing-monitoring');
    for (const x of report.responsibilities) {
      expect(x.matched).toBe(true);
      expect(x.similarity).toBeGreaterThanOrEqual(RESPONSIBILITY_THRESHOLD);
      expect(x.similarity).toBeLessThanOrEqual(1);
      for (const e of x.evidence) expect(htResume.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('gaps: missing skills heaviest first, each with why it matters from the seeds and a suggestion', () => {
    const missing = report.target.missing;
    for (let i = 1; i < missing.length; i++) expect(missing[i - 1]!.weight).toBeGreaterThanOrEqual(missing[i]!.weight);
    expect(missing.map((g) => g.skill)).not.toContain('vital-signs');
    const programs = missing.find((g) => g.skill === 'educational-programs')!;
    expect(programs.why).toBe('Educational programs is one of the skills that set health technicians apart from other health roles.');
    const patients = analyzeResume('EXPERIENCE\n• Performed EKGs').target.missing.find((g) => g.skill === 'patients')!;
    expect(patients.why).toBe('Health technician resumes list patients (18%).');
    expect(patients.suggestion.length).toBeGreaterThan(10);
  });

  it('explains why one role fits better than another, with the seeds’ salary and education context', () => {
    const c = compareRoles(report, 'health-technician', 'emergency-room-technician');
    expect(c.better).toBe('health-technician');
    expect(c.a.distinctFound).toEqual(expect.arrayContaining(['Educational materials']));
    expect(c.b.distinctMissing).toEqual(expect.arrayContaining(['Emergency room']));
    expect(c.context).toContain('Emergency Room Technicians earn $1,906 less a year than health technicians on average.');
    expect(c.context.join(' ')).toMatch(/1\.8% less likely than health technicians to hold a Master's degree/);
    expect(c.summary).toMatch(/^Health Technician fits better \(\d+(\.\d+)? vs \d+(\.\d+)?\)/);
    expect(report.comparison.a.id).toBe('health-technician');
  });
});

describe('scoring rules', () => {
  const score = (text: string, role: RoleId = 'emergency-room-technician'): number => analyzeResume(text, { target: role }).target.score;

  it('negated evidence counts nothing; hedged evidence counts less', () => {
    const rest = '\n• Cared for chest pain patients in the emergency room';
    const shown = score(`EXPERIENCE\n• Performed EKGs${rest}`);
    const hedged = score(`EXPERIENCE\n• Interested in learning EKGs${rest}`);
    const negated = score(`EXPERIENCE\n• No experience with EKGs${rest}`);
    const without = score(`EXPERIENCE${rest}`);
    expect(hedged).toBeLessThan(shown);
    expect(negated).toBeLessThan(hedged);
    expect(negated).toBe(without);
  });

  it('evidence in experience counts more than a bare skills list', () => {
    expect(score('EXPERIENCE\n• Performed EKGs')).toBeGreaterThan(score('SKILLS\nEKG'));
  });

  it('repeating a word does not pay: "EKG" fifty times does not beat one EKG bullet in experience', () => {
    const spam = `SKILLS\n${Array(50).fill('EKG').join(', ')}`;
    expect(score(spam)).toBeLessThanOrEqual(score('EXPERIENCE\n• Performed EKGs'));
    expect(score(`EXPERIENCE\n${Array(50).fill('• Performed EKGs').join('\n')}`)).toBe(score('EXPERIENCE\n• Performed EKGs'));
  });

  it('an empty or non-resume text scores 0 for every role, with a reason', () => {
    for (const [text, reason] of [['', 'the resume is empty'], ['   \n ', 'the resume is empty'], ['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'no evidence of any role was found in the resume']] as const) {
      const r = analyzeResume(text);
      expect(r.roles.every((x) => x.score === 0 && x.contributions.length === 0)).toBe(true);
      expect(r.reason).toBe(reason);
      expect(r.target.reason).toBe('no skills of the taxonomy were found in the resume');
    }
  });

  it('the target option picks the reported role and rejects unknown ids with a typed error', () => {
    expect(analyzeResume(htResume, { target: 'psychiatric-technician' }).target.id).toBe('psychiatric-technician');
    expect(() => analyzeResume(htResume, { target: 'nurse' as RoleId })).toThrow(InvalidOptionsError);
    expect(() => analyzeResume(htResume, { target: 'nurse' as RoleId })).toThrow(/unknown target role "nurse"; use one of: health-technician, /);
  });
});

describe('JSON Resume input', () => {
  const doc = {
    basics: { name: 'Pat Doe', email: 'pat@example.com', label: 'EMT-B', summary: 'Calm under pressure.' },
    work: [{ name: 'County EMS', position: 'Emergency Medical Technician', startDate: '2020-01', highlights: ['Provided basic life support on 911 calls', 'Decontaminated the ambulance after every call'] }],
    certificates: [{ name: 'EMT-B', issuer: 'NREMT' }],
    skills: [{ name: 'Clinical', keywords: ['splinting', 'patient transport'] }],
  };
  const report = analyzeResume(doc);

  it('renders the document deterministically and points evidence into the rendering with its JSON path', () => {
    expect(report.text).toBe(analyzeResume(doc).text);
    expect(report.text).not.toContain('pat@example.com');
    expect(report.text).not.toContain('Pat Doe');
    const bls = report.skills.find((s) => s.id === 'bls')!;
    expect(bls.evidence[0]).toMatchObject({ text: 'basic life support', section: 'experience', path: 'work[0].highlights[0]' });
    for (const s of report.skills) for (const e of s.evidence) expect(report.text!.slice(e.start, e.end)).toBe(e.text);
    expect(report.skills.find((s) => s.id === 'splinting')!.evidence[0]!.path).toBe('skills[0].keywords[0]');
    expect(report.roles[0]!.id).toBe('emergency-medical-technician');
  });
});

describe('createAnalyzer', () => {
  it('compiles a custom taxonomy once and scores with it', () => {
    const taxonomy = {
      skills: [{ id: 'forklift', label: 'Forklift', category: 'clinical', aliases: ['forklift'], source: { file: 'mine', quote: 'forklift' } }],
      roles: [{ id: 'warehouse', title: 'Warehouse', description: 'Moves pallets', onetSoc: [], titles: [], facts: {}, profile: [{ skill: 'forklift', kind: 'distinct', weight: 3, quote: 'forklift' }], source: { file: 'mine', quote: 'x' } }],
    };
    const a = createAnalyzer({ taxonomy });
    const r = a.analyzeResume('EXPERIENCE\n• Drove a forklift');
    expect(r.target.id).toBe('warehouse');
    expect(r.target.score).toBe(100);
    expect(a.listRoles()).toEqual([{ id: 'warehouse', title: 'Warehouse', description: 'Moves pallets', onetSoc: [] }]);
  });

  it('a bad custom taxonomy throws a TaxonomyError listing every issue', () => {
    const bad = { ...defaultTaxonomy, roles: [{ ...defaultTaxonomy.roles[0]!, profile: [{ skill: 'ghost', kind: 'duty', weight: 1, quote: 'q' }, { skill: 'phantom', kind: 'duty', weight: 1, quote: 'q' }] }] };
    try {
      createAnalyzer({ taxonomy: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TaxonomyError);
      const issues = (e as TaxonomyError).issues;
      expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['roles[0].profile[0].skill', 'roles[0].profile[1].skill']));
      expect(issues.find((i) => i.path === 'roles[0].profile[1].skill')!.message).toBe('unknown skill "phantom": add it to skills or fix the id');
      // The seven removed roles leave responsibilities pointing at unknown roles: every one is listed, not only the first.
      expect(issues.filter((i) => /^responsibilities\[\d+\]\.roles/.test(i.path)).length).toBeGreaterThan(5);
    }
  });

  it('a custom lexicon’s section headings are used, and an unknown section kind is rejected', () => {
    const lexicon = defaultTaxonomy.lexicon!;
    const taxonomy = { ...defaultTaxonomy, lexicon: { ...lexicon, sections: { ...lexicon.sections, experience: [...lexicon.sections.experience!, 'duties performed'] } } };
    const text = 'DUTIES PERFORMED\n• Performed EKGs';
    expect(analyzeResume(text).skills[0]!.evidence[0]!.section).toBeNull();
    expect(createAnalyzer({ taxonomy }).analyzeResume(text).skills[0]!.evidence[0]!.section).toBe('experience');
    const bad = { ...defaultTaxonomy, lexicon: { ...lexicon, sections: { ...lexicon.sections, hobbys: ['pastimes'] } } };
    expect(() => createAnalyzer({ taxonomy: bad })).toThrow(TaxonomyError);
  });

  it('listRoles gives the eight roles with ids and titles', () => {
    expect(listRoles().map((r) => `${r.id}: ${r.title}`)).toEqual([
      'health-technician: Health Technician',
      'emergency-room-technician: Emergency Room Technician',
      'health-aide: Health Aide',
      'emergency-medical-technician: Emergency Medical Technician',
      'customer-care-technician: Customer Care Technician',
      'physical-therapy-assistant: Physical Therapy Assistant',
      'psychiatric-technician: Psychiatric (Mental Health) Technician',
      'health-information-technician: Health Information Technician',
    ]);
  });
});

describe('experience timeline and job titles', () => {
  // One job whose duties fit both roles about equally (a near tie without a title): only the title differs.
  const body = (title: string): string => `EXPERIENCE
${title}, Mercy Health, Jan 2021 - Present
• Provided basic life support and emergency care to patients on 911 calls and in the emergency department
• Performed EKGs, splinted fractures and transported patients
CERTIFICATIONS
BLS (AHA) | EMT-B (NREMT)
`;

  it('without a matching title the two roles are within a point of each other', () => {
    const r = analyzeResume(body('Cashier'), { asOf: '2026-06-30' });
    const score = (id: string): number => r.roles.find((x) => x.id === id)!.score;
    expect(Math.abs(score('emergency-room-technician') - score('emergency-medical-technician'))).toBeLessThan(1);
  });

  it.each([
    ['ER Technician', 'emergency-room-technician', 'shared duties under an ER technician title'],
    ['EMT-Basic', 'emergency-medical-technician', 'the same duties under an EMT-Basic title'],
  ])('the title decides between close roles: current title %s -> %s (%s)', (title, top) => {
    const r = analyzeResume(body(title), { asOf: '2026-06-30' });
    expect(r.roles[0]!.id).toBe(top);
    const titles = r.roles[0]!.contributions.filter((c) => c.component === 'titles');
    expect(titles.map((c) => c.evidence[0]!.text)).toEqual([title]);
  });

  it('months per skill are the union of the entries that mention it, with the last date used (asOf given)', () => {
    const text = `EXPERIENCE
ER Technician, Mercy Hospital, Jan 2020 - Present
• Performed EKGs on chest pain patients
Monitor Technician, St. Luke's, Jan 2019 - Jun 2020
• Read telemetry and ran EKGs on the step-down unit
Cashier, Target, 2015 - 2017
• Customer service at the front registers
`;
    const r = analyzeResume(text, { asOf: '2026-06-30' });
    expect(r.experience.map((e) => [e.title, e.from, e.to, e.months])).toEqual([
      ['ER Technician', '2020-01', 'present', 78],
      ['Monitor Technician', '2019-01', '2020-06', 18],
      ['Cashier', '2015-07', '2017-06', 24],
    ]);
    const ekg = r.skills.find((s) => s.id === 'ekg')!;
    // Jan 2019 - Jun 2026, the overlapping first half of 2020 counted once.
    expect(ekg.experience).toEqual({ months: 90, lastUsed: '2026-06', entries: [0, 1] });
    expect(r.skills.find((s) => s.id === 'customer-service')!.experience).toEqual({ months: 24, lastUsed: '2017-06', entries: [2] });
  });

  it('without asOf no clock is read: no experience per skill, no length for open-ended jobs, same output every day', () => {
    const text = 'EXPERIENCE\nER Technician, Mercy Hospital, Jan 2020 - Present\n• Performed EKGs';
    const r = analyzeResume(text);
    expect(r.skills[0]!).not.toHaveProperty('experience');
    expect(r.experience[0]!.months).toBeNull();
    expect(JSON.stringify(analyzeResume(text))).toBe(JSON.stringify(r));
  });

  it('a duty last used long ago counts less than the same duty now', () => {
    const job = (dates: string): string => `EXPERIENCE\nPhlebotomist, LabCorp, ${dates}\n• Drew blood and collected lab specimens`;
    const now = analyzeResume(job('Jan 2024 - Present'), { asOf: '2026-06-30', target: 'emergency-room-technician' }).target.score;
    const old = analyzeResume(job('Jan 2012 - Dec 2014'), { asOf: '2026-06-30', target: 'emergency-room-technician' }).target.score;
    expect(old).toBeLessThan(now);
  });

  it('a bad asOf is a typed options error naming the form', () => {
    expect(() => analyzeResume('x', { asOf: '24/11/2026' })).toThrow(InvalidOptionsError);
    expect(() => analyzeResume('x', { asOf: '24/11/2026' })).toThrow(/asOf/);
  });
});
