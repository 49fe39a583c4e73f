import type { WebContentsPrintOptions } from 'electron';

/** What Electron's getPrintersAsync tells about a printer, reduced to what the choice needs. */
export interface PrinterFacts {
  name: string;
  isDefault?: boolean;
}

/**
 * Which printer gets the receipt: the configured one if the system knows it, else the system's
 * default, else none (the page keeps the receipt on screen). A configured printer that is
 * missing does not fall back to another one: the receipt would come out at the wrong place.
 */
export function choosePrinter(
  printers: readonly PrinterFacts[],
  configured: string | undefined,
): string | null {
  if (configured !== undefined) return printers.some((p) => p.name === configured) ? configured : null;
  return printers.find((p) => p.isDefault === true)?.name ?? null;
}

/** Silent print on the chosen printer; the page's print stylesheet lays the receipt out. */
export function receiptPrintOptions(deviceName: string): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName,
    printBackground: false,
    color: false,
    copies: 1,
    margins: { marginType: 'default' },
  };
}
