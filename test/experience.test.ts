import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidOptionsError } from '../src/errors.js';
import {
  monthsOfUnion,
  parseDateRange,
  parseExperience,
  parseJsonResumeWork,
  monthsSinceEnd,
  recencyFactor,
  skillExperience,
  type DateRange,
  type ExperienceEntry,
} from '../src/experience/index.js';
import { entrySegments, renderJsonResume } from '../src/text/json-resume.js';
import { compileHeadings, findSections } from '../src/text/sections.js';
import { defaultTaxonomy } from '../src/taxonomy.js';

const asOf = '2025-06-15';
/** The default lexicon's headings: the analyzer passes its own lexicon's (`compileHeadings`). */
const headings = compileHeadings(defaultTaxonomy.lexicon!.sections);
const opts = { asOf, headings };

describe('parseDateRange', () => {
  // [line, start, end, months, precision]; null when the line holds no usable range.
  const table: [string, string | null, string | null, number, DateRange['precision']][] = [
    ['Jan 2015 – Present', '2015-01', 'present', 126, 'month'],
    ['January 2015 - Current', '2015-01', 'present', 126, 'month'],
    ['01/2015 - 03/2018', '2015-01', '2018-03', 39, 'month'],
    ['1/2015-3/2018', '2015-01', '2018-03', 39, 'month'],
    ['01.2015 - 03.2018', '2015-01', '2018-03', 39, 'month'],
    // A year without a month is read as mid-year: three calendar years apart is 36 months.
    ['2015-2018', '2015-07', '2018-06', 36, 'year'],
    ['2015 – 2018', '2015-07', '2018-06', 36, 'year'],
    ['2015 to 2018', '2015-07', '2018-06', 36, 'year'],
    ['2019 - 2019', '2019-01', '2019-12', 12, 'year'],
    ['Nov 2018 - 2018', '2018-11', '2018-12', 2, 'year'],
    ['March 2019 to current', '2019-03', 'present', 76, 'month'],
    ['Summer 2019', '2019-06', '2019-08', 3, 'season'],
    ['Fall 2018 - Spring 2020', '2018-09', '2020-05', 21, 'season'],
    ['Winter 2020', '2020-01', '2020-03', 3, 'season'],
    ['2019 - now', '2019-07', 'present', 72, 'year'],
    ['Mar. 2020 – Present', '2020-03', 'present', 64, 'month'],
    ['Sept 2017 — Aug 2019', '2017-09', '2019-08', 24, 'month'],
    ['2020-03 – 2021-06', '2020-03', '2021-06', 16, 'month'],
    ['2020-03-15 - 2021-06-30', '2020-03', '2021-06', 16, 'month'],
    ['since 2019', '2019-07', 'present', 72, 'year'],
    ['Since March 2020', '2020-03', 'present', 64, 'month'],
    ['from 2016 to date', '2016-07', 'present', 108, 'year'],
    ['Jan - Mar 2019', '2019-01', '2019-03', 3, 'month'],
    ["Jan '19 - Jun '21", '2019-01', '2021-06', 30, 'month'],
    // A full date is read when only one reading is possible (23 cannot be a month).
    ['05/23/2019 - 06/2020', '2019-05', '2020-06', 14, 'month'],
    // A planned end later than asOf counts up to asOf.
    ['Jun 2024 - Dec 2025', '2024-06', '2025-06', 13, 'month'],
    // MM/YY beside another month or "Present"; "2015-16" is a school or fiscal year range (over 12, not a month).
    ['03/19 - 06/21', '2019-03', '2021-06', 28, 'month'],
    ['04/22 – Present', '2022-04', 'present', 39, 'month'],
    ['2015-16', '2015-07', '2016-06', 12, 'year'],
    ['(2017-19)', '2017-07', '2019-06', 24, 'year'],
    ['2 years', null, null, 24, 'duration'],
    ['18 months', null, null, 18, 'duration'],
    ['3 yrs', null, null, 36, 'duration'],
    ['1.5 years', null, null, 18, 'duration'],
    ['5+ years', null, null, 60, 'duration'],
    ['2 years 3 months', null, null, 27, 'duration'],
  ];
  it.each(table)('%s -> %s .. %s (%i months)', (line, start, end, months, precision) => {
    const r = parseDateRange(line, opts);
    expect(r).not.toBeNull();
    expect({ start: r!.start, end: r!.end, months: r!.months, precision: r!.precision }).toEqual({ start, end, months, precision });
  });

  // Ambiguous or malformed dates are skipped, not guessed.
  const skipped: [string, string][] = [
    ['13/2015 - 03/2018', 'month 13'],
    ['2015-2014', 'reversed range'],
    ['Mar 2019 - Jan 2019', 'reversed months'],
    ['Jan 2030 - Present', 'starts years after asOf'],
    ['Jan 2026 - Present', 'starts after asOf'],
    ['Summer 2026', 'a season after asOf'],
    ['05/06/2019 - 05/23/2020', 'May 6 or June 5'],
    ['2011-12', 'an ISO month alone, not a range'],
    ['2015-14', 'a 2-digit year before the start'],
    ['24/7 - 2019', 'MM/YY only beside a month or Present'],
    ['03/19 - 2021', 'MM/YY beside a year'],
    ['May 2019', 'a lone date is not a range'],
    ['Jan 2019 - Mar', 'end without a year'],
    ['(713) 555-2019', 'a phone number'],
    ['GS-0640-6', 'a pay grade'],
    ['12-lead EKG, 24-bed unit', 'numbers that are not years'],
    ['1890 - 1895', 'before 1950'],
    ['', 'empty'],
  ];
  it.each(skipped)('%s is skipped (%s)', (line) => {
    expect(parseDateRange(line, opts)).toBeNull();
  });

  it('gives where the range is in the line, and skips a malformed range to find a later one', () => {
    const line = 'Health Technician, VA Medical Center, Tucson AZ   Mar 2020 – Present';
    const r = parseDateRange(line, opts)!;
    expect(line.slice(r.index, r.index + r.length)).toBe('Mar 2020 – Present');
    const two = 'Aide 13/2015 - 02/2016, then 2017 - 2019';
    const r2 = parseDateRange(two, opts)!;
    expect([r2.start, r2.end, two.slice(r2.index, r2.index + r2.length)]).toEqual(['2017-07', '2019-06', '2017 - 2019']);
  });

  it('prefers a dated range to a duration in the same line', () => {
    expect(parseDateRange('Caregiver (3 years) 2019 - Present', opts)).toMatchObject({ start: '2019-07', end: 'present' });
  });

  it('reads "Present" as the asOf month', () => {
    expect(parseDateRange('Jan 2024 - Present', { asOf: '2024-03-01' })!.months).toBe(3);
    expect(parseDateRange('Jan 2024 - Present', { asOf: '2025-01' })!.months).toBe(13);
  });

  it('rejects a malformed asOf with InvalidOptionsError naming the option', () => {
    for (const bad of ['2025-13-01', '06/15/2025', 'today', '', 20250615]) {
      expect(() => parseDateRange('2019 - 2020', { asOf: bad as never })).toThrow(InvalidOptionsError);
    }
    try { parseDateRange('x', { asOf: 'nope' }); } catch (e) { expect((e as InvalidOptionsError).option).toBe('asOf'); }
  });

  it('never returns a range that ends after asOf or before it starts (property)', () => {
    const piece = fc.constantFrom('Jan', 'March', 'Sept.', 'Summer', 'Fall', '2015', '2019', '2024', '2025', '2026', '2031', '03', '13', '/', '-', '–', ' ', ' to ', 'Present', 'now', 'since', '18', 'months', 'years', '2020-03', "'19", ',', '(', ')');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const r = parseDateRange(parts.join(''), opts);
      if (!r) return;
      expect(r.months).toBeGreaterThan(0);
      if (r.start !== null) {
        expect(r.start <= '2025-06').toBe(true);
        const end = r.end === 'present' ? '2025-06' : r.end!;
        expect(end <= '2025-06' && r.start <= end).toBe(true);
      }
    }), { numRuns: 400, seed: 7 });
  });
});

