import { describe, expect, it, vi } from 'vitest';
import type { PrintOutcome } from '../../../protocol/bridge.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { useReceiptPrint } from './use-receipt-print.js';

function controlled() {
  let answer!: { resolve(outcome: PrintOutcome): void; reject(error: Error): void };
  const print = () => new Promise<PrintOutcome>((resolve, reject) => (answer = { resolve, reject }));
  return { print, answer: () => answer };
}

describe('useReceiptPrint', () => {
  it('shows printing, then what the shell reports', async () => {
    const shell = controlled();
    const hook = await renderHook(useReceiptPrint, shell.print);
    expect(hook.current.state).toBe('idle');
    await settle(() => hook.current.print());
    expect(hook.current.state).toBe('printing');
    await settle(() => shell.answer().resolve('printed'));
    expect(hook.current.state).toBe('printed');
    await hook.unmount();
  });

  it('a shell that fails to print counts as no printer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const shell = controlled();
    const hook = await renderHook(useReceiptPrint, shell.print);
    await settle(() => hook.current.print());
    await settle(() => shell.answer().reject(new Error('no printer configured')));
    expect(hook.current.state).toBe('no-printer');
    await hook.unmount();
  });
});
