import { useState } from 'react';
import type { PrintOutcome } from '../../../protocol/bridge.js';
import type { ReceiptPrintState } from '../screens/ReceiptScreen.js';

/** Printing the receipt through the shell: printing, then what the shell reports. */
export function useReceiptPrint(printReceipt: () => Promise<PrintOutcome>): {
  state: ReceiptPrintState;
  print(): void;
} {
  const [state, setState] = useState<ReceiptPrintState>('idle');
  return {
    state,
    print() {
      setState('printing');
      printReceipt().then(setState, (error: unknown) => {
        console.error('printing the receipt failed', error);
        setState('no-printer');
      });
    },
  };
}
