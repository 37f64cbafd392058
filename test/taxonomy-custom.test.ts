/**
 * Custom taxonomies through createAnalyzer({ taxonomy }) and validateTaxonomy: hostile keys (__proto__,
 * constructor), duplicates, regular-expression characters in aliases, a very large alias list, and no
 * prototype pollution. Every case starts from a deep copy of defaultTaxonomy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer, defaultTaxonomy, extractSkills, TaxonomyError, validateTaxonomy, type Taxonomy } from '../src/index.js';

type Mutable = { skills: Record<string, any>[]; roles: Record<string, any>[]; responsibilities: Record<string, any>[]; lexicon: Record<string, any>; [k: string]: unknown };
/** A deep copy through JSON, as a taxonomy read from a file would arrive. */
const copy = (): Mutable => JSON.parse(JSON.stringify(defaultTaxonomy));
/** Re-parses an object with a raw JSON fragment spliced in as its first key ("__proto__" stays an own key). */
const withRawKey = (obj: unknown, fragment: string): any => JSON.parse(JSON.stringify(obj).replace(/^\{/, `{${fragment},`));

function taxonomyError(value: unknown): TaxonomyError {
  try {
    validateTaxonomy(value);
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    return e as TaxonomyError;
  }
  throw new Error('expected a TaxonomyError');
}

const newSkill = (id: string, aliases: string[], extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ id, label: id, category: 'technology', aliases, source: { file: 'test', quote: 'test' }, ...extra });

// Every test here must leave Object.prototype untouched.
afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

