/**
 * Job titles: matches a title as written on a resume ("ER TECH II", "Behavioral Health Tech", "Customer Care Rep")
 * against each role's `titles` (seed role names and O*NET alternate titles). Both sides are reduced to canonical
 * words (case, plurals, "Tech" = "Technician", "Asst" = "Assistant", "Rep" = "Representative", "ER" = "Emergency
 * Room"; levels, "Senior", "Certified", "PRN" dropped), then scored by weighted word overlap, so word order and
 * extra words cost a little and a missing distinctive word costs a lot. Pure; linear in the title's length.
 */
import { defaultTaxonomy, type Lexicon, type Role } from './taxonomy.js';
import { ownCopy } from './text/tokenize.js';

/** A role whose titles match, with the best-matching title and how well it matches in (0, 1]. */
export interface TitleMatch {
  readonly role: string;
  /** The role's title (from `titles`) that matched best. */
  readonly title: string;
  readonly score: number;
}

interface CompiledTitle { readonly role: string; readonly title: string; readonly words: readonly string[]; readonly weight: number }

/** A compiled title index; build once per taxonomy with `compileTitles`. */
export interface TitleMatcher {
  readonly titles: readonly CompiledTitle[];
  /** Word -> indices of the titles holding it. */
  readonly index: ReadonlyMap<string, readonly number[]>;
  /** Word -> weight (rarer across roles = heavier). */
  readonly weights: ReadonlyMap<string, number>;
  /** Role -> every word of its titles. */
  readonly vocab: ReadonlyMap<string, ReadonlySet<string>>;
  /** The lexicon's title words, compiled. */
  readonly words: TitleWords;
  /** Title -> its matches at the default minimum (see `matchTitleMemo`); cleared when it grows past a bound. */
  readonly memo: Map<string, readonly TitleMatch[]>;
}

const MEMO_LIMIT = 20_000;

/**
 * `matchTitle` at the default minimum through the matcher's memo: a batch sees the same titles again and again.
 * The result is shared: read it, do not change it.
 */
export function matchTitleMemo(matcher: TitleMatcher, title: string): readonly TitleMatch[] {
  let m = matcher.memo.get(title);
  if (m === undefined) {
    m = matchTitle(matcher, title);
    if (matcher.memo.size >= MEMO_LIMIT) matcher.memo.clear();
    matcher.memo.set(ownCopy(title), m); // the key outlives the resume it was sliced from
  }
  return m;
}

export interface MatchTitleOptions {
  /** Lowest score returned. Default MIN_TITLE_SCORE. */
  readonly min?: number;
}

/** Below this a title is not reported as a role's title: "Medical Assistant" is not "Medical Technician". */
export const MIN_TITLE_SCORE = 0.5;
// Weight of a word no role's titles use ("GS", "cardiac"): an extra word dilutes a match, but less than a rare word.
const UNKNOWN_WEIGHT = 1;

/**
 * The lexicon's title words, compiled: abbreviations and variants to canonical words (`titleSynonyms`: "tech" is
 * "technician", "er" is "emergency room") and words that say nothing about the role (`titleNoise`: levels,
 * seniority, schedule, connectives). A lexicon without them uses the default lexicon's.
 */
export interface TitleWords {
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly noise: ReadonlySet<string>;
}

function compileTitleWords(lexicon: Lexicon | undefined): TitleWords {
  const defaults = defaultTaxonomy.lexicon!;
  return {
    synonyms: new Map(Object.entries(lexicon?.titleSynonyms ?? defaults.titleSynonyms ?? {})),
    noise: new Set(lexicon?.titleNoise ?? defaults.titleNoise ?? []),
  };
}

function canonical(word: string, synonyms: TitleWords['synonyms']): readonly string[] {
  const syn = synonyms.get(word);
  if (syn) return syn;
  // Plurals: "Records", "Aides", "Services", "EMTs" (not "ss", "us", "is": "class", "status", "analysis").
  if (word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) {
    const single = word.endsWith('ies') && word.length > 4 ? `${word.slice(0, -3)}y` : word.slice(0, -1);
    return synonyms.get(single) ?? [single];
  }
  return [word];
}

/**
 * A title's canonical words, in order. Parenthesised text ("(GS-0640-6)", "(PRN)") is dropped unless it is all
 * there is; numbers are dropped ("Tech II", "Tech 2").
 */
export function titleWords(title: string, { synonyms, noise }: TitleWords): string[] {
  let outside = '';
  let inside = '';
  let depth = 0;
  for (let i = 0; i < title.length; i++) {
    const ch = title[i]!;
    if (ch === '(' || ch === '[') { depth++; outside += ' '; continue; }
    if ((ch === ')' || ch === ']') && depth > 0) { depth--; inside += ' '; continue; }
    if (depth > 0) inside += ch; else outside += ch;
  }
  const words = (s: string): string[] => {
    const out: string[] = [];
    let w = '';
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 32;
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) w += String.fromCharCode(c | 32);
      else if (w) {
        for (const x of canonical(w, synonyms)) if (!noise.has(x)) out.push(x);
        w = '';
      }
    }
    return out;
  };
  const out = words(outside);
  return out.length > 0 ? out : words(inside);
}

