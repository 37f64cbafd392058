/**
 * Step 4: find the taxonomy's skills in tokenized text. The taxonomy is compiled once into a token trie
 * keyed by Porter stems (and exact-case keys for acronyms); matching walks it from each token, the longest
 * match wins an overlap, and NegEx-style cues flag negated and hedged mentions.
 */
import { stem, similarity } from './nlp.js';
import { GAP_BLANK_LINE, GAP_BRACKET, GAP_BROKEN_LINE, GAP_CLAUSE, GAP_COLON, GAP_JOINER, GAP_NEWLINE, tokenize, WordTable, type Token } from './text/tokenize.js';
import { healthCareSkills, type Lexicon, type Skill, type SkillCategory } from './taxonomy.js';
import { stableSort } from './sort.js';
import type { SectionKind } from './text/sections.js';

/**
 * How a mention was matched, from most to least certain.
 * @example
 * extractSkills('electrocardiagram')[0].evidence[0].kind // 'fuzzy'
 */
export type MatchKind = 'exact' | 'alias' | 'stem' | 'fuzzy';

/**
 * One place a skill was found. `start`/`end` are offsets into the text the caller passed in.
 * @example
 * extractSkills('Took vitals.')[0].evidence[0] // { start: 5, end: 11, text: 'vitals', section: null, kind: 'alias', negated: false, hedged: false, confidence: 0.95 }
 */
export interface Evidence {
  readonly start: number;
  readonly end: number;
  /** `input.slice(start, end)`. */
  readonly text: string;
  /** The section the mention is in, or null before any recognised heading. */
  readonly section: SectionKind | null;
  readonly kind: MatchKind;
  /** A negation cue applies ("no experience with EKG"). */
  readonly negated: boolean;
  /** A hedging cue applies ("seeking", "familiar with", "expected 2027"). */
  readonly hedged: boolean;
  /** The negation or hedging cue, when there is one. */
  readonly cue?: string;
  /** 1 for an exact match, less for stems, aliases and typos. */
  readonly confidence: number;
  /** For JSON Resume input: the JSON path the mention came from (`work[0].highlights[2]`). */
  readonly path?: string;
}

/**
 * One skill found in a resume, with every place it was found.
 * @example
 * extractSkills('BLS/ACLS').map((s: SkillMatch) => s.id) // ['bls', 'life-support']
 */
export interface SkillMatch {
  readonly id: string;
  readonly label: string;
  readonly category: SkillCategory;
  readonly evidence: readonly Evidence[];
}

const ACRONYM = '\u0001';
const CONFIDENCE: Record<MatchKind, number> = { exact: 1, alias: 0.95, stem: 0.9, fuzzy: 0.75 };

interface Hit {
  readonly skill: number;
  /** The skill's `notWhen` rules whose form has as many words as the path to this node (no other can apply), or null. */
  rules: SkillMatcher['notWhen'][number];
  /**
   * The skill's canonical and alias phrases as long as the path to this node (the only ones a match here can equal),
   * as word numbers (`SkillMatcher.wordIds`).
   */
  canonical: readonly (readonly number[])[];
  alias: readonly (readonly number[])[];
}
/**
 * Children are keyed by the number of their key (`SkillMatcher.keyIds`). The walk finds them in a small open-addressed
 * table built once compiled (`keys[s]`: a key number or -1 for an empty slot, `kids[s]` its child): a few array reads
 * where a Map lookup is a call.
 */
interface TrieNode { next: Map<number, TrieNode> | null; hits: Hit[] | null; keys: Int32Array | null; kids: (TrieNode | null)[] | null }

/** A cue's words, as written and as word numbers (`SkillMatcher.wordIds`, set once compiled). */
interface Cue { readonly words: readonly string[]; ids: readonly number[]; readonly text: string }
/** Cues indexed by one of their words (the last for cues before a match, the first for cues after), longest first. */
type CueIndex = ReadonlyMap<string, readonly Cue[]>;

/** A taxonomy's skills compiled for matching; built once per analyzer. */
export interface SkillMatcher {
  readonly skills: readonly Skill[];
  readonly root: TrieNode;
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
  /** Scratch space for one text's look-back chains (reused: matching is synchronous and never re-entered). */
  scratch: Int32Array;
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
  /** Memo of word -> stem (per analyzer; cleared when it grows past a bound). */
  readonly stemMemo: Map<string, string>;
  /** Words keyed on something other than their Porter stem (lexicon `stems`). */
  readonly stemOverrides: ReadonlyMap<string, string>;
  /** Per skill index: the contexts in which a literal form is not the skill (taxonomy `notWhen`), or null. */
  readonly notWhen: readonly ({ form: string; before: ReadonlySet<string>; after: ReadonlySet<string>; traitList: boolean | null; partOf: ReadonlySet<string> | null }[] | null)[];
  readonly fuzzyMemo: Map<string, string | null>;
  /** Memo of token (as written) -> everything matching needs to know about it; one lookup per token. */
  readonly wordMemo: Map<string, WordInfo>;
  /** The analyzer's interned words: tokenize with it and each token carries its WordInfo after the first sight. */
  readonly words: WordTable;
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
  readonly population: Uint8Array;
  /** Per skill index: 1 when the skill is in some `nests` set or is a population skill (it may count nested). */
  readonly nestable: Uint8Array;
  /**
   * Per skill index: its ambiguous forms (taxonomy `ambiguous`) as written, lower case, each with the
   * compounds it is not the skill inside and whether it needs health-care context; null for most skills.
   */
  readonly ambiguous: readonly (readonly Ambiguity[] | null)[];
  /** Per skill index: 1 when it has ambiguous forms (one typed-array read rules the others out). */
  readonly hasAmbiguous: Uint8Array;
  /** Per skill index: 1 when a mention of it (through an unambiguous form) puts its line and resume in health care. */
  readonly anchor: Uint8Array;
  /** Per skill index: 1 for a credential, whose mention may describe other people's credentials (lexicon `others`). */
  readonly credential: Uint8Array;
  /** Lexicon `others`, lower case: cues before a mention, people words after it, paperwork words after it. */
  readonly others: { readonly pre: CueIndex; readonly people: ReadonlySet<string>; readonly post: ReadonlySet<string> } | null;
  /** Lexicon `healthWords`, lower case. */
  readonly healthWords: ReadonlySet<string>;
  /** Lexicon `traits`, lower case. */
  readonly traits: ReadonlySet<string>;
}

/** One ambiguous form of a skill, compiled. */
interface Ambiguity {
  /** The form's words as word numbers (`SkillMatcher.wordIds`): a mention is this form when its words are these. */
  readonly ids: readonly number[];
  /** Each compound's lower-case words, and where the form's first word sits in it. */
  readonly compounds: readonly { readonly words: readonly string[]; readonly at: number }[];
  readonly context: boolean;
  /** Stems of the words that pick the skill's sense on the mention's line (taxonomy `cues`), or null. */
  readonly cues: ReadonlySet<string> | null;
}

