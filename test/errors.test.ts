/**
 * Typed errors: every error resume-fit throws is a ResumeFitError with a stable code, a message that starts
 * with `resume-fit:`, names the bad value or path and the fix, and never carries resume text (personal data).
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeResume,
  compareRoles,
  createAnalyzer,
  defaultTaxonomy,
  extractSkills,
  InvalidInputError,
  InvalidOptionsError,
  isResumeFitError,
  ResumeFitError,
  TaxonomyError,
  validateTaxonomy,
  type RoleId,
} from '../src/index.js';
import { thrown } from './helpers.js';

// A string no message would contain by chance; every resume and every bad value below carries it.
const MARKER = 'ZQXMARKER-7731';
const RESUME = `SUMMARY\nPatient care technician ${MARKER}\n\nEXPERIENCE\n• Performed EKGs and took vital signs ${MARKER}\n• CPR/BLS certified\n`;

/** Every place an error could carry text: message, String(err), issues, option, and all own enumerable fields. */
function surfaces(e: unknown): string {
  const err = e as { message?: unknown; issues?: unknown; option?: unknown };
  return [String(e), String(err.message), JSON.stringify(err.issues ?? null), String(err.option ?? ''), JSON.stringify(e)].join('\n');
}

function expectClean(e: unknown): void {
  const text = surfaces(e);
  expect(text).not.toContain(MARKER);
  expect(text.toLowerCase()).not.toContain(MARKER.toLowerCase());
}

const taxonomyCopy = (): { skills: Record<string, unknown>[]; roles: Record<string, unknown>[]; [k: string]: unknown } => structuredClone(defaultTaxonomy) as never;

