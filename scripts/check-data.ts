/**
 * Checks data/*.json: the zod schemas, cross-references (unique ids, aliases claimed once, no dangling
 * references), the weight rule of data/README.md, sorted order, `healthCare` written only as false, the lexicon's
 * title words, the sentence templates (known placeholders, a reference role that exists), and that every
 * `source.quote` and profile `quote` really occurs in the seed document or O*NET file it cites. Each failure says
 * what to fix.
 *
 *   npm run check-data                 # checks ./data
 *   tsx scripts/check-data.ts --dir D  # checks another copy (used by the tests)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossCheck, LexiconSchema, ResponsibilitySchema, RoleSchema, SentencesSchema, SkillSchema, type Taxonomy } from '../src/taxonomy.js';
import { formatZodIssues } from '../src/errors.js';
import { stem } from '../src/nlp.js';
import * as z from 'zod/mini';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirArg = process.argv.indexOf('--dir');
const dataDir = dirArg > 0 ? resolve(process.argv[dirArg + 1]!) : join(root, 'data');
const sharedDir = resolve(root, '..', 'shared');

export const ROLE_IDS = ['health-technician', 'emergency-room-technician', 'health-aide', 'emergency-medical-technician', 'customer-care-technician', 'physical-therapy-assistant', 'psychiatric-technician', 'health-information-technician'];
// data/README.md "How weights are derived".
const KIND_WEIGHT: Record<string, number> = { distinct: 3, shared: 2, duty: 1.5, coursework: 1.5, technology: 1, soft: 1 };
const shareWeight = (share: number): number => Math.round((1 + share / 6) * 100) / 100;

const problems: string[] = [];
const fail = (file: string, path: string, message: string): void => { problems.push(`data/${file} ${path}: ${message}`); };

function load(file: string): unknown {
  const p = join(dataDir, file);
  if (!existsSync(p)) { fail(file, '', `missing file: restore it from git (git checkout -- data/${file})`); return undefined; }
  try { return JSON.parse(readFileSync(p, 'utf8')); } catch (e) { fail(file, '', `is not valid JSON (${(e as Error).message}): fix the syntax`); return undefined; }
}

function parse<T>(file: string, key: string, schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const r = z.strictObject({ [key]: schema }).safeParse(value);
  if (!r.success) { for (const i of formatZodIssues(r.error.issues as never)) fail(file, i.path, i.message); return undefined; }
  return (r.data as Record<string, T>)[key];
}

const skills = parse('skills.json', 'skills', z.array(SkillSchema), load('skills.json'));
const roles = parse('roles.json', 'roles', z.array(RoleSchema), load('roles.json'));
const responsibilities = parse('responsibilities.json', 'responsibilities', z.array(ResponsibilitySchema), load('responsibilities.json'));
const lexRaw = load('lexicon.json');
const lexicon = lexRaw === undefined ? undefined : LexiconSchema.safeParse(lexRaw);
if (lexicon && !lexicon.success) for (const i of formatZodIssues(lexicon.error.issues as never)) fail('lexicon.json', i.path, i.message);
const sentencesRaw = load('sentences.json');
const sentences = sentencesRaw === undefined ? undefined : SentencesSchema.safeParse(sentencesRaw);
if (sentences && !sentences.success) for (const i of formatZodIssues(sentences.error.issues as never)) fail('sentences.json', i.path, i.message);

if (skills && roles && responsibilities) {
  const t: Taxonomy = { skills, roles, responsibilities };
  for (const i of crossCheck(t)) {
    const file = i.path.startsWith('skills') ? 'skills.json' : i.path.startsWith('roles') ? 'roles.json' : 'responsibilities.json';
    fail(file, i.path, i.message);
  }
  // Stable order, so diffs stay small and reviews easy.
  skills.forEach((s, i) => {
    if (i > 0 && skills[i - 1]!.id >= s.id) fail('skills.json', `skills[${i}].id`, `"${s.id}" is out of order: keep skills sorted by id`);
    const sorted = [...new Set(s.aliases)].sort();
    if (sorted.join('\u0000') !== s.aliases.join('\u0000')) fail('skills.json', `skills[${i}].aliases`, 'aliases must be unique and sorted: sort them alphabetically and drop duplicates');
    s.aliases.forEach((a, k) => { if (a !== a.toLowerCase()) fail('skills.json', `skills[${i}].aliases[${k}]`, `alias "${a}" must be lower case (case-sensitive forms go in "acronyms")`); });
    if (!s.source.file) fail('skills.json', `skills[${i}].source`, 'every skill must cite the seed file it comes from');
  });
  const ids = roles.map((r) => r.id);
  if (ids.join() !== ROLE_IDS.join()) fail('roles.json', 'roles', `roles must be exactly, in this order: ${ROLE_IDS.join(', ')}`);
  const byId = new Map(skills.map((s) => [s.id, s]));
  roles.forEach((r, i) => {
    if (r.healthCare === true) fail('roles.json', `roles[${i}].healthCare`, 'true is the default: remove the field (only a role whose work is outside health care says "healthCare": false)');
    r.profile.forEach((p, k) => {
      const expected = p.kind === 'share' ? shareWeight(byId.get(p.skill)?.share ?? 0) : KIND_WEIGHT[p.kind]!;
      if (p.kind === 'share' && byId.get(p.skill)?.share === undefined) fail('roles.json', `roles[${i}].profile[${k}]`, `kind "share" needs a skill with a "share" (skill "${p.skill}" has none)`);
      if (Math.abs(p.weight - expected) > 1e-9) fail('roles.json', `roles[${i}].profile[${k}].weight`, `weight ${p.weight} for kind "${p.kind}" should be ${expected} (data/README.md, "How weights are derived")`);
      if (k > 0) {
        const q = r.profile[k - 1]!;
        if (q.weight < p.weight || (q.weight === p.weight && q.skill >= p.skill)) fail('roles.json', `roles[${i}].profile[${k}]`, 'keep the profile sorted by weight (heaviest first), then by skill id');
      }
    });
  });
  responsibilities.forEach((r, i) => { if (i > 0 && responsibilities[i - 1]!.id >= r.id) fail('responsibilities.json', `responsibilities[${i}].id`, 'keep responsibilities sorted by id'); });
  if (responsibilities.length !== 15) fail('responsibilities.json', 'responsibilities', `the seed lists 15 responsibility phrases; found ${responsibilities.length}`);

  // Every quote must occur in what it cites (seed documents are in ../shared, which CI and developers have).
  const squash = (s: string): string => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[^a-z0-9$%'",.&()/;:-]+/g, ' ').replace(/ +/g, ' ').trim();
  const seedDir = join(sharedDir, 'seeds');
  if (existsSync(seedDir)) {
    const sources = new Map<string, string>();
    for (const f of readdirSync(seedDir)) sources.set(f, squash(readFileSync(join(seedDir, f), 'utf8')));
    for (const f of ['technology_skills.tsv', 'alternate_titles.tsv', 'sample_of_reported_titles.tsv']) {
      const p = join(sharedDir, 'data', 'onet', f);
      if (existsSync(p)) sources.set(`onet/${f}`, squash(readFileSync(p, 'utf8')));
    }
    const all = [...sources.values()].join('\n');
    const cite = (file: string, quote: string, where: string, path: string, strictFile: string | null): void => {
      const q = squash(quote.replace(/…$/, ''));
      const hay = strictFile ? sources.get(strictFile) : all;
      if (strictFile && hay === undefined) { fail(where, path, `cites "${strictFile}", which is not a seed or O*NET file: use the file name as in ../shared`); return; }
      if (!hay!.includes(q)) fail(where, path, `quote "${quote}" does not occur in ${strictFile ?? 'the seeds'}: quote the seed's own words`);
    };
    skills.forEach((s, i) => cite(s.source.file, s.source.quote, 'skills.json', `skills[${i}].source.quote`, s.source.file));
    roles.forEach((r, i) => {
      cite(r.source.file, r.source.quote, 'roles.json', `roles[${i}].source.quote`, r.source.file);
      r.profile.forEach((p, k) => cite('', p.quote, 'roles.json', `roles[${i}].profile[${k}].quote`, null));
      for (const [name, f] of Object.entries(r.facts)) {
        const list = Array.isArray(f) ? f : f ? [f] : [];
        list.forEach((x: { quote: string; file: string }, k) => cite(x.file, x.quote, 'roles.json', `roles[${i}].facts.${name}${Array.isArray(f) ? `[${k}]` : ''}.quote`, x.file));
      }
    });
    responsibilities.forEach((r, i) => cite(r.source.file, r.text, 'responsibilities.json', `responsibilities[${i}].text`, r.source.file));
  } else {
    console.log(`check-data: ${seedDir} not found; quotes were not checked against the seeds`);
  }
}

// Ambiguous forms: each is one of the skill's own forms, and each compound contains it.
skills?.forEach((s, i) => s.ambiguous?.forEach((a, k) => {
  const where = `skills[${i}].ambiguous[${k}]`;
  // The form as written, or an inflection that matches one of the skill's aliases through its stem ("lab" for "labs").
  const key = (f: string): string => f.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map((w) => (w.length <= 3 ? w : stem(w))).join(' ');
  const own = [...s.aliases, ...(s.acronyms ?? [])].some((f) => f.toLowerCase() === a.form.toLowerCase() || key(f) === key(a.form));
  if (!own) fail('skills.json', `${where}.form`, `"${a.form}" is neither an alias or acronym of "${s.id}" nor an inflection of one: add it there first, or fix the spelling`);
  a.compounds?.forEach((c, q) => {
    if (!` ${c.toLowerCase()} `.includes(` ${a.form.toLowerCase()} `)) fail('skills.json', `${where}.compounds[${q}]`, `compound "${c}" does not contain the form "${a.form}": write the whole phrase, form included`);
  });
}));

// The lexicon's weakContext names skills.
if (lexicon?.success && skills) {
  const ids = new Set(skills.map((s) => s.id));
  lexicon.data.weakContext?.forEach((id, k) => { if (!ids.has(id)) fail('lexicon.json', `weakContext[${k}]`, `"${id}" is no skill id: fix the spelling or remove it`); });
}

// The reference role the sentences name is a role of the taxonomy (a custom taxonomy may name one it lacks).
if (sentences?.success && roles && !roles.some((r) => r.id === sentences.data.reference.role)) {
  fail('sentences.json', 'reference.role', `unknown role "${sentences.data.reference.role}": name the role the seeds' shares and relative figures describe`);
}

// Title words: a synonym's canonical words are read as they are (no chain of synonyms), and none is a noise word.
if (lexicon?.success) {
  const { titleSynonyms = {}, titleNoise = [] } = lexicon.data;
  const noise = new Set(titleNoise);
  for (const [word, canon] of Object.entries(titleSynonyms)) {
    canon.forEach((c, k) => {
      const path = `titleSynonyms.${word}[${k}]`;
      if (c !== word && Object.hasOwn(titleSynonyms, c)) fail('lexicon.json', path, `"${c}" is itself a title synonym, and synonyms are not followed twice: write what it stands for (${titleSynonyms[c]!.join(' ')})`);
      if (noise.has(c)) fail('lexicon.json', path, `"${c}" is a titleNoise word, so "${word}" would vanish from titles: drop one of them`);
    });
  }
}

// data/real-words.json is generated: it must be what the taxonomy and the word list give today.
if (dirArg < 0) {
  const { generate } = await import('./real-words.js');
  const file = join(dataDir, 'real-words.json');
  const have = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { words: string[] }).words : [];
  if (have.join(',') !== generate().join(',')) fail('real-words.json', '', 'is out of date with the taxonomy (aliases changed): run `npx tsx scripts/real-words.ts` and commit the result');
}

if (problems.length) {
  console.error(`check-data: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dataDir}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
const outside = (roles ?? []).filter((r) => r.healthCare === false).map((r) => r.id);
console.log(`check-data: ok (${skills?.length ?? 0} skills, ${roles?.length ?? 0} roles, ${responsibilities?.length ?? 0} responsibilities, every entry sourced; outside health care: ${outside.join(', ') || 'none'})`);