/** Distinct health-care skills that make a whole text health care (one on the line is enough for that line). */
const RESUME_ANCHORS = 2;

const MEMO_LIMIT = 200_000;
const FUZZY_MIN_LENGTH = 8;
// A word one letter shorter may be corrected only by the letter it dropped ("presure"): substitutions in short
// words turn real words into taxonomy words ("charged" to "charted").
const FUZZY_SHORT = FUZZY_MIN_LENGTH - 1;
const FUZZY_THRESHOLD = 0.93;

/** Stem of a lower-case word through the analyzer's memo. */
export function stemOf(m: SkillMatcher, lower: string): string {
  let s = m.stemMemo.get(lower);
  if (s === undefined) {
    // Words of three letters or fewer are their own key: Porter would turn "aed" into "a".
    // Words of more than 64 letters are no word a taxonomy names, and natural's stemmer slows down
    // quadratically on them (its regular expressions backtrack): they are their own key.
    s = m.stemOverrides.get(lower) ?? (lower.length <= 3 || lower.length > 64 || !/[a-z]/.test(lower) ? lower : stem(lower));
    if (m.stemMemo.size >= MEMO_LIMIT) m.stemMemo.clear();
    m.stemMemo.set(lower, s);
  }
  return s;
}

// Indexing cues by a word turns each lookup into one Map get per token instead of a scan of every cue.
function cues(list: readonly string[], by: 'first' | 'last'): CueIndex {
  const index = new Map<string, Cue[]>();
  const all = list.map((c): Cue => ({ words: tokenize(c).map((t) => t.lower), ids: [], text: c })).filter((c) => c.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length || (a.text < b.text ? -1 : 1));
  for (const cue of all) {
    const key = by === 'first' ? cue.words[0]! : cue.words[cue.words.length - 1]!;
    const bucket = index.get(key);
    if (bucket) bucket.push(cue); else index.set(key, [cue]);
  }
  return index;
}

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

/** Compiles skills into a matcher. Cost: about the number of alias words times one stem. */
export function compileSkills(skills: readonly Skill[], lexicon: Lexicon): SkillMatcher {
  const root: TrieNode = { next: null, hits: null, keys: null, kids: null };
  const acronyms = new Set<string>();
  const stems = new Set<string>();
  const vocab = new Set<string>();
  const canonicalForms = skills.map((s) => new Set([s.label, ...(s.seedTerms ?? [])].map((t) => tokenize(t).map((x) => x.lower).join(' '))));
  // Filled once the matcher exists (the forms are keyed by stems, through its memo).
  const ambiguous: (Ambiguity[] | null)[] = [];
  const phrases = (forms: ReadonlySet<string>): string[][] => [...forms].map((f) => f.split(' ')).filter((w) => w.length > 1);
  const m: SkillMatcher = {
    skills, root, acronyms, stems, innerKeys: new Set(), keyIds: new Map(), wordIds: new Map(), scratch: new Int32Array(0), fuzzyVocab: new Map(), fuzzyExclude: new Set(lexicon.realWords ?? []),
    negationCues: cues(lexicon.negation.pre, 'last'), hedgeCues: cues(lexicon.hedging.pre, 'last'), postHedgeCues: cues(lexicon.hedging.post, 'first'),
    postNegationCues: cues(lexicon.negation.post ?? [], 'first'),
    hedgeVoidedBy: new Set((lexicon.hedging.voidedBy ?? []).map((w) => w.toLowerCase())),
    terminators: new Set(lexicon.negation.terminators.map((w) => w.toLowerCase())),
    stemMemo: new Map(), fuzzyMemo: new Map(), wordMemo: new Map(), words: new WordTable(),
    stemOverrides: new Map(Object.entries(lexicon.stems ?? {})),
    notWhen: skills.map((s) => s.notWhen?.map((n) => ({ form: n.form.toLowerCase(), before: new Set(n.before ?? []), after: new Set(n.after ?? []), traitList: n.traitList ?? null, partOf: n.partOf?.length ? new Set(n.partOf) : null })) ?? null),
    aliasForms: skills.map(() => new Set<string>()),
    canonicalForms,
    nests: nestsOf(skills),
    population: Uint8Array.from(skills, (s) => (s.category === 'population' ? 1 : 0)),
    nestable: new Uint8Array(skills.length),
    ambiguous,
    hasAmbiguous: Uint8Array.from(skills, (s) => (s.ambiguous?.length ? 1 : 0)),
    anchor: healthCareSkills(skills, lexicon),
    credential: Uint8Array.from(skills, (s) => (s.category === 'credential' ? 1 : 0)),
    others: lexicon.others ? { pre: cues(lexicon.others.pre, 'last'), people: new Set(lexicon.others.people.map((w) => w.toLowerCase())), post: new Set(lexicon.others.post.map((w) => w.toLowerCase())) } : null,
    healthWords: new Set((lexicon.healthWords ?? []).map((w) => w.toLowerCase())),
    traits: new Set((lexicon.traits ?? []).map((w) => w.toLowerCase())),
  };
  for (const set of m.nests) for (const k of set ?? []) m.nestable[k] = 1;
  m.population.forEach((p, k) => { if (p) m.nestable[k] = 1; });
  const keyIds = m.keyIds as Map<string, number>;
  const keyId = (k: string): number => {
    let id = keyIds.get(k);
    if (id === undefined) { id = keyIds.size; keyIds.set(k, id); }
    return id;
  };
  // Nodes with hits by depth, to give each hit the phrases of that length once the forms are all known.
  const ends: { node: TrieNode; depth: number }[] = [];
  const insert = (keys: string[], skill: number): void => {
    let node = root;
    keys.forEach((k, depth) => { if (depth > 0) (m.innerKeys as Set<string>).add(k); });
    for (const k of keys) {
      node.next ??= new Map();
      const id = keyId(k);
      let child = node.next.get(id);
      if (!child) { child = { next: null, hits: null, keys: null, kids: null }; node.next.set(id, child); }
      node = child;
    }
    if (!node.hits) { node.hits = []; ends.push({ node, depth: keys.length }); }
    if (!node.hits.some((h) => h.skill === skill)) node.hits.push({ skill, rules: m.notWhen[skill]!, canonical: [], alias: [] });
  };
  skills.forEach((skill, index) => {
    for (const alias of skill.aliases) {
      const toks = tokenize(alias);
      if (!toks.length) continue;
      const keys = toks.map((t) => stemOf(m, t.lower));
      (m.aliasForms[index] as Set<string>).add(toks.map((t) => t.lower).join(' '));
      keys.forEach((k) => stems.add(k));
      for (const t of toks) if (t.lower.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(t.lower)) vocab.add(t.lower);
      insert(keys, index);
    }
    for (const acr of skill.acronyms ?? []) {
      acronyms.add(acr);
      insert([ACRONYM + acr], index);
    }
  });
  // The forms of two words or more as word lists, to give each trie hit those of its length (as word numbers).
  const aliasPhrases = m.aliasForms.map(phrases);
  const canonicalPhrases = canonicalForms.map(phrases);
  const wordIds = m.wordIds as Map<string, number>;
  const idsOf = (words: readonly string[]): number[] => words.map((w) => {
    let id = wordIds.get(w);
    if (id === undefined) { id = wordIds.size; wordIds.set(w, id); }
    return id;
  });
  for (const s of skills) {
    if (!s.ambiguous?.length) { ambiguous.push(null); continue; }
    const forms: Ambiguity[] = [];
    for (const a of s.ambiguous) {
      const words = tokenize(a.form).map((t) => t.lower);
      const compounds = (a.compounds ?? []).map((c) => {
        const cw = tokenize(c).map((t) => t.lower);
        return { words: cw, at: indexOfWords(cw, words) };
      }).filter((c) => c.at >= 0);
      const cueStems = a.cues?.length ? new Set(a.cues.map((c) => stemOf(m, c.toLowerCase()))) : null;
      forms.push({ ids: idsOf(words), compounds, context: a.context !== false && cueStems === null, cues: cueStems });
    }
    ambiguous.push(forms);
  }
  for (const index of [m.negationCues, m.hedgeCues, m.postHedgeCues, m.postNegationCues, ...(m.others ? [m.others.pre] : [])]) {
    for (const bucket of index.values()) for (const cue of bucket) (cue as Cue).ids = idsOf(cue.words);
  }
  const tables = (node: TrieNode): void => {
    if (!node.next) return;
    let size = 2;
    while (size < 2 * node.next.size) size *= 2; // at least half the slots empty: a probe always ends
    const keys = new Int32Array(size).fill(-1);
    const kids = new Array<TrieNode | null>(size).fill(null);
    for (const [key, child] of node.next) {
      let slot = key & (size - 1);
      while (keys[slot] !== -1) slot = (slot + 1) & (size - 1);
      keys[slot] = key;
      kids[slot] = child;
      tables(child);
      // The walk reads the tables; only the root's Map is still used (by wordInfo), so the others are let go.
      child.next = null;
    }
    node.keys = keys;
    node.kids = kids;
  };
  tables(root);
  // One set of lists per skill and length, shared by its hits: a skill with a thousand two-word aliases has a
  // thousand hits of depth 2, and a list per hit would take a million entries.
  const byLength = new Map<string, Pick<Hit, 'rules' | 'canonical' | 'alias'>>();
  for (const { node, depth } of ends) {
    for (const h of node.hits!) {
      const key = `${h.skill} ${depth}`;
      let lists = byLength.get(key);
      if (!lists) {
        // A literal here is `depth` tokens joined by single spaces: a form with another number of spaces never equals it.
        const rules = h.rules?.filter((r) => r.form.split(' ').length === depth) ?? [];
        lists = {
          rules: rules.length ? rules : null,
          canonical: canonicalPhrases[h.skill]!.filter((p) => p.length === depth).map(idsOf),
          alias: aliasPhrases[h.skill]!.filter((p) => p.length === depth).map(idsOf),
        };
        byLength.set(key, lists);
      }
      h.rules = lists.rules;
      h.canonical = lists.canonical;
      h.alias = lists.alias;
    }
  }
  const buckets = m.fuzzyVocab as Map<string, string[]>;
  for (const w of [...vocab].sort()) {
    const k = w.slice(0, 2);
    const b = buckets.get(k);
    if (b) b.push(w); else buckets.set(k, [w]);
  }
  return m;
}

