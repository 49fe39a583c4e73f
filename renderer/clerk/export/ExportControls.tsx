import { useSyncExternalStore } from 'react';
import { KeyPanel } from '../components/KeyPanel.js';
import { useKeyring } from '../keys/context.js';
import type { ClerkTexts } from '../texts.js';
import { ExportPanel } from './ExportPanel.js';
import { useExport } from './useExport.js';

/**
 * Exports the given applications as a ZIP made in this tab. When the office key is missing or
 * locked, the key form appears in place and the export goes on once the key is open.
 */
export function ExportControls({ t, ids, label }: { t: ClerkTexts; ids: readonly string[]; label: string }) {
  const keyring = useKeyring();
  useSyncExternalStore(keyring.subscribe, keyring.getVersion);
  const { state, start } = useExport(t, keyring);
  const keyPanel =
    state.status === 'needs-key' ? (
      <KeyPanel
        t={t}
        mode={keyring.hasStored(state.keyId) ? 'unlock' : 'import'}
        keyId={state.keyId}
        onImport={async (text, passphrase) => {
          await keyring.importKeyFile(text, passphrase);
          void start(ids);
        }}
        onUnlock={async (passphrase) => {
          await keyring.unlock(passphrase);
          void start(ids);
        }}
      />
    ) : undefined;
  return (
    <ExportPanel
      t={t}
      label={label}
      disabled={ids.length === 0}
      state={state}
      onExport={() => void start(ids)}
      keyPanel={keyPanel}
    />
  );
}
