/**
 * The golden output (test/golden/*.json, written by `npm run golden` from test/golden/cases.ts) must match the
 * current output byte for byte: a refactor that should change nothing proves it changed nothing. On a mismatch the
 * failure names the case and the first path that differs, with both values cut short (never a whole resume).
 * Regenerate only in a commit that says why the output moved (DESIGN.md, "Golden output").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenFiles, renderFile } from './golden/cases.js';

const DIR = join(import.meta.dirname, 'golden');

/** The file's cases, one per line (as renderFile writes them), by name, in order. */
function casesOf(text: string): Map<string, string> {
  const cases = new Map<string, string>();
  for (const line of text.split('\n').slice(1, -2)) {
    const sep = line.indexOf('": ');
    const name = JSON.parse(line.slice(0, sep + 1)) as string;
    cases.set(name, line.slice(sep + 3).replace(/,$/, ''));
  }
  return cases;
}

/** A case's value with every `{ "$ref": "case#path" }` (see dedupe in golden/cases.ts) replaced by what it names. */
function resolved(value: unknown, all: readonly unknown[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolved(v, all));
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && Object.keys(value).length === 1) {
    const hash = ref.indexOf('#');
    let at: unknown = all[Number(ref.slice(0, hash))];
    for (const m of ref.slice(hash + 1).matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
      const key = m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string));
      at = (at as Record<string | number, unknown>)[key];
    }
    return resolved(at, all);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolved(v, all);
  return out;
}

const short = (v: unknown): string => {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}… (${s.length} characters)` : s;
};

/** The first path where two JSON values differ (keys in order, so a change of key order shows too), or null. */
export function firstDifference(a: unknown, b: unknown, path = ''): { path: string; expected: unknown; actual: unknown } | null {
  if (a === b) return null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return { path: path || '(root)', expected: a, actual: b };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const d = firstDifference(a[k], b[k], `${path}[${k}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let k = 0; k < Math.max(ka.length, kb.length); k++) {
    if (ka[k] !== kb[k]) return { path: `${path} (key ${k})`, expected: ka[k], actual: kb[k] };
    const key = ka[k]!;
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

describe('golden output', () => {
  for (const file of goldenFiles()) {
    it(`test/golden/${file.name}.json matches the current output byte for byte (${file.cases.length} cases)`, () => {
      const path = join(DIR, `${file.name}.json`);
      expect(existsSync(path), `test/golden/${file.name}.json is missing: run npm run golden`).toBe(true);
      const stored = readFileSync(path, 'utf8');
      const current = renderFile(file);
      if (current === stored) return;
      const want = casesOf(stored);
      const got = casesOf(current);
      const wantAll = [...want.values()].map((t) => JSON.parse(t) as unknown);
      const gotAll = [...got.values()].map((t) => JSON.parse(t) as unknown);
      const wantIndex = new Map([...want.keys()].map((name, k) => [name, k]));
      const gotIndex = new Map([...got.keys()].map((name, k) => [name, k]));
      const lines: string[] = [];
      for (const [name, text] of got) {
        if (!want.has(name)) { lines.push(`new case "${name}" (not in the golden file)`); continue; }
        if (want.get(name) === text) continue;
        const d = firstDifference(resolved(wantAll[wantIndex.get(name)!], wantAll), resolved(gotAll[gotIndex.get(name)!], gotAll));
        lines.push(d ? `case "${name}": first difference at ${d.path}: golden ${short(d.expected)}, now ${short(d.actual)}` : `case "${name}": same value, different bytes`);
      }
      for (const name of want.keys()) if (!got.has(name)) lines.push(`case "${name}" is gone (in the golden file only)`);
      const moved = lines.length;
      expect.fail(`${moved} case(s) of test/golden/${file.name}.json moved; the first ones:\n  ${lines.slice(0, 8).join('\n  ')}\n` +
        'If the change is intended, run `npm run golden` and say in the commit why the output moved (DESIGN.md, "Golden output").');
    });
  }
});
