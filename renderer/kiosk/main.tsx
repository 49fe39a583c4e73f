import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import '../shared/ui/ui.css';
import './kiosk.css';
import './lockdown/lockdown.css';
import { getBridge } from '../shared/bridge.js';
import { KioskApp } from './App.js';
import { loadKioskConfig } from './boot/config.js';
import { FleetAgent, fleetRole } from './fleet/agent.js';
import { startDailyJobs } from './fleet/daily-jobs.js';
import { callSettingsFor } from './fleet/terminal-policy.js';
import { bootFleet } from './fleet/boot.js';
import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { loadPeerLibrary } from '../shared/call/call-session.js';
import { KioskCallClient } from './call/call-client.js';
import { CallRequestSender } from './call/request-sender.js';
import { forgetLeftoversAtStart, wipeCitizen } from './session/wipe.js';
import { DocumentOffers } from './session/document-offers.js';
import { installPageLockdown } from './lockdown/page-lockdown.js';
import { TEXTS } from './i18n/texts.js';
import { NoticeScreen } from './screens/NoticeScreen.js';
import { preloadQrCode } from './receipt/QrCode.js';
import { whenIdle } from './search/index-cache.js';
import { DATABASE_NAME, DraftStore, KioskDatabase } from './storage/index.js';
import { startSync } from './sync/engine.js';
import { HubClient } from './sync/hub-client.js';

async function boot(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('#root is missing from kiosk/index.html');
  performance.mark('pop:boot');
  installPageLockdown();
  const root = createRoot(rootElement);
  const bridge = getBridge();
  const shell = await bridge.getShellInfo();
  if (shell.kind === 'browser') registerServiceWorker();
  await forgetLeftoversAtStart().catch((error: unknown) => console.error('clearing leftovers failed', error));

  performance.mark('pop:leftovers-cleared');
  const db = new KioskDatabase(DATABASE_NAME);
  const loaded = await loadKioskConfig(bridge, db);
  performance.mark('pop:config-loaded');
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
  performance.mark('pop:fleet-booted');
  const { config } = fleet;
  // The shell takes its part of the signed config (printer, restart window, hub for its CSP).
  if (config.fleet)
    void bridge
      .applyFleetConfig(fleet.record.state.active?.signed ?? null)
      .catch((error: unknown) => console.warn('fleet: the shell did not take the config', error));
  const sync = startSync(db, new HubClient(config.hubUrl, fleet.token, fleet.renewToken), {
    contentRefreshMs: config.contentRefreshSeconds * 1000,
    uploadChunkBytes: (config.attachments ?? ATTACHMENT_DEFAULTS).uploadChunkBytes,
  });
  const calls = {
    client: new KioskCallClient({
      hubUrl: config.hubUrl,
      terminalToken: fleet.token,
      ...(fleet.renewToken ? { renewToken: fleet.renewToken } : {}),
      ...callSettingsFor(config),
      shell: bridge,
    }),
    requests: new CallRequestSender(db, config.hubUrl, fleet.token, fleet.renewToken),
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
  performance.mark('pop:rendered');
  bridge.reportReady();
  // The receipt's paper size for the print stylesheet (receipt.css); absent: the printer's own.
  if (config.printer) document.documentElement.dataset['paper'] = config.printer.paper.toLowerCase();
  startDailyJobs({
    config,
    shell: shell.kind,
    now: () => new Date(),
    isIdle: () => document.documentElement.dataset['kioskScreen'] === 'attract',
    wipeCitizen: () => wipeCitizen({ db, drafts: new DraftStore(db), bridge }),
    reload: () => location.reload(),
    log: (message) => console.info(`kiosk: ${message}`),
  });
  // Parts the first screens do not need are fetched and parsed while the terminal is idle.
  whenIdle(() => void preloadQrCode(), 10_000);
  // The call library is not needed for the first screen; fetch it while nobody is waiting.
  whenIdle(() => void loadPeerLibrary().catch(() => undefined), 10_000);
  const role = fleetRole(config);
  if (role !== 'none') new FleetAgent({ db, config, boot: fleet, sync, bridge, shell, role }).start();
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
