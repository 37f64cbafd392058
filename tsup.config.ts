import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The core: pure and browser-safe. natural's few modules are bundled in (it is a devDependency);
    // zod stays a dependency.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    noExternal: [/^natural\//],
    treeshake: true,
  },
]);
