import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { printReceipt, type PrintableContents } from './printing.js';

function contents(printers: { name: string; isDefault?: boolean }[], succeed = true) {
  const jobs: unknown[] = [];
  const fake = {
    getPrintersAsync: () => Promise.resolve(printers),
    print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
      jobs.push(options);
      callback(succeed, succeed ? '' : 'Printer is out of paper');
    },
  } as unknown as PrintableContents;
  return { fake, jobs };
}

const lines: string[] = [];
const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };

describe('printReceipt', () => {
  it('prints silently on the configured printer', async () => {
    const { fake, jobs } = contents([{ name: 'Laser', isDefault: true }, { name: 'Bon' }]);
    expect(await printReceipt(fake, 'Bon', log)).toBe('printed');
    expect(jobs).toEqual([expect.objectContaining({ silent: true, deviceName: 'Bon' })]);
  });

  it('falls back to the screen when there is no printer or the job fails', async () => {
    expect(await printReceipt(contents([]).fake, undefined, log)).toBe('no-printer');
    expect(await printReceipt(contents([{ name: 'Laser' }]).fake, 'Bon', log)).toBe('no-printer');
    expect(await printReceipt(contents([{ name: 'Bon' }], false).fake, 'Bon', log)).toBe('no-printer');
    expect(lines.at(-1)).toContain('out of paper');
  });
});
