/**
 * The skill model: a taxonomy's skills and lexicon compiled once (`compileSkillModel`) into a token trie and the
 * tables matching reads. Deeply readonly and built of plain objects, arrays, Maps, Sets and typed arrays only, so it
 * can be shared by analyzers and passed to a worker by structured clone (`postMessage`); not JSON (Maps and typed
 * arrays). What an analyzer learns while matching (memos, the word table) is its cache (`cache.ts`), never the model.
 */
import { stem } from '../nlp.js';
import { healthCareSkills, type Lexicon, type Skill } from '../taxonomy.js';
import { tokenize } from '../text/tokenize.js';

/** The key of an exact-case acronym in the trie (a prefix no stem has). */
export const ACRONYM = '\u0001';
/** Only long words are corrected as typos (shorter ones are too often another real word). */
export const FUZZY_MIN_LENGTH = 8;

/** A taxonomy `notWhen` rule, compiled: the contexts in which a literal form is not the skill. */
export interface NotWhenRule {
  readonly form: string;
  readonly before: ReadonlySet<string>;
  readonly after: ReadonlySet<string>;
  readonly traitList: boolean | null;
  readonly partOf: ReadonlySet<string> | null;
}

/** A skill whose phrase ends at a trie node. */
export interface TrieHit {
  readonly skill: number;
  /** The skill's `notWhen` rules whose form has as many words as the path to this node (no other can apply), or null. */
  readonly rules: readonly NotWhenRule[] | null;
  /**
   * The skill's canonical and alias phrases as long as the path to this node (the only ones a match here can equal),
   * as word numbers (`SkillModel.wordIds`).
   */
  readonly canonical: readonly (readonly number[])[];
  readonly alias: readonly (readonly number[])[];
}

/**
 * Children are keyed by the number of their key (`SkillModel.keyIds`). The walk finds them in a small open-addressed
 * table (`keys[s]`: a key number or -1 for an empty slot, `kids[s]` its child): a few array reads where a Map lookup
 * is a call.
 */
export interface TrieNode {
  readonly hits: readonly TrieHit[] | null;
  readonly keys: ArrayLike<number> | null;
  readonly kids: readonly (TrieNode | null)[] | null;
}

/** A cue's words, as written and as word numbers (`SkillModel.wordIds`). */
export interface Cue { readonly words: readonly string[]; readonly ids: readonly number[]; readonly text: string }
/** Cues indexed by one of their words (the last for cues before a match, the first for cues after), longest first. */
export type CueIndex = ReadonlyMap<string, readonly Cue[]>;

/** One ambiguous form of a skill, compiled. */
export interface Ambiguity {
  /** The form's words as word numbers (`SkillModel.wordIds`): a mention is this form when its words are these. */
  readonly ids: readonly number[];
  /** Each compound's lower-case words, and where the form's first word sits in it. */
  readonly compounds: readonly { readonly words: readonly string[]; readonly at: number }[];
  readonly context: boolean;
  /** Stems of the words that pick the skill's sense on the mention's line (taxonomy `cues`), or null. */
  readonly cues: ReadonlySet<string> | null;
}

