import { compactDecrypt } from 'jose';
import { civilDate } from '../../protocol/calendar.js';
import { CALENDAR_INSTANTS, CALENDAR_TIME_ZONE } from '../support/calendar-instants.js';
import { demoForm, demoOfficeDecryptionKey, identifyingTexts, submissionsOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { removeDataDir, startHub } from '../support/hub-process.js';
import { KioskPage } from '../support/kiosk-page.js';

/**
 * One citizen's application with dates on either side of "today", sent at each calendar instant:
 * the hub's clock (libfaketime) and the kiosk's (Playwright's clock, Berlin time zone) moved
 * together. The dates show as the citizen typed them, arrive unchanged, the receipt and the
 * status speak of the day the hub received the application, and nothing identifying stays on
 * the terminal.
 */
const DATE_FIELDS = ['dogBirthDate', 'acquisitionDate', 'taxStartDate'] as const;

const longGermanDate = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));

for (const { name, at } of CALENDAR_INSTANTS) {
  test(`an application with dates sent at ${at} (${name})`, async ({ browser }) => {
    const now = new Date(at);
    const hub = await startHub({ clockAt: now });
    const context = await browser.newContext({ timezoneId: CALENDAR_TIME_ZONE });
    try {
      await context.clock.install({ time: now });
      const page = await context.newPage();
      const kiosk = new KioskPage(page);
      const dog = demoForm('hundesteuer-anmeldung', now);
      const today = civilDate(now);
      for (const field of DATE_FIELDS) expect(dog.answers[field], field).not.toBe(today);

      await kiosk.open(hub.url);
      await kiosk.startInGerman();
      await kiosk.search(dog.service.name.de);
      await kiosk.openService(dog.service.name.de);
      await kiosk.startForm();
      await kiosk.fillForm(dog.form, dog.answers);
      // The review reads each date back as a date, not as the day of the run.
      for (const field of DATE_FIELDS)
        await expect(
          page.getByText(longGermanDate(String(dog.answers[field])), { exact: true }),
        ).toBeVisible();
      const trackingCode = await kiosk.submit();
      await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible();

      // At the hub: received on the moved clock's day, the dates exactly as typed.
      const [row] = submissionsOnDisk(hub.dataDir);
      expect(row?.tracking_code).toBe(trackingCode);
      const receivedAt = new Date(row?.received_at ?? '');
      expect(receivedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 60_000);
      expect(receivedAt.getTime()).toBeLessThan(now.getTime() + 15 * 60_000);
      const key = await demoOfficeDecryptionKey(dog.form.officeId);
      const data = JSON.parse(
        new TextDecoder().decode((await compactDecrypt(row?.data_jwe ?? '', key)).plaintext),
      );
      for (const field of DATE_FIELDS) expect(data[field], field).toBe(dog.answers[field]);

      // Nothing that identifies the citizen stays on the terminal once the hub has it.
      await page.getByRole('button', { name: 'Fertig' }).click();
      const stored = await kiosk.everythingStored();
      for (const text of identifyingTexts(dog.answers))
        expect(stored, `"${text}" on the terminal`).not.toContain(text);

      // The status speaks of the Berlin day the hub received it.
      await kiosk.startInGerman();
      await page.getByRole('button', { name: 'Stand eines Antrags abfragen' }).click();
      await page.getByLabel('Ihre Vorgangsnummer').fill(trackingCode);
      await page.getByRole('button', { name: 'Abfragen' }).click();
      const since = new Intl.DateTimeFormat('de-DE', {
        dateStyle: 'long',
        timeZone: CALENDAR_TIME_ZONE,
      }).format(receivedAt);
      await expect(page.getByRole('status').filter({ hasText: 'Eingegangen' })).toContainText(
        `Stand vom ${since}`,
      );
    } finally {
      await context.close();
      await hub.stop();
      removeDataDir(hub.dataDir);
    }
  });
}
