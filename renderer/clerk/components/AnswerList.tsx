import type { FormDefinition } from '../../../protocol/forms.js';
import type { OpenedSubmission } from '../../shared/encryption/open.js';
import { StatusMessage } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';
import { answerRows, labelOfPath } from './answerRows.js';
import { formatAnswer } from './formatAnswer.js';

export interface AnswerListProps {
  t: ClerkTexts;
  form: FormDefinition;
  opened: OpenedSubmission;
}

/** The decrypted answers in the order the citizen saw them, labelled in German, with checks. */
export function AnswerList({ t, form, opened }: AnswerListProps) {
  const present = answerRows(opened.answers, form);
  const problems = [
    ...opened.problems,
    ...opened.fieldErrors.map((e) => t.keys.fieldProblem(labelOfPath(e.field, form), e.message)),
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
          {present.map((row) => {
            const answer = formatAnswer(row.value, t, row.ui);
            return (
              <div className="clerk-pairs__row" key={row.path}>
                <dt>{row.label}</dt>
                <dd className={answer.empty ? 'clerk-pairs__empty' : 'clerk-pairs__value'}>{answer.text}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </>
  );
}
