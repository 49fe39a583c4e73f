import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LOCALES, RTL_LOCALES } from '../../protocol/i18n.js';
import { CALL_TEXTS } from '../../renderer/kiosk/call/texts.js';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { ClerkDesk, expectRemoteFrames, mediaLaunchOptions, openKiosk } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';

test.use({ launchOptions: mediaLaunchOptions() });

async function expectAxeClean(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.kiosk-call')
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, what).toEqual([]);
}

async function switchLanguage(page: Page, locale: (typeof LOCALES)[number]) {
  await page.getByRole('banner').getByRole('button', { name: TEXTS[locale].languageName }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('the call panel speaks every kiosk language, lays out right to left in Arabic, and passes axe in every phase', async ({
  hub,
  browser,
}) => {
  test.setTimeout(180_000);
  const clerk = await ClerkDesk.open(browser, hub.url);
  await clerk.available();
  const { kiosk } = await openKiosk(browser, hub.url);
  const page = kiosk.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'ar');
  const ar = CALL_TEXTS.ar;
  const panel = page.getByRole('complementary', { name: ar.panelTitle });

  // The button and the dock sit on the reading side's end: the left in Arabic.
  const button = page.getByRole('button', { name: ar.talkToClerk });
  const buttonBox = await button.boundingBox();
  expect(buttonBox && buttonBox.x + buttonBox.width).toBeLessThan(640);
  await button.click();
  await expect(panel).toBeVisible();
  const dock = await panel.boundingBox();
  expect(dock?.x).toBe(0);
  await expect(panel).toContainText(ar.videoHoursToday);
  await expect(panel).toContainText(ar.clerksFree(1));
  await expectAxeClean(page, 'before calling, ar');

  await panel.getByRole('button', { name: ar.startCall }).click();
  await expect(panel.getByRole('heading', { name: ar.consentTitle })).toBeVisible();
  await expectAxeClean(page, 'consent, ar');
  await panel.getByRole('button', { name: ar.consentAgree }).click();
  await expect(panel.getByTestId('call-queue')).toContainText(ar.queuePosition(1));
  await expectAxeClean(page, 'queue, ar');

  await clerk.acceptFirst();
  await expectRemoteFrames(page);
  await expect(panel).toContainText(ar.connectedWith('Erika Musterfrau'));
  await expectAxeClean(page, 'in the call, ar');
  // The form beside the dock keeps its room on the left: nothing of the page lies under the dock.
  const main = await page.getByRole('main').boundingBox();
  expect(main && dock && main.x).toBeGreaterThanOrEqual((dock?.width ?? 0) - 1);

  // Every other language, in the call: its own words, its direction, no axe findings.
  for (const locale of LOCALES.filter((l) => l !== 'ar')) {
    await switchLanguage(page, locale);
    const t = CALL_TEXTS[locale];
    const localPanel = page.getByRole('complementary', { name: t.panelTitle });
    await expect(localPanel).toContainText(t.connectedWith('Erika Musterfrau'));
    await expect(localPanel.getByRole('button', { name: t.hangUp })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr');
    const box = await localPanel.boundingBox();
    expect(box && box.x + box.width).toBe(1280);
    await expectAxeClean(page, `in the call, ${locale}`);
  }
  await page
    .getByRole('complementary', { name: CALL_TEXTS.ru.panelTitle })
    .getByRole('button', { name: CALL_TEXTS.ru.hangUp })
    .click();
  await expect(page.getByRole('complementary', { name: CALL_TEXTS.ru.panelTitle })).toContainText(
    CALL_TEXTS.ru.ended.hangup,
  );
});
