import { useEffect, useState } from 'react';
import type { SubmissionMetadata } from '../../../protocol/submission.js';
import { decryptJwe, sha512Hex } from '../../shared/encryption/jwe.js';
import { StatusMessage } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';

type Described = SubmissionMetadata['attachments'][number];

type AttachmentState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'opened'; url: string; verified: boolean };

/**
 * The attachments of an opened application: each JWE is fetched from the hub, decrypted here
 * with the office key, and its SHA-512 compared with the metadata record before it is shown.
 */
export function AttachmentList(props: {
  t: ClerkTexts;
  submissionId: string;
  attachments: readonly Described[];
  privateKey: CryptoKey;
  fetchSealed(submissionId: string, attachmentId: string): Promise<string>;
}) {
  const { t } = props;
  if (props.attachments.length === 0) return null;
  return (
    <section className="clerk-attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t.attachments.heading}</h2>
      <ul className="clerk-attachments__list">
        {props.attachments.map((attachment) => (
          <OpenedAttachment key={attachment.id} {...props} attachment={attachment} />
        ))}
      </ul>
    </section>
  );
}

function OpenedAttachment({
  t,
  submissionId,
  attachment,
  privateKey,
  fetchSealed,
}: {
  t: ClerkTexts;
  submissionId: string;
  attachment: Described;
  privateKey: CryptoKey;
  fetchSealed(submissionId: string, attachmentId: string): Promise<string>;
}) {
  const [state, setState] = useState<AttachmentState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    let url: string | null = null;
    (async () => {
      const bytes = await decryptJwe(await fetchSealed(submissionId, attachment.id), privateKey);
      const verified = (await sha512Hex(bytes)) === attachment.sha512 && bytes.byteLength === attachment.size;
      url = URL.createObjectURL(new Blob([bytes], { type: attachment.mediaType }));
      if (current) setState({ status: 'opened', url, verified });
    })().catch((error: unknown) => {
      if (current)
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [submissionId, attachment, privateKey, fetchSealed]);

  const name = attachment.name;
  return (
    <li className="clerk-attachments__item">
      {state.status === 'loading' && <StatusMessage>{t.attachments.loading(name)}</StatusMessage>}
      {state.status === 'failed' && (
        <StatusMessage tone="error">{t.attachments.failed(name, state.message)}</StatusMessage>
      )}
      {state.status === 'opened' && (
        <>
          {attachment.mediaType.startsWith('image/') && (
            <img className="clerk-attachments__image" src={state.url} alt={name} />
          )}
          <p>
            <a href={state.url} download={name}>
              {t.attachments.download(name)}
            </a>{' '}
            ({t.attachments.size(Math.ceil(attachment.size / 1024))})
          </p>
          {state.verified ? (
            <StatusMessage tone="success">{t.attachments.verified}</StatusMessage>
          ) : (
            <StatusMessage tone="error">{t.attachments.mismatch}</StatusMessage>
          )}
        </>
      )}
    </li>
  );
}
