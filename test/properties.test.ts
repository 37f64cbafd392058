/**
 * Property tests: invariants that must hold for any input, checked on random strings (full Unicode, control
 * characters, lone surrogates) and on strings built from a resume vocabulary so that matches really happen.
 * Seeds are fixed so a failure reproduces; fast-check prints the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContributionsAddUp } from './helpers.js';
import { ReportSchema } from './report-schema.js';
import { analyzeResume, createAnalyzer, defaultTaxonomy, extractSkills, InvalidInputError, renderJsonResume, type AnalysisReport } from '../src/index.js';

const RUNS = 200;
const params = (seed: number): fc.Parameters<unknown> => ({ numRuns: RUNS, seed });

// Pieces a resume is made of: skill words and acronyms, cues, headings, bullets, separators and the odd
// characters PDF extraction leaves (ligatures, mojibake, zero-width and bidi marks, NUL, soft hyphens).
const WORDS = [
  'EKG', 'EKGs', "EKG's", 'ECG', '12-lead', 'CPR', 'BLS', 'ACLS', 'CPR/AED', 'B.P.', 'BP', 'vital signs', 'vitals', 'blood pressure',
  'blood', 'pressure', 'patients', 'patient', 'patient care', 'phlebotomy', 'venipuncture', 'ER', 'ED', 'EMS', 'EMT-B', 'E.M.T.',
  'HIPAA', 'HIPPA', 'electro-', 'cardiogram', 'customer service', 'first aid', 'medical records', 'medical coding', 'CNA',
  'home health aide', 'physical therapy', 'gait training', 'telemetry', 'triage', 'order', 'systems', 'care', 'PT',
  'communication', 'education', 'training', 'balance', 'Performed', 'Took', 'Assisted', 'no experience with', 'seeking',
  'familiar with', 'expected 2027', 'not', 'and', 'or', 'the', 'with', 'for', '30', 'patients a day',
];
const HEADINGS = ['EXPERIENCE', 'SKILLS', 'Skills:', 'EDUCATION', '## Education', 'CERTIFICATIONS', 'Work History:', 'SUMMARY', 'VOLUNTEER', 'Training'];
const GLUE = [
  ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\n\n', '\r', ', ', '. ', '; ', ': ', '/', '-', ' | ', '(', ')', '"', "'", '• ', '\n• ',
  '\n- ', '\uf0b7 ', '\u25cf ', '* ', '\u200b', '\u200d', '\u202e', '\u2067', '\ufeff', '\u00ad', '\u0000', '\u2028', 'ﬁ', 'â€“', 'â€™',
  '\u00a0', ' '.repeat(50), '\n'.repeat(20), '\u2013', '\ud800', '\udfff', '😀',
];

const vocabText = fc.array(fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...GLUE) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADINGS).map((h) => `\n${h}\n`) },
), { minLength: 1, maxLength: 80, size: 'medium' }).map((parts) => parts.join(''));

const oddChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), // C0 controls
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)), // DEL and C1 controls
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), // lone surrogates
  fc.constantFrom(' '.repeat(1000), '\n'.repeat(500), '\t \t \n'.repeat(100)), // long whitespace runs
);

/** Any string: full Unicode, odd characters, vocabulary, and mixtures of them. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  vocabText,
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), oddChar, vocabText), { maxLength: 8 }).map((p) => p.join('')),
);

/** Every object in a report that claims to quote the input: it has numeric start/end and a text. */
function allEvidence(report: unknown): { start: number; end: number; text: string; path?: string }[] {
  const out: { start: number; end: number; text: string; path?: string }[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push(o as never);
    for (const child of Object.values(o)) visit(child);
  };
  visit(report);
  return out;
}

function checkReport(input: string, report: AnalysisReport): void {
  // The whole report has the documented shape (strict: no field more, none missing).
  const shape = ReportSchema.safeParse(report);
  expect(shape.success, shape.success ? '' : JSON.stringify(shape.error.issues.slice(0, 3))).toBe(true);
  for (const e of allEvidence(report)) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(0 <= e.start && e.start <= e.end && e.end <= input.length).toBe(true);
    expect(input.slice(e.start, e.end)).toBe(e.text);
  }
  for (const s of report.sections) expect(0 <= s.start && s.start <= s.end && s.end <= input.length).toBe(true);
  expect(report.roles).toHaveLength(defaultTaxonomy.roles.length);
  for (const role of report.roles) {
    expect(role.score).toBeGreaterThanOrEqual(0);
    expect(role.score).toBeLessThanOrEqual(100);
    expectContributionsAddUp(role);
  }
  expect(report.target.id).toBe('health-technician');
}