/** Where `part` occurs in `words` (-1 when it does not). */
function indexOfWords(words: readonly string[], part: readonly string[]): number {
  outer: for (let i = 0; i + part.length <= words.length; i++) {
    for (let k = 0; k < part.length; k++) if (words[i + k] !== part[k]) continue outer;
    return i;
  }
  return -1;
}

/** The closest long taxonomy word to a misspelt token, or null. Memoized per analyzer. */
export function fuzzyStem(m: SkillMatcher, lower: string): string | null {
  const memo = m.fuzzyMemo.get(lower);
  if (memo !== undefined) return memo;
  let best: string | null = null;
  if (!m.fuzzyExclude.has(lower) && /^[a-z]+$/.test(lower)) {
    let bestScore = FUZZY_THRESHOLD;
    for (const w of m.fuzzyVocab.get(lower.slice(0, 2)) ?? []) {
      if (Math.abs(w.length - lower.length) > 2 || w.charCodeAt(w.length - 1) !== lower.charCodeAt(lower.length - 1)) continue;
      if (lower.length === FUZZY_SHORT && w.length !== FUZZY_MIN_LENGTH) continue;
      const s = similarity(lower, w);
      if (s > bestScore || (s === bestScore && best !== null && w < best)) { bestScore = s; best = w; }
    }
  }
  const result = best === null ? null : stemOf(m, best);
  if (m.fuzzyMemo.size >= MEMO_LIMIT) m.fuzzyMemo.clear();
  m.fuzzyMemo.set(lower, result);
  return result;
}

/**
 * A match before overlaps are resolved. It is allocated in the shape of the mention it may become (RawMention's
 * fields, then what resolution reads), so a kept candidate is its own mention: negation and hedging are set in place.
 */
interface Candidate extends RawMention {
  negated: boolean;
  hedged: boolean;
  cue: string | undefined;
  /** Token span, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Matched an exact-case acronym. */
  readonly acronym: boolean;
}

/** A candidate for tokens i..j-1 (every candidate is this one literal: one hidden class for every reader). */
function candidate(i: number, j: number, skill: number, kind: MatchKind, confidence: number, acronym: boolean): Candidate {
  return { skill, first: i, last: j - 1, kind, confidence, negated: false, hedged: false, cue: undefined, start: i, end: j, acronym };
}

// A phrase may run over spaces, hyphens, slashes and a line break, never over punctuation or a blank line.
const PHRASE_STOP = GAP_CLAUSE | GAP_BRACKET | GAP_BLANK_LINE;

/**
 * What matching needs to know about one word as written, computed once per analyzer: its trie keys (stem,
 * exact-case acronym, typo correction), the trie nodes it opens from the root, and the cue buckets it ends or starts.
 */
