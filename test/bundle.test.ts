// The core must run in a browser: no Node built-ins, no heavy NLP packages, and a gzipped size budget.
// Bundles are built in memory with esbuild, as an app's bundler would build them.
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_BYTES = 68 * 1024; // the same budget as scripts/bundle-size.mjs

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));
const isBuiltin = (spec: string): boolean => spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!);

/** Records every import of a Node built-in (and keeps it external, so one build reports all of them). */
function builtinRecorder(found: string[]): Plugin {
  return {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point' || !isBuiltin(args.path)) return undefined;
        found.push(`${args.path} (imported by ${args.importer.replace(repo + '/', '')})`);
        return { path: args.path, external: true };
      });
    },
  };
}

// Packages that must never reach the core's graph: compromise (unused on scoring paths) and natural's root
// module, which loads database drivers. natural's deep modules (stemmer, Jaro-Winkler) are fine.
const FORBIDDEN: readonly { name: string; test: (input: string) => boolean }[] = [
  { name: 'compromise', test: (p) => p.includes('node_modules/compromise/') },
  { name: 'natural root (natural/lib/natural/index.js)', test: (p) => p.endsWith('node_modules/natural/lib/natural/index.js') },
];

function forbiddenInputs(meta: Metafile): string[] {
  return Object.keys(meta.inputs).flatMap((input) => FORBIDDEN.filter((f) => f.test(input)).map((f) => `${f.name}: ${input}`));
}

const BROWSER: BuildOptions = { bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', metafile: true, absWorkingDir: repo };

async function bundle(contents: string, resolveDir: string) {
  const builtins: string[] = [];
  const result = await build({ ...BROWSER, stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' }, plugins: [builtinRecorder(builtins)] });
  const code = result.outputFiles![0]!.contents;
  return { builtins, forbidden: forbiddenInputs(result.metafile!), inputs: Object.keys(result.metafile!.inputs), code, gzipped: gzipSync(code, { level: 9 }).length };
}

describe('the core bundled for the browser', () => {
  it('imports no Node built-in and neither compromise nor natural\'s root module', async () => {
    const b = await bundle("export * from './index.ts';", join(repo, 'src'));
    expect(b.builtins).toEqual([]);
    expect(b.forbidden).toEqual([]);
    // The two natural modules the core does use are in the graph (so the checks above looked at real inputs).
    expect(b.inputs).toEqual(expect.arrayContaining([
      'node_modules/natural/lib/natural/stemmers/porter_stemmer.js',
      'node_modules/natural/lib/natural/distance/jaro-winkler_distance.js',
      'src/analyze.ts',
    ]));
  });

  it('keeps analyzeResume with the default taxonomy under 68 KB gzipped', async () => {
    const b = await bundle("import { analyzeResume } from './index.ts';\nconsole.log(analyzeResume('x'));\n", join(repo, 'src'));
    expect(b.builtins).toEqual([]);
    // The taxonomy is in the bundle (tree-shaking did not drop it), so the figure measures the real thing.
    expect(new TextDecoder().decode(b.code)).toContain('health-technician');
    expect(b.gzipped).toBeLessThan(BUDGET_BYTES);
    // `npm run size` (CI) reports the same figure and passes.
    const out = execFileSync(process.execPath, [join(repo, 'scripts', 'bundle-size.mjs')], { encoding: 'utf8' });
    const line = /^bundle: analyzeResume \+ default taxonomy: (\d+\.\d) KB minified, (\d+\.\d) KB gzipped \(budget 68 KB\)$/m.exec(out);
    expect(line, out).not.toBeNull();
    expect(line![1]).toBe((b.code.length / 1024).toFixed(1));
    expect(line![2]).toBe((b.gzipped / 1024).toFixed(1));
  });

  // The detectors themselves: an entry that does use Node built-ins and compromise is caught, by name.
  it.each([
    ["import { readFileSync } from 'fs'; console.log(readFileSync);", ['fs']],
    ["import { join } from 'node:path'; console.log(join);", ['node:path']],
    ["import { promises } from 'fs/promises'; import { gzipSync } from 'zlib'; console.log(promises, gzipSync);", ['fs/promises', 'zlib']],
  ])('reports the built-ins of %s', async (entry, expected) => {
    const b = await bundle(entry, repo);
    expect(b.builtins.map((s) => s.split(' ')[0])).toEqual(expected);
  });

  it('reports compromise and natural\'s root module when they are in the graph', () => {
    const meta = { inputs: { 'node_modules/compromise/src/three.js': {}, 'node_modules/natural/lib/natural/index.js': {}, 'node_modules/natural/lib/natural/stemmers/porter_stemmer.js': {} }, outputs: {} } as unknown as Metafile;
    expect(forbiddenInputs(meta)).toEqual([
      'compromise: node_modules/compromise/src/three.js',
      'natural root (natural/lib/natural/index.js): node_modules/natural/lib/natural/index.js',
    ]);
  });

  it('finds compromise in a real graph that imports it', async () => {
    const b = await bundle("import nlp from 'compromise'; console.log(nlp('x'));", repo);
    expect(b.forbidden.length).toBeGreaterThan(0);
    expect(b.forbidden.every((f) => f.startsWith('compromise: node_modules/compromise/'))).toBe(true);
  });
});
