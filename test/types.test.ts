// Role and skill ids are typed: with the default taxonomy they are the RoleId and SkillId unions (a misspelt id does
// not compile), with a custom taxonomy `string`. The type assertions are checked by `npm run typecheck` (tsc reads
// test/); the @ts-expect-error lines fail it if the error they expect goes away. The runtime tests pin the unions
// to the data.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  analyzeResume, compareRoles, createAnalyzer, defaultTaxonomy, extractSkills, listRoles,
  type AnalysisReport, type Analyzer, type RoleFit, type RoleId, type SkillId, type SkillMatch, type Taxonomy,
} from '../src/index.js';
import { DEFAULT_ROLE_IDS, DEFAULT_SKILL_IDS } from '../src/taxonomy.js';

describe('the RoleId and SkillId unions', () => {
  it('list exactly the default taxonomy\'s ids, in its order', () => {
    expect([...DEFAULT_ROLE_IDS]).toEqual(defaultTaxonomy.roles.map((r) => r.id));
    expect([...DEFAULT_SKILL_IDS]).toEqual(defaultTaxonomy.skills.map((s) => s.id));
    expectTypeOf<RoleId>().toEqualTypeOf<(typeof DEFAULT_ROLE_IDS)[number]>();
    expectTypeOf<'health-aide'>().toExtend<RoleId>();
    expectTypeOf<'vital-signs'>().toExtend<SkillId>();
    expectTypeOf<'health-tech'>().not.toExtend<RoleId>();
  });
});

describe('the default taxonomy: ids are unions', () => {
  const report = analyzeResume('EXPERIENCE\n- Took vital signs', { target: 'health-aide' });

  it('analyzeResume, listRoles, extractSkills, compareRoles', () => {
    expectTypeOf(report).toEqualTypeOf<AnalysisReport<RoleId, SkillId>>();
    expectTypeOf(report.target.id).toEqualTypeOf<RoleId>();
    expectTypeOf(report.roles[0]!).toEqualTypeOf<RoleFit<RoleId, SkillId>>();
    expectTypeOf(report.target.missing[0]!.skill).toEqualTypeOf<SkillId>();
    expectTypeOf(report.skills[0]!.id).toEqualTypeOf<SkillId>();
    expectTypeOf(report.comparison.better).toEqualTypeOf<RoleId | null>();
    expectTypeOf(listRoles()[0]!.id).toEqualTypeOf<RoleId>();
    expectTypeOf(extractSkills('BLS')).toEqualTypeOf<SkillMatch<SkillId>[]>();
    expectTypeOf(compareRoles(report, 'health-aide', 'health-technician').a.id).toEqualTypeOf<RoleId>();
    expectTypeOf(createAnalyzer()).toEqualTypeOf<Analyzer<RoleId, SkillId>>();
    expectTypeOf(createAnalyzer().analyzeResume('x').target.id).toEqualTypeOf<RoleId>();
    expect(report.target.id).toBe('health-aide');
  });

  it('a misspelt role id does not compile (and throws ERR_UNKNOWN_ROLE at run time)', () => {
    // @ts-expect-error 'health-tech' is not a RoleId
    expect(() => analyzeResume('x', { target: 'health-tech' })).toThrow(/unknown target role "health-tech"/);
    // @ts-expect-error 'emt' is not a RoleId
    expect(() => compareRoles(report, 'health-aide', 'emt')).toThrow(/unknown role/);
    // @ts-expect-error 'nurse' is not a RoleId
    expect(() => createAnalyzer().analyzeResume('x', { target: 'nurse' })).toThrow(/unknown target role "nurse"/);
  });
});

describe('a custom taxonomy: ids are strings', () => {
  const taxonomy: Taxonomy = { ...defaultTaxonomy, roles: [...defaultTaxonomy.roles, { ...defaultTaxonomy.roles[2]!, id: 'lab-assistant', title: 'Lab Assistant' }] };
  const analyzer = createAnalyzer({ taxonomy });

  it('its own ids are accepted (string), and its reports carry string ids', () => {
    expectTypeOf(analyzer).toEqualTypeOf<Analyzer>();
    expectTypeOf(analyzer).toEqualTypeOf<Analyzer<string, string>>();
    const r = analyzer.analyzeResume('EXPERIENCE\n- Took vital signs', { target: 'lab-assistant' });
    expectTypeOf(r.target.id).toEqualTypeOf<string>();
    expectTypeOf(analyzer.listRoles()[0]!.id).toEqualTypeOf<string>();
    expect(r.target.id).toBe('lab-assistant');
    expect(analyzer.compareRoles(r, 'lab-assistant', 'health-aide').a.id).toBe('lab-assistant');
  });

  it('a default-taxonomy analyzer is still an Analyzer, and a default report an AnalysisReport', () => {
    const a: Analyzer = createAnalyzer();
    const report: AnalysisReport = analyzeResume('EKG');
    expect(a.listRoles().length).toBe(8);
    expect(report.roles.length).toBe(8);
  });
});