describe('the error classes', () => {
  it('form one hierarchy under ResumeFitError, with names', () => {
    const input = new InvalidInputError('ERR_INVALID_INPUT', 'x');
    const options = new InvalidOptionsError('target', 'resume-fit: y');
    const taxonomy = new TaxonomyError([{ path: 'skills[0].id', message: 'bad' }]);
    for (const [e, name] of [[input, 'InvalidInputError'], [options, 'InvalidOptionsError'], [taxonomy, 'TaxonomyError']] as const) {
      expect(e).toBeInstanceOf(ResumeFitError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(e.message.startsWith('resume-fit: ')).toBe(true);
    }
    // The prefix is added once, never twice.
    expect(input.message).toBe('resume-fit: x');
    expect(options.message).toBe('resume-fit: y');
    expect(options.code).toBe('ERR_INVALID_OPTIONS');
    expect(options.option).toBe('target');
    expect(taxonomy.code).toBe('ERR_INVALID_TAXONOMY');
    expect(taxonomy.issues).toEqual([{ path: 'skills[0].id', message: 'bad' }]);
    expect(taxonomy.message).toContain('skills[0].id: bad');
  });

  it('TaxonomyError shows the first 10 issues and counts the rest', () => {
    const issues = Array.from({ length: 13 }, (_, i) => ({ path: `skills[${i}].id`, message: 'bad' }));
    const e = new TaxonomyError(issues);
    expect(e.message).toContain('(13 issues)');
    expect(e.message).toContain('skills[9].id');
    expect(e.message).not.toContain('skills[10].id');
    expect(e.message).toContain('... and 3 more (see error.issues)');
    expect(e.issues).toHaveLength(13);
  });
});

describe('every reachable error path: typed, actionable, and free of resume text', () => {
  // [label, call, class, code, words the message must contain (the bad value or path, and the fix)]
  const cases: [string, () => unknown, Function, string, string[]][] = [
    ['a number as input', () => analyzeResume(42 as never), InvalidInputError, 'ERR_INVALID_INPUT', ['got number', 'string', 'JSON Resume']],
    ['null as input', () => analyzeResume(null as never), InvalidInputError, 'ERR_INVALID_INPUT', ['got null']],
    ['an array holding resume text', () => analyzeResume([RESUME] as never), InvalidInputError, 'ERR_INVALID_INPUT', ['got an array']],
    // Bytes are not a JSON Resume: a Buffer passed by mistake must fail, not give an empty report.
    ['a Buffer of resume text', () => analyzeResume(Buffer.from(RESUME) as never), InvalidInputError, 'ERR_INVALID_INPUT', []],
    ['a Uint8Array of resume text', () => analyzeResume(new TextEncoder().encode(RESUME) as never), InvalidInputError, 'ERR_INVALID_INPUT', []],
    ['extractSkills with a number', () => extractSkills(7 as never), InvalidInputError, 'ERR_INVALID_INPUT', ['extractSkills', 'got number']],
    ['text over maxInputLength', () => analyzeResume(RESUME, { maxInputLength: 20 }), InvalidInputError, 'ERR_INPUT_TOO_LARGE', [`${RESUME.length}`, 'maxInputLength (20)', 'Raise options.maxInputLength']],
    ['extractSkills over maxInputLength', () => extractSkills(RESUME, { maxInputLength: 20 }), InvalidInputError, 'ERR_INPUT_TOO_LARGE', ['maxInputLength (20)']],
    ['a JSON Resume whose rendering is over maxInputLength', () => analyzeResume({ work: [{ highlights: [RESUME] }] }, { maxInputLength: 30 }), InvalidInputError, 'ERR_INPUT_TOO_LARGE', ['maxInputLength (30)']],
    ['JSON Resume fields of the wrong type, next to marker values', () => analyzeResume({ basics: { summary: MARKER, name: 5 }, work: [{ position: MARKER, highlights: [MARKER, 7] }] } as never), InvalidInputError, 'ERR_INVALID_JSON_RESUME', ['basics.name', 'work[0].highlights[1]', 'expected string', 'jsonresume.org']],
    ['work as a string of resume text', () => analyzeResume({ work: RESUME } as never), InvalidInputError, 'ERR_INVALID_JSON_RESUME', ['work: expected array']],
    ['skills as numbers', () => analyzeResume({ skills: [1, 2] } as never), InvalidInputError, 'ERR_INVALID_JSON_RESUME', ['skills[0]: expected object', 'skills[1]']],
    ['highlights holding an object with marker keys', () => analyzeResume({ work: [{ highlights: [{ [MARKER]: MARKER }] }] } as never), InvalidInputError, 'ERR_INVALID_JSON_RESUME', ['work[0].highlights[0]']],
    ['an unknown option key', () => analyzeResume(RESUME, { tagret: 'health-aide' } as never), InvalidOptionsError, 'ERR_INVALID_OPTIONS', ['"tagret"', 'target, maxInputLength']],
    ['options as a string', () => analyzeResume(RESUME, 'health-aide' as never), InvalidOptionsError, 'ERR_INVALID_OPTIONS', ['options must be an object', 'got string']],
    ['an unknown target role', () => analyzeResume(RESUME, { target: 'surgeon' as RoleId }), InvalidOptionsError, 'ERR_UNKNOWN_ROLE', ['"surgeon"', 'health-technician', 'health-information-technician']],
    ['a target of the wrong type', () => analyzeResume(RESUME, { target: 3 as never }), InvalidOptionsError, 'ERR_UNKNOWN_ROLE', ['role number', 'use one of']],
    ['maxInputLength as a string', () => analyzeResume(RESUME, { maxInputLength: '10' as never }), InvalidOptionsError, 'ERR_INVALID_OPTIONS', ['maxInputLength', 'positive whole number', 'got string']],
    ['extractSkills with an unknown option', () => extractSkills(RESUME, { target: 'ems' } as never), InvalidOptionsError, 'ERR_INVALID_OPTIONS', ['"target"', 'maxInputLength']],
    ['createAnalyzer with an unknown option', () => createAnalyzer({ taxnomy: {} } as never), InvalidOptionsError, 'ERR_INVALID_OPTIONS', ['"taxnomy"', 'taxonomy']],
    ['compareRoles with an unknown role', () => compareRoles(analyzeResume(RESUME), 'health-technician', 'surgeon' as RoleId), InvalidOptionsError, 'ERR_UNKNOWN_ROLE', ['"surgeon"', 'use one of']],
    ['a taxonomy that is not an object', () => createAnalyzer({ taxonomy: RESUME }), TaxonomyError, 'ERR_INVALID_TAXONOMY', ['(root)', 'got string']],
  ];

  it.each(cases)('%s', (_label, call, cls, code, words) => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(cls);
    expect(isResumeFitError(e)).toBe(true);
    const err = e as ResumeFitError;
    expect(err.code).toBe(code);
    expect(err.message.startsWith('resume-fit: ')).toBe(true);
    for (const w of words) expect(err.message).toContain(w);
    expectClean(e);
  });

  it('JSON Resume issues list every bad path, without values', () => {
    const e = thrown(() => analyzeResume({ basics: { summary: MARKER, name: 5 }, work: [{ position: MARKER, highlights: [MARKER, 7] }], education: [{ courses: MARKER }] } as never)) as InvalidInputError;
    expect(e.issues).toEqual([
      { path: 'basics.name', message: 'expected string' },
      { path: 'work[0].highlights[1]', message: 'expected string' },
      { path: 'education[0].courses', message: 'expected array' },
    ]);
  });

  it.each([
    [0, 'got 0'],
    [-1, 'got -1'],
    [1.5, 'got 1.5'],
    ['10', 'got string'],
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
  ])('maxInputLength %s is an InvalidOptionsError naming the option', (value, got) => {
    for (const call of [() => analyzeResume(RESUME, { maxInputLength: value as never }), () => extractSkills(RESUME, { maxInputLength: value as never })]) {
      const e = thrown(call) as InvalidOptionsError;
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect(e.code).toBe('ERR_INVALID_OPTIONS');
      expect(e.option).toBe('maxInputLength');
      expect(e.message).toContain('options.maxInputLength must be a positive whole number');
      expect(e.message).toContain(got);
      expectClean(e);
    }
  });

  it('an input exactly at maxInputLength passes; one more character fails', () => {
    expect(analyzeResume(RESUME, { maxInputLength: RESUME.length }).target.score).toBeGreaterThan(0);
    expect((thrown(() => analyzeResume(`${RESUME} `, { maxInputLength: RESUME.length })) as ResumeFitError).code).toBe('ERR_INPUT_TOO_LARGE');
  });
});

