/**
 * Screenshots of every kiosk screen for a design review, reproducible with one command:
 * `npm run screenshots [-- <out-dir>]` (builds first). Every screen in portrait (1080×1920) and
 * landscape (1920×1080), German and Arabic, in normal, high-contrast and large-text display,
 * from a real hub in headless Chromium. Files: <out>/<orientation>/<locale>/<nn-screen>-<mode>.png.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CALL_TEXTS } from '../renderer/kiosk/call/texts.js';
import { TEXTS } from '../renderer/kiosk/i18n/texts.js';
import { demoForm } from '../tests/support/demo.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';
import { chromiumFlags, findChromium } from './chromium.js';

const out = resolve(process.argv[2] ?? 'screenshots');
const ORIENTATIONS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
const MODES = {
  normal: { contrast: 'normal', textSize: 'normal' },
  'high-contrast': { contrast: 'high', textSize: 'normal' },
  'large-text': { contrast: 'normal', textSize: 'largest' },
} as const;
type Locale = 'de' | 'ar';
const residence = demoForm('wohnsitz-anmeldung');

/**
 * One screen in every display mode; the citizen's own settings come back afterwards. Long screens
 * (a service, a form step, the review, the receipt) are shot whole, as the citizen scrolls them.
 */
async function shoot(page: Page, dir: string, screen: string, fullPage = false): Promise<void> {
  const before = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  for (const [mode, settings] of Object.entries(MODES)) {
    await page.evaluate((s) => {
      document.documentElement.dataset['contrast'] = s.contrast;
      document.documentElement.dataset['textSize'] = s.textSize;
    }, settings);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(dir, `${screen}-${mode}.png`), animations: 'disabled', fullPage });
  }
  await page.evaluate((b) => {
    document.documentElement.dataset['contrast'] = b['contrast'] ?? 'normal';
    document.documentElement.dataset['textSize'] = b['textSize'] ?? 'normal';
  }, before);
}

async function everyScreen(
  browser: Browser,
  hubUrl: string,
  orientation: keyof typeof ORIENTATIONS,
  locale: Locale,
) {
  const t = TEXTS[locale];
  const call = CALL_TEXTS[locale];
  const dir = join(out, orientation, locale);
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: ORIENTATIONS[orientation], hasTouch: true });
  const page = await context.newPage();
  const kiosk = new KioskPage(page);
  await kiosk.open(hubUrl, { idleTimeoutSeconds: 3600, idleWarningSeconds: 120 });
  await kiosk.waitForContent();
  await shoot(page, dir, '01-attract');
  await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
  await shoot(page, dir, '02-language');
  await page.getByRole('main').getByRole('button', { name: t.languageName, exact: true }).click();
  await page.locator('.kiosk-service').first().waitFor();
  await shoot(page, dir, '03-catalog');
  await page.getByRole('navigation', { name: t.categories }).getByRole('button').nth(4).click();
  await page.getByLabel(t.searchLabel).fill('Personalausweis');
  await page.locator('.kiosk-catalog__widened').waitFor();
  await shoot(page, dir, '04-search-all-topics');
  await page.getByLabel(t.searchLabel).blur();
  await page.getByLabel(t.searchLabel).tap();
  await page.getByTestId('on-screen-keyboard').waitFor();
  await shoot(page, dir, '05-keyboard');
  await page.getByRole('button', { name: t.keyboardClose }).click();
  await page.getByRole('button', { name: call.talkToClerk }).click();
  await page.getByRole('complementary', { name: call.panelTitle }).waitFor();
  // The keyboard scrolled the page; the panel is shot with the top bar in view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, dir, '06-call-panel');
  await page.getByRole('complementary').getByRole('button', { name: call.requestCallback }).click();
  await shoot(page, dir, '07-callback-form');
  await page.getByRole('complementary').getByRole('button', { name: call.cancel }).click();
  await page.getByRole('complementary').getByRole('button', { name: call.close }).click();
  await page.getByRole('button', { name: t.statusOpen }).click();
  await shoot(page, dir, '08-status-lookup');
  await page.getByRole('button', { name: t.back, exact: true }).click();
  await page.getByLabel(t.searchLabel).fill('ummelden');
  await page.getByRole('button', { name: new RegExp(`^${residence.service.name.de}`) }).click();
  await shoot(page, dir, '09-service', true);
  await page.getByRole('button', { name: t.startForm }).click();
  await page.getByRole('button', { name: t.next, exact: true }).click();
  await page.locator('.pop-field__error').first().waitFor();
  await shoot(page, dir, '10-form-errors', true);
  for (const name of residence.form.ui.steps[0]?.fields ?? [])
    await kiosk.fillField(residence.form, name, residence.answers[name], locale, residence.answers);
  await shoot(page, dir, '11-form-step', true);
  await page.getByRole('banner').getByRole('button', { name: t.endSession }).click();
  await page.getByRole('alertdialog', { name: t.endSessionTitle }).waitFor();
  await shoot(page, dir, '12-end-session-confirm');
  await page.getByRole('button', { name: t.endSessionCancel }).click();
  await page.getByRole('button', { name: t.next, exact: true }).click();
  for (const step of residence.form.ui.steps.slice(1)) {
    for (const name of step.fields)
      await kiosk.fillField(residence.form, name, residence.answers[name], locale, residence.answers);
    await page.getByRole('button', { name: t.next, exact: true }).click();
  }
  await page.getByRole('heading', { level: 1, name: t.review }).waitFor();
  await shoot(page, dir, '13-review', true);
  await page.getByRole('button', { name: t.submit }).click();
  await page.getByTestId('tracking-code').waitFor();
  // Online the application arrives at once; the heading says so once the status does.
  await page.getByRole('heading', { level: 1, name: t.receiptTitleSent }).waitFor();
  await shoot(page, dir, '14-receipt', true);

  // Offline: the status line, and the call panel that says the terminal is offline.
  await context.setOffline(true);
  await page.locator('.kiosk-topbar__status[data-connectivity="offline"]').waitFor();
  await page.getByRole('button', { name: call.talkToClerk }).click();
  await page.getByTestId('call-office-status').getByText(call.terminalOffline).waitFor();
  await shoot(page, dir, '16-offline-call-panel');
  await context.close();

  // The idle warning: a session of its own with a short timeout.
  const idleContext = await browser.newContext({ viewport: ORIENTATIONS[orientation], hasTouch: true });
  const idlePage = await idleContext.newPage();
  const idleKiosk = new KioskPage(idlePage);
  await idleKiosk.open(hubUrl, { idleTimeoutSeconds: 120, idleWarningSeconds: 117 });
  await idlePage.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
  await idlePage.getByRole('main').getByRole('button', { name: t.languageName, exact: true }).click();
  await idlePage.getByRole('alertdialog', { name: t.idleTitle }).waitFor({ timeout: 30_000 });
  await shoot(idlePage, dir, '15-idle-warning');
  await idleContext.close();
}

mkdirSync(out, { recursive: true });
const hub = await startHub();
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [...chromiumFlags(), '--disable-gpu'],
  headless: true,
});
try {
  for (const orientation of Object.keys(ORIENTATIONS) as (keyof typeof ORIENTATIONS)[])
    for (const locale of ['de', 'ar'] as const) {
      await everyScreen(browser, hub.url, orientation, locale);
      console.log(`${orientation}/${locale} done`);
    }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await hub.stop();
  removeDataDir(hub.dataDir);
}
