import { demoContent } from '../../demo/demo-content.js';
import {
  addClerk,
  addTerminal,
  ClerkDesk,
  expectFramesFlowing,
  mediaLaunchOptions,
  openKiosk,
  readHubTable,
  type KioskCallPanel,
} from '../support/call.js';
import { expect, test } from '../support/fixtures.js';

test.use({ launchOptions: mediaLaunchOptions() });

const BERND = {
  username: 'bernd',
  displayName: 'Bernd Beispiel',
  password: 'bernd-test-password',
  officeIds: demoContent.offices.map((o) => o.id),
};

test('two clerks serve three citizens in order, and a call is transferred to the other clerk', async ({
  hub,
  browser,
}) => {
  test.setTimeout(150_000);
  await addClerk(hub.dataDir, BERND);
  const terminals = [1, 2, 3].map((n) => ({
    id: `test-terminal-${n}`,
    name: `Terminal ${n}`,
    token: `test-terminal-${n}-token-0123456789abcdef`,
  }));
  for (const terminal of terminals) addTerminal(hub.dataDir, terminal);

  const erika = await ClerkDesk.open(browser, hub.url);
  const bernd = await ClerkDesk.open(browser, hub.url, BERND.username, BERND.password);
  await erika.available();
  await bernd.available();

  const citizens: KioskCallPanel[] = [];
  for (const terminal of terminals) {
    const { call } = await openKiosk(browser, hub.url, {
      terminalId: terminal.id,
      terminalToken: terminal.token,
      siteName: terminal.name,
    });
    await call.open();
    await expect(call.panel.getByTestId('call-office-status')).toContainText('2 Mitarbeitende frei');
    await call.call();
    await call.expectPosition(citizens.length + 1);
    citizens.push(call);
  }
  const [first, second, third] = citizens as [KioskCallPanel, KioskCallPanel, KioskCallPanel];

  // Both consoles show the same queue, in arrival order.
  for (const desk of [erika, bernd]) {
    await expect(desk.queue.getByRole('button', { name: /^Annehmen/ })).toHaveText([
      'Annehmen: Terminal 1',
      'Annehmen: Terminal 2',
      'Annehmen: Terminal 3',
    ]);
  }

  // Erika takes the first, everyone behind moves up; Bernd takes the next.
  await erika.acceptFirst();
  await expect(first.panel).toContainText('Im Gespräch mit Erika Musterfrau');
  await second.expectPosition(1);
  await third.expectPosition(2);
  await bernd.acceptFirst();
  await expect(second.panel).toContainText('Im Gespräch mit Bernd Beispiel');
  await third.expectPosition(1);
  await expect(erika.queue.getByRole('button', { name: /^Annehmen/ })).toHaveText(['Annehmen: Terminal 3']);

  // Bernd finishes; Erika hands citizen 1 on to him: it goes before citizen 3, only Bernd may take it.
  await bernd.call.getByRole('button', { name: 'Auflegen' }).click();
  await expect(second.panel).toContainText('Das Gespräch ist beendet.');
  await erika.call.getByLabel('Weiterleiten an').selectOption({ label: 'Bernd Beispiel (Verfügbar)' });
  await erika.call.getByRole('button', { name: 'Weiterleiten' }).click();
  await expect(erika.section).toContainText('Der Anruf wurde weitergeleitet.');
  await expect(first.panel).toContainText('Sie werden weiterverbunden.');
  await first.expectPosition(1);
  await third.expectPosition(2);
  const offered = bernd.queue.getByRole('row').filter({ hasText: 'weitergeleitet von Erika Musterfrau' });
  await expect(offered).toContainText('Terminal 1');
  await expect(erika.queue.getByRole('button', { name: /^Annehmen/ })).toHaveText(['Annehmen: Terminal 3']);
  await bernd.accept('Terminal 1');
  await expect(first.panel).toContainText('Im Gespräch mit Bernd Beispiel');
  await expectFramesFlowing(bernd.page);
  await expectFramesFlowing(first.page);

  // Erika, free again, takes citizen 3.
  await erika.accept('Terminal 3');
  await expect(third.panel).toContainText('Im Gespräch mit Erika Musterfrau');

  await first.panel.getByRole('button', { name: 'Auflegen' }).click();
  await third.panel.getByRole('button', { name: 'Auflegen' }).click();
  await expect
    .poll(() =>
      readHubTable<{ terminal_id: string; clerk_username: string; transfers: number }>(
        hub.dataDir,
        'SELECT terminal_id, clerk_username, transfers FROM call_log ORDER BY terminal_id',
      ),
    )
    .toEqual([
      { terminal_id: 'test-terminal-1', clerk_username: 'bernd', transfers: 1 },
      { terminal_id: 'test-terminal-2', clerk_username: 'bernd', transfers: 0 },
      { terminal_id: 'test-terminal-3', clerk_username: 'clerk', transfers: 0 },
    ]);
});
