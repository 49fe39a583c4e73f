import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Requiring 'electron' outside an Electron binary tries to download one, so only the composition
 * point may import it at runtime; policies and services take Electron objects as parameters and
 * import its types only. This keeps every other module loadable by unit tests.
 */
const mainDir = fileURLToPath(new URL('.', import.meta.url));
const ALLOWED_RUNTIME_ELECTRON = ['main.ts', 'prelude.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function runtimeImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const modules: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    const typeOnly =
      clause !== undefined &&
      (clause.isTypeOnly ||
        (clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly)));
    if (!typeOnly) modules.push(statement.moduleSpecifier.text);
  }
  return modules;
}

describe('electron/main layering', () => {
  const files = sourceFiles(mainDir);

  it('imports electron at runtime only in the composition point', () => {
    const offenders = files
      .filter((path) => !path.endsWith('.test.ts'))
      .filter((path) => runtimeImports(path).includes('electron'))
      .map((path) => relative(mainDir, path))
      .sort();
    expect(offenders).toEqual(ALLOWED_RUNTIME_ELECTRON);
  });

  it('keeps the composition point out of the tests', () => {
    const offenders = files
      .filter((path) => path.endsWith('.test.ts'))
      .filter((path) =>
        runtimeImports(path).some(
          (specifier) => /(^|\/)(main|prelude)\.js$/.test(specifier) || specifier === 'electron',
        ),
      );
    expect(offenders).toEqual([]);
  });
});
