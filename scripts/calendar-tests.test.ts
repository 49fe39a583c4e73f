import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarTests, CALENDAR_READ, importsOf } from './calendar-tests.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'calendar-tests-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('calendar-reading test files', () => {
  it('follows imports through any number of files, and cycles, to a calendar read', () => {
    const at = tree({
      'protocol/day.ts': 'export const day = (d: Date) => d.getDate();',
      'hub/a.ts': "import { day } from '../protocol/day.js'; import './b.js'; export { day };",
      'hub/b.ts': "import './a.js';",
      'hub/server.ts': "export * from './b.js';",
      'hub/server.test.ts': "import { x } from './server.js';",
      'hub/elapsed.ts': 'export const late = (a: number, b: number) => b - a > 86_400_000;',
      'hub/elapsed.test.ts': "import { late } from './elapsed.js';",
      'renderer/own.test.tsx': 'const y = new Date(2027, 0, 1);',
      'renderer/mocked.test.ts': "vi.mock('../protocol/day.js');",
    });
    expect(calendarTests(at)).toEqual([
      'hub/server.test.ts',
      'renderer/mocked.test.ts',
      'renderer/own.test.tsx',
    ]);
  });

  it('tells a calendar read from elapsed-time arithmetic', () => {
    for (const read of [
      'new Intl.DateTimeFormat("de")',
      'd.toLocaleDateString()',
      'd.getUTCFullYear()',
      'd.setHours(0)',
      'at.toISOString().slice(0, 10)',
      "{ timeZone: 'Europe/Berlin' }",
    ]) {
      expect(CALENDAR_READ.test(read), read).toBe(true);
    }
    for (const plain of ['Date.now() - start', 'new Date(ms).toISOString()', 'd.getTime() + 1000']) {
      expect(CALENDAR_READ.test(plain), plain).toBe(false);
    }
  });

  it('reads static, dynamic and mocked relative imports, not packages', () => {
    const text =
      "import a from './a.js';\nconst b = await import('../b.js');\nvi.mock('./c.js');\nimport z from 'zod';";
    expect(importsOf(text)).toEqual(['./a.js', '../b.js', './c.js']);
  });
});
