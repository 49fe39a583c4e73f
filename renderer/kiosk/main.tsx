import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import '../shared/ui/ui.css';
import './kiosk.css';
import './lockdown/lockdown.css';
import { getBridge } from '../shared/bridge.js';
import { KioskApp } from './App.js';
import { loadKioskConfig } from './boot/config.js';
import { forgetLeftoversAtStart } from './session/wipe.js';
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
  const { config } = loaded;
  const sync = startSync(db, new HubClient(config.hubUrl, config.terminalToken), {
    contentRefreshMs: config.contentRefreshSeconds * 1000,
  });
  root.render(
    <StrictMode>
      <KioskApp db={db} config={config} sync={sync} bridge={bridge} adminExit={shell.kind === 'electron'} />
    </StrictMode>,
  );
  bridge.reportReady();
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