/** A phrase this word can start: the trie node it opens, and how (booleans, read per token, not string compares). */
interface Start {
  /** The node the word opens when phrases go on from it, else null. */
  readonly longer: TrieNode | null;
  readonly usedStem: boolean;
  readonly fuzzy: boolean;
  readonly acronym: boolean;
  /** The candidates of `node.hits` when the phrase is this word alone: they depend on the word only. */
  readonly single: readonly Single[] | null;
}

/** A one-word match worked out for the word: the skill, its kind, and the skill's `notWhen` rules for this word. */
interface Single {
  readonly skill: number;
  readonly kind: MatchKind;
  readonly confidence: number;
  /** The rules whose form is this word (the others never apply to it), or null. */
  readonly rules: NonNullable<SkillMatcher['notWhen'][number]> | null;
}

export interface WordInfo {
  readonly stem: string;
  readonly acronym: string | null;
  readonly fuzzy: string | null;
  /** Root children for this word as a first token (stem, acronym, typo), or null when it starts no phrase. */
  readonly starts: readonly Start[] | null;
  readonly terminator: boolean;
  readonly negationEnd: readonly Cue[] | null;
  readonly hedgeEnd: readonly Cue[] | null;
  readonly postHedgeStart: readonly Cue[] | null;
  readonly postNegationStart: readonly Cue[] | null;
  /** The numbers (`SkillMatcher.keyIds`) of the word's keys when they continue some phrase, else -1. */
  readonly stemKey: number;
  readonly acronymKey: number;
  readonly fuzzyKey: number;
  /** The stem differs from the word (a match through it is a stem match). */
  readonly stemmed: boolean;
  /** CUE_* bits: the cue roles above in one number, so the look-back pass reads one field per token. */
  readonly cueFlags: number;
  /** The word's number in `SkillMatcher.wordIds` (lower case), or -1 when no phrase or cue has the word. */
  readonly wordId: number;
  /** The word is a lexicon `healthWords` word (it puts its line in health care). */
  readonly health: boolean;
  /** The word is a plural person noun by its ending ("transcriptionists", "physicians"): see `othersWork`. */
  readonly personPlural: boolean;
  /** The responsibility concept of the word (see match-responsibilities), for the matcher in `conceptFor`. */
  concept: number;
  conceptFor: object | null;
}

const CUE_TERMINATOR = 1;
const CUE_NEGATION_END = 2;
const CUE_HEDGE_END = 4;
/** The word starts a cue written after a mention (hedging or negation). */
const CUE_POST_START = 8;

function wordInfo(m: SkillMatcher, raw: string, lower: string): WordInfo {
  let w = m.wordMemo.get(raw);
  if (w !== undefined) return w;
  const stem = stemOf(m, lower);
  const acronym = m.acronyms.has(raw) ? ACRONYM + raw : null;
  let fuzzy: string | null = null;
  if (lower.length >= FUZZY_SHORT && !m.stems.has(stem)) fuzzy = fuzzyStem(m, lower);
  if (fuzzy === stem) fuzzy = null;
  const starts: Start[] = [];
  const next = m.root.next;
  const start = (key: string, via: 'stem' | 'acronym' | 'fuzzy'): void => {
    const id = m.keyIds.get(key);
    const node = id === undefined ? undefined : next?.get(id);
    if (!node) return;
    const usedStem = via === 'stem' && stem !== lower;
    const single = node.hits ? node.hits.map((h): Single => {
      const kind = kindOf(m, h.skill, lower, usedStem, via === 'fuzzy', via === 'acronym');
      const rules = h.rules?.filter((r) => r.form === lower) ?? [];
      return { skill: h.skill, kind, confidence: CONFIDENCE[kind], rules: rules.length ? rules : null };
    }) : null;
    starts.push({ longer: node.keys === null ? null : node, usedStem, fuzzy: via === 'fuzzy', acronym: via === 'acronym', single });
  };
  start(stem, 'stem');
  if (acronym) start(acronym, 'acronym');
  if (fuzzy) start(fuzzy, 'fuzzy');
  const innerKey = (key: string | null): number => (key !== null && m.innerKeys.has(key) ? m.keyIds.get(key)! : -1);
  const terminator = m.terminators.has(lower);
  const negationEnd = m.negationCues.get(lower) ?? null;
  const hedgeEnd = m.hedgeCues.get(lower) ?? null;
  const postHedgeStart = m.postHedgeCues.get(lower) ?? null;
  const postNegationStart = m.postNegationCues.get(lower) ?? null;
  w = {
    stem, acronym, fuzzy, starts: starts.length ? starts : null,
    terminator, negationEnd, hedgeEnd, postHedgeStart, postNegationStart,
    stemKey: innerKey(stem),
    acronymKey: innerKey(acronym),
    fuzzyKey: innerKey(fuzzy),
    stemmed: stem !== lower,
    cueFlags: (terminator ? CUE_TERMINATOR : 0) | (negationEnd ? CUE_NEGATION_END : 0) | (hedgeEnd ? CUE_HEDGE_END : 0) |
      (postHedgeStart || postNegationStart ? CUE_POST_START : 0),
    wordId: m.wordIds.get(lower) ?? -1,
    health: m.healthWords.has(lower),
    personPlural: lower.endsWith('ists') || lower.endsWith('ians'),
    concept: -1,
    conceptFor: null,
  };
  if (m.wordMemo.size >= MEMO_LIMIT) m.wordMemo.clear();
  m.wordMemo.set(raw, w);
  return w;
}

/** The word records of a token list (one memo lookup per token). */
export function wordsOf(m: SkillMatcher, tokens: readonly Token[]): WordInfo[] {
  const out = new Array<WordInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const lex = tokens[i]!.lex;
    // A token from the analyzer's WordTable carries its record; others go through the memo.
    out[i] = (lex.info as WordInfo | null) ?? (lex.info = wordInfo(m, lex.raw, lex.lower));
  }
  return out;
}

/** True when a `notWhen` rule says this literal, in this context, is not the skill. */
function excluded(m: SkillMatcher, rules: NonNullable<SkillMatcher['notWhen'][number]>, literal: string, tokens: readonly Token[], i: number, j: number): boolean {
  for (const r of rules) {
    if (r.form !== literal) continue;
    if (i > 0 && !(tokens[i]!.gap & (GAP_CLAUSE | GAP_BLANK_LINE)) && r.before.has(tokens[i - 1]!.lower)) return true;
    if (j < tokens.length && !(tokens[j]!.gap & (GAP_CLAUSE | GAP_BLANK_LINE))) {
      if (r.after.has(tokens[j]!.lower)) return true;
      // A coordinated modifier: "patient and prescription information" ^ reads on to "information".
      if (j + 2 < tokens.length && COORDINATION.has(tokens[j]!.lower) && !(tokens[j + 1]!.gap & PHRASE_STOP) && !(tokens[j + 2]!.gap & PHRASE_STOP) && r.after.has(tokens[j + 2]!.lower)) return true;
    }
    if (r.traitList !== null && r.traitList === inTraitList(m, tokens, i, j)) return true;
    if (r.partOf !== null) for (let k = j; k < tokens.length && k < j + PART_OF_WINDOW && !(tokens[k]!.gap & PHRASE_STOP); k++) if (r.partOf.has(tokens[k]!.lower)) return true;
  }
  return false;
}

