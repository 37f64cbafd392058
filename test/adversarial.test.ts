/**
 * An adversarial corpus: huge, degenerate, binary and malformed inputs. Each must give a report with valid
 * evidence spans or a typed error, never a crash, a hang or a stack overflow. Inputs are generated here
 * (no fixture files) so the corpus costs nothing to store and reads as a specification.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  analyzeResume,
  DEFAULT_MAX_INPUT_LENGTH,
  extractSkills,
  InvalidInputError,
  InvalidOptionsError,
  type AnalysisReport,
  type ResumeFitError,
} from '../src/index.js';
import { analyzer, expectContributionsAddUp, thrown } from './helpers.js';

// Records the length of every word handed to the Porter stemmer. natural's stemmer backtracks
// quadratically on long consonant runs ("xxxx…ekg…yyyy": 16,000 characters take 0.6 s, 1 MB would take
// about 40 minutes), so a word that long must never reach it. Words over 10,000 characters are returned
// unstemmed here so that a regression fails the assertion below instead of hanging the suite.
const stemmed = vi.hoisted(() => ({ longest: 0 }));
vi.mock('../src/nlp.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/nlp.js')>();
  return {
    ...real,
    stem: (word: string): string => {
      stemmed.longest = Math.max(stemmed.longest, word.length);
      return word.length > 10_000 ? word : real.stem(word);
    },
  };
});

const BULLET = '• Performed EKGs and took vital signs for 30 patients a day\n';

/** Every evidence span of a report points at the text it quotes. */
function expectValidSpans(input: string, report: AnalysisReport): void {
  // One assertion over all spans: hundreds of thousands of expect() calls would dominate the runtime.
  const bad = report.skills.flatMap((s) => s.evidence.filter((e) => !(e.start >= 0 && e.end <= input.length && input.slice(e.start, e.end) === e.text)));
  expect(bad.slice(0, 3)).toEqual([]);
  for (const r of report.roles) {
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expectContributionsAddUp(r);
  }
}

const score = (report: AnalysisReport, role: string): number => report.roles.find((r) => r.id === role)!.score;
const ids = (report: AnalysisReport): string[] => report.skills.map((s) => s.id);

