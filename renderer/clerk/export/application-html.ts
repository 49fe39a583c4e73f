import { formatDateTime } from '../../shared/ui/format.js';
import { answerRows, labelOfPath } from '../components/answerRows.js';
import { formatAnswer } from '../components/formatAnswer.js';
import type { ClerkTexts } from '../texts.js';
import { ATTACHMENT_FOLDER, type OpenedApplication } from './types.js';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Self-contained: no script, no external resource; A4 print styles. */
const STYLE = `
  :root { color-scheme: light; }
  body { font: 11pt/1.45 system-ui, "Segoe UI", Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #888; padding-bottom: 0.15rem; }
  .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.05em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
  th { width: 40%; font-weight: 600; }
  .empty { color: #555; font-style: italic; }
  .warning { border: 2px solid #a00; padding: 0.5rem 0.75rem; }
  .hint { color: #555; font-size: 0.9rem; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    .hint { display: none; }
    tr, li { break-inside: avoid; }
    h2 { break-after: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

/**
 * The printable view of one application: labels and option texts as the console shows them
 * (never raw codes), dates as dd.mm.yyyy, then the checks and the attachments.
 */
export function applicationHtml(
  application: OpenedApplication,
  fileNames: readonly string[],
  t: ClerkTexts,
  exportedAt: Date,
): string {
  const { detail, opened } = application;
  const form = detail.form;
  const when = (iso: string | Date) => escape(formatDateTime(iso, { locale: t.locale }));
  const row = (label: string, value: string, empty = false) =>
    `<tr><th scope="row">${escape(label)}</th><td${empty ? ' class="empty"' : ''}>${value}</td></tr>`;

  const answers = answerRows(opened.answers, form).map((answer) => {
    const shown = formatAnswer(answer.value, t, answer.ui);
    return row(answer.label, escape(shown.text), shown.empty);
  });
  const problems = [
    ...opened.problems,
    ...opened.fieldErrors.map((e) => t.keys.fieldProblem(labelOfPath(e.field, form), e.message)),
    ...application.attachments
      .filter((a) => !a.verified)
      .map((a) => `${a.described.name}: ${t.exports.attachmentMismatch}`),
  ];
  const attachments = application.attachments.map((attachment, index) => {
    const file = `${ATTACHMENT_FOLDER}/${fileNames[index] ?? ''}`;
    const check = attachment.verified ? t.exports.attachmentVerified : t.exports.attachmentMismatch;
    return `<li><a href="${escape(encodeURI(file))}">${escape(attachment.described.name)}</a> (${escape(
      attachment.described.mediaType,
    )}, ${escape(t.attachments.size(Math.ceil(attachment.described.size / 1024)))}) – ${escape(check)}</li>`;
  });

  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.exports.printTitle(detail.formTitle, detail.trackingCode))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(detail.formTitle)}</h1>
<p>${escape(t.detail.trackingCode)} <span class="code">${escape(detail.trackingCode)}</span></p>
<p class="hint">${escape(t.exports.printHint)}</p>
<h2>${escape(t.detail.metadataHeading)}</h2>
<table>
${[
  row(t.detail.receivedAt, when(detail.receivedAt)),
  row(t.detail.submittedAt, when(detail.submittedAt)),
  row(t.exports.form, escape(t.exports.formVersion(detail.formId, detail.formVersion))),
  row(t.exports.service, escape(detail.serviceId)),
  row(t.exports.office, escape(detail.officeId)),
  row(t.detail.terminal, escape(detail.terminalId)),
  row(t.detail.language, escape(t.languages[detail.locale])),
  row(t.detail.status, escape(t.status[detail.status])),
  row(t.exports.exportedAt, when(exportedAt)),
].join('\n')}
</table>
<h2>${escape(t.detail.answersHeading)}</h2>
${answers.length === 0 ? `<p>${escape(t.detail.noAnswers)}</p>` : `<table>\n${answers.join('\n')}\n</table>`}
<h2>${escape(t.keys.problems)}</h2>
${
  problems.length === 0
    ? `<p>${escape(t.exports.noProblems)}</p>`
    : `<ul class="warning">${problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>`
}
<h2>${escape(t.attachments.heading)}</h2>
${attachments.length === 0 ? `<p>${escape(t.exports.attachmentsNone)}</p>` : `<ul>${attachments.join('\n')}</ul>`}
</body>
</html>
`;
}