describe('monthsOfUnion', () => {
  const r = (start: string | null, end: string | null, months = 0): DateRange => ({ start, end, months, precision: 'month', index: 0, length: 0 });
  it('counts overlapping jobs once', () => {
    // Jan 2018-Dec 2019 (24) and Jun 2019-Mar 2021 (22) overlap by 7 months: 39 months, not 46.
    expect(monthsOfUnion([r('2018-01', '2019-12'), r('2019-06', '2021-03')], opts)).toEqual({ months: 39, lastUsed: '2021-03' });
  });
  it('merges adjacent ranges, keeps gaps out, and resolves "present" to asOf', () => {
    expect(monthsOfUnion([r('2022-01', 'present'), r('2018-01', '2018-12'), r('2019-01', '2019-06')], opts)).toEqual({ months: 12 + 6 + 42, lastUsed: '2025-06' });
  });
  it('counts a range inside another once', () => {
    expect(monthsOfUnion([r('2015-01', '2020-12'), r('2016-03', '2016-08')], opts)).toEqual({ months: 72, lastUsed: '2020-12' });
  });
  it('adds bare durations (they cannot be placed) but they set no lastUsed', () => {
    expect(monthsOfUnion([{ start: null, end: null, months: 18, precision: 'duration', index: 0, length: 0 }], opts)).toEqual({ months: 18, lastUsed: null });
    expect(monthsOfUnion([r('2024-01', '2024-12'), { start: null, end: null, months: 6, precision: 'duration', index: 0, length: 0 }, null], opts)).toEqual({ months: 18, lastUsed: '2024-12' });
  });
  it('is empty for no ranges', () => {
    expect(monthsOfUnion([], opts)).toEqual({ months: 0, lastUsed: null });
  });
});

