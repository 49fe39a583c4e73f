import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags, findChromium } from '../../scripts/chromium.js';
import { MEDIA_FLAGS } from '../support/call.js';
import { demoForm, submissionsOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';
import { cutPower } from '../support/power-cut.js';

/**
 * The terminal's browser dies (SIGKILL, no chance to clean up) at random moments right after the
 * citizen pressed "submit", with the line up or down. After a restart on the same profile,
 * every application whose receipt was shown reaches the hub, and none arrives twice.
 * `POP_KILL_ROUNDS` raises the number of kills (default 3).
 */
const ROUNDS = Number(process.env['POP_KILL_ROUNDS'] ?? 3);
const parking = demoForm('anwohnerparkausweis');

test('SIGKILL of the browser during finalize and sync loses nothing and doubles nothing', async ({ hub }) => {
  test.setTimeout(60_000 + ROUNDS * 30_000);
  const profile = mkdtempSync(join(tmpdir(), 'pop-kill-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium() ?? undefined,
      // A fake camera for the parking permit's required photo of the registration.
      args: [...chromiumFlags(), ...MEDIA_FLAGS],
      headless: true,
    });
  const receipts: string[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = await launch();
      const page = context.pages()[0] ?? (await context.newPage());
      const kiosk = new KioskPage(page);
      if (round === 0) await kiosk.open(hub.url);
      else await page.goto(`${hub.url}/kiosk/`);
      await kiosk.waitForContent();
      const offline = random() < 0.5;
      if (offline) await context.setOffline(true);
      await kiosk.startInGerman();
      await kiosk.search(parking.service.name.de);
      await kiosk.openService(parking.service.name.de);
      await kiosk.startForm();
      await kiosk.fillForm(parking.form, parking.answers);
      await page.getByRole('button', { name: 'Antrag abschicken' }).click();
      // Somewhere between "submit pressed" and "receipt shown and sending", the power goes. The
      // pause is the random moment of the kill, not a wait for the app.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)));
      const receipt = page.getByTestId('tracking-code');
      const code = (await receipt.isVisible()) ? await receipt.textContent() : null;
      if (code) receipts.push(code.trim());
      cutPower(profile);
    }

    // Back on, line up: the outbox drains by itself.
    const context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${hub.url}/kiosk/`);
    const kiosk = new KioskPage(page);
    await expect.poll(() => kiosk.outboxSize(), { timeout: 60_000 }).toBe(0);
    await context.close();

    const stored = submissionsOnDisk(hub.dataDir).map((s) => s.tracking_code);
    test.info().annotations.push({
      type: 'kills',
      description: `${ROUNDS} kills, ${receipts.length} receipts shown, ${stored.length} arrived`,
    });
    expect(new Set(stored).size, 'no application twice').toBe(stored.length);
    expect(stored.length).toBeLessThanOrEqual(ROUNDS);
    for (const code of receipts)
      expect(stored, `receipt ${code} was shown, so it must arrive`).toContain(code);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