describe('analyzeResume on any string', () => {
  it('never throws; evidence slices the input; scores in [0, 100]; contributions add up to the score', () => {
    fc.assert(fc.property(anyText, (input) => {
      checkReport(input, analyzeResume(input));
    }), params(1));
  });

  it('extractSkills agrees: spans in bounds and equal to the text they claim', () => {
    fc.assert(fc.property(anyText, (input) => {
      for (const s of extractSkills(input)) for (const e of s.evidence) expect(input.slice(e.start, e.end)).toBe(e.text);
    }), params(2));
  });

  it('is deterministic: two calls and a fresh analyzer give the same report', () => {
    const fresh = createAnalyzer();
    fc.assert(fc.property(anyText, (input) => {
      const a = JSON.stringify(analyzeResume(input));
      expect(JSON.stringify(analyzeResume(input))).toBe(a);
      expect(JSON.stringify(fresh.analyzeResume(input))).toBe(a);
    }), params(3));
  });

  it('the vocabulary really produces matches (so the properties above are not vacuous)', () => {
    const samples = fc.sample(vocabText, { numRuns: 100, seed: 4 });
    const withSkills = samples.filter((s) => extractSkills(s).length > 0).length;
    expect(withSkills).toBeGreaterThan(50);
  });
});

// Section bodies: lines of vocabulary with no headings in them, each ending in a line break.
const bodyLine = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '. ', '/', '-', ' and ')), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
const section = fc.record({
  heading: fc.constantFrom('EXPERIENCE', 'SKILLS', 'EDUCATION', 'CERTIFICATIONS', 'VOLUNTEER', 'SUMMARY', 'Work History:', 'PROFESSIONAL EXPERIENCE', 'Training'),
  lines: fc.array(bodyLine.map((l) => `• ${l}`), { minLength: 1, maxLength: 4 }),
});
const sectionsAndOrder = fc.array(section, { minLength: 2, maxLength: 5 }).chain((secs) =>
  fc.tuple(fc.constant(secs), fc.shuffledSubarray(secs.map((_, i) => i), { minLength: secs.length, maxLength: secs.length })));

const scoresOf = (text: string): Record<string, number> => Object.fromEntries(analyzeResume(text).roles.map((r) => [r.id, r.score]));

describe('reordering the sections changes no score', () => {
  const render = (secs: { heading: string; lines: string[] }[], order: number[], sep: string): string =>
    order.map((i) => `${secs[i]!.heading}\n${secs[i]!.lines.join('\n')}\n`).join(sep);

  it('sections separated by a blank line', () => {
    fc.assert(fc.property(sectionsAndOrder, ([secs, order]) => {
      const natural = secs.map((_, i) => i);
      expect(scoresOf(render(secs, order, '\n'))).toEqual(scoresOf(render(secs, natural, '\n')));
    }), params(5));
  });

  it('sections separated by the heading line only (no blank line)', () => {
    // Resumes from PDFs often have no blank line before a heading; the heading alone must end a section.
    fc.assert(fc.property(sectionsAndOrder, ([secs, order]) => {
      const natural = secs.map((_, i) => i);
      expect(scoresOf(render(secs, order, ''))).toEqual(scoresOf(render(secs, natural, '')));
    }), params(6));
  });

  it('regression: a skill word at the end of a section does not join the next heading ("patient" + "EDUCATION")', () => {
    // "patient\nEDUCATION" was read as the phrase "patient education" (another skill), so the order of the
    // sections changed the scores.
    const text = 'EXPERIENCE\n• Cared for each patient\nEDUCATION\nCNA program\n';
    const ids = extractSkills(text).map((s) => s.id);
    expect(ids).toEqual(['patients', 'nursing-assistant']);
    expect(scoresOf(text)).toEqual(scoresOf('EDUCATION\nCNA program\nEXPERIENCE\n• Cared for each patient\n'));
  });
});