describe('__proto__ and constructor keys, as JSON.parse produces them', () => {
  it('a top-level "__proto__" key is an unknown key, reported; nothing is polluted', () => {
    const t = withRawKey(copy(), '"__proto__": {"polluted": 1}');
    expect(Object.keys(t)[0]).toBe('__proto__');
    const e = taxonomyError(t);
    expect(e.issues).toEqual([{ path: '', message: 'unknown key(s) "__proto__": remove them' }]);
    expect(e.message).toContain('(root): unknown key(s) "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a skill', (t: Mutable) => { t.skills[0] = withRawKey(t.skills[0], '"__proto__": {"polluted": 1}'); }, 'skills[0]'],
    ['a role', (t: Mutable) => { t.roles[2] = withRawKey(t.roles[2], '"__proto__": {"polluted": 1}'); }, 'roles[2]'],
    ['a profile entry', (t: Mutable) => { t.roles[0]!.profile[1] = withRawKey(t.roles[0]!.profile[1], '"__proto__": {"polluted": 1}'); }, 'roles[0].profile[1]'],
    ['role facts', (t: Mutable) => { t.roles[0]!.facts = withRawKey(t.roles[0]!.facts, '"__proto__": {"polluted": 1}'); }, 'roles[0].facts'],
    ['the lexicon', (t: Mutable) => { t.lexicon = withRawKey(t.lexicon, '"constructor": {"polluted": 1}'); }, 'lexicon'],
  ])('"__proto__"/"constructor" inside %s is an unknown key at its path', (_label, edit, path) => {
    const t = copy();
    edit(t);
    const e = taxonomyError(t);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe(path);
    expect(e.issues[0]!.message).toMatch(/^unknown key\(s\) "(__proto__|constructor)": remove them$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"__proto__" and "constructor" as lexicon.sections keys (section kinds only) are rejected and pollute nothing', () => {
    const t = copy();
    t.lexicon.sections = JSON.parse('{"__proto__": ["polluted"], "constructor": ["career"], "skills": ["skills"]}');
    const e = taxonomyError(t);
    expect(e.issues.map((i) => i.path)).toContain('lexicon.sections');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = copy();
    ok.lexicon.sections = JSON.parse('{"__proto__": ["polluted"], "skills": ["skills"]}');
    const valid = validateTaxonomy(ok);
    expect(Object.prototype.hasOwnProperty.call(valid.lexicon!.sections, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(createAnalyzer({ taxonomy: ok }).extractSkills('SKILLS\nCPR').map((s) => s.id)).toEqual(['cpr']);
  });

  it('"__proto__" is not a valid id; "constructor" is, and works as a skill id', () => {
    const bad = copy();
    bad.skills.push(newSkill('__proto__', ['proto skill']));
    expect(taxonomyError(bad).issues.map((i) => i.path)).toEqual([`skills[${bad.skills.length - 1}].id`]);

    // Rename the aba-therapy skill to "constructor" everywhere: ids are looked up in Maps, never in objects.
    const t = JSON.parse(JSON.stringify(defaultTaxonomy).replaceAll('"aba-therapy"', '"constructor"'));
    const report = createAnalyzer({ taxonomy: t }).analyzeResume('EXPERIENCE\n• Delivered ABA therapy to 5 clients\n', { target: 'psychiatric-technician' });
    expect(report.skills.map((s) => s.id)).toEqual(['constructor']);
    expect(report.target.contributions.map((c) => c.id)).toContain('constructor');
  });

  it('words that name Object.prototype members are plain words', () => {
    const words = 'constructor __proto__ toString hasOwnProperty valueOf prototype isPrototypeOf';
    expect(extractSkills(words)).toEqual([]);
    const t = copy();
    t.skills.push(newSkill('prototype-words', ['constructor', 'to string', 'value of']));
    const found = createAnalyzer({ taxonomy: t }).extractSkills(words);
    expect(found.map((s) => [s.id, s.evidence.map((e) => e.text)])).toEqual([['prototype-words', ['constructor']]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('duplicates and dangling references: every issue, with its path', () => {
  it.each([
    ['a duplicate skill id', (t: Mutable) => { t.skills.push({ ...t.skills[0] }); }, [{ path: `skills[${defaultTaxonomy.skills.length}].id`, message: 'duplicate skill id "aba-therapy" (also skills[0]): give each skill its own id' }]],
    ['a duplicate role id', (t: Mutable) => { t.roles.push({ ...t.roles[1] }); }, [{ path: `roles[${defaultTaxonomy.roles.length}].id`, message: 'duplicate role id "emergency-room-technician": give each role its own id' }]],
    ['a duplicate responsibility id', (t: Mutable) => { t.responsibilities.push({ ...t.responsibilities[0] }); }, [{ path: `responsibilities[${defaultTaxonomy.responsibilities!.length}].id`, message: `duplicate responsibility id "${defaultTaxonomy.responsibilities![0]!.id}"` }]],
    ['a profile entry naming an unknown skill', (t: Mutable) => { t.roles[0]!.profile[0]!.skill = 'no-such-skill'; }, [{ path: 'roles[0].profile[0].skill', message: 'unknown skill "no-such-skill": add it to skills or fix the id' }]],
    ['a skill listed twice in one profile', (t: Mutable) => { t.roles[1]!.profile.push({ ...t.roles[1]!.profile[0] }); }, [{ path: `roles[1].profile[${defaultTaxonomy.roles[1]!.profile.length}].skill`, message: 'skill "bls" appears twice in role "emergency-room-technician": keep one entry' }]],
  ])('%s', (_label, edit, issues) => {
    const t = copy();
    edit(t);
    expect(taxonomyError(t).issues).toEqual(issues);
    expect(() => createAnalyzer({ taxonomy: t })).toThrow(TaxonomyError);
  });

  it('an alias claimed by two skills, also through case, is reported on the second skill', () => {
    const ekg = defaultTaxonomy.skills.findIndex((s) => s.id === 'ekg');
    const first = copy();
    first.skills.push(newSkill('heart-tracing', ['EKG']));
    const e = taxonomyError(first);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe(`skills[${first.skills.length - 1}].aliases[0]`);
    expect(e.issues[0]!.message).toMatch(/^alias is already claimed by skill "ekg" \(skills\[\d+\]\.aliases\[\d+\]\): keep it on one skill only, or split its senses with opposite notWhen traitList rules on both$/);
    expect(ekg).toBeGreaterThanOrEqual(0);
  });

  it('an acronym claimed by two skills is reported', () => {
    const t = copy();
    t.skills.push(newSkill('bp-cuffs', ['cuff sizing'], { acronyms: ['BP'] }));
    expect(taxonomyError(t).issues).toEqual([{ path: `skills[${t.skills.length - 1}].acronyms[0]`, message: expect.stringMatching(/^acronym is already claimed by skill "blood-pressure" \(skills\[\d+\]\.acronyms\[0\]\): keep it on one skill only$/) }]);
  });

  it('every issue is listed, not only the first', () => {
    const t = copy();
    t.skills.push({ ...t.skills[0] }, { ...t.skills[1] });
    t.roles[0]!.profile[0]!.skill = 'nope';
    expect(taxonomyError(t).issues.map((i) => i.path)).toEqual([`skills[${defaultTaxonomy.skills.length}].id`, `skills[${defaultTaxonomy.skills.length + 1}].id`, 'roles[0].profile[0].skill']);
  });
});

describe('regular-expression characters in aliases: matched literally, or rejected with a clear error', () => {
  // Aliases are compiled to token sequences, never to RegExp: no pattern can run. But punctuation is dropped
  // by tokenizing, so "c++" would become "c" and match every lone C ("Vitamin C"). The contract: an alias
  // either matches its own text and not the text with the punctuation removed, or validation rejects it.
  it.each([
    ['c++', 'Wrote C++ tools', 'Gave vitamin C'],
    ['a.b', 'Used a.b daily', 'Used a b daily'],
    ['(x)', 'Ran (x) checks', 'Ran x checks'],
    ['[y]', 'Ran [y] checks', 'Ran y checks'],
    ['q?', 'Answered q? forms', 'Answered q forms'],
    ['z|w', 'Filed z|w forms', 'Filed z forms'],
    ['\\d+', 'Typed \\d+ codes', 'Typed d codes'],
  ])('"%s"', (alias, literal, stripped) => {
    const t = copy();
    t.skills.push(newSkill('regex-chars', [alias]));
    let analyzer: ReturnType<typeof createAnalyzer>;
    try {
      analyzer = createAnalyzer({ taxonomy: t });
    } catch (e) {
      // Rejected: the issue names the alias path and says what to do.
      expect(e).toBeInstanceOf(TaxonomyError);
      expect((e as TaxonomyError).issues.map((i) => i.path)).toEqual([`skills[${t.skills.length - 1}].aliases[0]`]);
      return;
    }
    // Accepted: matched literally, and only literally.
    expect(analyzer.extractSkills(literal).map((s) => s.id)).toContain('regex-chars');
    expect(analyzer.extractSkills(stripped).map((s) => s.id)).not.toContain('regex-chars');
  });

  it('"*" (no letter or digit) is rejected with a clear error', () => {
    const t = copy();
    t.skills.push(newSkill('star', ['*']));
    expect(taxonomyError(t).issues).toEqual([{ path: `skills[${t.skills.length - 1}].aliases[0]`, message: 'alias has no letters or digits: remove it' }]);
  });

  it('a pattern that would be catastrophic as a RegExp is rejected, and its words alone are inert', () => {
    const t = copy();
    t.skills.push(newSkill('redos', ['(a+)+ b']));
    expect(taxonomyError(t).issues.map((i) => i.path)).toEqual([`skills[${t.skills.length - 1}].aliases[0]`]);
    const words = copy();
    words.skills.push(newSkill('redos', ['aaaa b']));
    expect(createAnalyzer({ taxonomy: words }).extractSkills(`${'a'.repeat(50)}!`)).toEqual([]);
  });

  it('every alias of the default taxonomy matches its own text', () => {
    // The rule validation could enforce for custom aliases (see the case above); the default data must pass it.
    const misses: string[] = [];
    for (const s of defaultTaxonomy.skills) {
      // A form with a common non-health sense is found in a health-care line only.
      // A form with sense cues ("customers") is found beside one of them.
      const ambiguous = new Map(s.ambiguous?.filter((a) => a.context !== false || a.cues).map((a) => [a.form.toLowerCase(), a.cues?.[0] ?? 'at the hospital']));
      // A form that is the skill only in a list of traits ("patient" for patience) is found in one.
      const traitOnly = new Set(s.notWhen?.filter((r) => r.traitList === false).map((r) => r.form));
      for (const a of s.aliases) {
        const text = traitOnly.has(a) ? `• reliable, ${a}, calm\n` : ambiguous.has(a) ? `• ${a}; ${ambiguous.get(a)}\n` : `• ${a}\n`;
        const found = extractSkills(text).find((m) => m.id === s.id);
        if (!found || !found.evidence.some((e) => e.text.toLowerCase() === a.toLowerCase())) misses.push(`${s.id}: ${a}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('a very large taxonomy', () => {
  it('100,000 aliases on 100 new skills compile, and the last one is found', () => {
    const t = copy();
    // Distinct letter-only words, so no two aliases share a key: "zq" + base-26 digits.
    const word = (n: number): string => { let s = ''; do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0); return `zq${s}`; };
    for (let k = 0; k < 100; k++) t.skills.push(newSkill(`bulk-${k}`, Array.from({ length: 1000 }, (_, i) => `${word(k * 1000 + i)} procedure`)));
    const started = performance.now();
    const analyzer = createAnalyzer({ taxonomy: t });
    const ms = performance.now() - started;
    // Reported, not asserted (no timed assertions): see the task report for the figure.
    console.info(`[taxonomy-custom] 100,000 aliases: validate + compile ${Math.round(ms)} ms`);
    const last = word(99_999);
    expect(analyzer.extractSkills(`EXPERIENCE\n• Performed the ${last} procedure and EKGs\n`).map((s) => [s.id, s.evidence[0]!.text])).toEqual([
      ['bulk-99', `${last} procedure`],
      ['ekg', 'EKGs'],
    ]);
    expect(analyzer.analyzeResume('EXPERIENCE\n• Performed EKGs\n').skills.map((s) => s.id)).toEqual(['ekg']);
  });
});

describe('roles outside health care are data ("healthCare": false), not ids in the code', () => {
  const resume = readFileSync(join(import.meta.dirname, '..', 'examples', 'resumes', 'customer-care-technician.txt'), 'utf8');
  const scoreOf = (t: Mutable | Taxonomy, role: string): number => createAnalyzer({ taxonomy: t }).analyzeResume(resume).roles.find((r) => r.id === role)!.score;

  it('the default taxonomy marks the customer care technician only', () => {
    expect(defaultTaxonomy.roles.filter((r) => r.healthCare === false).map((r) => r.id)).toEqual(['customer-care-technician']);
    expect(defaultTaxonomy.roles.filter((r) => r.healthCare !== undefined)).toHaveLength(1);
  });

  it('a renamed copy of the role keeps its policy and its score; without the field it is scored as a health role', () => {
    const base = scoreOf(copy(), 'customer-care-technician');
    expect(base).toBeGreaterThan(80);
    // Renamed everywhere: the id plays no part.
    const renamed = copy();
    renamed.roles.find((r) => r.id === 'customer-care-technician')!.id = 'call-center-agent';
    for (const r of renamed.responsibilities) r.roles = r.roles.map((id: string) => (id === 'customer-care-technician' ? 'call-center-agent' : id));
    expect(scoreOf(renamed, 'call-center-agent')).toBe(base);
    // Absent means true: generic skills (customer service, communication) are gated by health-care context, and
    // the role asks for a breadth of health-care evidence this resume does not have.
    const health = copy();
    delete health.roles.find((r) => r.id === 'customer-care-technician')!.healthCare;
    expect(scoreOf(health, 'customer-care-technician')).toBeLessThan(base / 2);
  });

  it('a custom role of its own can be outside health care, and the field must be a boolean', () => {
    const t = copy();
    const profile = [{ skill: 'customer-service', kind: 'distinct', weight: 3, quote: 'customer service' }, { skill: 'communication', kind: 'soft', weight: 1, quote: 'communication' }];
    t.roles.push({ id: 'retail-clerk', title: 'Retail Clerk', description: 'Sells things.', onetSoc: [], titles: [], facts: {}, profile, source: { file: 'test', quote: 'test' } });
    t.roles.push({ ...t.roles.at(-1), id: 'retail-clerk-outside', healthCare: false });
    const a = createAnalyzer({ taxonomy: t }).analyzeResume('EXPERIENCE\n• Gave friendly customer service and clear communication to shoppers\n');
    const fit = (id: string) => a.roles.find((r) => r.id === id)!;
    // Generic skills count 0.15 toward a health role without health-care context, in full outside health care.
    expect(fit('retail-clerk-outside').score).toBeGreaterThan(fit('retail-clerk').score * 3);
    t.roles.at(-1)!.healthCare = 'no';
    expect(taxonomyError(t).issues).toEqual([{ path: `roles[${t.roles.length - 1}].healthCare`, message: expect.stringMatching(/boolean/) }]);
  });
});

describe('sentences: gaps and comparisons name a custom taxonomy\'s own roles', () => {
  const src = { file: 'test', quote: 'test' };
  const salary = (difference: number) => ({ salary: { differenceVsHealthTechnician: difference, ...src } });
  const taxonomy = {
    skills: [
      { ...newSkill('hemodialysis', ['hemodialysis']), label: 'Hemodialysis', category: 'clinical' },
      { ...newSkill('phlebotomy', ['phlebotomy', 'venipuncture']), label: 'Phlebotomy', category: 'clinical' },
      { ...newSkill('vitals', ['vital signs', 'vitals']), label: 'Vitals', category: 'clinical', share: 12 },
    ],
    roles: [
      { id: 'phlebotomist', title: 'Phlebotomist', description: 'Draws blood.', onetSoc: [], titles: ['Phlebotomist'], facts: salary(-2500), profile: [{ skill: 'phlebotomy', kind: 'distinct', weight: 3, quote: 'x' }, { skill: 'vitals', kind: 'shared', weight: 2, quote: 'x' }], source: src },
      { id: 'dialysis-technician', title: 'Dialysis Technician', description: 'Runs dialysis.', onetSoc: [], titles: ['Dialysis Technician'], facts: {}, profile: [{ skill: 'hemodialysis', kind: 'distinct', weight: 3, quote: 'x' }, { skill: 'vitals', kind: 'share', weight: 3, quote: 'x' }], source: src },
    ],
  };
  const sentences = {
    ...defaultTaxonomy.sentences!,
    reference: { role: 'dialysis-technician', title: 'Dialysis Technician' },
    gaps: { ...defaultTaxonomy.sentences!.gaps, distinct: '{Label} sets {roles} apart from other dialysis-unit roles.' },
  };
  const resume = 'EXPERIENCE\n• Drew blood by venipuncture for 40 patients a day\n';
  const why = (report: ReturnType<ReturnType<typeof createAnalyzer>['analyzeResume']>, role: string) =>
    report.roles.find((r) => r.id === role)!.missing.map((g) => g.why);

  it('fills the templates with its reference role and its role titles; the reference is the default target', () => {
    const analyzer = createAnalyzer({ taxonomy: { ...taxonomy, sentences } });
    const report = analyzer.analyzeResume(resume);
    expect(report.target.id).toBe('dialysis-technician'); // the reference role, though not the first
    expect(why(report, 'dialysis-technician')).toEqual([
      'Hemodialysis sets dialysis technicians apart from other dialysis-unit roles.',
      'Dialysis technician resumes list vitals (12%).',
    ]);
    expect(why(report, 'phlebotomist')).toEqual(['Phlebotomists and dialysis technicians both list vitals among their skills.']);
    expect(analyzer.compareRoles(report, 'dialysis-technician', 'phlebotomist').context).toEqual(['Phlebotomists earn $2,500 less a year than dialysis technicians on average.']);
    expect(JSON.stringify(report)).not.toMatch(/health technician/i);
  });

  it('without sentences of its own it gets the default taxonomy\'s, which name the health technician', () => {
    const report = createAnalyzer({ taxonomy }).analyzeResume(resume);
    expect(report.target.id).toBe('phlebotomist'); // no health-technician role: the first role
    expect(why(report, 'dialysis-technician')).toContain('Health technician resumes list vitals (12%).');
  });

  it('a misspelt placeholder or a template that is not a string is a TaxonomyError at its path', () => {
    const e = taxonomyError({ ...taxonomy, sentences: { ...sentences, gaps: { ...sentences.gaps, shared: '{Roles} and {refrences} both list {label}.' } } });
    expect(e.issues.map((i) => i.path)).toEqual(['sentences.gaps.shared']);
    expect(e.issues[0]!.message).toMatch(/a placeholder is not one of .*\{references\}.*: fix its spelling/);
    expect(taxonomyError({ ...taxonomy, sentences: { ...sentences, comparison: { ...sentences.comparison, words: { and: 1, less: 'less', more: 'more' } } } }).issues.map((i) => i.path)).toEqual(['sentences.comparison.words.and']);
  });
});
