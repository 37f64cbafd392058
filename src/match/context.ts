/**
 * Context: after overlaps, drops the mentions that are not the writer's health-care skill: an ambiguous form inside a
 * non-health compound or without health-care context, and credentials or people that are other people's.
 */
import type { Token } from '../text/tokenize.js';
import type { Candidate } from './candidates.js';
import type { Ambiguity, SkillModel } from './model.js';
import { endsScope, PRE_WINDOW, type LookBack } from './negation.js';
import type { WordInfo } from './words.js';

/** Distinct health-care skills that make a whole text health care (one on the line is enough for that line). */
const RESUME_ANCHORS = 2;

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
export function inContext(model: SkillModel, tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, kept: Candidate[]): Candidate[] {
  let verdict: Uint8Array | null = null;
  let needsContext = false;
  let drops = 0;
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    let v = KEEP;
    if (model.hasAmbiguous[c.skill] === 1) {
      const a = formOf(model.ambiguous[c.skill]!, words, c);
      if (a !== null) v = inCompound(tokens, a, c) || (a.cues !== null && !cueOnLine(tokens, words, a.cues, c)) ? DROP : a.context ? NEEDS_CONTEXT : KEEP;
    }
    // Only a credential or a plural person noun ("transcriptionists") can be other people's: most mentions skip the call.
    if (v === KEEP && model.others !== null && (model.credential[c.skill] === 1 || words[c.end - 1]!.personPlural) && othersWork(model, tokens, words, lb, c)) v = DROP;
    if (v !== KEEP) {
      verdict ??= new Uint8Array(kept.length);
      verdict[k] = v;
      if (v === NEEDS_CONTEXT) needsContext = true; else drops++;
    }
  }
  if (verdict === null) return kept;
  if (needsContext && !resumeInHealthCare(model, kept, verdict)) {
    // Fewer than RESUME_ANCHORS health-care skills in the text: each ambiguous mention needs one, or a health word,
    // on its own line. (Most clinical resumes never get here.)
    const lines = new Set<number>();
    for (let k = 0; k < kept.length; k++) {
      const c = kept[k]!;
      if (verdict[k] === KEEP && model.anchor[c.skill] === 1 && !c.negated && !c.hedged) lines.add(tokens[c.start]!.line);
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
function resumeInHealthCare(model: SkillModel, kept: readonly Candidate[], verdict: Uint8Array): boolean {
  // The distinct skills seen so far: at most RESUME_ANCHORS - 1 of them before the answer is known.
  const seen: number[] = [];
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    if (verdict[k] !== KEEP || model.anchor[c.skill] !== 1 || c.negated || c.hedged || seen.includes(c.skill)) continue;
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
function othersWork(model: SkillModel, tokens: readonly Token[], words: readonly WordInfo[], lb: LookBack, c: Candidate): boolean {
  const credential = model.credential[c.skill] === 1;
  const last = tokens[c.end - 1]!;
  const personPlural = words[c.end - 1]!.personPlural;
  const o = model.others!;
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