/** A taxonomy's skills compiled for matching: built once, never changed, shareable between analyzers. */
export interface SkillModel {
  readonly skills: readonly Skill[];
  /** The trie's first level, by key number (`keyIds`): the nodes a word opens as the first of a phrase. */
  readonly roots: ReadonlyMap<number, TrieNode>;
  /** Exact-case acronyms present in the trie. */
  readonly acronyms: ReadonlySet<string>;
  /** Stems that occur anywhere in the trie (a token whose stem is here never needs typo tolerance). */
  readonly stems: ReadonlySet<string>;
  /** Keys that occur after the first word of some phrase. */
  readonly innerKeys: ReadonlySet<string>;
  /** Each trie key (stem or exact-case acronym key) by its number. */
  readonly keyIds: ReadonlyMap<string, number>;
  /**
   * A number for each lower-case word of a multi-word skill form or of a cue: a token is compared with such a word by
   * its `WordInfo.wordId` (an integer compare, not a string compare).
   */
  readonly wordIds: ReadonlyMap<string, number>;
  /** Long alias words by their first two letters, for typo tolerance. */
  readonly fuzzyVocab: ReadonlyMap<string, readonly string[]>;
  readonly fuzzyExclude: ReadonlySet<string>;
  readonly negationCues: CueIndex;
  readonly hedgeCues: CueIndex;
  readonly postHedgeCues: CueIndex;
  /** Negations written after the mention, ending its clause ("EKG - no"): lexicon `negation.post`. */
  readonly postNegationCues: CueIndex;
  /** Words that turn a hedging cue into a statement of fact ("completed coursework in"): lexicon `hedging.voidedBy`. */
  readonly hedgeVoidedBy: ReadonlySet<string>;
  readonly terminators: ReadonlySet<string>;
  /** Words keyed on something other than their Porter stem (lexicon `stems`). */
  readonly stemOverrides: ReadonlyMap<string, string>;
  /** Per skill index: the contexts in which a literal form is not the skill (taxonomy `notWhen`), or null. */
  readonly notWhen: readonly (readonly NotWhenRule[] | null)[];
  /** Each skill's aliases as lower-case token strings, to tell a literal match from a stem match. */
  readonly aliasForms: readonly ReadonlySet<string>[];
  /** Each skill's own names (label, seed terms) in the same form: a literal match of these is 'exact'. */
  readonly canonicalForms: readonly ReadonlySet<string>[];
  /**
   * Per skill index: the other skills a mention of it may contain and still count (see `addNested`), or null.
   * A credential name contains the broader credential it implies ("EMT" in "EMT-B") and the generic credential
   * word it spells out ("certified" in "BLS certified").
   */
  readonly nests: readonly (ReadonlySet<number> | null)[];
  /** Per skill index: 1 for a population skill ("patients"), which counts as the head noun of a longer phrase. */
  readonly population: ArrayLike<number>;
  /** Per skill index: 1 when the skill is in some `nests` set or is a population skill (it may count nested). */
  readonly nestable: ArrayLike<number>;
  /**
   * Per skill index: its ambiguous forms (taxonomy `ambiguous`) as written, lower case, each with the
   * compounds it is not the skill inside and whether it needs health-care context; null for most skills.
   */
  readonly ambiguous: readonly (readonly Ambiguity[] | null)[];
  /** Per skill index: 1 when it has ambiguous forms (one typed-array read rules the others out). */
  readonly hasAmbiguous: ArrayLike<number>;
  /** Per skill index: 1 when a mention of it (through an unambiguous form) puts its line and resume in health care. */
  readonly anchor: ArrayLike<number>;
  /** Per skill index: 1 for a credential, whose mention may describe other people's credentials (lexicon `others`). */
  readonly credential: ArrayLike<number>;
  /** Lexicon `others`, lower case: cues before a mention, people words after it, paperwork words after it. */
  readonly others: { readonly pre: CueIndex; readonly people: ReadonlySet<string>; readonly post: ReadonlySet<string> } | null;
  /** Lexicon `healthWords`, lower case. */
  readonly healthWords: ReadonlySet<string>;
  /** Lexicon `traits`, lower case. */
  readonly traits: ReadonlySet<string>;
}

/**
 * The key of a lower-case word, without a memo: its lexicon `stems` override, else its Porter stem. Words of three
 * letters or fewer are their own key (Porter would turn "aed" into "a"); so are words of more than 64 letters, which
 * no taxonomy names and on which natural's stemmer slows down quadratically (its regular expressions backtrack).
 */
export function keyOfWord(overrides: ReadonlyMap<string, string>, lower: string): string {
  return overrides.get(lower) ?? (lower.length <= 3 || lower.length > 64 || !/[a-z]/.test(lower) ? lower : stem(lower));
}

const lowerWords = (text: string): string[] => tokenize(text).map((t) => t.lower);

/** Per skill: the skills its mentions may contain and still count (what it implies; for a credential, the generic credential). */
function nestsOf(skills: readonly Skill[]): (ReadonlySet<number> | null)[] {
  const indexOf = new Map(skills.map((s, i) => [s.id, i]));
  const genericCredentials = skills.flatMap((s, i) => (s.category === 'credential' && s.generic ? [i] : []));
  return skills.map((s, i) => {
    const inner = new Set<number>();
    for (const id of s.implies ?? []) { const k = indexOf.get(id); if (k !== undefined) inner.add(k); }
    if (s.category === 'credential') for (const k of genericCredentials) if (k !== i) inner.add(k);
    return inner.size ? inner : null;
  });
}

