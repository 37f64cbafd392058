/**
 * Step 4: find the taxonomy's skills in tokenized text. The taxonomy is compiled once into a token trie
 * keyed by Porter stems (and exact-case keys for acronyms); matching walks it from each token, the longest
 * match wins an overlap, and NegEx-style cues flag negated and hedged mentions.
 */
import { stem, similarity } from './nlp.js';
import { GAP_BLANK_LINE, GAP_BRACKET, GAP_BROKEN_LINE, GAP_CLAUSE, GAP_NEWLINE, tokenize, type Token } from './tokenize.js';
import type { Lexicon, Skill, SkillCategory } from './taxonomy.js';
import type { SectionKind } from './sections.js';

/** How a mention was matched, from most to least certain. */
export type MatchKind = 'exact' | 'alias' | 'stem' | 'fuzzy';

/** One place a skill was found. `start`/`end` are offsets into the text the caller passed in. */
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

/** One skill found in a resume, with every place it was found. */
export interface SkillMatch {
  readonly id: string;
  readonly label: string;
  readonly category: SkillCategory;
  readonly evidence: readonly Evidence[];
}

const ACRONYM = '\u0001';
const CONFIDENCE: Record<MatchKind, number> = { exact: 1, alias: 0.95, stem: 0.9, fuzzy: 0.75 };

interface Hit { readonly skill: number }
interface TrieNode { next: Map<string, TrieNode> | null; hits: Hit[] | null }

interface Cue { readonly words: readonly string[]; readonly text: string }

/** A taxonomy's skills compiled for matching; built once per analyzer. */
export interface SkillMatcher {
  readonly skills: readonly Skill[];
  readonly root: TrieNode;
  /** Exact-case acronyms present in the trie. */
  readonly acronyms: ReadonlySet<string>;
  /** Stems that occur anywhere in the trie (a token whose stem is here never needs typo tolerance). */
  readonly stems: ReadonlySet<string>;
  /** Long alias words by their first two letters, for typo tolerance. */
  readonly fuzzyVocab: ReadonlyMap<string, readonly string[]>;
  readonly fuzzyExclude: ReadonlySet<string>;
  readonly negationCues: readonly Cue[];
  readonly hedgeCues: readonly Cue[];
  readonly postHedgeCues: readonly Cue[];
  readonly terminators: ReadonlySet<string>;
  /** Memo of word -> stem (per analyzer; cleared when it grows past a bound). */
  readonly stemMemo: Map<string, string>;
  readonly fuzzyMemo: Map<string, string | null>;
  /** Each skill's aliases as lower-case token strings, to tell a literal match from a stem match. */
  readonly aliasForms: readonly ReadonlySet<string>[];
  /** Each skill's own names (label, seed terms) in the same form: a literal match of these is 'exact'. */
  readonly canonicalForms: readonly ReadonlySet<string>[];
}

const MEMO_LIMIT = 200_000;
const FUZZY_MIN_LENGTH = 8;
const FUZZY_THRESHOLD = 0.93;
// Real words one letter away from a taxonomy word: never "corrected".
const FUZZY_EXCLUDE = ['meditation', 'emergent', 'emergence', 'therapist', 'pharmacy', 'transport', 'conditions', 'patiently', 'reception', 'recording', 'inventor', 'satisfied', 'specialist', 'physician', 'physicians'];

/** Stem of a lower-case word through the analyzer's memo. */
export function stemOf(m: SkillMatcher, lower: string): string {
  let s = m.stemMemo.get(lower);
  if (s === undefined) {
    // Words of three letters or fewer are their own key: Porter would turn "aed" into "a".
    s = lower.length <= 3 || !/[a-z]/.test(lower) ? lower : stem(lower);
    if (m.stemMemo.size >= MEMO_LIMIT) m.stemMemo.clear();
    m.stemMemo.set(lower, s);
  }
  return s;
}

function cues(list: readonly string[]): Cue[] {
  return list.map((c) => ({ words: tokenize(c).map((t) => t.lower), text: c })).filter((c) => c.words.length > 0).sort((a, b) => b.words.length - a.words.length || (a.text < b.text ? -1 : 1));
}

