/**
 * Job postings: parseJobPosting and matchJob on small hand-written postings (table-driven, concrete values), their
 * invariants (fast-check), the errors, and floors on the frozen TEST half of the labelled postings (test/postings)
 * when their texts are in the cache. The test half's errors are never printed here, only its figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postingFigures } from '../scripts/eval-postings.js';
import { createAnalyzer, defaultTaxonomy, InvalidInputError, InvalidOptionsError, matchJob, parseJobPosting } from '../src/index.js';
import { loadPostingSet, postingLabels, postingSources, postingsDir } from './postings/load.js';

const status = (text: string) => parseJobPosting(text).items.map((i) => `${i.status} ${i.id}`);

describe('parseJobPosting', () => {
  it.each([
    ['a requirements heading', 'Requirements:\n• BLS certification\n• Phlebotomy experience', ['required bls', 'required certification', 'required phlebotomy']],
    ['a preferred heading', 'Preferred Qualifications:\n• EKG experience', ['preferred ekg']],
    ['nice to have', 'NICE TO HAVE\n- Epic EHR', ['preferred ehr']],
    ['cues after the mention win over the section', 'Requirements:\n• BLS required, ACLS preferred', ['required bls', 'preferred life-support']],
    ['a cue before the mention', 'Preferred: phlebotomy and EKG.', ['preferred phlebotomy', 'preferred ekg']],
    ['a plus', 'Experience with telemetry monitoring of cardiac patients is a plus.', ['preferred telemetry-monitoring', 'preferred patients']],
    ['preferred but not required', 'Phlebotomy experience preferred but not required.', ['preferred phlebotomy']],
    ['duties are required', 'Responsibilities:\n• Take vital signs and record them in the chart', ['required vital-signs', 'required charting']],
    ['both required and preferred is required', 'Must have CPR.\nPreferred: CPR instructor', ['required cpr']],
    ['benefits ask nothing', 'Benefits:\n• Free CPR training\n• Dental insurance', []],
    ['training the employer provides asks nothing', 'We provide BLS training to every hire.', []],
    ['equal opportunity lines ask nothing', 'We are an equal opportunity employer; veterans and people with disabilities are encouraged to apply.', []],
    ['a negated mention asks nothing', 'No phlebotomy experience required.', []],
    ['escaped HTML', '&lt;p&gt;&lt;strong&gt;Essential criteria:&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Phlebotomy&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;strong&gt;Desirable:&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;EKG&lt;/li&gt;&lt;/ul&gt;', ['required phlebotomy', 'preferred ekg']],
  ])('%s', (_name, text, expected) => {
    expect(status(text)).toEqual(expected);
  });

  it.each([
    ['2+ years of phlebotomy experience required', [{ skill: 'phlebotomy', years: 2, status: 'required' }]],
    ['One year experience as a CNA preferred', [{ skill: 'nursing-assistant', years: 1, status: 'preferred' }]],
    ['Minimum of 6 months of experience in customer service', [{ skill: 'customer-service', years: 0.5, status: 'required' }]],
    ['At least 3 years of healthcare experience', [{ skill: null, years: 3, status: 'required' }]],
    ['Must be at least 18 years of age', []],
    ['Experience:\n* caregiving: 1 year (Preferred)', [{ skill: null, years: 1, status: 'preferred' }]],
  ])('years: %s', (text, expected) => {
    expect(parseJobPosting(text).years.map(({ skill, years, status: s }) => ({ skill, years, status: s }))).toEqual(expected);
  });

  it('points every piece of evidence into the text it returns, markup included', () => {
    const text = '&lt;li&gt;BLS &amp;amp; CPR required&lt;/li&gt;';
    const p = parseJobPosting(text);
    expect(p.text).toBe(text);
    for (const i of p.items) for (const e of i.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(p.items.map((i) => i.evidence[0]!.text)).toEqual(['BLS', 'CPR']);
  });

  it('takes the title from the first line or the object, and the closest role from it', () => {
    expect(parseJobPosting('Home Health Aide\nResponsibilities:\n• Assist with bathing').role).toMatchObject({ id: 'health-aide', by: 'title' });
    const p = parseJobPosting({ title: 'EMT - Basic', description: 'Respond to 911 calls. EMT-B certification required.' });
    expect(p.title).toBe('EMT - Basic');
    expect(p.role).toMatchObject({ id: 'emergency-medical-technician', by: 'title' });
    expect(p.text.startsWith('EMT - Basic\n\n')).toBe(true);
    expect(parseJobPosting('Take vital signs. Draw blood. Record in the EHR.').role?.by).toBe('skills');
  });

  it('reads schema.org JobPosting lists under their headings', () => {
    const p = parseJobPosting({ title: 'Patient Care Technician', description: 'Join our team.', qualifications: ['BLS required'], preferred: 'EKG experience' });
    expect(p.items.map((i) => `${i.status} ${i.id}`)).toEqual(['required patient-care', 'required bls', 'preferred ekg']);
  });

  it('throws typed errors that name the value and never quote the posting', () => {
    expect(() => parseJobPosting(42 as never)).toThrow(InvalidInputError);
    expect(() => parseJobPosting({ title: 7 } as never)).toThrow(/"title" must be a string/);
    expect(() => parseJobPosting({ company: 'x' } as never)).toThrow(/needs a "title" or a "description"/);
    expect(() => parseJobPosting('secret posting text', { maxInputLength: 5 })).toThrow(/ERR|over maxInputLength/);
    expect(() => parseJobPosting('x', { analyzer: {} as never })).toThrow(InvalidOptionsError);
    try { parseJobPosting('secret posting text', { maxInputLength: 5 }); } catch (e) { expect((e as Error).message).not.toContain('secret'); }
  });

  it('works with a custom taxonomy through options.analyzer', () => {
    const taxonomy = {
      ...defaultTaxonomy,
      skills: [...defaultTaxonomy.skills, { id: 'forklift', label: 'Forklift', category: 'technology' as const, aliases: ['forklift'], source: { file: 'test', quote: 'forklift' } }],
    };
    const analyzer = createAnalyzer({ taxonomy });
    const p = parseJobPosting('Forklift licence required.', { analyzer });
    expect(p.items.map((i) => i.id)).toEqual(['forklift']);
    expect(matchJob('Drove a forklift daily.', p, { analyzer }).shown.map((s) => s.id)).toEqual(['forklift']);
    expect(() => matchJob('x', p)).toThrow(/posting item 0 \("forklift"\) is not a skill of this analyzer's taxonomy/);
  });
});

const POSTING = 'Phlebotomist\nRequirements:\n• 1+ year of phlebotomy experience\n• BLS required\n• EHR experience a plus';
const RESUME = 'EXPERIENCE\nPhlebotomist | City Lab | 2020 - Present\n• Performed 40 venipunctures a day\nCERTIFICATIONS\nBLS';

describe('matchJob', () => {
  it('scores the required, preferred, years and title components, and explains what is missing', () => {
    const fit = matchJob(RESUME, parseJobPosting(POSTING), { asOf: '2026-06-30' });
    expect(fit.score).toBeGreaterThan(80);
    expect(fit.band).toBe('strong');
    expect(new Set(fit.contributions.map((c) => c.component))).toEqual(new Set(['required', 'years', 'titles']));
    expect(fit.missing).toEqual([{ skill: 'ehr', label: 'Electronic health records (EHR/EMR)', weight: 2, component: 'preferred', why: 'The posting prefers electronic health records (EHR/EMR).', suggestion: expect.any(String) }]);
    expect(fit.shown.map((s) => `${s.status} ${s.id}`)).toEqual(['required phlebotomy', 'required bls']);
    expect(fit.years).toEqual([{ skill: 'phlebotomy', years: 1, status: 'required', months: 72, met: true }]);
  });

  it('ranks the resume with the asked credential above the one without, above a neighbour, above a non-health resume', () => {
    const posting = parseJobPosting('Certified Nursing Assistant\nRequirements:\n• Current CNA license (required)\n• CPR certification\nDuties:\n• Assist residents with bathing, dressing and feeding\n• Take vital signs');
    const scores = [
      'EXPERIENCE\nCertified Nursing Assistant | Oak Care | 2019 - Present\n• Assisted residents with bathing, dressing and feeding\n• Took vital signs\nCERTIFICATIONS\nCNA, CPR',
      'EXPERIENCE\nCaregiver | Home Helpers | 2019 - Present\n• Assisted clients with bathing, dressing and feeding\n• Took vital signs\nCERTIFICATIONS\nCPR',
      'EXPERIENCE\nPhlebotomist | City Lab | 2019 - Present\n• Drew blood and took vital signs',
      'EXPERIENCE\nSoftware Engineer | Acme | 2019 - Present\n• Built web services in TypeScript',
    ].map((r) => matchJob(r, posting, { asOf: '2026-06-30' }).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[3]).toBeLessThan(10);
  });

  it('does not score years without asOf (open-ended jobs have no length) and says so', () => {
    const fit = matchJob(RESUME, parseJobPosting(POSTING));
    expect(fit.contributions.some((c) => c.component === 'years')).toBe(false);
    expect(fit.years[0]).toMatchObject({ months: null, met: null });
  });

  it('gives a reason when the score is 0', () => {
    expect(matchJob('Built web services.', parseJobPosting(POSTING)).reason).toBe('the resume shows none of the items the posting asks for');
    expect(matchJob('Anything', parseJobPosting('Great pay and a friendly team.')).reason).toBe('the posting asks for no skill of the taxonomy');
  });

  it('rejects what is not a parsed posting, naming the fix', () => {
    expect(() => matchJob(RESUME, {} as never)).toThrow(/parse the posting text first/);
    expect(() => matchJob(RESUME, parseJobPosting(POSTING), { asOf: 'soon' })).toThrow(InvalidOptionsError);
    expect(() => matchJob(RESUME, parseJobPosting(POSTING), { when: 1 } as never)).toThrow(/unknown option "when"/);
  });

  const words = ['BLS', 'CPR', 'phlebotomy', 'vital signs', 'EKG', 'EHR', 'required', 'preferred', 'a plus', 'Requirements:', 'Preferred:', 'Duties:', '2 years', 'experience', '\n', '• ', 'customer service', 'bathing', 'CNA'];
  const textOf = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((w) => w.join(' '));
  it('contributions add up to the score, the score is in 0..100, and output is deterministic (property)', () => {
    fc.assert(fc.property(textOf, textOf, (postingText, resumeText) => {
      const posting = parseJobPosting(postingText);
      const a = matchJob(resumeText, posting, { asOf: '2026-06-30' });
      const sum = Math.round(a.contributions.reduce((s, c) => s + c.points, 0) * 100) / 100;
      expect(sum).toBe(a.score);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(JSON.stringify(matchJob(resumeText, parseJobPosting(postingText), { asOf: '2026-06-30' }))).toBe(JSON.stringify(a));
      for (const i of posting.items) for (const e of i.evidence) expect(postingText.slice(e.start, e.end)).toBe(e.text);
    }), { numRuns: 150 });
  });
});

/** Issue 20's targets for the test half, and what CI holds it to (the figures reached, rounded down; never lowered). */
export const TARGETS = { precision: 0.9, recall: 0.85, statusRight: 0.9 };
export const FLOORS = { precision: 0.8, recall: 0.67, statusRight: 0.97 };

