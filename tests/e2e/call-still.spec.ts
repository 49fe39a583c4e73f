import type { Page } from '@playwright/test';
import { demoForm } from '../support/demo.js';
import { ClerkDesk, expectRemoteFrames, mediaLaunchOptions, openKiosk } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';

test.use({ launchOptions: mediaLaunchOptions() });

const parking = demoForm('anwohnerparkausweis');

async function draftAttachmentCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onerror = () => reject(new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('draftAttachments').objectStore('draftAttachments').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );
}

test("the clerk's document still joins the citizen's draft as an attachment, only after the citizen agrees on screen", async ({
  hub,
  browser,
}) => {
  test.setTimeout(120_000);
  const clerk = await ClerkDesk.open(browser, hub.url);
  await clerk.available();
  const { kiosk, call } = await openKiosk(browser, hub.url);
  const page = kiosk.page;

  // The citizen is on the parking form's step with the photo field.
  await kiosk.search(parking.service.name.de);
  await kiosk.openService(parking.service.name.de);
  await kiosk.startForm();
  for (const step of parking.form.ui.steps) {
    await expect(page.getByRole('heading', { level: 1, name: step.title.de })).toBeVisible();
    if (step.fields.includes('registrationPhoto')) break;
    for (const name of step.fields) await kiosk.fillField(parking.form, name, parking.answers[name]);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  }

  await call.open();
  await call.call();
  await clerk.acceptFirst();
  await expectRemoteFrames(clerk.page);

  // The clerk takes a sharp still and sends it back for the application.
  await clerk.call.getByRole('button', { name: 'Dokumentfoto aufnehmen' }).click();
  await expect(clerk.call.getByRole('img', { name: 'Dokumentfoto 1' })).toBeVisible();
  expect(await draftAttachmentCount(page)).toBe(0);
  await clerk.call.getByRole('button', { name: 'Dokumentfoto 1 dem Antrag beifügen' }).click();
  await expect(clerk.call.getByText('Am Terminal angeboten')).toBeVisible();

  // Nothing is attached until the citizen says yes on screen.
  const offer = page.getByRole('alertdialog', { name: 'Das Rathaus hat ein Foto Ihres Dokuments geschickt' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('img', { name: 'dokument-1.jpg' })).toBeVisible();
  expect(await draftAttachmentCount(page)).toBe(0);
  await offer.getByRole('button', { name: 'Anhängen', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await expect.poll(() => draftAttachmentCount(page)).toBe(1);

  // A second still the citizen declines stays out of the draft.
  await clerk.call.getByRole('button', { name: 'Dokumentfoto aufnehmen' }).click();
  await clerk.call.getByRole('button', { name: 'Dokumentfoto 2 dem Antrag beifügen' }).click();
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Nicht anhängen' }).click();
  await expect(offer).toHaveCount(0);
  expect(await draftAttachmentCount(page)).toBe(1);

  await call.panel.getByRole('button', { name: 'Auflegen' }).click();
  await expect(call.panel).toContainText('Das Gespräch ist beendet.');
});
