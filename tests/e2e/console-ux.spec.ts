import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { de as TEXTS } from '../../renderer/fleet/texts.js';
import { ClerkDesk, openKiosk } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';
import type { Page } from '@playwright/test';

/** The consoles draw their text in the kiosk's Fira Sans, shipped with them, not a system font. */
async function expectFiraSans(page: Page): Promise<void> {
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      family: getComputedStyle(document.body).fontFamily,
      loaded: [...document.fonts].some(
        (f) => f.family.replace(/"/g, '') === 'Fira Sans' && f.status === 'loaded',
      ),
    };
  });
  expect(font.family).toMatch(/^"?Fira Sans"?/);
  expect(font.loaded).toBe(true);
}

const TERMINAL = 'demo-terminal-1';

test('the fleet console lists the demo terminal in use as online, not "nie gemeldet"', async ({
  hub,
  kiosk,
  browser,
}) => {
  // The demo installation has no fleet section (no provider keys pinned): it still reports.
  await kiosk.open(hub.url);
  const context = await browser.newContext();
  const console_ = await context.newPage();
  await console_.goto(`${hub.url}/fleet/`);
  await console_.getByLabel('Provider-Token').fill(DEMO_PROVIDER_TOKEN);
  await console_.getByRole('button', { name: 'Anmelden' }).click();
  const row = console_.locator(`tr[data-terminal="${TERMINAL}"]`);
  await expect(row.locator('.fleet-state')).toHaveText(TEXTS.states.online, { timeout: 30_000 });
  await expect(row).not.toContainText(TEXTS.states.never_seen);
  // Last seen is a time, not "nie".
  await expect(row.getByRole('cell').nth(3)).toHaveText(/\d{2}\.\d{2}\.\d{4}/);
  await expectFiraSans(console_);
  await context.close();
});

for (const width of [1280, 1024]) {
  test(`the clerk's callback table stays inside its card at ${width} px`, async ({ hub, browser }) => {
    const { context, call } = await openKiosk(browser, hub.url);
    await call.open();
    await call.panel.getByRole('button', { name: 'Rückruf anfordern' }).click();
    const name = 'Maximiliane-Friederike-Wilhelmine von Hohenzollern-Sigmaringen-Lindenau';
    await call.panel.getByLabel('Ihr Name').fill(name);
    await call.panel.getByLabel('Telefonnummer für den Rückruf').fill('+49 9401 123456');
    await call.panel
      .getByLabel('Worum geht es? (freiwillig)')
      .fill(`Unterlagen:${'https://lindenau.example/antrag/'.repeat(8)}`);
    await call.panel.getByRole('button', { name: 'Absenden' }).click();
    await expect(call.panel).toContainText('Die Anfrage ist im Rathaus eingegangen.', { timeout: 30_000 });
    await context.close();

    const clerk = await ClerkDesk.open(browser, hub.url);
    await clerk.page.setViewportSize({ width, height: 900 });
    await clerk.page.getByText('Anrufprotokoll, Rückrufe und Termine').click();
    const table = clerk.page.getByRole('table', { name: 'Rückrufwünsche und Termine' });
    await expect(table).toContainText(name);
    await expectFiraSans(clerk.page);
    const fit = await table.evaluate((element) => {
      const card = element.closest('.clerk-calls');
      if (!card) throw new Error('no card around the table');
      const t = element.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      return {
        inside: t.left >= c.left - 0.5 && t.right <= c.right + 0.5,
        cardScroll: card.scrollWidth - card.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(fit).toEqual({ inside: true, cardScroll: 0, page: 0 });
    await clerk.page.context().close();
  });
}
