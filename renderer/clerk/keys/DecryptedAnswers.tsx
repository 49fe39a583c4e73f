import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { StatusMessage } from '../../shared/ui/index.js';
import { clerkApi } from '../api.js';
import { AnswerList } from '../components/AnswerList.js';
import { AttachmentList } from './AttachmentList.js';
import { ExportControls } from '../export/ExportControls.js';
import { KeyPanel } from '../components/KeyPanel.js';
import type { ClerkTexts } from '../texts.js';
import type { Keyring } from './keyring.js';
import { useOpenedSubmission } from './useOpenedSubmission.js';

/** Connects a submission to the keyring: asks for the key or passphrase, then shows the answers. */
export function DecryptedAnswers({
  t,
  detail,
  keyring,
}: {
  t: ClerkTexts;
  detail: SubmissionDetail;
  keyring: Keyring;
}) {
  const state = useOpenedSubmission(detail, keyring);
  switch (state.status) {
    case 'no-key':
    case 'locked':
      return (
        <KeyPanel
          t={t}
          mode={state.status === 'no-key' ? 'import' : 'unlock'}
          keyId={detail.keyId}
          onImport={async (text, passphrase) => {
            await keyring.importKeyFile(text, passphrase);
          }}
          onUnlock={async (passphrase) => {
            await keyring.unlock(passphrase);
          }}
        />
      );
    case 'opening':
      return <StatusMessage>{t.keys.opening}</StatusMessage>;
    case 'failed':
      return <StatusMessage tone="error">{t.keys.failed(state.message)}</StatusMessage>;
    case 'opened': {
      const key = keyring.keyFor(detail.keyId);
      return (
        <>
          <AnswerList t={t} form={detail.form} opened={state.opened} />
          {key && (
            <AttachmentList
              t={t}
              submissionId={detail.id}
              attachments={state.opened.metadata.attachments}
              privateKey={key}
              fetchSealed={clerkApi.attachment}
            />
          )}
          <ExportControls t={t} ids={[detail.id]} label={t.exports.exportOne} />
        </>
      );
    }
  }
}
