import type { WebContents } from 'electron';
import type { PrintOutcome } from '../../../protocol/bridge.js';
import { choosePrinter, receiptPrintOptions } from '../policy/print.js';
import type { Logger } from '../log.js';

export type PrintableContents = Pick<WebContents, 'getPrintersAsync' | 'print'>;

/**
 * Prints the page as it is (the receipt screen, laid out by its print stylesheet) without a
 * dialog. No printer, or a failed job: 'no-printer', and the page keeps the receipt on screen.
 * Deliberately no PDF file as a fallback: downloads are blocked, and a file on the terminal's disk
 * would be exactly the trace of a citizen the kiosk must not keep.
 */
export async function printReceipt(
  contents: PrintableContents,
  configuredPrinter: string | undefined,
  log: Logger,
): Promise<PrintOutcome> {
  const printer = choosePrinter(await contents.getPrintersAsync(), configuredPrinter);
  if (printer === null) {
    log.warn(
      configuredPrinter === undefined
        ? 'no default printer; the receipt stays on screen'
        : `printer "${configuredPrinter}" not found; the receipt stays on screen`,
    );
    return 'no-printer';
  }
  return await new Promise<PrintOutcome>((resolve) => {
    contents.print(receiptPrintOptions(printer), (success, failureReason) => {
      if (!success) log.error(`printing the receipt on "${printer}" failed: ${failureReason}`);
      resolve(success ? 'printed' : 'no-printer');
    });
  });
}
