import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, loadExpected, parityNames, runParity, type ResumeResult } from '../scripts/parity.js';

// Each resume of test/fixtures/parity as .md, .txt, .docx and .pdf, read by the CLI's readers and analysed: a batch
// that mixes formats must be able to compare its scores.
const expected = loadExpected();
const names = parityNames();
let results: ResumeResult[] = [];

beforeAll(async () => {
  results = await runParity();
});

const byName = (name: string): ResumeResult => results.find((r) => r.name === name)!;

describe('format parity corpus', () => {
  it('has at least 12 resumes in at least three layouts, each written down in expected.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(expected.resumes).sort()).toEqual(names);
    const layouts = new Set(Object.values(expected.resumes).map((r) => r.layout.split(':')[0]));
    expect([...layouts].sort()).toEqual(['dates on the right', 'single column', 'two-column table']);
  });

  it.each(names)('%s: the same skills in every format', (name) => {
    const [first, ...rest] = byName(name).formats;
    for (const f of rest) expect(f.skills, f.format).toEqual(first!.skills);
  });

  it.each(names)('%s: every role scores within 1.0 point across formats', (name) => {
    const r = byName(name);
    expect(r.formats.map((f) => f.format)).toEqual([...FORMATS]);
    expect(r.spread).toBeLessThanOrEqual(1);
  });

  it.each(names)('%s: the same experience entries (title and dates) in every format', (name) => {
    const [first, ...rest] = byName(name).formats;
    const key = (f: typeof first): unknown => f!.entries.map((e) => [e.title, e.from, e.to]);
    for (const f of rest) expect(key(f), f.format).toEqual(key(first));
  });

  it('finds at least 95% of the entries written down, title, employer and dates exact, in every format', () => {
    const right = results.reduce((a, r) => a + r.right, 0);
    const total = results.reduce((a, r) => a + r.total, 0);
    expect(total).toBe(Object.values(expected.resumes).reduce((a, r) => a + r.entries.length, 0) * FORMATS.length);
    // 136 of 136 when this was written (50 of 136 before the parser read PDF and DOCX layouts).
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});