describe('showing a skill of a role never lowers that role\'s score', () => {
  // For each role, the profile skills whose first alias, as an experience bullet, is found as that skill.
  const shown = new Map<string, { skill: string; bullet: string }[]>();
  for (const role of defaultTaxonomy.roles) {
    const list: { skill: string; bullet: string }[] = [];
    for (const p of role.profile) {
      const skill = defaultTaxonomy.skills.find((s) => s.id === p.skill)!;
      const bullet = `• Performed ${skill.aliases[0]} daily`;
      const found = extractSkills(`EXPERIENCE\n${bullet}\n`).find((m) => m.id === skill.id);
      if (found && !found.evidence[0]!.negated && !found.evidence[0]!.hedged) list.push({ skill: skill.id, bullet });
    }
    shown.set(role.id, list);
  }

  it('most profile skills can be shown this way (the property covers real skills)', () => {
    for (const role of defaultTaxonomy.roles) expect(shown.get(role.id)!.length).toBeGreaterThanOrEqual(Math.ceil(role.profile.length / 2));
  });

  it('appending an experience bullet naming one of the role\'s skills', () => {
    const pick = fc.constantFrom(...defaultTaxonomy.roles.map((r) => r.id)).chain((role) => fc.tuple(fc.constant(role), fc.constantFrom(...shown.get(role)!)));
    fc.assert(fc.property(anyText, pick, (input, [role, { skill, bullet }]) => {
      const before = analyzeResume(input).roles.find((r) => r.id === role)!.score;
      const longer = `${input}\n\nEXPERIENCE\n${bullet}\n`;
      const after = analyzeResume(longer);
      expect(after.skills.some((s) => s.id === skill && s.evidence.some((e) => e.section === 'experience' && !e.negated))).toBe(true);
      expect(after.roles.find((r) => r.id === role)!.score).toBeGreaterThanOrEqual(before);
    }), params(7));
  });
});

// JSON Resume-shaped objects: every field optional; values mostly strings from the vocabulary, sometimes
// the wrong type, so both the success path and the typed error path are exercised.
const str = fc.oneof({ weight: 8, arbitrary: vocabText }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) });
const maybeWrong = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | number | null | boolean> =>
  fc.oneof({ weight: 20, arbitrary: a }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.boolean()) });
const strs = fc.array(maybeWrong(str), { maxLength: 4 });
const jsonResume = fc.record({
  basics: maybeWrong(fc.record({ name: str, label: maybeWrong(str), summary: maybeWrong(str), email: str }, { requiredKeys: [] })),
  work: maybeWrong(fc.array(fc.record({ name: str, position: maybeWrong(str), summary: str, startDate: str, endDate: str, highlights: maybeWrong(strs) }, { requiredKeys: [] }), { maxLength: 3 })),
  volunteer: fc.array(fc.record({ organization: str, position: str, highlights: strs }, { requiredKeys: [] }), { maxLength: 2 }),
  education: fc.array(fc.record({ institution: str, area: str, studyType: str, courses: maybeWrong(strs) }, { requiredKeys: [] }), { maxLength: 2 }),
  certificates: fc.array(fc.record({ name: maybeWrong(str), issuer: str, date: str }, { requiredKeys: [] }), { maxLength: 2 }),
  skills: maybeWrong(fc.array(fc.record({ name: str, level: str, keywords: strs }, { requiredKeys: [] }), { maxLength: 3 })),
  projects: fc.array(fc.record({ name: str, description: str, highlights: strs }, { requiredKeys: [] }), { maxLength: 2 }),
  awards: fc.array(fc.record({ title: str, awarder: str, summary: str }, { requiredKeys: [] }), { maxLength: 2 }),
  interests: fc.array(fc.record({ name: str, keywords: strs }, { requiredKeys: [] }), { maxLength: 2 }),
  unknownKey: fc.jsonValue({ maxDepth: 3 }),
}, { requiredKeys: [] });

/** The value at a JSON Resume path such as `work[0].highlights[2]`. */
function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}

describe('analyzeResume on any JSON Resume-shaped object', () => {
  it('returns a report whose evidence slices report.text, or throws InvalidInputError; nothing else', () => {
    let reports = 0;
    let withPath = 0;
    fc.assert(fc.property(jsonResume, (doc) => {
      let report: AnalysisReport;
      try {
        report = analyzeResume(doc as never);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        expect((e as InvalidInputError).code).toBe('ERR_INVALID_JSON_RESUME');
        expect((e as InvalidInputError).issues.length).toBeGreaterThan(0);
        return;
      }
      reports++;
      expect(typeof report.text).toBe('string');
      checkReport(report.text!, report);
      for (const e of allEvidence(report)) {
        if (e.path === undefined) continue;
        withPath++;
        // The path names the string field the evidence starts in: it holds the mention, or it begins the line a
        // responsibility's evidence is (a rendered line can join several fields: "EKG, EKG").
        const value = at(doc, e.path);
        expect(typeof value).toBe('string');
        const seg = renderJsonResume(doc as never).segments.find((x) => x.path === e.path && x.start <= e.start && e.start < x.end)!;
        expect(seg).toBeDefined();
        expect((value as string).slice(e.start - seg.start).trimEnd()).toBe(report.text!.slice(e.start, seg.end));
      }
    }), params(8));
    // Both branches ran and paths were checked.
    expect(reports).toBeGreaterThan(50);
    expect(withPath).toBeGreaterThan(50);
  });
});
