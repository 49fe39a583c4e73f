import { useEffect, useRef, type ReactNode } from 'react';
import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { formatDateTime } from '../../shared/ui/format.js';
import type { ClerkTexts } from '../texts.js';
import { StatusBadge } from './StatusBadge.js';

export interface SubmissionDetailViewProps {
  t: ClerkTexts;
  detail: SubmissionDetail;
  /** The decrypted answers, or what stands in their way (key import, unlock, progress). */
  answers: ReactNode;
}

/** One submission: when and where it came in, then every answer as label and value. */
export function SubmissionDetailView({ t, detail, answers }: SubmissionDetailViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new view replaced the old one; moving focus to its heading tells screen reader users where they are.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const dateTime = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, { locale: t.locale })}</time>;

  return (
    <article className="clerk-detail" aria-labelledby="clerk-detail-heading">
      <h1 className="clerk-detail__heading" id="clerk-detail-heading" tabIndex={-1} ref={headingRef}>
        {detail.formTitle}
        <span className="clerk-detail__code">
          {t.detail.trackingCode} <span className="clerk-code">{detail.trackingCode}</span>
        </span>
      </h1>

      <h2 className="clerk-detail__subheading">{t.detail.metadataHeading}</h2>
      <dl className="clerk-pairs">
        <div className="clerk-pairs__row">
          <dt>{t.detail.receivedAt}</dt>
          <dd>{dateTime(detail.receivedAt)}</dd>
        </div>
        <div className="clerk-pairs__row">
          <dt>{t.detail.submittedAt}</dt>
          <dd>{dateTime(detail.submittedAt)}</dd>
        </div>
        <div className="clerk-pairs__row">
          <dt>{t.detail.terminal}</dt>
          <dd>{detail.terminalId}</dd>
        </div>
        <div className="clerk-pairs__row">
          <dt>{t.detail.language}</dt>
          <dd>{t.languages[detail.locale]}</dd>
        </div>
        <div className="clerk-pairs__row">
          <dt>{t.detail.status}</dt>
          <dd>
            <StatusBadge status={detail.status} t={t} />
          </dd>
        </div>
      </dl>

      <h2 className="clerk-detail__subheading">{t.detail.answersHeading}</h2>
      {answers}
    </article>
  );
}
