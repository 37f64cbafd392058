/**
 * The skill model is built once and never changed (the analyzer's memos live in its cache), and it survives a
 * structured clone (what `postMessage` does), so workers could share one instead of each compiling.
 */
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../src/index.js';
import { compileSkillModel } from '../src/match/model.js';
import { findMentions, matcherOf } from '../src/match/skills.js';
import { normalizeText } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokenize.js';

const TEXT = [
  'EXPERIENCE',
  'ER Tech | Northwestern | 2021 - Present',
  '- Performed 12-lead EKGs, took B.P. and vital signs; BLS/ACLS certified',
  '- No experience with phlebotomy; seeking CPR recertification',
  'SKILLS: electrocardiagram, patient transport, EMT-B, HIPAA',
].join('\n');

function mentions(model: ReturnType<typeof compileSkillModel>, text: string): unknown[] {
  const m = matcherOf(model);
  return findMentions(m, tokenize(normalizeText(text).text, m.words));
}

describe('skill model', () => {
  const model = compileSkillModel(defaultTaxonomy.skills, defaultTaxonomy.lexicon!);

  it('is not changed by matching (memos go to the analyzer cache)', () => {
    const before = structuredClone(model);
    expect(mentions(model, TEXT).length).toBeGreaterThan(5);
    expect(model).toEqual(before);
  });

  it('survives a structured clone: a matcher over the clone finds the same mentions', () => {
    const clone = structuredClone(model);
    expect(mentions(clone, TEXT)).toEqual(mentions(model, TEXT));
  });

  it('two matchers over one model find the same as one compiled alone (no shared state between them)', () => {
    const a = matcherOf(model);
    const b = matcherOf(model);
    const tokensA = tokenize(TEXT, a.words);
    expect(findMentions(a, tokensA)).toEqual(findMentions(b, tokenize(TEXT, b.words)));
    // Tokens of another analyzer's word table are read too (through the memo, not the other table's records).
    expect(findMentions(b, tokensA)).toEqual(findMentions(a, tokensA));
  });
});