describe('size', () => {
  // 10 MB: one heading and then bullets, so the text is a plausible (if absurd) resume.
  const bullets = Math.floor((10_000_000 - 11) / BULLET.length);
  const tenMb = `EXPERIENCE\n${BULLET.repeat(bullets)}`.padEnd(10_000_000, ' ');

  it('10 MB of text is refused with ERR_INPUT_TOO_LARGE under the default limit', () => {
    expect(DEFAULT_MAX_INPUT_LENGTH).toBe(2_000_000);
    const e = thrown<ResumeFitError>(() => analyzer.analyzeResume(tenMb));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.code).toBe('ERR_INPUT_TOO_LARGE');
    expect(e.message).toBe('resume-fit: the input is 10,000,000 characters, over maxInputLength (2,000,000). Raise options.maxInputLength or split the input.');
    expect(thrown<ResumeFitError>(() => analyzer.extractSkills(tenMb)).code).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('10 MB of text is analysed when maxInputLength is raised; the score equals that of one bullet', () => {
    const report = analyzer.analyzeResume(tenMb, { maxInputLength: 10_000_000 });
    const one = analyzer.analyzeResume(`EXPERIENCE\n${BULLET}`);
    expect(tenMb).toHaveLength(10_000_000);
    expect(report.skills.map((s) => [s.id, s.evidence.length])).toEqual([['ekg', bullets], ['vital-signs', bullets], ['patients', bullets]]);
    // Spot-check spans at the far end rather than walking 400,000 of them.
    const last = report.skills[0]!.evidence.at(-1)!;
    expect(tenMb.slice(last.start, last.end)).toBe(last.text);
    expect(last.text).toBe('Performed EKGs');
    expect(report.roles.map((r) => [r.id, r.score])).toEqual(one.roles.map((r) => [r.id, r.score]));
  });

  it.each([
    ['one letter', 'a'.repeat(1_000_000)],
    ['a skill acronym run together', 'EKG'.repeat(333_333)],
    ['consonant runs around a skill', `${'x'.repeat(500_000)}EKG${'y'.repeat(500_000)}`],
  ])('a 1 MB line with no spaces (%s) gives an empty report, and no 1 MB word is stemmed', (_label, line) => {
    stemmed.longest = 0;
    const report = analyzer.analyzeResume(line);
    expect(report.skills).toEqual([]);
    expect(report.roles.every((r) => r.score === 0)).toBe(true);
    expect(report.reason).toBe('no evidence of any role was found in the resume');
    // No English word or alias is longer than 64 characters; longer tokens need no stem.
    expect(stemmed.longest).toBeLessThanOrEqual(64);
  });

  it('a 1 MB line of punctuation-joined skills is matched along its whole length', () => {
    const line = 'EKG/CPR/'.repeat(125_000); // 1,000,000 characters, no space, no line break
    const report = analyzer.analyzeResume(line);
    expect(report.skills.map((s) => [s.id, s.evidence.length])).toEqual([['ekg', 125_000], ['cpr', 125_000]]);
    expectValidSpans(line, report);
  });

  it('one skill repeated 100,000 times does not pay: about the score of one EKG bullet in experience', () => {
    const repeated = `EXPERIENCE\n${'EKG '.repeat(100_000)}`;
    const many = analyzer.analyzeResume(repeated);
    const one = analyzer.analyzeResume('EXPERIENCE\n• Performed EKGs\n');
    expect(many.skills.map((s) => [s.id, s.evidence.length])).toEqual([['ekg', 100_000]]);
    expectValidSpans(repeated, many);
    for (const role of ['emergency-room-technician', 'health-technician']) {
      expect(score(one, role)).toBeGreaterThan(0);
      // Within one point: repetition may at most nudge a responsibility match, never multiply the score.
      expect(score(many, role)).toBeLessThanOrEqual(score(one, role) + 1);
    }
  });

  it('the same bullet repeated 50,000 times counts once', () => {
    const text = `EXPERIENCE\n${Array.from({ length: 50_000 }, (_, i) => `• Took vital signs and blood pressure for patient ${i}`).join('\n')}\n`;
    expect(text.length).toBeLessThan(DEFAULT_MAX_INPUT_LENGTH * 1.5);
    const report = analyzer.analyzeResume(text, { maxInputLength: 3_000_000 });
    const one = analyzer.analyzeResume(`EXPERIENCE\n• Took vital signs and blood pressure for patient 0\n`);
    expect(report.skills.map((s) => [s.id, s.evidence.length])).toEqual([['vital-signs', 50_000], ['blood-pressure', 50_000], ['patients', 50_000]]);
    expect(report.roles.map((r) => [r.id, r.score])).toEqual(one.roles.map((r) => [r.id, r.score]));
    const lastEkg = report.skills[1]!.evidence.at(-1)!;
    expect(text.slice(lastEkg.start, lastEkg.end)).toBe('blood pressure');
  });

  it('a heading on every line (20,000 sections) is read section by section', () => {
    // Each mention is checked against the headings; this input has as many sections as mentions.
    const text = 'SKILLS\nCPR\nEXPERIENCE\n• Performed EKGs\n'.repeat(10_000);
    const report = analyzer.analyzeResume(text);
    expect(report.sections).toHaveLength(20_000);
    expect(report.sections.slice(0, 2).map((s) => s.kind)).toEqual(['skills', 'experience']);
    expect(report.skills.map((s) => [s.id, s.evidence.length])).toEqual([['cpr', 10_000], ['ekg', 10_000]]);
    expect(report.skills[1]!.evidence.every((e) => e.section === 'experience' && e.text === 'Performed EKGs')).toBe(true);
  });
});

describe('invisible and control characters', () => {
  it.each([
    ['zero-width spaces around a skill', 'EXPERIENCE\n• Performed \u200bEKGs\u200b and \u200bphlebotomy\u200c daily\n', ['ekg', 'phlebotomy']],
    ['zero-width spaces inside an acronym', 'EXPERIENCE\n• Performed E\u200bK\u200bG testing\n', ['ekg']],
    ['a byte-order mark before the heading', '\ufeffEXPERIENCE\n• Performed EKGs\n', ['ekg']],
    ['right-to-left override and isolates around skills', 'EXPERIENCE\n• \u2067Performed EKGs\u2069 \u200fCPR\u200e \u202bBLS\u202c \u202ephlebotomy\u202c\n', ['ekg', 'cpr', 'bls', 'phlebotomy']],
    ['Arabic and Hebrew text around skills', 'EXPERIENCE\n• مهارات: EKG, CPR ועוד phlebotomy\n', ['ekg', 'cpr', 'phlebotomy']],
    ['NUL bytes between words', 'EXPERIENCE\n• Performed\u0000EKGs\u0000and\u0000CPR\u0000\n', ['ekg', 'cpr']],
    ['NUL bytes inside a heading and between skills', 'EXP\u0000ERIENCE\n• CPR\u0000\u0000\u0000BLS\n', ['cpr', 'bls']],
    ['every C0 control character', `EXPERIENCE\n• CPR${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}BLS\n`, ['cpr', 'bls']],
    ['lone surrogates around a skill', 'EXPERIENCE\n• \ud800EKG\udfff and \udc00CPR\n', ['ekg', 'cpr']],
  ])('%s: skills still found, spans valid', (_label, text, expected) => {
    const report = analyzer.analyzeResume(text);
    expect(ids(report)).toEqual(expected);
    expectValidSpans(text, report);
    // Invisible characters never land at the edge of a span: it starts and ends on a visible character.
    for (const s of report.skills) for (const e of s.evidence) expect(e.text).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$/su);
  });
});

