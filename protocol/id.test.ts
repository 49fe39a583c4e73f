import { describe, expect, it } from 'vitest';
import { Office } from './catalog.js';
import { Id, ID_PATTERN, isId } from './id.js';
import { KioskConfig } from '../kiosk-config/schema.js';

describe('the one id pattern', () => {
  it.each(['ab', 'a1', '0a', 'x-', 'a--b', 'buergerbuero', 'a'.repeat(64)])('takes %j', (id) => {
    expect(isId(id)).toBe(true);
    expect(Id.safeParse(id).success).toBe(true);
  });

  it.each(['-x', '--', '-ab', 'a', '', 'A1', 'ab_c', 'ab c', 'ä1', 'a'.repeat(65), 'ab\n'])(
    'refuses %j',
    (id) => {
      expect(ID_PATTERN.test(id)).toBe(false);
      expect(Id.safeParse(id).success).toBe(false);
    },
  );

  it('is the rule of catalog ids and installation terminal ids alike', () => {
    expect(Office.shape.id.safeParse('-x').success).toBe(false);
    expect(Office.shape.id.safeParse('x-').success).toBe(true);
    const terminalId = KioskConfig.safeParse({ terminalId: '-x' });
    expect(terminalId.success).toBe(false);
    expect(terminalId.error?.issues.find((i) => i.path[0] === 'terminalId')?.message).toBe(
      'terminalId: lower-case letters, digits, dashes',
    );
  });
});
