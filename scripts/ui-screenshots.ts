/**
 * Screenshots of the kiosk's main screens for a design review: attract, catalog, service, a form
 * step, review and receipt, in German and Arabic, in normal and high contrast, from a real hub in
 * headless Chromium. `npm run build` first; `node --import tsx scripts/ui-screenshots.ts <out-dir>`.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEXTS } from '../renderer/kiosk/i18n/texts.js';
import { demoForm } from '../tests/support/demo.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';
import { chromiumFlags, findChromium } from './chromium.js';

const out = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });
const residence = demoForm('wohnsitz-anmeldung');
const hub = await startHub();
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [...chromiumFlags(), '--disable-gpu'],
  headless: true,
});

async function shoot(page: Page, screen: string, locale: 'de' | 'ar'): Promise<void> {
  for (const contrast of ['normal', 'high'] as const) {
    await page.evaluate((c) => {
      document.documentElement.dataset['contrast'] = c;
    }, contrast);
    await page.screenshot({ path: join(out, `${screen}-${locale}-${contrast}.png`), animations: 'disabled' });
  }
  await page.evaluate(() => {
    document.documentElement.dataset['contrast'] = 'normal';
  });
}

try {
  for (const locale of ['de', 'ar'] as const) {
    const t = TEXTS[locale];
    const context = await browser.newContext({ viewport: { width: 1080, height: 1350 }, hasTouch: true });
    const page = await context.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    await kiosk.waitOnline().catch(() => undefined);
    await shoot(page, '1-attract', locale);
    await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
    await page.getByRole('main').getByRole('button', { name: t.languageName }).click();
    await page.locator('.kiosk-service').first().waitFor();
    await shoot(page, '2-catalog', locale);
    await page.getByLabel(t.searchLabel).fill('ummelden');
    await page.getByRole('button', { name: new RegExp(`^${residence.service.name.de}`) }).click();
    await shoot(page, '3-service', locale);
    await page.getByRole('button', { name: t.startForm }).click();
    for (const name of residence.form.ui.steps[0]?.fields ?? [])
      await kiosk.fillField(residence.form, name, residence.answers[name], locale);
    await shoot(page, '4-form-step', locale);
    await kiosk.page.getByRole('button', { name: t.next, exact: true }).click();
    for (const step of residence.form.ui.steps.slice(1)) {
      for (const name of step.fields)
        await kiosk.fillField(residence.form, name, residence.answers[name], locale);
      await page.getByRole('button', { name: t.next, exact: true }).click();
    }
    await page.getByRole('heading', { level: 1, name: t.review }).waitFor();
    await shoot(page, '5-review', locale);
    await page.getByRole('button', { name: t.submit }).click();
    await page.getByRole('heading', { name: t.receiptTitle }).waitFor();
    await shoot(page, '6-receipt', locale);
    await context.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await hub.stop();
  removeDataDir(hub.dataDir);
}
