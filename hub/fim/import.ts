import { readGenericode, type CodeList } from './genericode.js';

export { withBundledCodeLists } from './genericode.js';
import { fimToForm, type FimImportOptions, type FimImportResult } from './to-form.js';
import { FimError, readFimSchema } from './xdatenfelder.js';
import { decodeXml, XmlError } from './xml.js';

export { FimError } from './xdatenfelder.js';
export { XmlError } from './xml.js';
export type { FimImportOptions, FimImportReport, FimImportResult } from './to-form.js';

/** A schema file larger than this is refused before it is read (real exports stay below 2 MB). */
export const MAX_FIM_FILE_BYTES = 10 * 1024 * 1024;

/** XDatenfelder XML in, a terminal form (already validated against protocol/forms) out. */
export function importFimXml(xml: string, options: FimImportOptions): FimImportResult {
  return fimToForm(readFimSchema(xml), options);
}

/**
 * The same from the file's bytes: size checked first, then decoded as its XML declaration says.
 * Every refusal is a FimError or XmlError with a one-line message (with line:column where the
 * XML is at fault); nothing else escapes for bad input.
 */
export function importFimBytes(bytes: Uint8Array, options: FimImportOptions): FimImportResult {
  if (bytes.length > MAX_FIM_FILE_BYTES) {
    throw new FimError(`file of ${bytes.length} bytes is larger than ${MAX_FIM_FILE_BYTES} bytes`);
  }
  try {
    return importFimXml(decodeXml(bytes), options);
  } catch (error) {
    if (error instanceof FimError || error instanceof XmlError) throw error;
    // A RangeError (stack) or similar from hostile content is still one line for the operator.
    throw new FimError(`cannot read the schema: ${(error as Error).message}`);
  }
}

/** Genericode code lists among the files shipped with an export, by canonical URI. */
export function readCodeLists(files: Iterable<Uint8Array>): Map<string, CodeList> {
  const lists = new Map<string, CodeList>();
  for (const bytes of files) {
    if (bytes.length > MAX_FIM_FILE_BYTES) continue;
    try {
      const list = readGenericode(decodeXml(bytes));
      if (list) lists.set(list.uri, list);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
    }
  }
  return lists;
}
