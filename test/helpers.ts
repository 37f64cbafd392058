import { createAnalyzer } from '../src/index.js';

export const analyzer = createAnalyzer();

/** Skill ids found in text, with flags: "ekg", "ekg!neg", "bls!hedge". */
export function found(text: string): string[] {
  return analyzer.extractSkills(text).map((s) => {
    const e = s.evidence[0]!;
    return s.id + (e.negated ? '!neg' : e.hedged ? '!hedge' : '');
  });
}