const COORDINATION = new Set(['and', 'or', '&']);
/** How far a `notWhen.partOf` word may follow the form: "Certified Network Associate Training Program". */
const PART_OF_WINDOW = 4;
/** The gaps that separate two items of one list on one line: a comma or a joiner ("&", "/"), not a line break. */
const ITEM_GAP = GAP_CLAUSE | GAP_JOINER;

/**
 * True when tokens i..j-1 are an item in a list of personal traits: a lexicon `traits` word is the item before or
 * after it, across a comma or a coordination ("team worker, patient, responsible"; "reliable, patient and calm").
 */
function inTraitList(m: SkillMatcher, tokens: readonly Token[], i: number, j: number): boolean {
  const line = tokens[i]!.line;
  const trait = (k: number): boolean => k >= 0 && k < tokens.length && tokens[k]!.line === line && m.traits.has(tokens[k]!.lower);
  const apart = (k: number): boolean => (tokens[k]!.gap & ITEM_GAP) !== 0 && (tokens[k]!.gap & GAP_COLON) === 0;
  if (i > 0 && apart(i) && trait(i - 1)) return true;
  if (i > 1 && !(tokens[i]!.gap & PHRASE_STOP) && COORDINATION.has(tokens[i - 1]!.lower) && trait(i - 2)) return true;
  if (j < tokens.length && apart(j) && trait(j)) return true;
  if (j + 1 < tokens.length && !(tokens[j]!.gap & PHRASE_STOP) && COORDINATION.has(tokens[j]!.lower) && trait(j + 1)) return true;
  return false;
}

/**
 * Finds every skill mention in normalized text, returning candidates with token spans, before overlap
 * resolution, in order of start. `findMentions` is the entry point.
 */
function findCandidates(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[] = wordsOf(m, tokens)): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const starts = words[i]!.starts;
    if (starts === null) continue;
    for (let t = 0; t < starts.length; t++) {
      const s = starts[t]!;
      // The one-word phrase: its candidates were worked out once for the word.
      const single = s.single;
      if (single !== null) {
        for (let k = 0; k < single.length; k++) {
          const h = single[k]!;
          if (h.rules !== null && excluded(m, h.rules, tokens[i]!.lower, tokens, i, i + 1)) continue;
          out.push(candidate(i, i + 1, h.skill, h.kind, h.confidence, s.acronym));
        }
      }
      if (s.longer !== null) descend(m, tokens, words, out, s.longer, i, i + 1, s.usedStem, s.fuzzy, s.acronym);
    }
  }
  return out;
}

function kindOf(m: SkillMatcher, skill: number, literal: string, usedStem: boolean, usedFuzzy: boolean, usedAcronym: boolean): MatchKind {
  return usedFuzzy ? 'fuzzy'
    : m.canonicalForms[skill]!.has(literal) ? 'exact'
    : usedAcronym || m.aliasForms[skill]!.has(literal) ? 'alias' : usedStem ? 'stem' : 'alias';
}

/** The tokens i..j-1 in lower case, joined by spaces (the form aliases are stored in). */
function literalOf(tokens: readonly Token[], i: number, j: number): string {
  let s = tokens[i]!.lower;
  for (let k = i + 1; k < j; k++) s += ` ${tokens[k]!.lower}`;
  return s;
}

/** True when tokens i..j-1, in lower case, are one of the phrases (given as word numbers). */
function isPhrase(phrases: readonly (readonly number[])[], words: readonly WordInfo[], i: number, j: number): boolean {
  outer: for (const ids of phrases) {
    if (ids.length !== j - i) continue;
    for (let k = 0; k < ids.length; k++) if (words[i + k]!.wordId !== ids[k]) continue outer;
    return true;
  }
  return false;
}

// Depth-first over the phrase continuations of tokens i..j-1 (a phrase of two words or more at each step).
// Top-level functions, not closures per call, so V8 optimizes them once for every resume.
function walk(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[], out: Candidate[], node: TrieNode, i: number, j: number, usedStem: boolean, usedFuzzy: boolean, usedAcronym: boolean): void {
  const hits = node.hits;
  if (hits !== null) {
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      if (h.rules && excluded(m, h.rules, literalOf(tokens, i, j), tokens, i, j)) continue;
      // As kindOf, with the phrase compared word by word (only the skill's phrases of this length can equal it).
      const kind: MatchKind = usedFuzzy ? 'fuzzy'
        : h.canonical.length !== 0 && isPhrase(h.canonical, words, i, j) ? 'exact'
        : usedAcronym || !usedStem || (h.alias.length !== 0 && isPhrase(h.alias, words, i, j)) ? 'alias' : 'stem';
      out.push(candidate(i, j, h.skill, kind, CONFIDENCE[kind], usedAcronym));
    }
  }
  if (node.keys !== null) descend(m, tokens, words, out, node, i, j, usedStem, usedFuzzy, usedAcronym);
}

/** The child of `node` (which has children) by a key number (>= 0), or null. */
function childOf(node: TrieNode, key: number): TrieNode | null {
  const keys = node.keys!;
  const mask = keys.length - 1;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === key) return node.kids![slot]!;
    if (k === -1) return null;
  }
}

function descend(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[], out: Candidate[], node: TrieNode, i: number, j: number, usedStem: boolean, usedFuzzy: boolean, usedAcronym: boolean): void {
  if (j >= tokens.length || tokens[j]!.gap & PHRASE_STOP) return;
  const w = words[j]!;
  // A key of -1 continues no phrase; the others are looked up by number.
  if (w.stemKey >= 0) {
    const byStem = childOf(node, w.stemKey);
    if (byStem) walk(m, tokens, words, out, byStem, i, j + 1, usedStem || w.stemmed, usedFuzzy, usedAcronym);
  }
  if (w.acronymKey >= 0) {
    const byAcr = childOf(node, w.acronymKey);
    if (byAcr) walk(m, tokens, words, out, byAcr, i, j + 1, usedStem, usedFuzzy, true);
  }
  if (w.fuzzyKey >= 0) {
    const byFuzzy = childOf(node, w.fuzzyKey);
    if (byFuzzy) walk(m, tokens, words, out, byFuzzy, i, j + 1, usedStem, true, usedAcronym);
  }
}

