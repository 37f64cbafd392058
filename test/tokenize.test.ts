import { describe, expect, it } from 'vitest';
import { tokenize, WordTable } from '../src/text/tokenize.js';

describe('tokenize', () => {
  it.each([
    ['B.P. and EKG/ECG', ['BP', 'and', 'EKG', 'ECG']],
    ["don't chart EKG's", ["don't", 'chart', 'EKG']],
    ['E.R tech, 12-lead', ['ER', 'tech', '12', 'lead']],
    ['naïve café', ['naïve', 'café']],
  ])('%j gives %j', (text, raws) => {
    expect(tokenize(text).map((t) => t.raw)).toEqual(raws);
    // With a WordTable the words are the same, and each token's raw is what the text says at its span.
    const table = new WordTable();
    expect(tokenize(text, table).map((t) => t.raw)).toEqual(raws);
  });
});

describe('WordTable', () => {
  it('gives one shared record per spelling, case-sensitive, and across texts', () => {
    const table = new WordTable();
    const a = tokenize('Vitals vitals EKG', table);
    const b = tokenize('took vitals; EKG.', table);
    expect(a[0]!.lex).not.toBe(a[1]!.lex); // "Vitals" and "vitals" are different spellings
    expect(a[0]!.lex.lower).toBe('vitals');
    expect(b[1]!.lex).toBe(a[1]!.lex);
    expect(b[2]!.lex).toBe(a[2]!.lex);
  });

  it('keeps every word right as it grows past its first size (thousands of distinct words)', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const first = tokenize(words.join(' '), table);
    const again = tokenize([...words].reverse().join(' '), table);
    expect(first.map((t) => t.raw)).toEqual(words);
    expect(again.map((t) => t.raw)).toEqual([...words].reverse());
    // The same record for the same word, whichever order the table saw them in.
    expect(again[0]!.lex).toBe(first[first.length - 1]!.lex);
  });
});
