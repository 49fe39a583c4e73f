/**
 * npm run fim:import -- <schema.xml> [--id <form-id>] [--office <office-id>] [--out <form.json>]
 * Converts a FIM Stammdatenschema (XDatenfelder 2.0/3.0) into the terminal's form format. The
 * form goes to --out or stdout; what could not be carried over one to one goes to stderr.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FimError,
  importFimBytes,
  MAX_FIM_FILE_BYTES,
  readCodeLists,
  withBundledCodeLists,
  XmlError,
} from './import.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { id: { type: 'string' }, office: { type: 'string' }, out: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run fim:import -- <schema.xml> [--id form-id] [--office office-id] [--out form.json]',
  );
  process.exit(2);
}
const formId =
  values.id ??
  basename(file, '.xml')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);

try {
  if (statSync(file).size > MAX_FIM_FILE_BYTES) {
    throw new FimError(`file is larger than ${MAX_FIM_FILE_BYTES} bytes`);
  }
  // Genericode lists shipped beside the schema (an XDatenfelder 2 export's other files).
  const siblings = readdirSync(dirname(resolve(file)))
    .filter((name) => name.endsWith('.xml') && name !== basename(file))
    .map((name) => readFileSync(join(dirname(resolve(file)), name)));
  const { form, notes, report } = importFimBytes(readFileSync(file), {
    formId,
    officeId: values.office ?? 'buergerbuero',
    updatedAt: new Date().toISOString(),
    // The common lists (sex, state, nationality) are bundled; those shipped beside the schema win.
    codeLists: withBundledCodeLists(readCodeLists(siblings)),
  });
  const json = `${JSON.stringify(form, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
  const fields = Object.keys(form.schema.properties).length;
  console.error(`imported "${form.title.de}": ${form.ui.steps.length} steps, ${fields} top-level fields`);
  for (const note of notes) console.error(`note: ${note}`);
  console.error(
    `report: rules ${report.rulesEvaluated}/${report.rules} evaluated, selects ${report.selectsAsChoices}/${report.selects} as choices, uploads ${report.uploadsAsScans}/${report.uploads} as scans`,
  );
  for (const rule of report.unevaluatedRules) console.error(`not evaluated: rule ${rule.id} "${rule.name}"`);
} catch (error) {
  if (error instanceof FimError || error instanceof XmlError) {
    console.error(`cannot import ${file}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
