import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The core: pure and browser-safe. natural's few modules are bundled in (it is a devDependency);
    // zod stays a dependency.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false, // CI builds from a fresh clone; locally, parallel builds must not wipe dist/ under a running test
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    noExternal: [/^natural\//],
    treeshake: true,
  },
  {
    // Node-only: the CLI and its worker. ESM only. commander is bundled in (about 50 KB), so `npm install resume-fit`
    // installs zod alone; zod stays external; unpdf and mammoth are optional peer dependencies, imported only when a
    // PDF or DOCX comes. commander is CommonJS: the banner gives its require() of Node built-ins a real require
    // (without it, esbuild's ESM shim throws 'Dynamic require of "events" is not supported').
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/^natural\//, 'commander'],
    external: ['zod', 'unpdf', 'mammoth', 'bullmq'],
    banner: { js: "import { createRequire as __resumeFitRequire } from 'node:module';\nconst require = __resumeFitRequire(import.meta.url);" },
    // The core is bundled into each of the two files. No shared chunk: its hashed name would change with every
    // build and, with clean: false, stale chunks would pile up in dist/ (and be published).
    splitting: false,
    treeshake: true,
  },
  {
    // Node-only: the job queue (resume-fit/queue). ESM only. bullmq is an optional peer dependency, imported
    // dynamically on first use, so it stays external (and loading this file does not need it).
    entry: { queue: 'src/queue/index.ts' },
    format: ['esm'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/^natural\//],
    external: ['zod', 'unpdf', 'mammoth', 'bullmq'],
    splitting: false,
    treeshake: true,
  },
  {
    // One self-contained minified ES module for browsers and CDNs (zod included): dist/browser/resume-fit.js.
    entry: { 'browser/resume-fit': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/./],
    treeshake: true,
  },
]);
