/**
 * Overlaps: of candidates that share a token, the longest wins (then the earliest, an exact-case acronym, the most
 * confident); a candidate an overlap dropped comes back when it counts inside the mention that won (what a credential
 * implies, a population noun at the head of a phrase, the generic credential word of a title).
 */
import { partitionPoint } from '../search.js';
import { stableSort } from '../sort.js';
import type { Token } from '../text/tokenize.js';
import type { Candidate } from './candidates.js';
import type { SkillModel } from './model.js';

/** The last word of a job title: technician, assistant, aide, therapist, nurse, specialist, coder, ... */
const PERSON_TITLE = /(?:ician|ist|ant|aide|nurse|coder|biller|medic)$/;

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
    const part = stableSort(kept.splice(from), bySpanStart);
    for (const c of part) kept.push(c);
  }
}

function byPreference(a: Candidate, b: Candidate): number {
  return (b.end - b.start) - (a.end - a.start) || a.start - b.start || Number(b.acronym) - Number(a.acronym) || b.confidence - a.confidence || a.skill - b.skill;
}
function bySpanStart(a: Candidate, b: Candidate): number {
  return a.start - b.start || a.skill - b.skill;
}

/**
 * Overlaps resolved cluster by cluster (`keepCluster`), then the candidates an overlap dropped that still count inside the
 * mention that won added back: what a credential name implies or spells out (`nests`), and a population skill as the
 * head noun at the end of a phrase ("transported patients" shows patients; "patient care" does not). Sorted by start,
 * skill, then the longer span first.
 */
export function keepWithNested(model: SkillModel, tokens: readonly Token[], cands: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (let a = 0; a < cands.length;) {
    const b = clusterEnd(cands, a);
    const from = kept.length;
    keepCluster(cands, a, b, kept);
    // A dropped candidate lies within a kept one of its own cluster, if any (clusters share no token).
    if (kept.length - from < b - a) addNested(model, tokens, cands, a, b, kept, from);
    a = b;
  }
  return kept;
}

/** Adds the candidates of the cluster [a, b) that count nested in its kept ones (`kept[from..]`), keeping the order. */
function addNested(model: SkillModel, tokens: readonly Token[], cands: readonly Candidate[], a: number, b: number, kept: Candidate[], from: number): void {
  let added: Candidate[] | null = null;
  for (let k = a; k < b; k++) {
    const c = cands[k]!;
    // Most dropped candidates are of skills that never nest: one array read rules them out.
    if (model.nestable[c.skill] === 0) continue;
    // The kept candidate that starts at or before c (kept is sorted by start and does not overlap).
    const outer = kept[Math.max(from, partitionPoint(from, kept.length, (k) => kept[k]!.start > c.start) - 1)]!;
    if (outer === c || outer.start > c.start || c.end > outer.end || c.skill === outer.skill) continue;
    // A population word counts when it is not the phrase's first word (a modifier: "patient care") and it ends
    // the phrase or is plural ("checked patients in").
    const ok = model.nests[outer.skill]?.has(c.skill) ||
      (model.population[c.skill] === 1 && c.start > outer.start && (c.end === outer.end || tokens[c.end - 1]!.lower.endsWith('s'))) ||
      // "Registered Behavior Technician", "Certified Phlebotomy Technician": a title that opens with the generic
      // credential word shows that credential, whatever skill the title is.
      (c.start === outer.start && model.credential[c.skill] === 1 && model.skills[c.skill]!.generic === true && PERSON_TITLE.test(tokens[outer.end - 1]!.lower));
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