/** The end of the cluster from `a`: [a, b) are chained by overlaps; cands after it start at or after its last token. */
function clusterEnd(cands: readonly Candidate[], a: number): number {
  let end = cands[a]!.end;
  let b = a + 1;
  while (b < cands.length && cands[b]!.start < end) { if (cands[b]!.end > end) end = cands[b]!.end; b++; }
  return b;
}

/**
 * Appends to `kept` the candidates of the cluster [a, b) that win their overlaps, in order of start: the longest
 * (then the earliest; on the same span an exact-case acronym, "PTs", before a case-folded alias, "pts"; then the most
 * confident). Most clusters are one candidate, kept as it comes.
 */
function keepCluster(cands: readonly Candidate[], a: number, b: number, kept: Candidate[]): void {
  if (b === a + 1) { kept.push(cands[a]!); return; }
  if (b === a + 2) {
    // Two that share a token (the common cluster): the one the sort would put first is kept, the other never fits.
    const x = cands[a]!;
    const y = cands[a + 1]!;
    if (y.start < x.end && x.start < y.end) { kept.push(byPreference(x, y) <= 0 ? x : y); return; }
  }
  let end = cands[a]!.end;
  for (let k = a + 1; k < b; k++) if (cands[k]!.end > end) end = cands[k]!.end;
  const cluster = stableSort(cands.slice(a, b), byPreference);
  // Tokens taken, relative to the cluster's first token (a few bytes: small typed arrays live on the JS heap).
  const base = cands[a]!.start;
  const taken = new Uint8Array(end - base);
  const from = kept.length;
  for (const c of cluster) {
    let free = true;
    for (let t = c.start; t < c.end; t++) if (taken[t - base]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start - base, c.end - base);
    kept.push(c);
  }
  if (kept.length - from > 1) {
    const part = stableSort(kept.splice(from), byStart);
    for (const c of part) kept.push(c);
  }
}

function byPreference(a: Candidate, b: Candidate): number {
  return (b.end - b.start) - (a.end - a.start) || a.start - b.start || Number(b.acronym) - Number(a.acronym) || b.confidence - a.confidence || a.skill - b.skill;
}
function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start || a.skill - b.skill;
}

/**
 * Overlaps resolved cluster by cluster (`keepCluster`), then the candidates an overlap dropped that still count inside the
 * mention that won added back: what a credential name implies or spells out (`nests`), and a population skill as the
 * head noun at the end of a phrase ("transported patients" shows patients; "patient care" does not). Sorted by start,
 * skill, then the longer span first.
 */
function keepWithNested(m: SkillMatcher, tokens: readonly Token[], cands: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (let a = 0; a < cands.length;) {
    const b = clusterEnd(cands, a);
    const from = kept.length;
    keepCluster(cands, a, b, kept);
    // A dropped candidate lies within a kept one of its own cluster, if any (clusters share no token).
    if (kept.length - from < b - a) addNested(m, tokens, cands, a, b, kept, from);
    a = b;
  }
  return kept;
}

/** Adds the candidates of the cluster [a, b) that count nested in its kept ones (`kept[from..]`), keeping the order. */
function addNested(m: SkillMatcher, tokens: readonly Token[], cands: readonly Candidate[], a: number, b: number, kept: Candidate[], from: number): void {
  let added: Candidate[] | null = null;
  for (let k = a; k < b; k++) {
    const c = cands[k]!;
    // Most dropped candidates are of skills that never nest: one array read rules them out.
    if (m.nestable[c.skill] === 0) continue;
    // The kept candidate that starts at or before c (kept is sorted by start and does not overlap).
    let lo = from;
    let hi = kept.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (kept[mid]!.start <= c.start) lo = mid; else hi = mid - 1;
    }
    const outer = kept[lo]!;
    if (outer === c || outer.start > c.start || c.end > outer.end || c.skill === outer.skill) continue;
    // A population word counts when it is not the phrase's first word (a modifier: "patient care") and it ends
    // the phrase or is plural ("checked patients in").
    const ok = m.nests[outer.skill]?.has(c.skill) ||
      (m.population[c.skill] === 1 && c.start > outer.start && (c.end === outer.end || tokens[c.end - 1]!.lower.endsWith('s'))) ||
      // "Registered Behavior Technician", "Certified Phlebotomy Technician": a title that opens with the generic
      // credential word shows that credential, whatever skill the title is.
      (c.start === outer.start && m.credential[c.skill] === 1 && m.skills[c.skill]!.generic === true && PERSON_TITLE.test(tokens[outer.end - 1]!.lower));
    if (!ok) continue;
    added ??= [];
    // A copy of c (same skill and span) can only be among the last ones added: they come in order of start.
    let dup = false;
    for (let q = added.length - 1; q >= 0 && added[q]!.start === c.start; q--) {
      if (added[q]!.skill === c.skill && added[q]!.end === c.end) { dup = true; break; }
    }
    if (dup) continue;
    added.push(c);
  }
  if (added === null) return;
  // kept[from..] is in order (one candidate per start), and no added candidate has the start, skill and end of another
  // or of a kept one: sorting the few added and merging them in gives the one order a sort of them all would.
  stableSort(added, byNesting);
  const part = kept.splice(from);
  let q = 0;
  for (const c of part) {
    while (q < added.length && byNesting(added[q]!, c) < 0) kept.push(added[q++]!);
    kept.push(c);
  }
  while (q < added.length) kept.push(added[q++]!);
}

// Same start and skill (two nested spans of one skill): the longer first.
function byNesting(a: Candidate, b: Candidate): number {
  return a.start - b.start || a.skill - b.skill || b.end - a.end;
}

// Negation scope ends at clause punctuation, a blank line, or a line break that is not a wrapped sentence.
function endsScope(gap: number): boolean {
  return (gap & (GAP_CLAUSE | GAP_BLANK_LINE)) !== 0 || ((gap & GAP_NEWLINE) !== 0 && (gap & GAP_BROKEN_LINE) === 0);
}

const PRE_WINDOW = 8;
/** Int32 entries of look-back scratch an analyzer keeps between texts (1 MB: texts of about 60,000 tokens). */
const SCRATCH_KEEP = 1 << 18;
const POST_WINDOW = 6;

/**
 * Per text, computed once so each mention's look-back is a few array reads: where each token's clause starts
 * (`scope[i]`: the last position at or before i where a negation scope stops), and for each cue kind the chain of
 * positions where such a cue can end (`prev[e]`: the largest e' <= e with a cue ending at token e' - 1, or 0).
 */
interface LookBack {
  readonly scope: Int32Array;
  readonly negation: Int32Array;
  readonly hedge: Int32Array;
  /**
   * For the cues written after a mention: `post[i]` is the largest s < i where a word starts a hedging or negation
   * cue, or -1. A mention with no such word in its window needs no scan of it.
   */
  readonly post: Int32Array;
}