/** Compiles skills into a matcher. Cost: about the number of alias words times one stem. */
export function compileSkills(skills: readonly Skill[], lexicon: Lexicon): SkillMatcher {
  const root: TrieNode = { next: null, hits: null };
  const acronyms = new Set<string>();
  const stems = new Set<string>();
  const vocab = new Set<string>();
  const m: SkillMatcher = {
    skills, root, acronyms, stems, fuzzyVocab: new Map(), fuzzyExclude: new Set(FUZZY_EXCLUDE),
    negationCues: cues(lexicon.negation.pre), hedgeCues: cues(lexicon.hedging.pre), postHedgeCues: cues(lexicon.hedging.post),
    terminators: new Set(lexicon.negation.terminators.map((w) => w.toLowerCase())),
    stemMemo: new Map(), fuzzyMemo: new Map(), aliasForms: skills.map(() => new Set<string>()),
    canonicalForms: skills.map((s) => new Set([s.label, ...(s.seedTerms ?? [])].map((t) => tokenize(t).map((x) => x.lower).join(' ')))),
  };
  const insert = (keys: string[], hit: Hit): void => {
    let node = root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) { child = { next: null, hits: null }; node.next.set(k, child); }
      node = child;
    }
    node.hits ??= [];
    if (!node.hits.some((h) => h.skill === hit.skill)) node.hits.push(hit);
  };
  skills.forEach((skill, index) => {
    for (const alias of skill.aliases) {
      const toks = tokenize(alias);
      if (!toks.length) continue;
      const keys = toks.map((t) => stemOf(m, t.lower));
      (m.aliasForms[index] as Set<string>).add(toks.map((t) => t.lower).join(' '));
      keys.forEach((k) => stems.add(k));
      for (const t of toks) if (t.lower.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(t.lower)) vocab.add(t.lower);
      insert(keys, { skill: index });
    }
    for (const acr of skill.acronyms ?? []) {
      acronyms.add(acr);
      insert([ACRONYM + acr], { skill: index });
    }
  });
  const buckets = m.fuzzyVocab as Map<string, string[]>;
  for (const w of [...vocab].sort()) {
    const k = w.slice(0, 2);
    const b = buckets.get(k);
    if (b) b.push(w); else buckets.set(k, [w]);
  }
  return m;
}

/** The closest long taxonomy word to a misspelt token, or null. Memoized per analyzer. */
function fuzzyStem(m: SkillMatcher, lower: string): string | null {
  const memo = m.fuzzyMemo.get(lower);
  if (memo !== undefined) return memo;
  let best: string | null = null;
  if (!m.fuzzyExclude.has(lower) && /^[a-z]+$/.test(lower)) {
    let bestScore = FUZZY_THRESHOLD;
    for (const w of m.fuzzyVocab.get(lower.slice(0, 2)) ?? []) {
      if (Math.abs(w.length - lower.length) > 2 || w.charCodeAt(w.length - 1) !== lower.charCodeAt(lower.length - 1)) continue;
      const s = similarity(lower, w);
      if (s > bestScore || (s === bestScore && best !== null && w < best)) { bestScore = s; best = w; }
    }
  }
  const result = best === null ? null : stemOf(m, best);
  if (m.fuzzyMemo.size >= MEMO_LIMIT) m.fuzzyMemo.clear();
  m.fuzzyMemo.set(lower, result);
  return result;
}

interface Candidate { start: number; end: number; skill: number; kind: MatchKind; confidence: number }

// A phrase may run over spaces, hyphens, slashes and a line break, never over punctuation or a blank line.
const PHRASE_STOP = GAP_CLAUSE | GAP_BRACKET | GAP_BLANK_LINE;

/** Keys a token can take in the trie: its stem, its exact-case acronym form, a typo correction. */
interface TokenKeys { stem: string; acronym: string | null; fuzzy: string | null; literal: boolean }

function keysOf(m: SkillMatcher, t: Token): TokenKeys {
  const s = stemOf(m, t.lower);
  const acronym = m.acronyms.has(t.raw) ? ACRONYM + t.raw : null;
  let fuzzy: string | null = null;
  if (t.lower.length >= FUZZY_MIN_LENGTH && !m.stems.has(s)) fuzzy = fuzzyStem(m, t.lower);
  return { stem: s, acronym, fuzzy, literal: true };
}

/**
 * Finds every skill mention in normalized text, returning candidates with token spans, before overlap
 * resolution. Exported for tests; `matchSkills` is the entry point.
 */
