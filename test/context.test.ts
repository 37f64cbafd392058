/**
 * Precision at the root (issue 19): list-item markers end phrases, forms with a common non-health sense need
 * health-care context, non-health compounds never match, other people's credentials are not the writer's, and typo
 * tolerance leaves real English words alone. Each row names the rule; the texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultTaxonomy } from '../src/index.js';
import { tokenize, GAP_CLAUSE } from '../src/text/tokenize.js';
import { found } from './helpers.js';

describe('every list-item marker ends a phrase, like a bullet', () => {
  it.each([
    ['a hyphen', 'Charge nurse\n- Assisted with admissions', []],
    ['an en dash (normalized to a hyphen)', 'Charge nurse\n\u2013 Assisted with admissions', []],
    ['an asterisk', 'emergency\n* Room layout planning', []],
    ['a plus', 'emergency\n+ Room layout planning', []],
    ['Word\'s "o" outline marker', 'emergency\no Room layout planning', []],
    ['indented markers', 'Home\n   - Health insurance enrolment', []],
    ['a bullet, as before', 'emergency\n\u2022 Room layout planning', []],
    ['a wrapped line with no marker still joins', 'Monitored blood\npressure hourly', ['blood-pressure']],
    ['the item itself still matches', 'Skills\n- Phlebotomy\n- EKG', ['phlebotomy', 'ekg']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('sets a clause gap before the first word of the item and skips the marker', () => {
    const t = tokenize('nurse\no Assisted');
    expect(t.map((x) => x.raw)).toEqual(['nurse', 'Assisted']);
    expect(t[1]!.gap & GAP_CLAUSE).toBe(GAP_CLAUSE);
  });

  it('a hyphen that is no marker (a negative number, a joined word) is left alone', () => {
    expect(tokenize('Temp\n-5 degrees').map((x) => x.raw)).toEqual(['Temp', '5', 'degrees']);
    expect(found('CPR/AED\n-certified')).toEqual(['cpr', 'certification']);
  });
});

describe('a form with a common non-health sense needs health-care context', () => {
  it.each([
    ['EMS as an environmental management system', 'Implemented an ISO 14001 EMS at three plants', []],
    ['EMS as a messaging service', 'Administered the EMS messaging cluster', []],
    ['ER as employee relations', 'Managed ER cases and investigations for 400 employees', []],
    ['ER in an HR compound, even in a hospital', 'Employee Relations (ER) partner for the hospital', []],
    ['a software registry', 'Pushed images to the Docker registry', []],
    ['a research lab', 'Built a lab for penetration testing', []],
    ['software telemetry', 'Added telemetry to the billing service', []],
    ['a pulse survey', 'Ran the quarterly pulse survey', []],
    ['team exercises', 'Planned tabletop exercises for the security team', []],
    ['an industry veteran', 'Industry veteran of enterprise sales', []],
    ['the bar association', 'ABA member since 2015', []],
    ['EMS with a health word on its line', 'Volunteer EMS crew for the county ambulance service', ['ems']],
    ['ER with a clinical skill on its line', 'Drew blood and ran EKGs in the ER', ['phlebotomy', 'ekg', 'emergency-room']],
    ['a lab with patients on its line', 'Drew labs for clinic patients', ['laboratory-tests', 'patients']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('the resume is context too: two health-care skills anywhere make every line health care', () => {
    const text = 'EXPERIENCE\n• Took vitals and charted in Epic\n• Assisted with phlebotomy\n\nSKILLS\nER | EMS | telemetry\n';
    expect(found(text)).toEqual(['vital-signs', 'charting', 'ehr', 'phlebotomy', 'emergency-room', 'ems', 'telemetry-monitoring']);
    // One health-care skill is not enough for lines other than its own.
    expect(found('EXPERIENCE\n• Took vitals\n\nSKILLS\nER | EMS | telemetry\n')).toEqual(['vital-signs']);
  });

  it('context never rescues a form inside its non-health compound', () => {
    expect(found('Took vitals, drew labs and ran EKGs for patients\nB.S. Computer Science; computer skills')).toEqual(['vital-signs', 'laboratory-tests', 'ekg', 'patients', 'computer-skills']);
    expect(found('Patients and nurses: Bureau of Labor Statistics (BLS) data analyst')).toEqual(['patients']);
  });

  it('every context-needing form of the default taxonomy is found with context and dropped without it', () => {
    const lost: string[] = [];
    const kept: string[] = [];
    for (const s of defaultTaxonomy.skills) {
      for (const a of s.ambiguous ?? []) {
        if (a.context === false && !a.cues) continue;
        const ids = (t: string): string[] => createAnalyzer().extractSkills(t).map((m) => m.id);
        // A form with sense cues needs one of them on its line; the others, health-care context.
        const withContext = a.cues ? `• ${a.form} ${a.cues[0]} at the office\n` : `• ${a.form} at the hospital\n`;
        if (!ids(withContext).includes(s.id)) lost.push(`${s.id}: ${a.form}`);
        if (ids(`• ${a.form} at the office\n`).includes(s.id)) kept.push(`${s.id}: ${a.form}`);
      }
    }
    expect(lost).toEqual([]);
    expect(kept).toEqual([]);
  });

  it('every compound of the default taxonomy blocks its form, even in a health-care line', () => {
    const matched: string[] = [];
    for (const s of defaultTaxonomy.skills) {
      for (const a of s.ambiguous ?? []) {
        for (const c of a.compounds ?? []) {
          const spans = createAnalyzer().extractSkills(`${c} at the hospital`).filter((m) => m.id === s.id);
          if (spans.length) matched.push(`${s.id}: ${c}`);
        }
      }
    }
    expect(matched).toEqual([]);
  });

  it('a custom taxonomy can declare its own ambiguous forms', () => {
    const t = structuredClone(defaultTaxonomy);
    const ekg = t.skills.find((s) => s.id === 'ekg')!;
    ekg.ambiguous = [{ form: 'ecg', senses: ['Electronic Commerce Group'] }];
    const a = createAnalyzer({ taxonomy: t });
    expect(a.extractSkills('ECG team lead').map((s) => s.id)).toEqual([]);
    expect(a.extractSkills('ECG for chest pain patients').map((s) => s.id)).toEqual(['ekg', 'patients']);
  });
});

describe('a form with sense cues counts beside one of them', () => {
  it.each([
    ['serving customers', 'Assisted customers at the register', ['customer-service']],
    ['answering customers', 'Answered customers\' billing questions', ['customer-service']],
    ['customers as a market', 'Shipped hundreds of products a day to customers', []],
    ['customers in data', 'Segmented customers by purchase history', []],
    ['appointment scheduling', 'Scheduling for a busy pediatric clinic', ['scheduling']],
    ['project scheduling', 'Project planning, scheduling and reporting', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("other people's credentials and paperwork are not the writer's", () => {
  it.each([
    ['license renewals', 'Processed license renewals for 200 staff', []],
    ['EMT paperwork', 'Filed EMT paperwork for the county office', []],
    ['certification tracking', 'Maintained CPR certification tracking for all employees', []],
    ['under a licensed professional', 'Worked under a licensed professional counselor', []],
    ['people in the field', 'Worked with medical transcriptionists to correct reports', []],
    ['a crew of EMTs', 'Scheduled a crew of EMTs for county events', ['scheduling']],
    ['the writer\'s own license', 'Licensed practical nurse since 2018', ['certification']],
    ['the writer\'s own certification', 'BLS and CPR certified', ['bls', 'cpr', 'certification']],
    ['the writer\'s own title', 'Certified Nursing Assistant, Sunrise Senior Living', ['certification', 'nursing-assistant']],
    ['assisting nurses with a skill of the writer', 'Assisted nurses with wound care for residents', ['wound-care', 'patients']],
    ['a possessive names a person', 'Drew installation plans under a licensed engineer\u2019s supervision', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('typo tolerance never turns a correctly spelled English word into another word', () => {
  it.each([
    ['compression is not compassion', 'Applied compression to reduce image size', []],
    ['a misspelling is still corrected', 'Showed compasion to families', ['compassion']],
    ['meditation is not medication', 'Led meditation sessions', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('the real words come from an English word list, generated, not written by hand', () => {
    const words = defaultTaxonomy.lexicon!.realWords!;
    expect(words.length).toBeGreaterThan(100);
    expect(words).toContain('compression');
    expect([...words].sort()).toEqual(words);
  });
});

describe('"patient" as a personal trait is patience', () => {
  it.each([
    ['in a list of adjectives', 'Reliable, patient and calm', ['patience']],
    ['patient and kind', 'Patient and kind with residents', ['patience', 'patients']],
    ['the noun is still patients', 'Cared for 20 patients per shift', ['patients']],
    ['a list item beside a trait, comma on both sides', 'Good team worker, patient, responsible', ['teamwork', 'patience']],
    ['a trait before it across "and"', 'Friendly and patient', ['patience']],
    ['a list item beside a non-trait is not a trait', 'Patient, family and staff education', ['patients']],
    ['a noun after a determiner stays patients', 'Checked on each patient, kept rooms tidy', ['patients']],
    ['the plural is never the trait', 'Reliable, patients and families', ['patients']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('"patient" before a noun, or a coordinated one, is a modifier, not patients', () => {
  it.each([
    ['a database', 'Built around a single patient database', []],
    ['a coordinated modifier reads on past "and"', 'Verified patient and prescription information daily', []],
    ['a plain modifier, as before', 'Updated patient records', ['medical-records']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('customer as data or a market is not customer service', () => {
  it.each([
    ['customer data', 'Merged customer data in SAP', []],
    ['customer master', 'Maintained customer master records', []],
    ['enterprise customers', 'Working with large enterprise customers on cloud design', []],
    ['service to customers still counts', 'Assisted customers with returns at the counter', ['customer-service']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('first aid as a facility, and record management of students, are not the skills', () => {
  it.each([
    ['a first aid facility', 'First aid facility on site', []],
    ['first aid training still counts', 'Trained in first aid', ['first-aid']],
    ['student record management', 'Streamlined student record management', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a programme or course name, and a heading listing headings, credit no certification', () => {
  it.each([
    ['a training programme', 'Certified Network Associate Training Program', []],
    ['a certificate programme', 'Security Guard Certificate Program', []],
    ['the writer\'s own credential still counts', 'AWS Certified Solutions Architect', ['certification']],
    ['a heading that lists headings', 'Expertise, Certification and Training\nBLS', ['bls']],
    ['a heading with a qualifying word, as before', 'CLINICAL CERTIFICATIONS\nBLS', ['bls']],
    ['a content line listing credentials is no heading', 'Certified in CPR and first aid', ['certification', 'cpr', 'first-aid']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('phrasings real resumes use, keyed apart from colliding stems', () => {
  it.each([
    ['a medic is emergency care', 'Served as a medic for the 82nd Airborne', ['emergency-care']],
    ['"medical" is not a medic (Porter stems both to "medic")', 'Varian Medical Systems, Palo Alto', []],
    ['"detailed" among traits is attention to detail', 'Dynamic, detailed, and results-centric team leader', ['attention-to-detail']],
    ['"detailed" before a noun is not', 'Wrote detailed reports for the board', []],
    ['part of a team', 'I was part of a team building custom tooling', ['teamwork']],
    ['a team of four', 'Worked on a team of 4 to design an intake system', ['teamwork']],
    ['insurance billing', 'Handle insurance billing and compliance', ['insurance-claims']],
    ['a clean and organized work area', 'Maintained a clean and organized work area', ['cleanliness']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('"mobility" is therapeutic exercise only beside a care word', () => {
  it.each([
    ['enterprise mobility', 'Launched the enterprise mobility suite for carriers', []],
    ['a business unit heading', 'MOBILITY, HEALTHCARE & LIFE SCIENCE', []],
    ['assisting residents with mobility', 'Assisted residents with mobility and transfers', ['patients', 'therapeutic-exercise']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a course certificate is no professional certification; a numbered or licensing one is', () => {
  it.each([
    ['a bootcamp certificate', 'Certificate in Full Stack Web Development', []],
    ['an online course certificate', 'Certificate from an online course: Search Engines', []],
    ['a certificate of completion', 'Certificate of Completion in Front-End Development', []],
    ['a numbered certificate', '(Certificate Number: CPT12345)', ['certification']],
    ['a pilot certificate', 'Transport Pilot Certificate', ['certification']],
    ['"Certification in" still counts', 'Certification in Project Management', ['certification']],
    ['a school certificate, as before', 'Secondary School Certificate, 2012', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('more phrasings real resumes use (work named by its usual words)', () => {
  it.each([
    ['database migration', 'Led the Oracle database migration to the new data center', ['database-management']],
    ['a data mart', 'Maintained the oncology data mart for research requests', ['database-management']],
    ['emergency response vehicles', 'Maintained and safely drove emergency response vehicles', ['ems']],
    ['an IT technician title', 'IT Technician', ['technical-support']],
    ['counseling services', 'Provided mental health counseling services', ['mental-health', 'therapy-sessions']],
    ['rooming patients', 'Assisted with rooming patients and taking vital signs', ['patient-intake', 'patients', 'vital-signs']],
    ['"rooms" alone is no intake', 'Disinfected exam rooms after every visit', ['cleanliness']],
    ['strong relationships', 'Sustained strong relationships with clinical teams', ['interpersonal-skills']],
    ['cross checking', 'Cross checking bills before approval', ['attention-to-detail']],
    ['data protection policies', 'Adhered to policies for data protection', ['confidentiality']],
    ['inbound customer inquiries are customer service', 'Handle inbound customer inquiries', ['customer-service']],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('patient education, coaching and composure in the words resumes use', () => {
  it.each([
    ['educating patients', 'Educated patients and families before discharge', ['educational-programs', 'patients']],
    ['a health programme', 'Developed an original health program for girls', ['educational-programs']],
    ['fitness goals', 'Coached clients toward their fitness goals', ['health-coaching']],
    ['remaining calm', 'Learned that remaining calm was the best course of action', ['calm-under-pressure']],
    ['prompt service', 'Recorded transactions to ensure prompt service', ['customer-service']],
    ['typing speed in words per minute', 'Typing 70 WPM', ['data-entry']],
    ['progress notes', 'Complete daily progress notes and individual logs', ['charting']],
    ['observe and report', 'Observe and report unusual behavior to clinical staff', ['observational-skills']],
    ['work cooperatively', 'Work cooperatively with clinical staff', ['teamwork']],
    ['turned and repositioned', 'Turned and repositioned bedridden patients', ['patient-care', 'patients']],
    ['patient-focused care is care, not a population', 'Patient-focused care', ['patient-care']],
    ['by telephone', 'Contacted customers by telephone about overdue accounts', ['phone-support']],
    ['a support centre', 'Escalation Specialist, HiPower Support Centre', ['customer-care']],
    ['clinical information systems name no EHR', 'CLINICAL INFORMATION SYSTEMS ADMINISTRATOR', []],
  ])('%s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
