import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTaxonomy, validateTaxonomy, TaxonomyError } from '../src/index.js';
import { analyzer } from './helpers.js';

const root = resolve(__dirname, '..');
const seedDir = resolve(root, '..', 'shared', 'seeds');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function checkData(dir: string): { code: number; out: string } {
  try {
    const out = execFileSync(tsx, [join(root, 'scripts', 'check-data.ts'), '--dir', dir], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

const copies: string[] = [];
afterAll(() => { for (const dir of copies) rmSync(dir, { recursive: true, force: true }); });

function brokenCopy(edit: (data: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'resume-fit-data-'));
  copies.push(dir);
  cpSync(join(root, 'data'), dir, { recursive: true });
  const data: Record<string, any> = {};
  for (const f of ['skills', 'roles', 'responsibilities', 'lexicon', 'sentences']) data[f] = JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8'));
  edit(data);
  for (const f of Object.keys(data)) writeFileSync(join(dir, `${f}.json`), JSON.stringify(data[f], null, 2));
  return dir;
}

describe('the taxonomy data', () => {
  it('passes check-data', () => {
    const r = checkData(join(root, 'data'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/check-data: ok \(\d+ skills, 8 roles, 15 responsibilities/);
    // The one role outside health care is data (roles.json "healthCare": false), not a list in the code.
    expect(r.out).toContain('outside health care: customer-care-technician)');
  });

  it.each([
    ['a duplicate skill id', (d: any) => { d.skills.skills[1].id = d.skills.skills[0].id; }, /duplicate skill id "[a-z-]+".*give each skill its own id/],
    ['an alias claimed by two skills', (d: any) => { d.skills.skills.find((s: any) => s.id === 'cpr').aliases.push('vitals'); }, /skills\[\d+\]\.aliases\[\d+\]: alias is already claimed by skill "(cpr|vital-signs)" \(skills\[\d+\]\.aliases\[\d+\]\)/],
    ['a role pointing at an unknown skill', (d: any) => { d.roles.roles[0].profile[0].skill = 'no-such-skill'; }, /roles\[0\]\.profile\[0\]\.skill: unknown skill "no-such-skill"/],
    ['an entry without a source', (d: any) => { delete d.skills.skills[2].source; }, /skills\[2\]\.source: expected object/],
    ['a weight off the documented rule', (d: any) => { d.roles.roles[1].profile[0].weight = 2.5; }, /should be 3 \(data\/README\.md/],
    ['skills out of order', (d: any) => { d.skills.skills.reverse(); }, /out of order: keep skills sorted by id/],
    ['"healthCare": true written out', (d: any) => { d.roles.roles[0].healthCare = true; }, /roles\[0\]\.healthCare: true is the default: remove the field/],
    ['"healthCare" not a boolean', (d: any) => { d.roles.roles[4].healthCare = 'no'; }, /roles\[4\]\.healthCare: expected boolean/],
    ['a title synonym pointing at another', (d: any) => { d.lexicon.titleSynonyms.techy = ['tech']; }, /lexicon\.json titleSynonyms\.techy\[0\]: "tech" is itself a title synonym.*\(technician\)/],
    ['a title synonym that is noise', (d: any) => { d.lexicon.titleSynonyms.snr = ['senior']; }, /titleSynonyms\.snr\[0\]: "senior" is a titleNoise word/],
    ['a misspelt sentence placeholder', (d: any) => { d.sentences.gaps.share = '{Refrence} resumes list {label}.'; }, /sentences\.json gaps\.share: a placeholder is not one of \{role\}.*fix its spelling/],
    ['a reference role that does not exist', (d: any) => { d.sentences.reference.role = 'nurse'; }, /sentences\.json reference\.role: unknown role "nurse"/],
    ['a title word with a capital', (d: any) => { d.lexicon.titleNoise.push('PRN'); }, /lexicon\.json titleNoise\[\d+\]: /],
  ])('fails with a clear message on %s', (_label, edit, message) => {
    const r = checkData(brokenCopy(edit));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(message);
  });

  // Quotes are checked against ../shared/seeds, which developers and CI have; a bare clone skips this case.
  it.skipIf(!existsSync(seedDir))('fails with a clear message on a quote the seed does not contain', () => {
    const r = checkData(brokenCopy((d: any) => { d.skills.skills[0].source.quote = 'words the seed never says'; }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/quote "words the seed never says" does not occur/);
  });

  it('the default taxonomy validates with the public validator', () => {
    expect(() => validateTaxonomy(defaultTaxonomy)).not.toThrow();
  });

  it('has the eight roles with their seed facts', () => {
    const roles = Object.fromEntries(defaultTaxonomy.roles.map((r) => [r.id, r]));
    expect(Object.keys(roles)).toEqual(['health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician', 'customer-care-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician']);
    expect(roles['emergency-room-technician']!.facts.salary!.differenceVsHealthTechnician).toBe(-1906);
    expect(roles['health-aide']!.facts.salary!.differenceVsHealthTechnician).toBe(-7439);
    expect(roles['emergency-medical-technician']!.facts.salary!.differenceVsHealthTechnician).toBe(1870);
    expect(roles['customer-care-technician']!.facts.salary!.differenceVsHealthTechnician).toBe(-2887);
    expect(roles['physical-therapy-assistant']!.facts.salary!.median).toBe(54410);
    expect(roles['physical-therapy-assistant']!.facts.growth!.percent).toBe(41);
    expect(roles['psychiatric-technician']!.facts.salary!.median).toBe(31130);
    expect(roles['health-information-technician']!.facts.growth!.percent).toBe(22);
    expect(roles['health-technician']!.facts.salary!.industryAverage).toBe(43446);
    expect(roles['emergency-room-technician']!.facts.education!.mastersDifference).toBe(-1.8);
  });

  it('keeps the 15 responsibility phrases verbatim, typos included', () => {
    const texts = defaultTaxonomy.responsibilities!.map((r) => r.text);
    expect(texts).toHaveLength(15);
    expect(texts).toContain('Preform electrocardiogram testing and monitoring.');
    expect(texts).toContain('Help students with IEP goal works.');
  });

  it('a custom taxonomy with problems gives a TaxonomyError listing every issue', () => {
    const bad = { ...defaultTaxonomy, skills: [...defaultTaxonomy.skills, { ...defaultTaxonomy.skills[0]!, label: '' }], roles: [{ ...defaultTaxonomy.roles[0]!, profile: [{ skill: 'ghost', kind: 'duty', weight: 1, quote: 'q' }] }] };
    try {
      validateTaxonomy(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TaxonomyError);
      const issues = (e as TaxonomyError).issues.map((i) => i.path);
      expect(issues).toContain(`skills[${defaultTaxonomy.skills.length}].label`);
      expect((e as TaxonomyError).code).toBe('ERR_INVALID_TAXONOMY');
    }
  });
});

// The coverage claim is checked against the seed documents themselves, not a second hand-made list.
describe.skipIf(!existsSync(seedDir))('coverage of the seed documents', () => {
  const seeds = existsSync(seedDir) ? readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8')) : [];
  const seed000 = seeds.find((s) => s.includes('Health technician skills and personality traits')) ?? '';
  const seedTerms = new Map<string, string>();
  for (const s of defaultTaxonomy.skills) for (const t of s.seedTerms ?? []) seedTerms.set(t, s.id);

  const listed = [...seed000.matchAll(/^\s*•\s*([A-Z][A-Za-z ]+), (\d+)%/gm)].map((m) => [m[1]!.toLowerCase(), Number(m[2])] as const);
  const soft = [...seed000.matchAll(/^([A-Z][a-z]+(?: [a-z]+)?)\. .*\bskill/gm)].map((m) => m[1]!.toLowerCase());
  // The runs of quoted skills after "skills like", "skills in" or "such as" in the role comparisons.
  const runs = [...seed000.matchAll(/(?:skills? like|skills in|such as) ((?:"[^"]{1,40}"[, ]*(?:and )?)+)/g)].map((m) => m[1]!);
  const quoted = [...new Set(runs.flatMap((r) => [...r.matchAll(/"([^"]+?)[,.]? ?"/g)].map((m) => m[1]!.trim())))];

  it('finds the lists in the seed (so the test cannot pass by reading nothing)', () => {
    expect(listed.length).toBe(6);
    expect(soft).toEqual(['observational skills', 'patience', 'physical stamina', 'interpersonal skills', 'compassion']);
    expect(quoted.length).toBeGreaterThanOrEqual(20);
  });

  it('every listed skill is in the taxonomy with its resume share', () => {
    for (const [name, share] of listed) {
      const id = seedTerms.get(name);
      expect(id, name).toBeDefined();
      expect(defaultTaxonomy.skills.find((s) => s.id === id)!.share, name).toBe(share);
      // In a health-care line: a term with another common sense ("veteran", "EMS") needs that context.
      expect(analyzer.extractSkills(`${name} at the hospital`).map((s) => s.id), name).toContain(id);
    }
  });

  it('every soft skill and every comparison skill is in the taxonomy and is found in text', () => {
    for (const name of [...soft, ...quoted]) {
      const id = seedTerms.get(name);
      expect(id, `seed term "${name}" has no skill (add it to a skill's seedTerms)`).toBeDefined();
      expect(analyzer.extractSkills(`${name} at the hospital`).map((s) => s.id), name).toContain(id);
    }
  });
});
