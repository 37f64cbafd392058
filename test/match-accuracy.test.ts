/**
 * Pins the matching-accuracy rules (nested credentials and populations, stem keys, notWhen contexts, post
 * negation, voided hedges, typo tolerance, added aliases) on example text written for this file; none of it is
 * taken from the evaluation set in test/eval.
 */
import { describe, expect, it } from 'vitest';
import { analyzer, found } from './helpers.js';

describe('a mention inside a longer mention', () => {
  it.each([
    ['the generic credential word in a credential name', 'Certified Nurse Aide since 2018', ['certification', 'nursing-assistant']],
    ['"licensed" in a licence name', 'State licensed psychiatric technician', ['certification', 'psychiatric-technician-license']],
    ['"certified" after a credential', 'CPR certified through the AHA', ['cpr', 'certification']],
    ['the credential an EMT-Basic implies', 'EMT-Basic (Ohio)', ['emt-basic', 'emt-certification']],
    ['NREMT-B is EMT-Basic and an EMT certification', 'NREMT-B, 2021', ['emt-basic', 'emt-certification']],
    ['a credential name alone gives only itself', 'CNA', ['nursing-assistant']],
    ['a credential that is not implied stays out', 'Basic life support', ['bls']],
    ['HIPAA patient confidentiality shows confidentiality', 'Protected patient confidentiality', ['hipaa-confidentiality', 'confidentiality']],
    ['patients as the object that ends a phrase', 'Transported patients to dialysis', ['patient-transport', 'patients']],
    ['patients as the object inside a phrase (plural)', 'Checked patients in for clinic visits', ['patient-intake', 'patients']],
    ['patients after a verb phrase', 'Lift and move patients safely', ['physical-stamina', 'patients']],
    ['"patient" as the first word modifies the phrase', 'Patient transport', ['patient-transport']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('the nested mention has its own evidence span', () => {
    const text = 'Certified Nurse Aide';
    const got = analyzer.extractSkills(text).map((s) => [s.id, s.evidence[0]!.text]);
    expect(got).toEqual([['certification', 'Certified'], ['nursing-assistant', 'Certified Nurse Aide']]);
    for (const s of analyzer.extractSkills(text)) for (const e of s.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('a nested mention takes the negation or hedge of its clause', () => {
    expect(found('Not a licensed psychiatric technician')).toEqual(['certification!neg', 'psychiatric-technician-license!neg']);
    expect(found('EMT-B certification pending')).toEqual(['emt-basic!hedge', 'emt-certification!hedge', 'certification!hedge']);
  });
});

describe('an exact-case acronym wins the same span over a case-folded alias', () => {
  it.each([
    ['PTs are physical therapists', 'Coordinated discharge plans with PTs and OTs', ['physical-therapy', 'occupational-therapy']],
    ['pts are patients', 'Saw 12 pts per day', ['patients']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('negation and hedging cues', () => {
  it.each([
    ['a negation after the mention, ending the clause', 'Phlebotomy - no', ['phlebotomy!neg']],
    ['a negation after a colon', 'Telemetry unit experience: none', ['telemetry-monitoring!neg']],
    ['"no" that does not end the clause is no negation', 'Phlebotomy: no issues reported', ['phlebotomy']],
    ['a "yes" clause before a "no" clause', 'Vitals - yes; phlebotomy - no', ['vital-signs', 'phlebotomy!neg']],
    ['"never missed" is no negation', 'Never missed a dressing change', ['wound-care']],
    ['"not only" is no negation', 'Not only charted vitals but also trained staff', ['charting', 'vital-signs']],
    ['finished coursework is no hedge', 'Finished coursework in anatomy', ['anatomy']],
    ['coursework alone is still a hedge', 'Coursework in anatomy', ['anatomy!hedge']],
    ['an aspiration: "to work as"', 'Goal: to work as an EMT', ['emt-certification!hedge']],
    ['a credential candidate', 'Medical coding: CPC candidate', ['medical-coding', 'health-information-credential!hedge']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['a dropped letter in a 7-letter word', 'Monitored blood presure q4h', ['blood-pressure']],
    ['a changed letter in a 7-letter real word is not corrected', 'Charged devices overnight', []],
    ['another 7-letter real word', 'Cleared tables after lunch', []],
    ['a real word one letter from "discreet"', 'Discrete event simulation', []],
    ['a real word near "backboard"', 'Stepped backwards', []],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('alias words keyed on themselves, not on a colliding Porter stem', () => {
  it.each([
    ['"emergency" alone is not emergency care', 'Emergency exit drills', []],
    ['emergencies are', 'Responded to emergencies on the nursing unit', ['emergency-care']],
    ['"medic" is not medication (a medic gives emergency care)', 'Army medic', ['emergency-care']],
    ['"medical" is not medication', 'Medical assistant', []],
    ['medications are', 'Passed medications to residents', ['medication-administration', 'patients']],
    ['"excellent" is not Excel', 'Excellent work ethic', []],
    ['Excel is', 'Excel spreadsheets', ['computer-skills']],
    ['"vital" is not vitals', 'Vital role on the team', []],
    ['"cast" is not casting', 'Cast in the school play', []],
    ['"chart" is not charting', 'Pulled charts for audits', []],
    ['"charted" is', 'Charted I&Os every shift', ['charting']],
    ['"custom" is not customers', 'Custom orders', []],
    ['customers are customer service', 'Assisted customers at the register', ['customer-service']],
    ['"mobile" is not mobility', 'Mobile phone repair', []],
    ['"observed" is not observational skills', 'Observed a shadowing day', []],
    ['observation is', 'Close observation of at-risk patients', ['observational-skills', 'patients']],
    ['observant is', 'Observant and detail-oriented', ['observational-skills', 'attention-to-detail']],
    ['"residence" is not residents', 'Residence hall assistant', []],
    ['residents are patients', 'Cared for 20 residents of a nursing home', ['patients']],
    ['a phone number is not phone support', 'Phone: 555-0100', []],
    ['the phones are', 'Covered the phones during lunch', ['phone-support']],
    ['"clean" is not cleaning', 'Clean driving record', []],
    ['cleaning is', 'Cleaning and restocking exam rooms', ['cleanliness', 'inventory']],
    ['"physical" is not physicals', 'Physical education coach', []],
    ['physicals are', 'Sports physicals', ['physical-examinations']],
    ['"discretion" is not "discrete"', 'Used discretion with sensitive files', ['confidentiality']],
    ['"documents" is not documented', 'Signed documents', []],
    ['"claimed" is not claims', 'Claimed expenses', []],
    ['claims are', 'Followed up on denied claims for the clinic', ['insurance-claims']],
    ['"registration" is not registered', 'Registration desk volunteer', []],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('contexts in which a literal form is not the skill (notWhen)', () => {
  it.each([
    ['pulse after "at" is a name', 'Manager at Pulse Gym', []],
    ['a pulse is', 'Checked radial pulse', ['heart-rate-monitoring']],
    ['a driver licence is no professional certification', 'Valid drivers license', []],
    ['a confidential informant', 'Confidential informant handler', []],
    ['charting a course', 'Charted a path to promotion', []],
    ['film casting', 'Casting director for student films', []],
    ['orthopedic casting', 'Assisted with casting and splints', ['splinting']],
    ['the parent-teacher association', 'PTA treasurer', []],
    ['a physical therapist assistant', 'Licensed PTA', ['certification', 'physical-therapy']],
    ['"scheduled" in the passive', 'Exam scheduled for June', []],
    ['"scheduled" as a verb', 'Scheduled follow-up visits', ['scheduling']],
    ['"fast-paced" describing a workplace', 'Busy, fast-paced clinic', []],
    ['"fast-paced" as a claim', 'Thrive in fast-paced environments', ['calm-under-pressure']],
    ['the broadcast Emergency Alert System', 'Maintained the Emergency Alert System transmitter', []],
    ['radiology as a destination', 'Escorted patients to radiology', ['patients']],
    ['"documented" outside a chart', 'Documented software requirements', []],
    ['"documented" in care', 'Documented intake and output for patients', ['charting', 'patients']],
    ['"registered" for a class', 'Registered for classes', []],
    ['"registered" in a credential', 'Registered Medical Assistant', ['certification']],
    ['"patient" modifying a noun', 'Escorted visitors to patient rooms', []],
    ['"patient" modifying another noun', 'Updated patient demographics', []],
    ['bare "intake" is not patient intake', 'Air intake filters', []],
    ['client intake is', 'Completed client intake paperwork', ['patient-intake']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('aliases for wording resumes use', () => {
  it.each([
    ['feeding is an activity of daily living', 'Helped with feeding and grooming', ['adl-assistance']],
    ['tube feeding stays a diet skill', 'Tube feeding', ['diet-management']],
    ['meal prep and housekeeping', 'Meal prep and light housekeeping', ['diet-management', 'cleanliness']],
    ['respirations are a vital sign', 'Counted respirations', ['vital-signs']],
    ['nasal cannula', 'Set up nasal cannula', ['respiratory-care']],
    ['customer complaints', 'Handled customer complaints', ['customer-service']],
    ['over the phone', 'Answered questions over the phone', ['phone-support']],
    ['a help line', 'Staffed the nurse help line', ['phone-support']],
    ['posted payments', 'Posted payments daily', ['patient-billing']],
    ['paper records', 'Scanned paper records', ['medical-records']],
    ['chart completion', 'Tracked chart completion', ['medical-records']],
    ['mass casualty', 'Mass casualty drills', ['emergency-care']],
    ['bleeding control', 'Bleeding control', ['emergency-care']],
    ['DSM-5', 'DSM-5 criteria', ['abnormal-psychology']],
    ['worked alongside', 'Worked alongside nurses', ['teamwork']],
    ['interfacility transfers', 'Ran interfacility transfers', ['patient-transport']],
    ['laceration repair', 'Assisted with laceration repair', ['minor-procedures']],
    ['cervical collars', 'Applied c-collars', ['splinting']],
    ['BCBA', 'Supervised by a BCBA', ['aba-therapy']],
    ['WebPT', 'Notes in WebPT', ['ehr']],
    ['eligibility', 'Verified eligibility', ['insurance-claims']],
    ['A/R follow-up', 'A/R follow-up', ['patient-billing']],
    ['satisfaction ratings', 'Satisfaction ratings above goal', ['customer-satisfaction']],
    ['double-checked', 'Double-checked labels', ['attention-to-detail']],
    ['built rapport', 'Built rapport with families', ['interpersonal-skills']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