/**
 * Compiles the roles' titles (each role's `title` and `titles`) into a matcher, with the lexicon's title words
 * (default: the default lexicon's).
 * @example
 * const m = compileTitles(defaultTaxonomy.roles)
 * matchTitle(m, 'ER Tech II')[0] // { role: 'emergency-room-technician', title: 'Emergency Room Technician', score: 1 }
 */
export function compileTitles(roles: readonly Pick<Role, 'id' | 'title' | 'titles'>[], lexicon?: Lexicon): TitleMatcher {
  const words = compileTitleWords(lexicon);
  const raw: { role: string; title: string; words: string[] }[] = [];
  const rolesOf = new Map<string, Set<string>>();
  for (const role of roles) {
    const seen = new Set<string>();
    for (const title of [role.title, ...role.titles]) {
      const canon = titleWords(title, words);
      const key = canon.join(' ');
      if (!key || seen.has(key)) continue;
      seen.add(key);
      raw.push({ role: role.id, title, words: canon });
      for (const w of canon) {
        let s = rolesOf.get(w);
        if (!s) rolesOf.set(w, (s = new Set()));
        s.add(role.id);
      }
    }
  }
  const n = Math.max(1, roles.length);
  const weights = new Map<string, number>();
  for (const [w, s] of rolesOf) weights.set(w, Math.log(1 + n / s.size));
  const index = new Map<string, number[]>();
  const titles: CompiledTitle[] = raw.map((t, i) => {
    for (const w of new Set(t.words)) {
      const list = index.get(w);
      if (list) list.push(i); else index.set(w, [i]);
    }
    return { role: t.role, title: t.title, words: t.words, weight: [...new Set(t.words)].reduce((a, w) => a + weights.get(w)!, 0) };
  });
  const vocab = new Map<string, Set<string>>();
  for (const t of raw) {
    let v = vocab.get(t.role);
    if (!v) vocab.set(t.role, (v = new Set()));
    for (const w of t.words) v.add(w);
  }
  return { titles, index, weights, vocab, words, memo: new Map() };
}

/** True when `needle`'s words occur in `hay` in the same order (other words may come between). */
function inOrder(hay: readonly string[], needle: readonly string[]): boolean {
  let k = 0;
  for (let i = 0; i < hay.length && k < needle.length; i++) if (hay[i] === needle[k]) k++;
  return k === needle.length;
}

/**
 * Matches a job title against every role's titles: one result per role (its best title), best first, ties by role id.
 * score = recall² × (0.25 + 0.75 × precision) × (1, or 0.9 when the words are out of order), where recall is the
 * weighted share of the role title's words found in the resume title and precision the weighted share of the
 * resume title's words that the role's titles use ("ED Patient Care Tech" is all emergency-room vocabulary).
 * @example
 * matchTitle(compileTitles(defaultTaxonomy.roles), 'Behavioral Health Tech')[0]
 * // { role: 'psychiatric-technician', title: 'Behavioral Health Technician', score: 1 }
 */
export function matchTitle(matcher: TitleMatcher, title: string, options?: MatchTitleOptions): TitleMatch[] {
  const min = options?.min ?? MIN_TITLE_SCORE;
  const q = titleWords(title.length > 200 ? title.slice(0, 200) : title, matcher.words);
  if (q.length === 0) return [];
  const qSet = [...new Set(q)];
  const qWeight = qSet.reduce((a, w) => a + (matcher.weights.get(w) ?? UNKNOWN_WEIGHT), 0);
  const shared = new Map<number, number>();
  for (const w of qSet) {
    const wt = matcher.weights.get(w);
    if (wt === undefined) continue;
    for (const t of matcher.index.get(w) ?? []) shared.set(t, (shared.get(t) ?? 0) + wt);
  }
  const best = new Map<string, TitleMatch & { inter: number }>();
  const explained = new Map<string, number>();
  for (const [t, inter] of shared) {
    const ct = matcher.titles[t]!;
    const recall = inter / ct.weight;
    let known = explained.get(ct.role);
    if (known === undefined) {
      const v = matcher.vocab.get(ct.role)!;
      known = qSet.reduce((a, w) => a + (v.has(w) ? matcher.weights.get(w)! : 0), 0);
      explained.set(ct.role, known);
    }
    const precision = known / qWeight;
    const ordered = recall < 1 || inOrder(q, ct.words) ? 1 : 0.9;
    const score = Math.round(recall * recall * (0.25 + 0.75 * precision) * ordered * 1000) / 1000;
    if (score < min) continue;
    const prev = best.get(ct.role);
    // On a tie, the title that explains more of the resume's words ("EMT-Basic" rather than "EMT").
    if (!prev || score > prev.score || (score === prev.score && inter > prev.inter + 1e-9)) best.set(ct.role, { role: ct.role, title: ct.title, score, inter });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.role < b.role ? -1 : 1)).map(({ role, title: t, score }) => ({ role, title: t, score }));
}
