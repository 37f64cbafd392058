/**
 * The shape of src/ (DESIGN.md, "Goals"): the module graph has no cycle, and no core module imports a Node
 * built-in (`node:*`); Node-only code lives at the edge (src/cli, src/node, src/queue). A tiny import scanner reads
 * the sources as text: `import ... from '...'`, `export ... from '...'` and `import('...')` with a literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');
/** Folders of Node-only code: everything else in src/ is the core. */
const EDGE = ['cli/', 'node/', 'queue/'];
const BUILTINS = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports (static, re-exports and literal dynamic imports), type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

const files = sourceFiles(SRC).map((f) => relative(SRC, f).split('\\').join('/')).sort();
const known = new Set(files);
/** Each file's imports of other files in src/ (JSON data left out), as paths relative to src/. */
const graph = new Map(files.map((f) => [f, importsOf(join(SRC, f)).filter((s) => s.startsWith('.')).map((s) => {
  const path = relative(SRC, resolve(SRC, dirname(f), s)).split('\\').join('/');
  return path.replace(/\.js$/, '.ts');
}).filter((p) => known.has(p))]));

const isCore = (f: string): boolean => !EDGE.some((e) => f.startsWith(e));

describe('architecture', () => {
  it('the scanner reads the sources (a scanner that finds nothing would pass everything)', () => {
    expect(files).toContain('index.ts');
    expect(graph.get('index.ts')!.length).toBeGreaterThan(3);
  });

  it('no core module imports a Node built-in', () => {
    const bad = files.filter(isCore).flatMap((f) => importsOf(join(SRC, f))
      .filter((s) => s.startsWith('node:') || BUILTINS.has(s) || BUILTINS.has(s.split('/')[0]!))
      .map((s) => `${f} imports ${s}`));
    expect(bad).toEqual([]);
  });

  it('no core module imports from the edge (cli, node, queue)', () => {
    const bad = files.filter(isCore).flatMap((f) => graph.get(f)!.filter((g) => !isCore(g)).map((g) => `${f} imports ${g}`));
    expect(bad).toEqual([]);
  });

  it('the module graph has no cycle', () => {
    // Depth-first search with three colours; a grey node reached again closes a cycle, reported as its path.
    const state = new Map<string, 'grey' | 'black'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      const s = state.get(f);
      if (s === 'black') return;
      if (s === 'grey') { cycles.push([...path.slice(path.indexOf(f)), f].join(' -> ')); return; }
      state.set(f, 'grey');
      for (const g of graph.get(f)!) visit(g, [...path, f]);
      state.set(f, 'black');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
