// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The renderer holds three pages, each its own app: the kiosk, the clerk's console and the fleet
 * console. They share code only through renderer/shared, so one can change (or ship) without the
 * others. The rule resolves each relative import against the importing file, because a folder
 * name alone says nothing: renderer/kiosk/fleet/ is the kiosk's own, renderer/fleet/ is not.
 */
const APPS = ['kiosk', 'clerk', 'fleet'];

/** @type {import('eslint').Rule.RuleModule} */
export const rendererApps = {
  meta: {
    type: 'problem',
    docs: { description: 'renderer/kiosk, renderer/clerk and renderer/fleet do not import each other' },
    messages: {
      crossApp:
        'renderer/{{from}} may not import from renderer/{{to}}: the pages share code only through renderer/shared.',
    },
    schema: [],
  },
  create(context) {
    const rendererRoot = resolve(context.cwd, 'renderer');
    /** @param {string} path */
    const appOf = (path) => {
      const [first, ...rest] = relative(rendererRoot, path).split(sep);
      return first !== undefined && rest.length > 0 && APPS.includes(first) ? first : null;
    };
    const from = appOf(resolve(context.cwd, context.filename));
    if (!from) return {};
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const to = appOf(resolve(dirname(resolve(context.cwd, context.filename)), source.value));
      if (to && to !== from) context.report({ node: source, messageId: 'crossApp', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
