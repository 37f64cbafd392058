/**
 * Role calibration (issue 19): a health role needs breadth of health-care evidence, CPR and first aid are common
 * outside health care, and the customer care technician wins on its own skills, not on the clinical ones it shares.
 * Resumes here are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyzeResume, defaultTaxonomy } from '../src/index.js';
import { BREADTH_FLOOR, SHARED_CLINICAL } from '../src/analyze.js';
import { compileHeadings, headingKind } from '../src/text/sections.js';

const HEALTH = ['health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician'];
const bestHealth = (text: string) => Math.max(...analyzeResume(text).roles.filter((r) => HEALTH.includes(r.id)).map((r) => r.score));

describe('a health role needs breadth', () => {
  const developer = 'EXPERIENCE\nSoftware Engineer, PillPal\n• Built the medication reminder screen in React Native\n• Wrote the medication schedule API in Node.js\n• Led code reviews and sprint planning\n\nSKILLS\nTypeScript, React, PostgreSQL, AWS\n';

  it('a software resume that says "medication" twice stays under 15 on every health role', () => {
    expect(bestHealth(developer)).toBeLessThanOrEqual(15);
  });

  it('a lifeguard with CPR and first aid stays under 15 on every health role (both are generic)', () => {
    const lifeguard = 'EXPERIENCE\nLifeguard, City Pools\n• Kept swimmers safe across three pools\n\nCERTIFICATIONS\nCPR/AED, First Aid, Lifeguard Training\n';
    expect(bestHealth(lifeguard)).toBeLessThanOrEqual(15);
  });

  it('one health-care skill keeps BREADTH_FLOOR plus its share of breadth, and four keep everything', () => {
    expect(BREADTH_FLOOR).toBeGreaterThan(0);
    expect(BREADTH_FLOOR).toBeLessThan(1);
    const one = analyzeResume('EXPERIENCE\n• Performed EKGs\n').roles.find((r) => r.id === 'emergency-room-technician')!;
    const ekg = one.contributions.find((c) => c.id === 'ekg')!;
    // EKG strength: a stem match ("EKGs", 0.9) in experience (1) x (0.4 + 0.6 x 1/4).
    expect(ekg.strength).toBeCloseTo(0.9 * (BREADTH_FLOOR + (1 - BREADTH_FLOOR) / 4), 3);
    const four = analyzeResume('EXPERIENCE\n• Performed EKGs, drew blood, took vitals and splinted fractures\n').roles.find((r) => r.id === 'emergency-room-technician')!;
    expect(four.contributions.find((c) => c.id === 'ekg')!.strength).toBeCloseTo(0.9, 3);
  });
});

describe('the customer care technician wins on its own skills', () => {
  it('a patient care technician who also lists customer service ranks a health role first', () => {
    const pct = 'PATIENT CARE TECHNICIAN\nEXPERIENCE\n• Took vital signs and blood pressure for 20 patients per shift\n• Performed EKGs and fingerstick glucose checks\n• Provided excellent customer service to patients and families\n\nSKILLS\nCustomer service, phones, data entry\n';
    const r = analyzeResume(pct);
    expect(HEALTH).toContain(r.roles[0]!.id);
    expect(r.roles.findIndex((x) => x.id === 'customer-care-technician')).toBeGreaterThan(0);
  });

  it("a clinical skill counts SHARED_CLINICAL toward it (patients, blood pressure, vital signs)", () => {
    const r = analyzeResume('EXPERIENCE\n• Took blood pressure for patients\n').roles.find((x) => x.id === 'customer-care-technician')!;
    for (const id of ['patients', 'blood-pressure']) {
      const c = r.contributions.find((x) => x.id === id)!;
      expect(c.strength, id).toBeLessThanOrEqual(SHARED_CLINICAL);
    }
  });

  it('a call-centre resume still ranks it first', () => {
    const csr = 'CUSTOMER SERVICE REPRESENTATIVE\nEXPERIENCE\n• Answered 80 inbound calls a day about orders and returns\n• Kept customer satisfaction above 95%\n• Logged every case in Salesforce and Zendesk\n';
    expect(analyzeResume(csr).roles[0]!.id).toBe('customer-care-technician');
  });
});

describe('headings written as real resumes write them', () => {
  it.each([
    ['CERTIFICATIONS/LICENSES', 'certifications'],
    ['Skills & Abilities', 'skills'],
    ['Licenses + Certifications', 'certifications'],
    ['CLINICAL CERTIFICATIONS', 'certifications'],
    ['Relevant Experience:', 'experience'],
    ['Relevant experience in hospitals', null],
  ])('%s', (line, kind) => {
    expect(headingKind(line, compileHeadings(defaultTaxonomy.lexicon!.sections))).toBe(kind);
  });
});
