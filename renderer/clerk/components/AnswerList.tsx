import type { FormDefinition } from '../../../protocol/forms.js';
import type { OpenedSubmission } from '../../shared/encryption/open.js';
import { StatusMessage } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';
import { formatAnswer } from './formatAnswer.js';

export interface AnswerListProps {
  t: ClerkTexts;
  form: FormDefinition;
  opened: OpenedSubmission;
}

/** The decrypted answers in the order the citizen saw them, labelled in German, with checks. */
export function AnswerList({ t, form, opened }: AnswerListProps) {
  const order = form.ui.steps.flatMap((step) => step.fields);
  const names = [...order, ...Object.keys(opened.answers).filter((name) => !order.includes(name))];
  const present = names.filter((name) => opened.answers[name] !== undefined);
  const label = (name: string) => form.ui.fields[name]?.label.de ?? name;
  const problems = [
    ...opened.problems,
    ...opened.fieldErrors.map((e) => t.keys.fieldProblem(label(e.field), e.message)),
  ];
  return (
    <>
      {problems.length > 0 && (
        <StatusMessage tone="warning" title={t.keys.problems}>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </StatusMessage>
      )}
      {present.length === 0 ? (
        <p>{t.detail.noAnswers}</p>
      ) : (
        <dl className="clerk-pairs clerk-pairs--answers">
          {present.map((name) => {
            const answer = formatAnswer(opened.answers[name] ?? '', t);
            return (
              <div className="clerk-pairs__row" key={name}>
                <dt>{label(name)}</dt>
                <dd className={answer.empty ? 'clerk-pairs__empty' : 'clerk-pairs__value'}>{answer.text}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </>
  );
}
