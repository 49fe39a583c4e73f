import { fimToForm, type FimImportOptions, type FimImportResult } from './to-form.js';
import { readFimSchema } from './xdatenfelder.js';

export { FimError } from './xdatenfelder.js';
export { XmlError } from './xml.js';
export type { FimImportOptions, FimImportResult } from './to-form.js';

/** XDatenfelder XML in, a terminal form (already validated against protocol/forms) out. */
export function importFimXml(xml: string, options: FimImportOptions): FimImportResult {
  return fimToForm(readFimSchema(xml), options);
}