/** title, employer, start, end of each entry. */
const summary = (entries: readonly ExperienceEntry[]): (string | null)[][] => entries.map((e) => [e.title, e.employer, e.range?.start ?? null, e.range?.end ?? null]);

describe('parseExperience: layouts', () => {
  const table: [string, string, (string | null)[]][] = [
    ['one line, commas and spaces', 'Health Technician, VA Medical Center, Tucson AZ   Mar 2020 – Present', ['Health Technician', 'VA Medical Center', '2020-03', 'present']],
    ['one line, pipes, capitals', 'HEALTH TECHNICIAN | VA | 2019 - 2021', ['HEALTH TECHNICIAN', 'VA', '2019-07', '2021-06']],
    ['Markdown bold, dash, dates in parentheses', '**Emergency Room Technician** — Northwestern (2021 – Present)', ['Emergency Room Technician', 'Northwestern', '2021-07', 'present']],
    ['title line, then employer and dates', 'Physical Therapy Aide\nAthletico — Chicago, IL | Jan 2019 - Dec 2020', ['Physical Therapy Aide', 'Athletico', '2019-01', '2020-12']],
    ['employer line, then title and dates', 'Visiting Angels\nHome Health Aide | 2018 - 2020', ['Home Health Aide', 'Visiting Angels', '2018-07', '2020-06']],
    ['title and employer lines, then a dates line', 'Medical Records Clerk\nJohns Hopkins Bayview Medical Center\n2018 - 2019', ['Medical Records Clerk', 'Johns Hopkins Bayview Medical Center', '2018-07', '2019-06']],
    ['dates line first, then title and employer', 'Mar 2020 - Present\nHealth Technician\nVA Medical Center', ['Health Technician', 'VA Medical Center', '2020-03', 'present']],
    ['employer first on one line', 'Memorial Hermann | Unit Secretary | 2019 - 2020', ['Unit Secretary', 'Memorial Hermann', '2019-07', '2020-06']],
    ['"at" and a duration', 'Home Health Aide at Visiting Angels (2 years)', ['Home Health Aide', 'Visiting Angels', null, null]],
    // No digit on the line: the duration is still read (the digit pre-check lets unit words through).
    ['a duration in words', 'Home Health Aide at Visiting Angels (six years)', ['Home Health Aide', 'Visiting Angels', null, null]],
    ['a duration in words, capitals', 'HOME HEALTH AIDE, VISITING ANGELS (TWO YRS)', ['HOME HEALTH AIDE', 'VISITING ANGELS', null, null]],
    ['Markdown heading and an italic dates line', '### Health Technician (GS-0640-6) — Southern Arizona VA, Tucson, AZ\n*March 2020 – Present*', ['Health Technician (GS-0640-6)', 'Southern Arizona VA', '2020-03', 'present']],
    ['ISO dates, "to"', 'EMT, Rural/Metro Ambulance, 2015-03 to 2018-11', ['EMT', 'Rural/Metro Ambulance', '2015-03', '2018-11']],
  ];
  it.each(table)('%s', (_label, text, expected) => {
    expect(summary(parseExperience(text, opts))).toEqual([expected]);
  });

  // The layouts PDF and DOCX text give the same headers in (test/parity.test.ts reads whole resumes in every format).
  const wrapped: [string, string, (string | null)[]][] = [
    ['PDF: a field wrapped over the line, then dates broken after the dash', 'Emergency Medical Technician, Rainier Ambulance\nService, Tacoma, WA\n08/19 –\nPresent', ['Emergency Medical Technician', 'Rainier Ambulance\nService', '2019-08', 'present']],
    ['PDF: title and employer, then "City, ST" with the dates', 'Customer Care Technician — Lincare Home Medical Equipment,\nLouisville, KY (March 2020 – Present)', ['Customer Care Technician', 'Lincare Home Medical Equipment', '2020-03', 'present']],
    ['PDF: a city name wrapped over the line is still a place', 'Nurse Aide, Brookdale Senior Living, Sugar\nLand, TX, 09/2018 – 04/2021', ['Nurse Aide', 'Brookdale Senior Living', '2018-09', '2021-04']],
    ['PDF: a separator first on the line (a bullet once normalized)', 'Caregiver • Comfort Keepers\n• Phoenix, AZ 2017-19', ['Caregiver', 'Comfort Keepers', '2017-07', '2019-06']],
    ['PDF: the year broken over the line', 'Customer Service Representative — Humana, Louisville, KY (2016 –\n2020)', ['Customer Service Representative', 'Humana', '2016-07', '2020-06']],
    ['PDF: a season over its year', 'Lifeguard, Tacoma Metro Parks, Tacoma, WA\nSummer\n2016', ['Lifeguard', 'Tacoma Metro Parks', '2016-06', '2016-08']],
    ['PDF: the end month over its year', 'Software Developer | Expedia Group |\nBellevue, WA\nJul 2017 – Dec\n2020', ['Software Developer', 'Expedia Group', '2017-07', '2020-12']],
    ['PDF: "– Present" first on the next line (not a list item)', 'Physical Therapy Aide | Athletico | Round Rock, TX | January 2022\n– Present\n• Hot packs', ['Physical Therapy Aide', 'Athletico', '2022-01', 'present']],
    ['PDF: an employer wrapped inside a header that goes on after a comma', 'Certified Nursing Assistant,\nMemorial Hermann Southwest\nHospital, Houston, TX, 05/2021 –\nPresent', ['Certified Nursing Assistant', 'Memorial Hermann Southwest\nHospital', '2021-05', 'present']],
    ['title, "Employer, City, ST", dates: the place is never the title or employer', 'Certified Nursing Assistant\nSunrise Senior Living, Columbus, OH\n03/2016 – 05/2021', ['Certified Nursing Assistant', 'Sunrise Senior Living', '2016-03', '2021-05']],
    ['two neutral names over a dates line', 'Stocker\nKroger, Memphis, TN\n2017-18', ['Stocker', 'Kroger', '2017-07', '2018-06']],
    ['DOCX table: the dates cell a blank line below the header cell', 'Home Health Aide • Visiting Angels • Mesa, AZ\n\n2020 – Present\n\n• Bathing and dressing', ['Home Health Aide', 'Visiting Angels', '2020-07', 'present']],
    ['an employment type is not the title', 'SEASONAL | SKI PATROL, Crystal Mountain Resort, Enumclaw, WA | 12/17 – 04/19', ['SKI PATROL', 'Crystal Mountain Resort', '2017-12', '2019-04']],
    ['Markdown escaped pipes in a table cell', '| **Software Developer** \\| Expedia Group \\| Bellevue, WA | Jul 2017 – Dec 2020 |', ['Software Developer', 'Expedia Group', '2017-07', '2020-12']],
    ['a state code right after a title is kept (the employer "VA")', 'HEALTH TECHNICIAN | VA | 2019 - 2021', ['HEALTH TECHNICIAN', 'VA', '2019-07', '2021-06']],
  ];
  it.each(wrapped)('%s', (_label, text, expected) => {
    expect(summary(parseExperience(text, opts))).toEqual([expected]);
  });

  it('does not take a list item that lost its marker (PDF text from a browser) as a title or employer', () => {
    const text = [
      'EXPERIENCE',
      'Senior Software Engineer | Zillow | Seattle, WA Jan 2021 – Present',
      'Build TypeScript and React services for the rentals search page',
      'Lead code reviews and mentor two junior engineers',
      'Software Developer | Expedia Group | Bellevue, WA Jul 2017 – Dec 2020',
      'Wrote Java microservices',
      'Opened and closed the store and handled cash deposits',
      'SEASONAL | SALES ASSOCIATE | MACY\'S | ORLANDO, FL | NOV 2015 – JAN 2016',
      'Moved freight between docks and kept inventory counts',
      'Stocker',
      'Kroger, Memphis, TN',
      '2017-18',
    ].join('\n');
    expect(summary(parseExperience(text, opts))).toEqual([
      ['Senior Software Engineer', 'Zillow', '2021-01', 'present'],
      ['Software Developer', 'Expedia Group', '2017-07', '2020-12'],
      ['SALES ASSOCIATE', 'MACY\'S', '2015-11', '2016-01'],
      ['Stocker', 'Kroger', '2017-07', '2018-06'],
    ]);
  });

  it('reads a wrapped list item as part of the item, not as the next header', () => {
    const text = 'EXPERIENCE\nPatient Care Technician | Banner | Phoenix, AZ | 2021 - Present\n• Obtain vital signs and perform EKGs every two\nhours\nDietary Aide | Mount Carmel | Columbus, OH | Summer 2015\n• Delivered meal trays';
    const entries = parseExperience(text, opts);
    expect(summary(entries)).toEqual([['Patient Care Technician', 'Banner', '2021-07', 'present'], ['Dietary Aide', 'Mount Carmel', '2015-06', '2015-08']]);
    expect(text.slice(entries[0]!.start, entries[0]!.end).endsWith('every two\nhours')).toBe(true);
  });

  it('gives the title offsets', () => {
    const text = 'EXPERIENCE\n**ER Tech** — Northwestern (2021 – Present)\n- EKGs';
    const [e] = parseExperience(text, opts);
    expect(text.slice(e!.titleStart, e!.titleEnd)).toBe('ER Tech');
  });

  it('does not read a sentence or a list item with dates as an entry', () => {
    const text = [
      'From 2019 to 2021 I cared for my grandmother at home after her stroke, managing her medications and appointments.',
      '• Promoted to lead technician, Jan 2022 - Present',
      'Health technician with six years in primary care.',
    ].join('\n');
    expect(parseExperience(text, opts)).toEqual([]);
  });

  it('skips malformed and future dates rather than guessing', () => {
    expect(parseExperience('Patient Care Technician | Banner | 13/2019 - 02/2020\nHome Health Aide | Bayada | Jan 2030 - Present', opts)).toEqual([]);
  });
});