export function findCandidates(m: SkillMatcher, tokens: readonly Token[]): Candidate[] {
  const keys: TokenKeys[] = tokens.map((t) => keysOf(m, t));
  const out: Candidate[] = [];
  const walk = (node: TrieNode, i: number, j: number, usedStem: boolean, usedFuzzy: boolean, usedAcronym: boolean, fuzzyScore: number): void => {
    if (node.hits && j > i) {
      for (const h of node.hits) {
        const literal = tokens.slice(i, j).map((t) => t.lower).join(' ');
        const kind: MatchKind = usedFuzzy ? 'fuzzy'
          : m.canonicalForms[h.skill]!.has(literal) ? 'exact'
          : usedAcronym || m.aliasForms[h.skill]!.has(literal) ? 'alias' : usedStem ? 'stem' : 'alias';
        const confidence = kind === 'fuzzy' ? Math.round(CONFIDENCE.fuzzy * fuzzyScore * 100) / 100 : CONFIDENCE[kind];
        out.push({ start: i, end: j, skill: h.skill, kind, confidence });
      }
    }
    if (!node.next || j >= tokens.length || (j > i && tokens[j]!.gap & PHRASE_STOP)) return;
    const k = keys[j]!;
    const byStem = node.next.get(k.stem);
    if (byStem) walk(byStem, i, j + 1, usedStem || k.stem !== tokens[j]!.lower, usedFuzzy, usedAcronym, fuzzyScore);
    if (k.acronym) {
      const byAcr = node.next.get(k.acronym);
      if (byAcr) walk(byAcr, i, j + 1, usedStem, usedFuzzy, true, fuzzyScore);
    }
    if (k.fuzzy && k.fuzzy !== k.stem) {
      const byFuzzy = node.next.get(k.fuzzy);
      if (byFuzzy) walk(byFuzzy, i, j + 1, usedStem, true, usedAcronym, Math.min(fuzzyScore, 1));
    }
  };
  for (let i = 0; i < tokens.length; i++) walk(m.root, i, i, false, false, false, 1);
  return out;
}

/** Keeps the longest candidates where they overlap (then the earliest, then the most confident). */
export function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start || b.confidence - a.confidence || a.skill - b.skill);
  const taken = new Set<number>();
  const kept: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let t = c.start; t < c.end; t++) if (taken.has(t)) { free = false; break; }
    if (!free) {
      // The same span for another skill: only when exactly the same tokens (an alias shared on purpose).
      continue;
    }
    for (let t = c.start; t < c.end; t++) taken.add(t);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.skill - b.skill);
}

// Negation scope ends at clause punctuation, a blank line, or a line break that is not a wrapped sentence.
function endsScope(gap: number): boolean {
  return (gap & (GAP_CLAUSE | GAP_BLANK_LINE)) !== 0 || ((gap & GAP_NEWLINE) !== 0 && (gap & GAP_BROKEN_LINE) === 0);
}

const PRE_WINDOW = 8;
const POST_WINDOW = 6;

/** Finds a cue ending just before token `end` (exclusive) looking back at most PRE_WINDOW tokens. */
function preCue(m: SkillMatcher, tokens: readonly Token[], start: number, list: readonly Cue[]): Cue | null {
  // Tokens of the clause before the match, nearest first.
  let from = start;
  while (from > 0 && start - from < PRE_WINDOW && !endsScope(tokens[from]!.gap) && !m.terminators.has(tokens[from - 1]!.lower)) from--;
  for (let e = start; e > from; e--) {
    for (const cue of list) {
      const n = cue.words.length;
      if (e - n < from) continue;
      let ok = true;
      for (let k = 0; k < n; k++) if (tokens[e - n + k]!.lower !== cue.words[k]) { ok = false; break; }
      if (ok) return cue;
    }
  }
  return null;
}

function postCue(tokens: readonly Token[], end: number, list: readonly Cue[]): Cue | null {
  let to = end;
  while (to < tokens.length && to - end < POST_WINDOW && !endsScope(tokens[to]!.gap)) to++;
  for (let s = end; s < to; s++) {
    for (const cue of list) {
      const n = cue.words.length;
      if (s + n > to) continue;
      let ok = true;
      for (let k = 0; k < n; k++) if (tokens[s + k]!.lower !== cue.words[k]) { ok = false; break; }
      if (ok) return cue;
    }
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
  const kept = resolveOverlaps(findCandidates(m, tokens));
  return kept.map((c) => {
    const neg = preCue(m, tokens, c.start, m.negationCues);
    const hedge = neg ? null : preCue(m, tokens, c.start, m.hedgeCues) ?? postCue(tokens, c.end, m.postHedgeCues);
    const mention: RawMention = { skill: c.skill, first: c.start, last: c.end - 1, kind: c.kind, confidence: c.confidence, negated: neg !== null, hedged: hedge !== null };
    const cue = neg?.text ?? hedge?.text;
    return cue ? { ...mention, cue } : mention;
  });
}
