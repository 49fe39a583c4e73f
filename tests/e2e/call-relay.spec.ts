import { removeDataDir, startHub, type HubProcess } from '../support/hub-process.js';
import {
  ClerkDesk,
  expectFramesFlowing,
  expectRemoteFrames,
  mediaLaunchOptions,
  openKiosk,
  readHubTable,
  startCoturn,
  TURNSERVER,
  turnEnv,
  type Coturn,
} from '../support/call.js';
import { expect, test } from '../support/fixtures.js';

test.use({ launchOptions: mediaLaunchOptions() });
test.skip(!TURNSERVER, "coturn is not installed (Debian's coturn; .ci/run installs it)");

let turn: Coturn;
let relayHub: HubProcess;

test.beforeEach(async () => {
  turn = await startCoturn();
  // The hub hands out short-lived coturn REST credentials and forces iceTransportPolicy 'relay'.
  relayHub = await startHub({ env: turnEnv(turn) });
});

test.afterEach(async () => {
  await relayHub.stop();
  removeDataDir(relayHub.dataDir);
  await turn.stop();
});

async function connectedCall(browser: Parameters<typeof ClerkDesk.open>[0]) {
  const clerk = await ClerkDesk.open(browser, relayHub.url);
  await clerk.available();
  const { context, call, kiosk } = await openKiosk(browser, relayHub.url);
  await call.open();
  await call.call();
  await clerk.acceptFirst();
  await expectRemoteFrames(kiosk.page);
  await expectRemoteFrames(clerk.page);
  return { clerk, call, kiosk, context };
}

test('relay-only: media flows through coturn on 127.0.0.1 (the selected candidate pair is relay on both sides)', async ({
  browser,
}) => {
  const { clerk, call, kiosk } = await connectedCall(browser);
  const incall = kiosk.page.locator('.kiosk-call__incall');
  for (const view of [incall, clerk.call]) {
    await expect(view).toHaveAttribute('data-candidate', 'relay');
    await expect(view).toHaveAttribute('data-remote-candidate', 'relay');
  }
  await expectFramesFlowing(kiosk.page);
  await expectFramesFlowing(clerk.page);
  await call.panel.getByRole('button', { name: 'Auflegen' }).click();
});

test('a 5 s network drop in the middle of a call recovers by itself, inside the same call', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { clerk, call, kiosk, context } = await connectedCall(browser);
  const incall = kiosk.page.locator('.kiosk-call__incall');
  await expect(incall).toHaveAttribute('data-media', 'connected');

  // Everything between the terminal and the town hall stops for 5 s: the media path (the relay
  // freezes) and the terminal's own network (HTTP and the signaling socket).
  turn.pause();
  await context.setOffline(true);
  await expect(incall).toHaveAttribute('data-media', 'recovering', { timeout: 15_000 });
  await expect(clerk.call).toHaveAttribute('data-media', 'recovering', { timeout: 15_000 });
  await kiosk.page.waitForTimeout(5_000); // the drop lasts 5 s: the scenario itself, not a wait for a state
  const restoredAt = Date.now();
  turn.resume();
  await context.setOffline(false);

  // No one presses anything: a new peer is built and signaled within the same call.
  await expect(incall).toHaveAttribute('data-media', 'connected', { timeout: 20_000 });
  await expect(clerk.call).toHaveAttribute('data-media', 'connected', { timeout: 20_000 });
  await expectFramesFlowing(kiosk.page);
  await expectFramesFlowing(clerk.page);
  expect(Date.now() - restoredAt).toBeLessThan(20_000);
  await expect(call.panel).toContainText('Im Gespräch mit Erika Musterfrau');
  // The call never ended (one call, no log entry yet), and the chat still works after recovery.
  expect(readHubTable(relayHub.dataDir, 'SELECT call_id FROM call_log')).toEqual([]);
  await clerk.call.getByLabel('Nachricht an den Bürger').fill('Sind Sie wieder da?');
  await clerk.call.getByRole('button', { name: 'Senden' }).click();
  await expect(call.panel.getByRole('region', { name: 'Text-Chat' })).toContainText('Sind Sie wieder da?');
});