// Three realistic resumes; their entries, and the exact text each entry spans.
const RESUME_A = `ANA RUIZ
Phoenix, AZ

SUMMARY
Patient care technician with 4 years of hospital experience.

EXPERIENCE
Patient Care Technician | Banner Health | Phoenix, AZ | Jun 2021 - Present
• Obtain vital signs and perform 12-lead EKGs on a 32-bed telemetry unit
• Perform phlebotomy and point-of-care glucose testing

Home Health Aide | Visiting Angels | Mesa, AZ | Jan 2020 - Aug 2021
• Assisted clients with bathing, dressing and meal preparation
• Took vital signs and reported changes to the case nurse

EDUCATION
Patient Care Technician Certificate | Phoenix College | 2019 - 2020

SKILLS
Vital signs, EKG, Phlebotomy, CPR
`;

const RESUME_B = `# Sam Lee

## Work Experience

**Emergency Room Technician** — Northwestern Memorial Hospital (2021 – Present)
- Splinting, wound care and EKGs in a Level I trauma center

Physical Therapy Aide
Athletico Physical Therapy — Chicago, IL | Mar 2019 - Dec 2020
- Set up modalities and cleaned treatment tables
- Guided patients through home exercise programs

## Volunteer
Patient Escort Volunteer
Rush University Medical Center | Summer 2018
- Escorted patients to radiology
`;