describe('binary junk', () => {
  // A made-up PDF: header, objects, a binary stream of every byte value read as Latin-1, xref and trailer.
  const stream = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('');
  const pdf = `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n4 0 obj\n<< /Length 4096 /Filter /FlateDecode >>\nstream\n${stream}\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Size 5 >>\nstartxref\n1234\n%%EOF\n`;

  it('a PDF file read as text gives a report with valid spans and next to no score', () => {
    const report = analyzer.analyzeResume(pdf);
    expectValidSpans(pdf, report);
    for (const r of report.roles) expect(r.score).toBeLessThan(5);
  });

  it('the same PDF bytes decoded as UTF-8 (replacement characters) likewise', () => {
    const bytes = Uint8Array.from(pdf, (c) => c.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\ufffd');
    const report = analyzer.analyzeResume(text);
    expectValidSpans(text, report);
    for (const r of report.roles) expect(r.score).toBeLessThan(5);
  });

  it('a resume pasted after binary junk is still read', () => {
    const text = `${stream}\nEXPERIENCE\n• Performed EKGs\n`;
    const report = analyzer.analyzeResume(text);
    expect(ids(report)).toContain('ekg');
    expectValidSpans(text, report);
  });
});

describe('malformed JSON Resume', () => {
  it.each([
    ['work as a string', { work: 'x' }, [{ path: 'work', message: 'expected array' }]],
    ['skills as numbers', { skills: [1, 2] }, [{ path: 'skills[0]', message: 'expected object' }, { path: 'skills[1]', message: 'expected object' }]],
    ['highlights as a string', { work: [{ highlights: 'Performed EKGs' }] }, [{ path: 'work[0].highlights', message: 'expected array' }]],
    ['basics as an array', { basics: ['EMT'] }, [{ path: 'basics', message: 'expected object' }]],
    ['a null work entry', { work: [null] }, [{ path: 'work[0]', message: 'expected object' }]],
    ['a number keyword', { skills: [{ name: 'Clinical', keywords: ['EKG', 12] }] }, [{ path: 'skills[0].keywords[1]', message: 'expected string' }]],
  ])('%s: ERR_INVALID_JSON_RESUME naming the path', (_label, doc, issues) => {
    const e = thrown<ResumeFitError>(() => analyzer.analyzeResume(doc as never)) as InvalidInputError;
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.code).toBe('ERR_INVALID_JSON_RESUME');
    expect(e.issues).toEqual(issues);
    expect(e.message).toContain(`${issues[0]!.path}: ${issues[0]!.message}`);
  });

  // Nesting 10,000 deep: built in code and through JSON.parse, as a document would arrive.
  const deepArray = (depth: number, leaf: unknown): unknown => { let v = leaf; for (let i = 0; i < depth; i++) v = [v]; return v; };
  const deepObject = (depth: number): unknown => { let v: unknown = { leaf: 'EKG' }; for (let i = 0; i < depth; i++) v = { a: v }; return v; };

  it('highlights nested 10,000 deep: a typed error, not a stack overflow', () => {
    for (const doc of [
      { work: [{ highlights: deepArray(10_000, 'EKG') }] },
      JSON.parse(`{"work":[{"highlights":${'['.repeat(10_000)}"EKG"${']'.repeat(10_000)}}]}`),
    ]) {
      const e = thrown<ResumeFitError>(() => analyzer.analyzeResume(doc as never)) as InvalidInputError;
      expect(e.code).toBe('ERR_INVALID_JSON_RESUME');
      expect(e.issues).toEqual([{ path: 'work[0].highlights[0]', message: 'expected string' }]);
    }
  });

  it('an unknown key nested 10,000 deep is ignored', () => {
    for (const doc of [
      { work: [{ highlights: ['Performed EKGs'] }], meta: deepObject(10_000) },
      { work: [{ highlights: ['Performed EKGs'], extra: deepObject(10_000) }] },
      { work: [{ highlights: ['Performed EKGs'] }], basics: { location: { x: deepObject(10_000) } } },
    ]) {
      const report = analyzer.analyzeResume(doc as never);
      expect(report.text).toBe('EXPERIENCE\n• Performed EKGs\n');
      expect(ids(report)).toEqual(['ekg']);
      expect(report.skills[0]!.evidence[0]!.path).toBe('work[0].highlights[0]');
    }
  });
});

describe('bad maxInputLength values', () => {
  it.each([[0], [-1], [1.5], ['10'], [Number.NaN], [Number.NEGATIVE_INFINITY], [true], [{}]])('%s: InvalidOptionsError naming the option', (value) => {
    for (const call of [() => analyzeResume('EKG', { maxInputLength: value as never }), () => extractSkills('EKG', { maxInputLength: value as never }), () => analyzeResume({ work: [{ highlights: ['EKG'] }] }, { maxInputLength: value as never })]) {
      const e = thrown<ResumeFitError>(call) as InvalidOptionsError;
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect(e.code).toBe('ERR_INVALID_OPTIONS');
      expect(e.option).toBe('maxInputLength');
      expect(e.message).toMatch(/^resume-fit: options\.maxInputLength must be a positive whole number of characters, got /);
    }
  });
});