/** Where `part` occurs in `words` (-1 when it does not). */
function indexOfWords(words: readonly string[], part: readonly string[]): number {
  outer: for (let i = 0; i + part.length <= words.length; i++) {
    for (let k = 0; k < part.length; k++) if (words[i + k] !== part[k]) continue outer;
    return i;
  }
  return -1;
}

/** A trie node while it is built: children in a Map, and the skills whose phrase ends here. */
interface NodeBuilder { next: Map<number, NodeBuilder> | null; skills: number[] | null }

/**
 * Compiles skills into a model. Cost: about the number of alias words times one stem. `stemMemo` is filled with the
 * stems worked out (an analyzer passes its cache's, which then starts warm); the model keeps no reference to it.
 */
export function compileSkillModel(skills: readonly Skill[], lexicon: Lexicon, stemMemo: Map<string, string> = new Map()): SkillModel {
  const stemOverrides = new Map(Object.entries(lexicon.stems ?? {}));
  const keyOf = (lower: string): string => {
    let s = stemMemo.get(lower);
    if (s === undefined) { s = keyOfWord(stemOverrides, lower); stemMemo.set(lower, s); }
    return s;
  };
  const wordIds = new Map<string, number>();
  const idsOf = (words: readonly string[]): number[] => words.map((w) => {
    let id = wordIds.get(w);
    if (id === undefined) { id = wordIds.size; wordIds.set(w, id); }
    return id;
  });
  // Indexing cues by a word turns each lookup into one Map get per token instead of a scan of every cue.
  const cueIndex = (list: readonly string[], by: 'first' | 'last'): CueIndex => {
    const index = new Map<string, Cue[]>();
    const all = list.map((text) => ({ words: lowerWords(text), text })).filter((c) => c.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length || (a.text < b.text ? -1 : 1));
    for (const { words, text } of all) {
      const cue: Cue = { words, ids: idsOf(words), text };
      const key = by === 'first' ? words[0]! : words[words.length - 1]!;
      const bucket = index.get(key);
      if (bucket) bucket.push(cue); else index.set(key, [cue]);
    }
    return index;
  };
  const lowerSet = (list: readonly string[] | undefined): Set<string> => new Set((list ?? []).map((w) => w.toLowerCase()));

  const notWhen = skills.map((s) => s.notWhen?.map((n): NotWhenRule => ({ form: n.form.toLowerCase(), before: new Set(n.before ?? []), after: new Set(n.after ?? []), traitList: n.traitList ?? null, partOf: n.partOf?.length ? new Set(n.partOf) : null })) ?? null);
  const canonicalForms = skills.map((s) => new Set([s.label, ...(s.seedTerms ?? [])].map((t) => lowerWords(t).join(' '))));
  const aliasForms = skills.map(() => new Set<string>());

  // The trie, built with Maps, then turned into open-addressed tables.
  const root: NodeBuilder = { next: null, skills: null };
  const keyIds = new Map<string, number>();
  const keyId = (k: string): number => {
    let id = keyIds.get(k);
    if (id === undefined) { id = keyIds.size; keyIds.set(k, id); }
    return id;
  };
  const acronyms = new Set<string>();
  const stems = new Set<string>();
  const innerKeys = new Set<string>();
  const vocab = new Set<string>();
  const insert = (keys: readonly string[], skill: number): void => {
    let node = root;
    keys.forEach((k, depth) => { if (depth > 0) innerKeys.add(k); });
    for (const k of keys) {
      const id = keyId(k);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) { child = { next: null, skills: null }; node.next.set(id, child); }
      node = child;
    }
    node.skills ??= [];
    if (!node.skills.includes(skill)) node.skills.push(skill);
  };
  skills.forEach((skill, index) => {
    for (const alias of skill.aliases) {
      const toks = tokenize(alias);
      if (!toks.length) continue;
      const keys = toks.map((t) => keyOf(t.lower));
      aliasForms[index]!.add(toks.map((t) => t.lower).join(' '));
      keys.forEach((k) => stems.add(k));
      for (const t of toks) if (t.lower.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(t.lower)) vocab.add(t.lower);
      insert(keys, index);
    }
    for (const acr of skill.acronyms ?? []) {
      acronyms.add(acr);
      insert([ACRONYM + acr], index);
    }
  });

  const ambiguous = skills.map((s): Ambiguity[] | null => (s.ambiguous?.length ? s.ambiguous.map((a): Ambiguity => {
    const words = lowerWords(a.form);
    const compounds = (a.compounds ?? []).map((c) => {
      const cw = lowerWords(c);
      return { words: cw, at: indexOfWords(cw, words) };
    }).filter((c) => c.at >= 0);
    const cueStems = a.cues?.length ? new Set(a.cues.map((c) => keyOf(c.toLowerCase()))) : null;
    return { ids: idsOf(words), compounds, context: a.context !== false && cueStems === null, cues: cueStems };
  }) : null));
  const negationCues = cueIndex(lexicon.negation.pre, 'last');
  const hedgeCues = cueIndex(lexicon.hedging.pre, 'last');
  const postHedgeCues = cueIndex(lexicon.hedging.post, 'first');
  const postNegationCues = cueIndex(lexicon.negation.post ?? [], 'first');
  const others = lexicon.others ? { pre: cueIndex(lexicon.others.pre, 'last'), people: lowerSet(lexicon.others.people), post: lowerSet(lexicon.others.post) } : null;

  // One set of lists per skill and length, shared by its hits: a skill with a thousand two-word aliases has a
  // thousand hits of depth 2, and a list per hit would take a million entries.
  const phrases = (forms: ReadonlySet<string>): string[][] => [...forms].map((f) => f.split(' ')).filter((w) => w.length > 1);
  const aliasPhrases = aliasForms.map(phrases);
  const canonicalPhrases = canonicalForms.map(phrases);
  const byLength = new Map<string, TrieHit>();
  const hitOf = (skill: number, depth: number): TrieHit => {
    const key = `${skill} ${depth}`;
    let hit = byLength.get(key);
    if (!hit) {
      // A literal here is `depth` tokens joined by single spaces: a form with another number of spaces never equals it.
      const rules = notWhen[skill]?.filter((r) => r.form.split(' ').length === depth) ?? [];
      hit = {
        skill,
        rules: rules.length ? rules : null,
        canonical: canonicalPhrases[skill]!.filter((p) => p.length === depth).map(idsOf),
        alias: aliasPhrases[skill]!.filter((p) => p.length === depth).map(idsOf),
      };
      byLength.set(key, hit);
    }
    return hit;
  };
  const finish = (node: NodeBuilder, depth: number): TrieNode => {
    const hits = node.skills === null ? null : node.skills.map((skill) => hitOf(skill, depth));
    if (node.next === null) return { hits, keys: null, kids: null };
    let size = 2;
    while (size < 2 * node.next.size) size *= 2; // at least half the slots empty: a probe always ends
    const keys = new Int32Array(size).fill(-1);
    const kids = new Array<TrieNode | null>(size).fill(null);
    for (const [key, child] of node.next) {
      let slot = key & (size - 1);
      while (keys[slot] !== -1) slot = (slot + 1) & (size - 1);
      keys[slot] = key;
      kids[slot] = finish(child, depth + 1);
    }
    return { hits, keys, kids };
  };
  const roots = new Map<number, TrieNode>();
  for (const [key, child] of root.next ?? []) roots.set(key, finish(child, 1));

  const fuzzyVocab = new Map<string, string[]>();
  for (const w of [...vocab].sort()) {
    const k = w.slice(0, 2);
    const b = fuzzyVocab.get(k);
    if (b) b.push(w); else fuzzyVocab.set(k, [w]);
  }
  const nests = nestsOf(skills);
  const population = Uint8Array.from(skills, (s) => (s.category === 'population' ? 1 : 0));
  const nestable = Uint8Array.from(population);
  for (const set of nests) for (const k of set ?? []) nestable[k] = 1;
  return {
    skills, roots, acronyms, stems, innerKeys, keyIds, wordIds, fuzzyVocab,
    fuzzyExclude: new Set(lexicon.realWords ?? []),
    negationCues, hedgeCues, postHedgeCues, postNegationCues,
    hedgeVoidedBy: lowerSet(lexicon.hedging.voidedBy),
    terminators: lowerSet(lexicon.negation.terminators),
    stemOverrides, notWhen, aliasForms, canonicalForms, nests, population, nestable, ambiguous,
    hasAmbiguous: Uint8Array.from(skills, (s) => (s.ambiguous?.length ? 1 : 0)),
    anchor: healthCareSkills(skills, lexicon),
    credential: Uint8Array.from(skills, (s) => (s.category === 'credential' ? 1 : 0)),
    others,
    healthWords: lowerSet(lexicon.healthWords),
    traits: lowerSet(lexicon.traits),
  };
}