const RESUME_C = `JORDAN PATEL

WORK HISTORY

03/2022 - Present
Behavioral Health Tech
Sonora Behavioral Health Hospital
* Q15 safety checks and verbal de-escalation
* Led coping skills groups

2019-09 – 2022-02
Customer Care Rep
Cox Communications
* Resolved billing questions by phone

CERTIFICATIONS
CPI, BLS
`;

const spanText = (text: string, e: ExperienceEntry): string => text.slice(e.start, e.end);

describe('parseExperience: realistic resumes', () => {
  it('resume A (one-line headers, sections given): two jobs, education left out', () => {
    const entries = parseExperience(RESUME_A, { asOf, sections: findSections(RESUME_A, headings).sections });
    expect(summary(entries)).toEqual([
      ['Patient Care Technician', 'Banner Health', '2021-06', 'present'],
      ['Home Health Aide', 'Visiting Angels', '2020-01', '2021-08'],
    ]);
    expect(entries.map((e) => e.section)).toEqual(['experience', 'experience']);
    expect(spanText(RESUME_A, entries[0]!)).toBe('Patient Care Technician | Banner Health | Phoenix, AZ | Jun 2021 - Present\n• Obtain vital signs and perform 12-lead EKGs on a 32-bed telemetry unit\n• Perform phlebotomy and point-of-care glucose testing');
    expect(spanText(RESUME_A, entries[1]!)).toBe('Home Health Aide | Visiting Angels | Mesa, AZ | Jan 2020 - Aug 2021\n• Assisted clients with bathing, dressing and meal preparation\n• Took vital signs and reported changes to the case nurse');
  });

  it('resume A without sections: the education line with a range counts too, but entries stop at headings', () => {
    const entries = parseExperience(RESUME_A, opts);
    expect(entries.map((e) => e.title)).toEqual(['Patient Care Technician', 'Home Health Aide', 'Patient Care Technician Certificate']);
    expect(spanText(RESUME_A, entries[1]!).endsWith('case nurse')).toBe(true);
    expect(spanText(RESUME_A, entries[2]!)).toBe('Patient Care Technician Certificate | Phoenix College | 2019 - 2020');
  });

  it('resume B (Markdown, two-line headers, a volunteer section)', () => {
    const entries = parseExperience(RESUME_B, { asOf, sections: findSections(RESUME_B, headings).sections });
    expect(summary(entries)).toEqual([
      ['Emergency Room Technician', 'Northwestern Memorial Hospital', '2021-07', 'present'],
      ['Physical Therapy Aide', 'Athletico Physical Therapy', '2019-03', '2020-12'],
      ['Patient Escort Volunteer', 'Rush University Medical Center', '2018-06', '2018-08'],
    ]);
    expect(entries.map((e) => e.section)).toEqual(['experience', 'experience', 'volunteer']);
    expect(spanText(RESUME_B, entries[0]!)).toBe('**Emergency Room Technician** — Northwestern Memorial Hospital (2021 – Present)\n- Splinting, wound care and EKGs in a Level I trauma center');
    expect(spanText(RESUME_B, entries[1]!)).toBe('Physical Therapy Aide\nAthletico Physical Therapy — Chicago, IL | Mar 2019 - Dec 2020\n- Set up modalities and cleaned treatment tables\n- Guided patients through home exercise programs');
    expect(spanText(RESUME_B, entries[2]!)).toBe('Patient Escort Volunteer\nRush University Medical Center | Summer 2018\n- Escorted patients to radiology');
  });

  it('resume B with only experience sections asked for', () => {
    const entries = parseExperience(RESUME_B, { asOf, sections: findSections(RESUME_B, headings).sections, kinds: ['experience'] });
    expect(entries.map((e) => e.title)).toEqual(['Emergency Room Technician', 'Physical Therapy Aide']);
  });

  it('resume C (dates line first, ISO and slash dates)', () => {
    const entries = parseExperience(RESUME_C, { asOf, sections: findSections(RESUME_C, headings).sections });
    expect(summary(entries)).toEqual([
      ['Behavioral Health Tech', 'Sonora Behavioral Health Hospital', '2022-03', 'present'],
      ['Customer Care Rep', 'Cox Communications', '2019-09', '2022-02'],
    ]);
    expect(spanText(RESUME_C, entries[0]!)).toBe('03/2022 - Present\nBehavioral Health Tech\nSonora Behavioral Health Hospital\n* Q15 safety checks and verbal de-escalation\n* Led coping skills groups');
    expect(spanText(RESUME_C, entries[1]!)).toBe('2019-09 – 2022-02\nCustomer Care Rep\nCox Communications\n* Resolved billing questions by phone');
  });

  it('a resume with no dates: undated entries from title lines over list items, no months', () => {
    const text = 'EXPERIENCE\nCertified Nursing Assistant\nSunrise Senior Living, Tempe AZ\n• Bathing, feeding and repositioning residents\n\nCaregiver | Private home\n• Medication reminders\n\nSKILLS\nCPR, patient care\n';
    const entries = parseExperience(text, { asOf, sections: findSections(text, headings).sections });
    expect(summary(entries)).toEqual([
      ['Certified Nursing Assistant', 'Sunrise Senior Living', null, null],
      ['Caregiver', 'Private home', null, null],
    ]);
    expect(skillExperience(entries, [text.indexOf('Bathing'), text.indexOf('Medication')], opts)).toEqual({ months: 0, lastUsed: null, monthsSinceUsed: null, entries: [0, 1] });
    expect(parseExperience('Jane Doe\nCompassionate, reliable, fast learner.\nCPR, BLS', opts)).toEqual([]);
  });
});

