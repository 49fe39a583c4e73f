import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, BRIDGE_METHODS } from '../../protocol/bridge.js';
import { BRIDGE_CHANNELS } from './channels.js';

/**
 * The sandboxed preload cannot import main's channel list, so it repeats it. These tests read the
 * preload's source as TypeScript and hold the copy to the original.
 */
const preloadPath = new URL('../preload/preload.cts', import.meta.url);
const source = ts.createSourceFile(
  'preload.cts',
  readFileSync(preloadPath, 'utf8'),
  ts.ScriptTarget.ES2022,
  true,
  ts.ScriptKind.TS,
);

function variableInitializer(name: string): ts.Expression {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) {
      found = node.initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found === undefined) throw new Error(`preload.cts declares no ${name}`);
  return found;
}

/** Strips `as const`, `satisfies ...` and parentheses around an expression. */
function unwrap(expression: ts.Expression): ts.Expression {
  if (
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression) ||
    ts.isParenthesizedExpression(expression)
  ) {
    return unwrap(expression.expression);
  }
  return expression;
}

function objectLiteral(name: string): ts.ObjectLiteralExpression {
  const initializer = unwrap(variableInitializer(name));
  if (!ts.isObjectLiteralExpression(initializer)) throw new Error(`${name} is not an object literal`);
  return initializer;
}

function propertyName(property: ts.ObjectLiteralElementLike): string {
  if (property.name === undefined || !ts.isIdentifier(property.name)) throw new Error('unexpected property');
  return property.name.text;
}

function stringLiterals(): string[] {
  const strings: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return strings;
}

describe('preload channels', () => {
  it('maps every bridge method to the same channel as main', () => {
    const channels = Object.fromEntries(
      objectLiteral('CHANNELS').properties.map((property) => {
        if (!ts.isPropertyAssignment(property) || !ts.isStringLiteral(property.initializer)) {
          throw new Error('CHANNELS must map names to string literals');
        }
        return [propertyName(property), property.initializer.text];
      }),
    );
    expect(channels).toEqual(BRIDGE_CHANNELS);
  });

  it('uses no channel main does not know', () => {
    const known = new Set<string>(Object.values(BRIDGE_CHANNELS));
    const channelLike = stringLiterals().filter((text) => text.startsWith('pop:'));
    expect(channelLike.length).toBeGreaterThan(0);
    expect(channelLike.filter((text) => !known.has(text))).toEqual([]);
  });

  it('exposes exactly the bridge methods, under the protocol’s global name', () => {
    expect(Object.keys(BRIDGE_CHANNELS).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(objectLiteral('bridge').properties.map(propertyName).sort()).toEqual(
      Object.keys(BRIDGE_CHANNELS).sort(),
    );
    const global = unwrap(variableInitializer('bridgeGlobal'));
    expect(ts.isStringLiteral(global) && global.text).toBe(BRIDGE_GLOBAL);
  });

  it('requires nothing but electron at runtime, as a sandboxed preload must', () => {
    const runtimeModules: string[] = [];
    const visit = (node: ts.Node) => {
      if (
        ts.isImportDeclaration(node) &&
        !node.importClause?.isTypeOnly &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        runtimeModules.push(node.moduleSpecifier.text);
      }
      if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        const reference = node.moduleReference.expression;
        if (ts.isStringLiteral(reference)) runtimeModules.push(reference.text);
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require'
      ) {
        const [argument] = node.arguments;
        runtimeModules.push(
          argument !== undefined && ts.isStringLiteral(argument) ? argument.text : '(dynamic)',
        );
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(runtimeModules).toEqual(['electron']);
  });

  it('never hands ipcRenderer or a generic invoke to the page', () => {
    const bridge = objectLiteral('bridge');
    for (const property of bridge.properties) {
      if (!ts.isPropertyAssignment(property)) throw new Error('bridge members must be plain properties');
      expect(ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer)).toBe(
        true,
      );
      const fn = property.initializer as ts.ArrowFunction;
      // Only the admin PIN and the signed config (verified again in main) cross from the page.
      const takesOne = ['requestAdminExit', 'applyFleetConfig'].includes(propertyName(property));
      expect(fn.parameters).toHaveLength(takesOne ? 1 : 0);
    }
    const exposeCalls: ts.CallExpression[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('exposeInMainWorld'))
        exposeCalls.push(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(exposeCalls.map((call) => call.arguments.map((argument) => argument.getText(source)))).toEqual([
      ['bridgeGlobal', 'bridge'],
    ]);
  });
});