function lookBack(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[]): LookBack {
  const n = tokens.length;
  // The four chains share the matcher's scratch buffer: a typed array this size is allocated off the JS heap,
  // which costs more than filling it.
  if (m.scratch.length < 4 * (n + 1)) m.scratch = new Int32Array(Math.max(4 * (n + 1), 2 * m.scratch.length));
  const buf = m.scratch;
  const scope = buf.subarray(0, n + 1);
  const negation = buf.subarray(n + 1, 2 * (n + 1));
  const hedge = buf.subarray(2 * (n + 1), 3 * (n + 1));
  const post = buf.subarray(3 * (n + 1), 4 * (n + 1));
  let sc = 0;
  let ng = 0;
  let hd = 0;
  let ps = -1;
  scope[0] = 0;
  negation[0] = 0;
  hedge[0] = 0;
  post[0] = -1;
  for (let i = 1; i <= n; i++) {
    const f = words[i - 1]!.cueFlags;
    if (i === n || (f & CUE_TERMINATOR) !== 0 || endsScope(tokens[i]!.gap)) sc = i;
    // Most words have no cue role at all.
    if (f !== 0) {
      if (f & CUE_NEGATION_END) ng = i;
      if (f & CUE_HEDGE_END) hd = i;
      if (f & CUE_POST_START) ps = i - 1;
    }
    scope[i] = sc;
    negation[i] = ng;
    hedge[i] = hd;
    post[i] = ps;
  }
  return { scope, negation, hedge, post };
}

/** Finds a cue that ends before token `start`, within PRE_WINDOW tokens of the same clause, nearest first. */
function preCue(tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, start: number, hedging: boolean, voidedBy: ReadonlySet<string>): Cue | null {
  const from = Math.max(lb.scope[start]!, start - PRE_WINDOW);
  const prev = hedging ? lb.hedge : lb.negation;
  for (let e = prev[start]!; e > from; e = prev[e - 1]!) {
    const bucket = hedging ? words[e - 1]!.hedgeEnd! : words[e - 1]!.negationEnd!;
    for (const cue of bucket) {
      const n = cue.words.length;
      if (e - n < from) continue;
      let ok = true;
      for (let k = 0; k < n - 1; k++) if (words[e - n + k]!.wordId !== cue.ids[k]) { ok = false; break; }
      if (ok && hedging && e - n > 0 && voidedBy.has(tokens[e - n - 1]!.lower)) ok = false;
      if (ok) return cue;
    }
  }
  return null;
}

/** Finds a cue that starts after token `end`, within POST_WINDOW tokens of the same clause, nearest first. */
function postCue(tokens: readonly Token[], words: readonly WordInfo[], end: number): Cue | null {
  let to = end;
  while (to < tokens.length && to - end < POST_WINDOW && !endsScope(tokens[to]!.gap)) to++;
  for (let s = end; s < to; s++) {
    const bucket = words[s]!.postHedgeStart;
    if (!bucket) continue;
    for (const cue of bucket) {
      const n = cue.words.length;
      if (s + n > to) continue;
      let ok = true;
      for (let k = 1; k < n; k++) if (words[s + k]!.wordId !== cue.ids[k]) { ok = false; break; }
      if (ok) return cue;
    }
  }
  return null;
}

/**
 * Finds a negation written after the mention ("EKG - no", "Home health experience: none"): a lexicon `negation.post` word
 * that ends its clause, within POST_WINDOW tokens, crossing at most one colon.
 */
function postNegation(tokens: readonly Token[], words: readonly WordInfo[], end: number): Cue | null {
  let colons = 0;
  for (let s = end; s < tokens.length && s - end < POST_WINDOW; s++) {
    const gap = tokens[s]!.gap;
    if (endsScope(gap)) {
      if (!(gap & GAP_COLON) || gap & (GAP_NEWLINE | GAP_BLANK_LINE) || ++colons > 1) return null;
    }
    const bucket = words[s]!.postNegationStart;
    if (bucket && (s + 1 === tokens.length || endsScope(tokens[s + 1]!.gap))) return bucket[0]!;
  }
  return null;
}

/** A located mention before it is mapped back to the original input. */
export interface RawMention {
  readonly skill: number;
  /** Token span. */
  readonly first: number;
  readonly last: number;
  readonly kind: MatchKind;
  readonly confidence: number;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly cue?: string;
}

/** Finds the skill mentions in tokens: candidates, overlaps resolved, negation and hedging applied. */
export function findMentions(m: SkillMatcher, tokens: readonly Token[]): RawMention[] {
  const words = wordsOf(m, tokens);
  const cands = findCandidates(m, tokens, words);
  const kept = keepWithNested(m, tokens, cands);
  const lb = lookBack(m, tokens, words);
  const n = tokens.length;
  // The kept candidates are the mentions (fresh objects of this call): negation and hedging are set on them.
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    // The post-cue scans look at most POST_WINDOW tokens from c.end: with no cue word starting there, they find none.
    const post = lb.post[Math.min(n, c.end + POST_WINDOW)]! >= c.end;
    const neg = preCue(tokens, words, lb, c.start, false, m.hedgeVoidedBy) ?? (post ? postNegation(tokens, words, c.end) : null);
    const hedge = neg ? null : preCue(tokens, words, lb, c.start, true, m.hedgeVoidedBy) ?? (post ? postCue(tokens, words, c.end) : null);
    if (neg !== null) { c.negated = true; c.cue = neg.text; } else if (hedge !== null) { c.hedged = true; c.cue = hedge.text; }
  }
  // A very long text does not leave its look-back buffer on the analyzer (16 MB after a 2 MB text).
  if (m.scratch.length > SCRATCH_KEEP) m.scratch = new Int32Array(0);
  return inContext(m, tokens, words, lb, kept);
}