describe('skillExperience', () => {
  const sections = findSections(RESUME_A, headings).sections;
  const entries = parseExperience(RESUME_A, { asOf, sections });
  const at = (s: string, from = 0): number => RESUME_A.indexOf(s, from);

  it('unions the entries holding a mention (overlapping jobs counted once)', () => {
    // "vital signs" in both jobs: Jan 2020 - Present is 66 months (the jobs overlap Jun-Aug 2021).
    const vitals = [at('vital signs'), at('vital signs', at('Home Health Aide'))];
    expect(skillExperience(entries, vitals, opts)).toEqual({ months: 66, lastUsed: '2025-06', monthsSinceUsed: 0, entries: [0, 1] });
  });

  it('gives the months and recency of one job, and ignores mentions outside every entry', () => {
    expect(skillExperience(entries, [at('meal preparation'), at('Vital signs, EKG')], opts)).toEqual({ months: 20, lastUsed: '2021-08', monthsSinceUsed: 46, entries: [1] });
    expect(skillExperience(entries, [at('Phlebotomy, CPR')], opts)).toEqual({ months: 0, lastUsed: null, monthsSinceUsed: null, entries: [] });
  });
});

describe('parseJsonResumeWork', () => {
  const doc = {
    work: [
      { position: 'ER Tech', name: 'Regional One Health', startDate: '2020-03-01', highlights: ['12-lead EKGs'] },
      { position: 'Patient Care Technician', name: 'Baptist Memorial', startDate: '2018-05', endDate: '2020-02-15', summary: 'Float pool.' },
      { position: 'EMT', name: 'Memphis Fire', startDate: '2016', endDate: '2018' },
      { position: 'Orderly', name: 'Methodist', startDate: 'spring 2015', endDate: '2016-01' },
    ],
    volunteer: [{ position: 'Patient Escort', organization: 'St. Jude', startDate: '2014-06', endDate: '2014-08' }],
  };

  it('reads positions, employers and ISO dates (a missing endDate is present)', () => {
    const entries = parseJsonResumeWork(doc, opts);
    expect(entries.map((e) => [e.path, e.title, e.employer, e.range?.start ?? null, e.range?.end ?? null, e.range?.months ?? 0, e.section])).toEqual([
      ['work[0]', 'ER Tech', 'Regional One Health', '2020-03', 'present', 64, 'experience'],
      ['work[1]', 'Patient Care Technician', 'Baptist Memorial', '2018-05', '2020-02', 22, 'experience'],
      ['work[2]', 'EMT', 'Memphis Fire', '2016-07', '2018-06', 24, 'experience'],
      ['work[3]', 'Orderly', 'Methodist', null, null, 0, 'experience'],
      ['volunteer[0]', 'Patient Escort', 'St. Jude', '2014-06', '2014-08', 3, 'volunteer'],
    ]);
    expect(entries.every((e) => e.start === -1 && e.end === -1)).toBe(true);
    // The EMT years (read as Jul 2016 - Jun 2018) overlap the PCT job by two months.
    expect(monthsOfUnion(entries.map((e) => e.range), opts)).toEqual({ months: 64 + 22 + 24 - 2 + 3, lastUsed: '2025-06' });
  });

  it('with the rendering\'s segments, spans each job\'s rendered lines and its title', () => {
    const rendered = renderJsonResume(doc);
    const entries = parseJsonResumeWork(doc, { asOf, segments: entrySegments(rendered.segments) });
    expect(rendered.text.slice(entries[0]!.start, entries[0]!.end)).toBe('ER Tech | Regional One Health | 2020-03-01 - Present\n• 12-lead EKGs');
    expect(rendered.text.slice(entries[1]!.titleStart, entries[1]!.titleEnd)).toBe('Patient Care Technician');
    expect(rendered.text.slice(entries[4]!.start, entries[4]!.end)).toBe('Patient Escort | St. Jude | 2014-06 - 2014-08');
    const ekg = rendered.text.indexOf('12-lead');
    expect(skillExperience(entries, [ekg], opts)).toMatchObject({ months: 64, entries: [0] });
  });

  it('the rendered text reads the same through parseExperience (text is lenient: "spring 2015" is a season there)', () => {
    const rendered = renderJsonResume(doc);
    const fromText = parseExperience(rendered.text, { asOf, sections: findSections(rendered.text, headings).sections });
    expect(fromText.map((e) => [e.title, e.range?.start ?? null])).toEqual([['ER Tech', '2020-03'], ['Patient Care Technician', '2018-05'], ['EMT', '2016-07'], ['Orderly', '2015-03'], ['Patient Escort', '2014-06']]);
  });
});

describe('monthsSinceEnd', () => {
  it.each([['2018 - 2020', 60], ['Mar 2020 - Present', 0], ['Jan 2024 - Dec 2024', 6], ['3 years', null]] as const)('%s -> %s', (line, months) => {
    expect(monthsSinceEnd(parseDateRange(line, { asOf: '2025-06-01' }), { asOf: '2025-06-01' })).toBe(months);
  });
  it('is null without a range', () => {
    expect(monthsSinceEnd(null, opts)).toBeNull();
  });
});

describe('recencyFactor', () => {
  it.each([[null, 1], [0, 1], [24, 1], [72, 0.8], [120, 0.6], [300, 0.6]] as const)('%s months ago -> %s', (m, f) => {
    expect(recencyFactor(m)).toBe(f);
  });
});
