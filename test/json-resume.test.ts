// JSON Resume input as real exports give it: evidence paths name the exact string field (checked on every sample
// resume the resume-schema and @jsonresume/schema packages ship), nulls and numeric dates are accepted, and a JSON
// object that is not a resume scores 0 with a reason and no best-role claim.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeResume, InvalidInputError, renderJsonResume, type AnalysisReport, type JsonResume } from '../src/index.js';

const require = createRequire(import.meta.url);
const pkgDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
const SAMPLES: [string, string][] = [
  ['resume-schema/sample.resume.json', join(pkgDir('resume-schema'), 'sample.resume.json')],
  ['@jsonresume/schema/sample.resume.json', join(pkgDir('@jsonresume/schema'), 'sample.resume.json')],
  ...readdirSync(join(pkgDir('@jsonresume/schema'), 'examples')).filter((f) => f.endsWith('.resume.json')).sort()
    .map((f): [string, string] => [`@jsonresume/schema/examples/${f}`, join(pkgDir('@jsonresume/schema'), 'examples', f)]),
];

/** The value at a path such as `work[0].highlights[2]`. */
function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}

function allEvidence(r: AnalysisReport) {
  return [
    ...r.skills.flatMap((s) => s.evidence),
    ...r.responsibilities.flatMap((x) => x.evidence),
    ...r.roles.flatMap((role) => role.contributions.flatMap((c) => c.evidence)),
  ];
}

describe('the official sample resumes', () => {
  it('the packages ship five samples', () => {
    expect(SAMPLES.map(([name]) => name)).toEqual([
      'resume-schema/sample.resume.json',
      '@jsonresume/schema/sample.resume.json',
      '@jsonresume/schema/examples/career-changer.resume.json',
      '@jsonresume/schema/examples/new-grad.resume.json',
      '@jsonresume/schema/examples/senior-engineer.resume.json',
    ]);
  });

  let seen = 0;
  it.each(SAMPLES)('%s: every evidence path names a string field that holds the evidence', (_name, file) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonResume;
    const report = analyzeResume(doc, { asOf: '2026-06-30' });
    const evidence = allEvidence(report).filter((e) => e.path !== undefined);
    const { segments } = renderJsonResume(doc);
    // Software resumes: some show no skill of the taxonomy at all (their "compression" is not compassion, their
    // "Computer Science" no office software); the test below checks that the samples together show some.
    seen += evidence.length;
    for (const e of evidence) {
      const value = at(doc, e.path!);
      expect(typeof value, e.path).toBe('string');
      // The evidence starts in that field (a responsibility's line can run on into the next fields of its line).
      const seg = segments.find((x) => x.path === e.path && x.start <= e.start && e.start < x.end)!;
      expect(seg, e.path).toBeDefined();
      expect((value as string).slice(e.start - seg.start).trimEnd(), e.path).toBe(report.text!.slice(e.start, seg.end));
    }
    // Every rendered piece is a string field too.
    for (const s of renderJsonResume(doc).segments) expect(typeof at(doc, s.path), s.path).toBe('string');
  });

  it('the samples together show some evidence (so the checks above cannot pass by finding nothing)', () => {
    expect(seen).toBeGreaterThan(0);
  });
});

