import { describe, expect, it } from 'vitest';
import { analyzer, found } from './helpers.js';

describe('skill matching: the traps', () => {
  it.each([
    // Serving customers shows customer service (the labelling convention of test/eval/README.md).
    ['patience (soft skill) is not patients', 'Patience with difficult customers', ['patience', 'customer-service']],
    ['patients is not patience', 'Cared for 20 patients per shift', ['patients']],
    ['customer service, customer care and patient care are three skills', 'customer service, customer care and patient care', ['customer-service', 'customer-care', 'patient-care']],
    ['EMS is not found inside "systems"', 'Managed billing systems and filing systems', []],
    ['ER is not found inside "order"', 'Processed orders and order entry', []],
    ['ER as the emergency room', 'Worked nights in the ER at County General Hospital', ['emergency-room']],
    ['lower-case "er" is not the emergency room', 'a nurse helper er assistant', []],
    ['PT meaning part-time is not physical therapy', 'Cashier (PT), 20 hrs/week | PT position', []],
    ['care alone is no skill', 'We care about quality and take care of details', []],
    ['CPR/First Aid gives both skills', 'CPR/First Aid', ['cpr', 'first-aid']],
    ['BLS/ACLS gives both', 'BLS/ACLS', ['bls', 'life-support']],
    ['B.P. is blood pressure', 'Checked B.P. and pulse', ['blood-pressure', 'heart-rate-monitoring']],
    ['vitals', 'Took vitals every 4 hours', ['vital-signs']],
    ['EKG/ECG is one skill', 'EKG/ECG', ['ekg']],
    ['EKGs', 'Performed EKGs', ['ekg']],
    ["EKG's", "Ran EKG's on chest pain patients", ['ekg', 'patients']],
    ['12-lead ECG', 'Acquired 12-lead ECG tracings', ['ekg']],
    // An EMT-Basic holds an EMT certification: the name contains it, so both are found (test/eval/README.md).
    ['E.M.T.-B', 'E.M.T.-B certified', ['emt-basic', 'emt-certification', 'certification']],
    ['Emergency Medical Technician - Basic', 'Emergency Medical Technician - Basic', ['emt-basic', 'emt-certification']],
    ['EMT-B', 'EMT-B (NREMT)', ['emt-basic', 'emt-certification']],
    ['a skill split across a line break', 'Monitored blood\npressure and vital\nsigns', ['blood-pressure', 'vital-signs']],
    ['a word hyphenated across a line break', 'Performed electro-\ncardiogram testing', ['ekg']],
    ['typo: electrocardiagram', 'electrocardiagram testing', ['ekg']],
    ['typo: vitals signs', 'recorded vitals signs', ['vital-signs']],
    ['mojibake around a skill', 'Phlebotomy â€“ venipuncture', ['phlebotomy']],
    ['HIPAA misspelt HIPPA', 'Followed HIPPA rules', ['hipaa-confidentiality']],
    ['home health aide', 'Home Health Aide', ['home-health']],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('the same skill in a skills list and two experience bullets: one skill, three evidence spans', () => {
    const text = 'SKILLS\nEKG | BLS\n\nEXPERIENCE\n• Performed EKGs on arrival\n• Ran 12-lead EKG for chest pain\n';
    const ekg = analyzer.extractSkills(text).find((s) => s.id === 'ekg')!;
    expect(ekg.evidence.map((e) => [e.text, e.section])).toEqual([
      ['EKG', 'skills'],
      ['Performed EKGs', 'experience'],
      ['12-lead EKG', 'experience'],
    ]);
  });

  it('the longest match wins an overlap', () => {
    expect(found('patient care')).toEqual(['patient-care']);
    expect(found('basic life support')).toEqual(['bls']);
    expect(found('Emergency Medical Technician')).toEqual(['emt-certification']);
  });

  it('short acronyms that are also words or word parts are case-sensitive', () => {
    // ER and ABA have other senses (employee relations, the bar association): they need health-care context.
    expect(found('ER nurse')).toEqual(['emergency-room']);
    expect(found('Er nurse')).toEqual([]);
    expect(found('ABA for autistic clients')).toEqual(['aba-therapy', 'autism-support']);
    expect(found('aba for autistic clients')).toEqual(['autism-support']);
    // Acronyms that are no English word also match in lower case, as the seeds write them.
    expect(found('ems and bls for patients')).toEqual(['ems', 'bls', 'patients']);
    expect(found('BP 120/80')).toEqual(['blood-pressure']);
    expect(found('bp')).toEqual([]);
  });

  it('match kinds: exact, alias, stem, fuzzy', () => {
    const kinds = (t: string) => analyzer.extractSkills(t).map((s) => `${s.id}:${s.evidence[0]!.kind}`);
    expect(kinds('vital signs')).toEqual(['vital-signs:exact']);
    expect(kinds('vitals')).toEqual(['vital-signs:alias']);
    expect(kinds('vital sign checks')).toEqual(['vital-signs:alias']);
    expect(kinds('splinted')).toEqual(['splinting:alias']);
    expect(kinds('splinters')).toEqual([]);
    expect(kinds('phlebotomies')).toEqual(['phlebotomy:stem']);
    expect(kinds('electrocardiagram')).toEqual(['ekg:fuzzy']);
    const fuzzy = analyzer.extractSkills('electrocardiagram')[0]!.evidence[0]!;
    expect(fuzzy.confidence).toBeLessThan(0.9);
    expect(fuzzy.confidence).toBeGreaterThan(0.5);
  });
});

describe('negation and hedging', () => {
  it.each([
    ['no experience with EKG', ['ekg!neg']],
    ['not yet certified in BLS', ['certification!neg', 'bls!neg']],
    ['seeking a role in patient care', ['patient-care!hedge']],
    ['interested in learning phlebotomy', ['phlebotomy!hedge']],
    ['familiar with telemetry monitoring', ['telemetry-monitoring!hedge']],
    ['coursework in medical terminology', ['medical-terminology!hedge']],
    // "certification"/"certified" inside a credential name is also the generic certification skill.
    ['CPR certification expected 2027', ['cpr!hedge', 'certification!hedge']],
    ['No EKG experience, but BLS certified', ['ekg!neg', 'bls', 'certification']],
    ['Never missed a shift; performed EKGs daily', ['ekg']],
    ['Performed EKGs. No weekend availability', ['ekg']],
    ['Without supervision, drew blood for 30 patients', ['phlebotomy', 'patients']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('a scope ends at the end of a line', () => {
    expect(found('No weekends\nPerformed EKGs')).toEqual(['ekg']);
  });

  it('a wrapped line keeps the scope', () => {
    expect(found('No experience with\nphlebotomy')).toEqual(['phlebotomy!neg']);
  });

  it('the cue is reported', () => {
    const e = analyzer.extractSkills('familiar with telemetry monitoring')[0]!.evidence[0]!;
    expect(e.cue).toBe('familiar with');
  });
});

describe('sections', () => {
  it('records each match’s section, or null before any heading', () => {
    const text = 'Jane Doe | EMT\n\nPROFILE\nCompassionate caregiver.\n\nCore Competencies:\nCPR, BLS\n\nWork History\n• Took vitals\n\nEDUCATION & TRAINING\nAnatomy and Physiology\n\nLicenses:\nEMT-B\nVolunteer\n• First aid at races\n';
    const got = analyzer.extractSkills(text).map((s) => `${s.id}@${s.evidence[0]!.section}`);
    expect(got).toEqual(['emt-certification@null', 'compassion@summary', 'cpr@skills', 'bls@skills', 'vital-signs@experience', 'anatomy@education', 'emt-basic@certifications', 'first-aid@volunteer']);
  });

  it('a heading with content on the same line', () => {
    expect(analyzer.extractSkills('Skills: CPR, BLS').map((s) => `${s.id}@${s.evidence[0]!.section}`)).toEqual(['cpr@skills', 'bls@skills']);
  });

  it('heading words are not skills', () => {
    expect(found('CERTIFICATIONS\nCPR')).toEqual(['cpr']);
  });
});

describe('output shape', () => {
  it('is one record per skill with the documented fields, in order of first mention', () => {
    const text = 'Ran EKGs and took vitals.';
    expect(analyzer.extractSkills(text)).toEqual([
      { id: 'ekg', label: 'EKG / electrocardiogram', category: 'clinical', evidence: [{ start: 4, end: 8, text: 'EKGs', section: null, kind: 'alias', negated: false, hedged: false, confidence: 0.95 }] },
      { id: 'vital-signs', label: 'Vital signs', category: 'clinical', evidence: [{ start: 18, end: 24, text: 'vitals', section: null, kind: 'alias', negated: false, hedged: false, confidence: 0.95 }] },
    ]);
  });

  it('evidence spans slice the caller’s input, through mojibake, CRLF, ligatures and hyphenation', () => {
    const input = 'â€¢ Performed electro-\r\ncardiogram tests\r\n\uFB01rst aid | Ã© | B.P.\u200B checks\r\n';
    const skills = analyzer.extractSkills(input);
    for (const s of skills) for (const e of s.evidence) expect(input.slice(e.start, e.end)).toBe(e.text);
    expect(skills.map((s) => [s.id, s.evidence[0]!.text])).toEqual([
      ['ekg', 'electro-\r\ncardiogram tests'],
      ['first-aid', '\uFB01rst aid'],
      ['blood-pressure', 'B.P.'],
    ]);
  });
});
