import type {
  AnswerScalar,
  FieldUi,
  FormAnswer,
  FormAnswers,
  FormDefinition,
} from '../../../protocol/forms.js';

export interface AnswerRow {
  /** The answer's path: a field name, or "group/field", "repeatable/0/field" inside FIM forms. */
  path: string;
  label: string;
  value: AnswerScalar;
  /** The field's description, for option texts and dates. */
  ui?: FieldUi | undefined;
}

/**
 * The answers in the order the citizen saw them, one row per value, labelled in German. Answers
 * inside groups and repeatables come as one row each, labelled "Gruppe › Feld" and "Eintrag 2",
 * so a clerk reads an imported FIM form like any other.
 */
export function answerRows(answers: FormAnswers, form: FormDefinition): AnswerRow[] {
  const order = form.ui.steps.flatMap((step) => step.fields);
  const names = [...order, ...Object.keys(answers).filter((name) => !order.includes(name))];
  const rows: AnswerRow[] = [];
  for (const name of names) {
    const value = answers[name];
    const ui = form.ui.fields[name];
    if (value !== undefined) flatten(name, ui?.label.de ?? name, value, ui, rows);
  }
  return rows;
}

/** The German label of the field an error path points to, e.g. "Anschrift › Straße". */
export function labelOfPath(path: string, form: FormDefinition): string {
  const [first = '', ...rest] = path.split('/');
  let ui: FieldUi | undefined = form.ui.fields[first];
  let label = ui?.label.de ?? first;
  for (const part of rest) {
    if (/^\d+$/.test(part)) {
      ui = ui?.item;
      label = `${label} ${Number(part) + 1}`;
    } else {
      ui = ui?.fields?.[part];
      label = `${label} › ${ui?.label.de ?? part}`;
    }
  }
  return label;
}

function flatten(
  path: string,
  label: string,
  value: FormAnswer,
  ui: FieldUi | undefined,
  into: AnswerRow[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      flatten(`${path}/${index}`, `${label} ${index + 1}`, item, ui?.item, into),
    );
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const child = ui?.fields?.[key];
      flatten(`${path}/${key}`, `${label} › ${child?.label.de ?? key}`, inner, child, into);
    }
  } else {
    into.push({ path, label, value, ui });
  }
}