describe('the labelled postings', () => {
  it('has 48 postings with hashes, recipes and labels of known skills, split into halves by id', () => {
    const sources = postingSources();
    const labels = postingLabels();
    const skills = new Set(defaultTaxonomy.skills.map((s) => s.id));
    expect(sources.length).toBe(48);
    expect(new Set(labels.map((l) => l.id))).toEqual(new Set(sources.map((s) => s.id)));
    for (const s of sources) { expect(s.sha, s.id).toMatch(/^[0-9a-f]{16}$/); expect(s.source.commit, s.id).toMatch(/^[0-9a-f]{40}$/); }
    for (const l of labels) for (const k of [...l.required, ...l.preferred, ...l.years.flatMap((y) => (y.skill ? [y.skill] : []))]) expect(skills.has(k), `${l.id}: ${k}`).toBe(true);
  });

  const set = loadPostingSet();
  if (!set.postings.length) console.log(`posting set: texts not in ${postingsDir()}; run \`npx tsx scripts/real.ts postings\` to measure the test half (skipped)`);
  it.skipIf(!set.postings.length)('holds its floors on the frozen test half', () => {
    const f = postingFigures(set, 'test');
    expect(f.items.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(f.items.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(f.statusRight).toBeGreaterThanOrEqual(FLOORS.statusRight);
  });
});
