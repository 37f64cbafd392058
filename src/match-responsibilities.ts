/**
 * Step 5: match the seed's responsibility phrases against the resume's lines and bullets by meaning.
 * Each phrase and each line become bags of concepts: synonym-group heads ("took", "obtained" and "recorded"
 * are one concept), Porter stems, and the taxonomy skills found in them. Similarity is the IDF-weighted
 * share of the phrase's concepts that the line covers.
 */
import { stemOf, type RawMention, type SkillMatcher } from './match-skills.js';
import { GAP_BROKEN_LINE, GAP_NEWLINE, tokenize, type Token } from './tokenize.js';
import type { Lexicon, Responsibility } from './taxonomy.js';

/** A line must cover this share of a responsibility's weighted concepts to count as showing it. */
export const RESPONSIBILITY_THRESHOLD = 0.35;
/** Weight of a taxonomy skill named by a responsibility, relative to word concepts. */
const SKILL_CONCEPT_WEIGHT = 2;
/** Generic verbs and nouns ("assist", "duties") still count, at this share of their IDF weight. */
const WEAK_FACTOR = 0.3;

interface CompiledResponsibility {
  readonly r: Responsibility;
  readonly concepts: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface ResponsibilityMatcher {
  readonly items: readonly CompiledResponsibility[];
  readonly group: ReadonlyMap<string, string>;
  readonly stop: ReadonlySet<string>;
  readonly skillIndex: ReadonlyMap<string, number>;
}

function conceptOf(m: SkillMatcher, group: ReadonlyMap<string, string>, lower: string): string {
  return group.get(lower) ?? group.get(stemOf(m, lower)) ?? stemOf(m, lower);
}

export function compileResponsibilities(list: readonly Responsibility[], lexicon: Lexicon, sm: SkillMatcher): ResponsibilityMatcher {
  const group = new Map<string, string>();
  for (const g of lexicon.synonyms) {
    const head = `~${g[0]!.toLowerCase()}`;
    for (const w of g) {
      const lw = w.toLowerCase();
      if (!group.has(lw)) group.set(lw, head);
      const s = stemOf(sm, lw);
      if (!group.has(s)) group.set(s, head);
    }
  }
  const stop = new Set(lexicon.stopwords.map((w) => w.toLowerCase()));
  const weak = new Set(lexicon.weakWords.map((w) => conceptOf(sm, group, w.toLowerCase())));
  const skillIndex = new Map(sm.skills.map((s, i) => [s.id, i]));
  const bags = list.map((r) => {
    const words = new Set<string>();
    for (const t of tokenize(r.normalized)) if (!stop.has(t.lower)) words.add(conceptOf(sm, group, t.lower));
    return words;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const c of b) df.set(c, (df.get(c) ?? 0) + 1);
  const n = list.length;
  const items = list.map((r, i) => {
    const concepts = new Map<string, number>();
    for (const c of bags[i]!) concepts.set(c, Math.log(1 + n / df.get(c)!) * (weak.has(c) ? WEAK_FACTOR : 1));
    for (const s of r.skills) concepts.set(`skill:${s}`, SKILL_CONCEPT_WEIGHT);
    let total = 0;
    for (const w of concepts.values()) total += w;
    return { r, concepts, total };
  });
  return { items, group, stop, skillIndex };
}

/** A line (or a bullet wrapped over several lines) as token indices. */
export interface LineUnit { readonly first: number; readonly last: number }

/** Splits tokens into lines; a wrapped line (next line starts in lower case) continues the unit. */
export function lineUnits(tokens: readonly Token[]): LineUnit[] {
  const units: LineUnit[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || ((tokens[i]!.gap & GAP_NEWLINE) !== 0 && (tokens[i]!.gap & GAP_BROKEN_LINE) === 0)) {
      if (i > first) units.push({ first, last: i - 1 });
      first = i;
    }
  }
  return units;
}

export interface RawResponsibilityMatch {
  readonly index: number;
  readonly similarity: number;
  readonly passed: boolean;
  /** Up to two best lines, best first, with their similarity. */
  readonly lines: readonly { unit: LineUnit; similarity: number }[];
}

export function matchResponsibilities(rm: ResponsibilityMatcher, sm: SkillMatcher, tokens: readonly Token[], mentions: readonly RawMention[]): RawResponsibilityMatch[] {
  const units = lineUnits(tokens);
  // Concepts of each line: words plus the (not negated) skills mentioned on it.
  const unitConcepts = units.map(() => new Set<string>());
  let u = 0;
  for (let i = 0; i < tokens.length && units.length; i++) {
    while (u < units.length - 1 && i > units[u]!.last) u++;
    const t = tokens[i]!;
    if (!rm.stop.has(t.lower)) unitConcepts[u]!.add(conceptOf(sm, rm.group, t.lower));
  }
  u = 0;
  for (const mention of mentions) {
    if (mention.negated) continue;
    while (u < units.length - 1 && mention.first > units[u]!.last) u++;
    if (units.length) unitConcepts[u]!.add(`skill:${sm.skills[mention.skill]!.id}`);
  }
  return rm.items.map((item, index) => {
    const scored: { unit: LineUnit; similarity: number }[] = [];
    units.forEach((unit, k) => {
      const have = unitConcepts[k]!;
      let covered = 0;
      for (const [c, w] of item.concepts) if (have.has(c)) covered += w;
      if (covered > 0) scored.push({ unit, similarity: Math.round((covered / item.total) * 1000) / 1000 });
    });
    scored.sort((a, b) => b.similarity - a.similarity || a.unit.first - b.unit.first);
    const best = scored[0]?.similarity ?? 0;
    return { index, similarity: best, passed: best >= RESPONSIBILITY_THRESHOLD, lines: scored.slice(0, 2).filter((s) => s.similarity >= RESPONSIBILITY_THRESHOLD || s === scored[0]) };
  });
}
