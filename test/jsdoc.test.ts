import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Editors show JSDoc on hover: every public export (runtime values and types) documents itself with an example.
describe('JSDoc', () => {
  it('every export of src/index.ts has a description and an @example', () => {
    const entry = resolve(__dirname, '..', 'src', 'index.ts');
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, target: ts.ScriptTarget.ES2022, noEmit: true });
    const checker = program.getTypeChecker();
    const mod = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const exports = checker.getExportsOfModule(mod);
    const lacking = exports.filter((e) => {
      const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      return !s.getJsDocTags(checker).some((t) => t.name === 'example') || !ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
    }).map((e) => e.name);
    expect(exports.length).toBeGreaterThan(40);
    expect(lacking).toEqual([]);
  });
});
