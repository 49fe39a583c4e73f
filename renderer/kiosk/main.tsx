import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import '../shared/ui/ui.css';
import './kiosk.css';
import './lockdown/lockdown.css';
import { getBridge } from '../shared/bridge.js';
import { KioskApp } from './App.js';
import { loadKioskConfig } from './boot/config.js';
import { FleetAgent } from './fleet/agent.js';
import { bootFleet } from './fleet/boot.js';
import { CALL_DEFAULTS } from '../../kiosk-config/schema.js';
import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { KioskCallClient } from './call/call-client.js';
import { CallRequestSender } from './call/request-sender.js';
import { forgetLeftoversAtStart } from './session/wipe.js';
import { DocumentOffers } from './session/document-offers.js';
import { installPageLockdown } from './lockdown/page-lockdown.js';
import { TEXTS } from './i18n/texts.js';
import { NoticeScreen } from './screens/NoticeScreen.js';
import { DATABASE_NAME, KioskDatabase } from './storage/index.js';
import { startSync } from './sync/engine.js';
import { HubClient } from './sync/hub-client.js';

async function boot(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('#root is missing from kiosk/index.html');
  installPageLockdown();
  const root = createRoot(rootElement);
  const bridge = getBridge();
  const shell = await bridge.getShellInfo();
  if (shell.kind === 'browser') registerServiceWorker();
  await forgetLeftoversAtStart().catch((error: unknown) => console.error('clearing leftovers failed', error));

  const db = new KioskDatabase(DATABASE_NAME);
  const loaded = await loadKioskConfig(bridge, db);
  if (!loaded.ok) {
    console.error('kiosk configuration refused:', loaded.problems);
    root.render(
      <NoticeScreen
        title={TEXTS.de.notConfigured}
        body={TEXTS.de.notConfiguredHelp}
        details={loaded.problems}
      />,
    );
    return;
  }
  // Signed remote config, enrollment and heartbeat (fleet/): the config it returns is what runs.
  const fleet = await bootFleet(db, loaded.config);
  const { config } = fleet;
  const sync = startSync(db, new HubClient(config.hubUrl, fleet.token), {
    contentRefreshMs: config.contentRefreshSeconds * 1000,
    uploadChunkBytes: (config.attachments ?? ATTACHMENT_DEFAULTS).uploadChunkBytes,
  });
  const callConfig = config.call ?? CALL_DEFAULTS;
  const calls = {
    client: new KioskCallClient({
      hubUrl: config.hubUrl,
      terminalToken: fleet.token,
      media: { width: callConfig.width, height: callConfig.height, frameRate: callConfig.frameRate },
      caps: {
        maxVideoKbps: callConfig.maxVideoKbps,
        maxFrameRate: callConfig.frameRate,
        audioOnlyWhenWeak: callConfig.audioOnlyWhenWeak,
      },
      shell: bridge,
    }),
    requests: new CallRequestSender(db, config.hubUrl, fleet.token),
  };
  // Documents from outside the form (the clerk's still in a call) wait here for the citizen's yes.
  const documentOffers = new DocumentOffers();
  calls.client.onDocumentOffered((document) => documentOffers.offer(document));
  root.render(
    <StrictMode>
      <KioskApp
        documentOffers={documentOffers}
        db={db}
        config={config}
        sync={sync}
        bridge={bridge}
        adminExit={shell.kind === 'electron'}
        calls={calls}
      />
    </StrictMode>,
  );
  bridge.reportReady();
  if (config.fleet) new FleetAgent({ db, config, boot: fleet, sync, bridge, shell }).start();
}

/**
 * In Chromium mode the service worker precaches the app shell, so a reload or a restart without
 * network still opens the kiosk. Electron ships the assets in the package instead (Cache Storage
 * rejects custom schemes, see ANCHORS.md).
 */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !location.protocol.startsWith('http'))
    return;
  void new Workbox('/kiosk/sw.js', { scope: '/kiosk/' }).register().catch((error: unknown) => {
    console.warn('service worker registration failed', error);
  });
}

void boot().catch((error: unknown) => {
  console.error('kiosk failed to start', error);
  document.body.textContent = TEXTS.de.submitFailed;
});