describe('evidence paths point at the field', () => {
  const doc: JsonResume = {
    work: [{ position: 'EMT', name: 'Emergency Room, Mercy Hospital', startDate: '2020-01', highlights: ['Drew blood'] }],
    education: [{ studyType: 'Phlebotomy certificate', area: 'Medical terminology', institution: 'City College', courses: ['Anatomy', 'Abnormal psychology'] }],
    certificates: [{ name: 'CPR', issuer: 'AHA' }, { name: 'BLS', issuer: 'AHA' }],
    skills: [{ name: 'Clinical', keywords: ['splinting', 'wound care', 'EKG'] }],
    projects: [{ name: 'Clinic app', description: 'Telehealth scheduling' }],
    awards: [{ title: 'Patient safety award', awarder: 'Mercy Hospital' }],
  };
  const report = analyzeResume(doc);
  const pathOf = (id: string): string[] => report.skills.find((s) => s.id === id)!.evidence.map((e) => e.path!);

  it.each([
    ['emergency-room', ['work[0].name']],
    ['phlebotomy', ['work[0].highlights[0]', 'education[0].studyType']],
    ['medical-terminology', ['education[0].area']],
    ['anatomy', ['education[0].courses[0]']],
    ['abnormal-psychology', ['education[0].courses[1]']],
    ['cpr', ['certificates[0].name']],
    ['bls', ['certificates[1].name']],
    ['wound-care', ['skills[0].keywords[1]']],
    ['ekg', ['skills[0].keywords[2]']],
    ['telehealth', ['projects[0].description']],
    ['patient-safety', ['awards[0].title']],
  ])('%s: %j', (id, paths) => {
    expect(pathOf(id)).toEqual(paths);
  });

  it('a job title contribution points at work[0].position', () => {
    const title = report.roles.find((r) => r.id === 'emergency-medical-technician')!.contributions.find((c) => c.component === 'titles')!;
    expect(title.evidence.map((e) => [e.text, e.path])).toEqual([['EMT', 'work[0].position']]);
  });

  it('the rendering is unchanged: one line per entry', () => {
    expect(report.text).toBe([
      'EXPERIENCE', 'EMT | Emergency Room, Mercy Hospital | 2020-01 - Present', '\u2022 Drew blood', '',
      'EDUCATION', 'Phlebotomy certificate in Medical terminology | City College', 'Coursework: Anatomy, Abnormal psychology', '',
      'CERTIFICATIONS', 'CPR | AHA', 'BLS | AHA', '',
      'SKILLS', 'Clinical: splinting, wound care, EKG', '',
      'PROJECTS', 'Clinic app | Telehealth scheduling', '',
      'AWARDS', 'Patient safety award | Mercy Hospital', '',
    ].join('\n'));
  });
});

describe('what real exports contain', () => {
  it('null fields are absent and numeric years are dates', () => {
    const exported = {
      basics: { name: 'Pat', label: null, summary: null, location: null },
      work: [{ name: 'County EMS', position: 'EMT-Basic', startDate: 2019, endDate: 2023, summary: null, highlights: ['Provided basic life support and CPR'] }],
      education: [{ institution: 'City College', studyType: 'EMT certificate', score: 3.8, startDate: 2018, endDate: null, courses: null }],
      certificates: [{ name: 'NREMT EMT-B', date: 2019, issuer: null }],
      awards: null,
      projects: null,
    };
    const report = analyzeResume(exported as never, { asOf: '2026-06-30' });
    expect(report.text).toBe('EXPERIENCE\nEMT-Basic | County EMS | 2019 - 2023\n\u2022 Provided basic life support and CPR\n\nEDUCATION\nEMT certificate | City College | 2018 - Present\n\nCERTIFICATIONS\nNREMT EMT-B | 2019\n');
    // A year alone counts from its middle (the experience parser's rule for year-only dates).
    expect(report.experience.map((e) => [e.title, e.from, e.to, e.months, e.path])).toEqual([['EMT-Basic', '2019-07', '2023-06', 48, 'work[0]']]);
    expect(report.roles[0]!.id).toBe('emergency-medical-technician');
  });

  it.each([
    ['a string as work', { work: 'EMT' }, 'work: expected array'],
    ['a number keyword', { skills: [{ keywords: ['EKG', 12] }] }, 'skills[0].keywords[1]: expected string'],
    ['a null work entry', { work: [null] }, 'work[0]: expected object'],
    ['an object as a position', { work: [{ position: { title: 'EMT' } }] }, 'work[0].position: expected string'],
  ])('keeps rejecting what cannot be a resume: %s (ERR_INVALID_JSON_RESUME naming %s)', (_label, doc, issue) => {
    let error: unknown;
    try { analyzeResume(doc as never); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe('ERR_INVALID_JSON_RESUME');
    expect((error as InvalidInputError).message).toContain(issue);
  });
});

describe('a JSON object that is not a resume', () => {
  it('a package.json scores 0 everywhere, says why, and names no best role', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as object;
    const report = analyzeResume(pkg as never);
    expect(report.reason).toBe('the JSON has no resume fields');
    expect(report.roles.every((r) => r.score === 0)).toBe(true);
    expect(report.text).toBe('');
    expect(report.comparison.better).toBeNull();
    expect(report.comparison.summary).toBe('No role fits: the JSON has no resume fields.');
  });

  it('an empty JSON Resume is "the resume is empty"', () => {
    expect(analyzeResume({ work: [] }).reason).toBe('the resume is empty');
  });
});