describe('taxonomy errors never echo label or alias text', () => {
  // The marker sits in labels, aliases and quotes; a taxonomy is often built from real documents.
  const lower = MARKER.toLowerCase();
  const cases: [string, (t: ReturnType<typeof taxonomyCopy>) => void, string[]][] = [
    ['a label too long', (t) => { t.skills[0]!.label = `${MARKER} `.repeat(20); }, ['skills[0].label', 'at most 120 characters']],
    ['an alias of the wrong type', (t) => { (t.skills[1]!.aliases as unknown[]).push({ [MARKER]: MARKER }); }, ['skills[1].aliases[', 'expected string']],
    ['an unknown key on a skill', (t) => { t.skills[2]![MARKER] = MARKER; }, ['skills[2]', 'unknown key']],
    ['an alias claimed by two skills', (t) => { (t.skills[3]!.aliases as string[]).push(lower); (t.skills[4]!.aliases as string[]).push(lower); }, ['skills[4].aliases[', 'already claimed by skill']],
    ['an alias with no letters, next to a marker label', (t) => { t.skills[5]!.label = MARKER; (t.skills[5]!.aliases as string[]).push('++'); }, ['skills[5].aliases[', 'no letters or digits']],
  ];
  it.each(cases)('%s', (_label, edit, words) => {
    const t = taxonomyCopy();
    edit(t);
    for (const call of [() => validateTaxonomy(t), () => createAnalyzer({ taxonomy: t })]) {
      const e = thrown(call) as TaxonomyError;
      expect(e).toBeInstanceOf(TaxonomyError);
      expect(e.code).toBe('ERR_INVALID_TAXONOMY');
      expect(e.issues.length).toBeGreaterThan(0);
      for (const w of words) expect(e.message).toContain(w);
      // The unknown-key message names the key; a key is structure, so only check values in the other cases.
      if (!_label.startsWith('an unknown key')) expectClean(e);
    }
  });
});

describe('isResumeFitError', () => {
  const real = thrown(() => analyzeResume(42 as never)) as InvalidInputError;

  it('is true for every class, and for an error from another realm', () => {
    expect(isResumeFitError(real)).toBe(true);
    expect(isResumeFitError(thrown(() => analyzeResume(RESUME, { target: 'x' as RoleId })))).toBe(true);
    expect(isResumeFitError(thrown(() => validateTaxonomy(null)))).toBe(true);
    // What a worker or an iframe hands back: a plain copy with name, code and message.
    expect(isResumeFitError({ name: real.name, code: real.code, message: real.message })).toBe(true);
    expect(isResumeFitError(JSON.parse(JSON.stringify({ name: real.name, code: real.code, message: real.message })))).toBe(true);
  });

  it('is true for a fake with only name and code (the documented check)', () => {
    // The doc comment says it "checks name and code"; a spread copy ({ ...err }) has those but no message,
    // because Error's message is not enumerable.
    expect(isResumeFitError({ ...real })).toBe(true);
    expect(isResumeFitError({ name: 'TaxonomyError', code: 'ERR_INVALID_TAXONOMY' })).toBe(true);
  });

  it('is true for a structuredClone of the error (what postMessage delivers)', () => {
    // Structured cloning keeps message and stack but drops name and own fields such as code.
    const clone = structuredClone(real);
    expect(clone.message).toBe(real.message);
    expect(isResumeFitError(clone)).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'resume-fit: x'],
    ['a plain Error', new Error('boom')],
    ['a Node system error', Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })],
    ['an ERR_ code without our prefix', { code: 'ERR_INVALID_ARG_TYPE', message: 'The "path" argument must be of type string' }],
    ['our name with a foreign code', { name: 'InvalidInputError', code: 'ENOENT' }],
    ['an empty object', {}],
  ])('is false for %s', (_label, value) => {
    expect(isResumeFitError(value)).toBe(false);
  });
});
