/**
 * What skill matching gives: mentions located in tokens (`RawMention`), and the public shapes a report shows them in
 * (`SkillMatch`, `Evidence`).
 */
import type { SkillCategory } from '../taxonomy.js';
import type { SectionKind } from '../text/sections.js';

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