/** The last word of a job title: technician, assistant, aide, therapist, nurse, specialist, coder, ... */
const PERSON_TITLE = /(?:ician|ist|ant|aide|nurse|coder|biller|medic)$/;
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;
const HOLDERS = /(?:emts|aides|assistants|technicians|paramedics)$/;
const POSSESSIVE = /['\u2019]s$/;

/** Mention verdicts of `inContext`. */
const KEEP = 0;
const DROP = 1;
const NEEDS_CONTEXT = 2;

/**
 * Drops the mentions that are not the writer's health-care skill by their context: an ambiguous form inside one of
 * its non-health compounds, or with no health-care context (no anchoring skill or health word on its line, and fewer
 * than RESUME_ANCHORS anchoring skills in the text); a credential or person noun that describes other people's
 * credentials or paperwork. Most texts have no such mention and are returned as they are.
 */
function inContext(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, kept: Candidate[]): Candidate[] {
  let verdict: Uint8Array | null = null;
  let needsContext = false;
  let drops = 0;
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    let v = KEEP;
    if (m.hasAmbiguous[c.skill] === 1) {
      const a = formOf(m.ambiguous[c.skill]!, words, c);
      if (a !== null) v = inCompound(tokens, a, c) || (a.cues !== null && !cueOnLine(tokens, words, a.cues, c)) ? DROP : a.context ? NEEDS_CONTEXT : KEEP;
    }
    // Only a credential or a plural person noun ("transcriptionists") can be other people's: most mentions skip the call.
    if (v === KEEP && m.others !== null && (m.credential[c.skill] === 1 || words[c.end - 1]!.personPlural) && othersWork(m, tokens, words, lb, c)) v = DROP;
    if (v !== KEEP) {
      verdict ??= new Uint8Array(kept.length);
      verdict[k] = v;
      if (v === NEEDS_CONTEXT) needsContext = true; else drops++;
    }
  }
  if (verdict === null) return kept;
  if (needsContext && !resumeInHealthCare(m, kept, verdict)) {
    // Fewer than RESUME_ANCHORS health-care skills in the text: each ambiguous mention needs one, or a health word,
    // on its own line. (Most clinical resumes never get here.)
    const lines = new Set<number>();
    for (let k = 0; k < kept.length; k++) {
      const c = kept[k]!;
      if (verdict[k] === KEEP && m.anchor[c.skill] === 1 && !c.negated && !c.hedged) lines.add(tokens[c.start]!.line);
    }
    for (let k = 0; k < kept.length; k++) {
      const c = kept[k]!;
      if (verdict[k] !== NEEDS_CONTEXT || lines.has(tokens[c.start]!.line) || healthWordBeside(tokens, words, c)) continue;
      verdict[k] = DROP;
      drops++;
    }
  }
  if (drops === 0) return kept;
  const out: Candidate[] = [];
  for (let k = 0; k < kept.length; k++) if (verdict[k] !== DROP) out.push(kept[k]!);
  return out;
}

/** True when a health word other than the mention's own ("patients" is one) is on the mention's line. */
function healthWordBeside(tokens: readonly Token[], words: readonly WordInfo[], c: Candidate): boolean {
  const line = tokens[c.start]!.line;
  for (let i = c.start - 1; i >= 0 && tokens[i]!.line === line; i--) if (words[i]!.health) return true;
  for (let i = c.end; i < tokens.length && tokens[i]!.line === line; i++) if (words[i]!.health) return true;
  return false;
}

/** True when the kept mentions show RESUME_ANCHORS distinct health-care skills (asserted, through unambiguous forms). */
function resumeInHealthCare(m: SkillMatcher, kept: readonly Candidate[], verdict: Uint8Array): boolean {
  // The distinct skills seen so far: at most RESUME_ANCHORS - 1 of them before the answer is known.
  const seen: number[] = [];
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    if (verdict[k] !== KEEP || m.anchor[c.skill] !== 1 || c.negated || c.hedged || seen.includes(c.skill)) continue;
    if (seen.length + 1 >= RESUME_ANCHORS) return true;
    seen.push(c.skill);
  }
  return false;
}

/** The ambiguous form the mention's words are, compared as word numbers (no string is built), or null. */
function formOf(forms: readonly Ambiguity[], words: readonly WordInfo[], c: Candidate): Ambiguity | null {
  const n = c.end - c.start;
  outer: for (const a of forms) {
    if (a.ids.length !== n) continue;
    for (let k = 0; k < n; k++) if (words[c.start + k]!.wordId !== a.ids[k]) continue outer;
    return a;
  }
  return null;
}

/** True when a word of the mention's line (other than the mention) has one of the stems. */
function cueOnLine(tokens: readonly Token[], words: readonly WordInfo[], cues: ReadonlySet<string>, c: Candidate): boolean {
  const line = tokens[c.start]!.line;
  for (let i = c.start - 1; i >= 0 && tokens[i]!.line === line; i--) if (cues.has(words[i]!.stem)) return true;
  for (let i = c.end; i < tokens.length && tokens[i]!.line === line; i++) if (cues.has(words[i]!.stem)) return true;
  return false;
}

/** True when the mention's words sit inside one of the form's compounds, on one line ("computer science"). */
function inCompound(tokens: readonly Token[], a: Ambiguity, c: Candidate): boolean {
  const line = tokens[c.start]!.line;
  outer: for (const comp of a.compounds) {
    const from = c.start - comp.at;
    if (from < 0 || from + comp.words.length > tokens.length) continue;
    for (let k = 0; k < comp.words.length; k++) {
      const t = tokens[from + k]!;
      // The mention's own words may be inflected ("labs"); the compound's other words must be as written.
      if (t.line !== line || (t.lower !== comp.words[k] && (from + k < c.start || from + k >= c.end))) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * True when a credential or person mention describes other people: a paperwork word right after a credential
 * ("license renewals"), or, after a lexicon `others.pre` cue in its clause, a mention that names people (a people
 * word follows it: "a licensed professional"; or it is a plural person noun: "EMTs", "transcriptionists").
 */
function othersWork(m: SkillMatcher, tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, c: Candidate): boolean {
  const credential = m.credential[c.skill] === 1;
  const last = tokens[c.end - 1]!;
  const personPlural = words[c.end - 1]!.personPlural;
  const o = m.others!;
  const next = c.end < tokens.length && !endsScope(tokens[c.end]!.gap) ? tokens[c.end]!.lower : null;
  if (credential && next !== null && o.post.has(next)) return true;
  // A plural person noun: "transcriptionists", "phlebotomists", or a credential's holders ("EMTs", "nurse aides").
  const plural = personPlural || (credential && (ACRONYM_PLURAL.test(last.raw) || HOLDERS.test(last.lower)));
  // A possessive names a person too: "under a licensed engineer's supervision".
  if (!plural && !(credential && next !== null && (o.people.has(next) || o.people.has(next.replace(POSSESSIVE, ''))))) return false;
  // A cue ending before the mention, within its clause (as negation cues are found).
  const from = Math.max(lb.scope[c.start]!, c.start - PRE_WINDOW);
  for (let e = c.start; e > from; e--) {
    const bucket = o.pre.get(tokens[e - 1]!.lower);
    if (!bucket) continue;
    for (const cue of bucket) {
      const n = cue.words.length;
      if (e - n < from) continue;
      let ok = true;
      for (let k = 0; k < n - 1; k++) if (words[e - n + k]!.wordId !== cue.ids[k]) { ok = false; break; }
      if (ok) return true;
    }
  }
  return false;
}
