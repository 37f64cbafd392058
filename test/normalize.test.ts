// Stage 1, normalize: what each kind of messy text becomes, and the map back to the caller's offsets.
import { describe, expect, it } from 'vitest';
import { BULLET, normalizeText, toOriginalSpan } from '../src/text/normalize.js';
import { lastAtOrBefore, lastAtOrBeforeFrom } from '../src/search.js';

describe('normalizeText', () => {
  it('copies plain text unchanged, with no map (the identity)', () => {
    const n = normalizeText('Took vital signs\n- Drew blood');
    expect([n.text, n.segNorm, n.segOrig, n.segOrigEnd]).toEqual(['Took vital signs\n- Drew blood', null, null, null]);
  });

  it.each([
    ['smart quotes and dashes', '\u201cBLS\u201d \u2013 CPR', '"BLS" - CPR'],
    ['mojibake (UTF-8 read as Windows-1252)', 'Electro-\ncardiogram \u00e2\u20ac\u201c 12-lead', 'Electrocardiogram - 12-lead'],
    ['mojibake of a letter', 'caf\u00c3\u00a9', 'caf\u00e9'],
    ['zero-width characters', 'E\u200bK\u200dG', 'EKG'],
    ['bidi controls', 'x\u202eEKG\u202c', 'xEKG'],
    ['bullet glyphs, private-use PDF ones too', '\u25aa Drew blood\n\uf0b7 EKGs', `${BULLET} Drew blood\n${BULLET} EKGs`],
    ['ligatures (NFKC)', '\ufb01rst aid', 'first aid'],
    ['a no-break space', 'Vital\u00a0signs', 'Vital signs'],
    ['CRLF line ends', 'Line one\r\nLine two', 'Line one\nLine two'],
    ['a word hyphenated across a line break', 'co-\n  ordinated care', 'coordinated care'],
  ])('%s', (_label, input, text) => {
    const n = normalizeText(input);
    expect(n.text).toBe(text);
    // The whole normalized text maps back to the input it came from (a dropped last character belongs to no span).
    const [start, end] = toOriginalSpan(n, 0, n.text.length);
    expect(start).toBe(0);
    expect(normalizeText(input.slice(start, end)).text).toBe(text);
  });

  it('maps a span back to the caller\'s offsets: after a replaced character, and inside one', () => {
    const input = '\u201cBLS\u201d \u2013 CPR';
    const n = normalizeText(input);
    const at = n.text.indexOf('CPR');
    const [start, end] = toOriginalSpan(n, at, at + 3);
    expect(input.slice(start, end)).toBe('CPR');
    const dash = n.text.indexOf('-');
    expect(input.slice(...toOriginalSpan(n, dash, dash + 1))).toBe('\u2013');
    const word = normalizeText('caf\u00c3\u00a9 staff');
    expect('caf\u00c3\u00a9 staff'.slice(...toOriginalSpan(word, 0, 4))).toBe('caf\u00c3\u00a9');
  });
});

describe('lastAtOrBefore and lastAtOrBeforeFrom (the segment search)', () => {
  const sorted = [0, 5, 9];
  it.each([[4, 0], [5, 1], [8, 1], [9, 2], [100, 2], [-1, 0]])('at %i: index %i, from any hint', (at, index) => {
    expect(lastAtOrBefore(sorted, at)).toBe(index);
    for (const hint of [0, 1, 2]) expect(lastAtOrBeforeFrom(sorted, at, hint)).toBe(index);
  });
  it('a one-element list gives 0', () => {
    expect(lastAtOrBefore([3], 0)).toBe(0);
    expect(lastAtOrBefore([3], 7)).toBe(0);
  });
});
