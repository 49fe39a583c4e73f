/**
 * npm run fim:corpus: imports every schema of tests/fixtures/fim-corpus (each folder an export,
 * code lists beside the schema) and prints per file and in total: rules evaluated, code lists as
 * choices, uploads as scans, refusals, import time and memory; the last line is JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  FimError,
  importFimBytes,
  readCodeLists,
  withBundledCodeLists,
  XmlError,
} from '../hub/fim/import.js';

const root = join(import.meta.dirname, '../tests/fixtures/fim-corpus');
const totals = {
  files: 0,
  refused: 0,
  rules: 0,
  rulesEvaluated: 0,
  selects: 0,
  selectsAsChoices: 0,
  uploads: 0,
  uploadsAsScans: 0,
  optionalGroups: 0,
  optionalGroupsAsked: 0,
  choiceGroups: 0,
  choiceGroupsAsChoices: 0,
  ms: 0,
};
let peakHeap = 0;
for (const folder of readdirSync(root).sort()) {
  const dir = join(root, folder);
  if (!statSync(dir).isDirectory()) continue;
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));
  const bytes = new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
  const schemas = files.filter((f) =>
    /stammdatenschema/.test(new TextDecoder('latin1').decode(bytes.get(f)?.subarray(0, 400))),
  );
  for (const file of schemas) {
    totals.files++;
    const started = performance.now();
    const others = files.filter((f) => f !== file).map((f) => bytes.get(f) as Uint8Array);
    try {
      const { report } = importFimBytes(bytes.get(file) as Uint8Array, {
        formId: 'corpus',
        officeId: 'buergerbuero',
        updatedAt: '2026-01-01T00:00:00.000Z',
        codeLists: withBundledCodeLists(readCodeLists(others)),
      });
      const ms = performance.now() - started;
      totals.ms += ms;
      for (const key of [
        'rules',
        'rulesEvaluated',
        'selects',
        'selectsAsChoices',
        'uploads',
        'uploadsAsScans',
        'optionalGroups',
        'optionalGroupsAsked',
        'choiceGroups',
        'choiceGroupsAsChoices',
      ] as const)
        totals[key] += report[key];
      console.log(
        `${folder}/${file}: rules ${report.rulesEvaluated}/${report.rules}, choices ${report.selectsAsChoices}/${report.selects}, scans ${report.uploadsAsScans}/${report.uploads}, optional groups asked ${report.optionalGroupsAsked}/${report.optionalGroups}, choice groups ${report.choiceGroupsAsChoices}/${report.choiceGroups}, status ${report.releaseStatus || '-'}, ${ms.toFixed(0)} ms` +
          (report.unevaluatedRules.length
            ? `; not evaluated: ${report.unevaluatedRules.map((r) => r.id).join(' ')}`
            : ''),
      );
    } catch (error) {
      if (!(error instanceof FimError || error instanceof XmlError)) throw error;
      totals.refused++;
      console.log(`${folder}/${file}: refused: ${error.message}`);
    }
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
}
const percent = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
console.log(
  `total: ${totals.files} schemas, ${totals.refused} refused; rules ${totals.rulesEvaluated}/${totals.rules} (${percent(totals.rulesEvaluated, totals.rules)} %), choices ${totals.selectsAsChoices}/${totals.selects} (${percent(totals.selectsAsChoices, totals.selects)} %), scans ${totals.uploadsAsScans}/${totals.uploads} (${percent(totals.uploadsAsScans, totals.uploads)} %), optional groups asked ${totals.optionalGroupsAsked}/${totals.optionalGroups}, choice groups ${totals.choiceGroupsAsChoices}/${totals.choiceGroups}, ${totals.ms.toFixed(0)} ms, heap ${(peakHeap / 1048576).toFixed(1)} MB`,
);
console.log(
  JSON.stringify({
    ...totals,
    ms: Math.round(totals.ms),
    rulesEvaluatedPercent: percent(totals.rulesEvaluated, totals.rules),
    choicesPercent: percent(totals.selectsAsChoices, totals.selects),
    scansPercent: percent(totals.uploadsAsScans, totals.uploads),
    peakHeapMB: Math.round(peakHeap / 104857.6) / 10,
  }),
);
