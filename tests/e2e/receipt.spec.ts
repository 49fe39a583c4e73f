import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

test('the receipt shows tracking code, QR code, office and next steps, and prints them alone', async ({
  hub,
  kiosk,
  page,
}) => {
  // Chromium mode prints through window.print() (silent with --kiosk-printing); count the calls.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await kiosk.fillForm(residence.form, residence.answers);
  const trackingCode = await kiosk.submit();

  const qr = page.getByRole('img', { name: 'QR-Code Ihrer Vorgangsnummer' });
  await expect(qr).toBeVisible();
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M0 0h1v1h-1z/);
  await expect(page.getByTestId('receipt-office')).toContainText(/Lindenau/);
  await expect(page.getByRole('heading', { name: 'So geht es weiter' })).toBeVisible();

  await page.getByRole('button', { name: 'Beleg drucken' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // The printout: no controls, no top bar; the code, the QR code, the office and a dated header.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.kiosk-topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Fertig' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Beleg drucken' })).toBeHidden();
  await expect(page.getByTestId('tracking-code')).toHaveText(trackingCode);
  await expect(qr).toBeVisible();
  await expect(page.getByTestId('receipt-office')).toBeVisible();
  await expect(page.locator('.kiosk-receipt__print-header')).toBeVisible();
  const qrWidthMm = await qr.evaluate((el) => el.getBoundingClientRect().width / (96 / 25.4));
  expect(qrWidthMm).toBeGreaterThan(30);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Fertig' })).toBeVisible();
});
