import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { CALL_TEXTS } from '../../renderer/kiosk/call/texts.js';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import type { KioskPage } from '../support/kiosk-page.js';

const residence = demoForm('wohnsitz-anmeldung');
const ATTRACT = /Berühren Sie den Bildschirm/;

async function openResidenceForm(kiosk: KioskPage): Promise<void> {
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
}

/** Whether a tap on the middle of the element reaches it (nothing drawn on top of it). */
function reachable(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && element.contains(hit);
  });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('"Sitzung beenden" asks first when answers would be lost, and stands apart from the languages', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  const banner = page.getByRole('banner');
  const end = banner.getByRole('button', { name: 'Sitzung beenden' });
  // Not one more chip in the language row: another colour, and a gap no finger bridges by mistake.
  const russian = banner.getByRole('button', { name: TEXTS.ru.languageName });
  const [endBox, chipBox] = await Promise.all([end.boundingBox(), russian.boundingBox()]);
  const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(end)).not.toBe(await background(russian));
  await expect(end.locator('xpath=ancestor::nav')).toHaveCount(0);
  if (!endBox || !chipBox) throw new Error('top bar buttons not laid out');
  const gapX = Math.max(endBox.x - (chipBox.x + chipBox.width), chipBox.x - (endBox.x + endBox.width));
  const gapY = Math.max(endBox.y - (chipBox.y + chipBox.height), chipBox.y - (endBox.y + endBox.height));
  expect(Math.max(gapX, gapY)).toBeGreaterThanOrEqual(32);

  // Nothing typed yet: ending needs no question.
  await end.click();
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible();

  await openResidenceForm(kiosk);
  const street = page.getByLabel('Straße', { exact: true });
  await street.fill('Lindenweg');
  await end.click();
  const confirm = page.getByRole('alertdialog', { name: 'Sitzung beenden?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Ihre Angaben werden gelöscht');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Weiter ausfüllen' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(street).toHaveValue('Lindenweg');

  await end.click();
  await confirm.getByRole('button', { name: 'Ja, alles löschen' }).click();
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible();
});

test('the idle reset still ends a session with answers without anyone answering', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url, { idleTimeoutSeconds: 15, idleWarningSeconds: 5 });
  await openResidenceForm(kiosk);
  await page.getByLabel('Straße', { exact: true }).fill('Lindenweg');
  await expect(page.getByRole('alertdialog', { name: 'Sind Sie noch da?' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alertdialog', { name: 'Sitzung beenden?' })).toHaveCount(0);
});

test('the idle warning hides the previous citizen’s screen and nothing sits on top of it', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url, { idleTimeoutSeconds: 40, idleWarningSeconds: 37 });
  await openResidenceForm(kiosk);
  await page.getByLabel('Straße', { exact: true }).fill('Zaphodweg');
  const warning = page.getByRole('alertdialog', { name: 'Sind Sie noch da?' });
  await expect(warning).toBeVisible();
  const backdrop = page.locator('.kiosk-overlay').filter({ has: warning });
  const alpha = await backdrop.evaluate((el) => {
    const color = getComputedStyle(el).backgroundColor;
    const parts = color.match(/[\d.]+/g) ?? [];
    return parts.length === 4 ? Number(parts[3]) : 1;
  });
  expect(alpha).toBe(1);
  // The floating call button must not be tappable through the warning.
  await expect(page.getByRole('button', { name: 'Mit dem Rathaus sprechen' })).toHaveCount(1);
  expect(await reachable(page.getByRole('button', { name: 'Mit dem Rathaus sprechen' }))).toBe(false);
  expect(await reachable(warning.getByRole('button', { name: 'Weitermachen' }))).toBe(true);
});

test('the call button leaves the keyboard’s close key free to tap', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  await openResidenceForm(kiosk);
  const keyboard = page.getByTestId('on-screen-keyboard');
  await page.getByLabel('Ort', { exact: true }).tap();
  const close = keyboard.getByRole('button', { name: 'Tastatur schließen' });
  await expect(close).toBeVisible();
  const call = page.getByRole('button', { name: 'Mit dem Rathaus sprechen' });
  await expect(call).toBeVisible();
  const [closeBox, callBox, boardBox] = await Promise.all([
    close.boundingBox(),
    call.boundingBox(),
    keyboard.boundingBox(),
  ]);
  if (!closeBox || !callBox || !boardBox) throw new Error('not laid out');
  expect(overlap(closeBox, callBox)).toBe(false);
  expect(overlap(boardBox, callBox)).toBe(false);
  expect(await reachable(close)).toBe(true);
  await close.tap();
  await expect(keyboard).toBeHidden();
});

async function expectTopBarClear(page: Page, panel: Locator): Promise<void> {
  const panelBox = await panel.boundingBox();
  if (!panelBox) throw new Error('call panel not laid out');
  const buttons = page.getByRole('banner').getByRole('button');
  const count = await buttons.count();
  expect(count).toBeGreaterThan(6);
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const box = await button.boundingBox();
    const name = await button.textContent();
    if (!box) throw new Error(`${name} not laid out`);
    expect(overlap(box, panelBox), `${name} under the call panel`).toBe(false);
    expect(box.x >= 0 && box.x + box.width <= 1080, `${name} inside the screen`).toBe(true);
    expect(await reachable(button), `${name} can be tapped`).toBe(true);
  }
}

test('portrait 1080×1920: the open call panel leaves the whole top bar visible, German and Arabic', async ({
  hub,
  kiosk,
  page,
}) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await page.getByRole('button', { name: 'Mit dem Rathaus sprechen' }).click();
  const panel = page.getByRole('complementary', { name: 'Video-Beratung mit dem Rathaus' });
  await expect(panel).toBeVisible();
  await expectTopBarClear(page, panel);
  await page.getByRole('banner').getByRole('button', { name: TEXTS.ar.languageName }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectTopBarClear(page, page.getByRole('complementary'));
});

test('the on-screen keyboard is made of named buttons: a screen-reader user types a name with it', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await openResidenceForm(kiosk);
  const town = page.getByLabel('Ort', { exact: true });
  await town.tap();
  const keyboard = page.getByRole('group', { name: 'Bildschirmtastatur' });
  await expect(keyboard).toBeVisible();
  // Every key is a button with a name; the keys' count plus the close button.
  const keys = keyboard.locator('[data-skbtn]');
  const keyCount = await keys.count();
  expect(keyCount).toBeGreaterThan(40);
  await expect(keyboard.getByRole('button')).toHaveCount(keyCount + 1);
  // As a screen reader activates them: by role and name, one click each.
  const press = (name: string) => keyboard.getByRole('button', { name, exact: true }).click();
  await press('Umschalttaste');
  await press('L');
  for (const letter of ['ü', 'b', 'b', 'e', 'n', 'x']) await press(letter);
  await press('Rücktaste');
  await expect(town).toHaveValue('Lübben');
  await press('Leertaste');
  await expect(town).toHaveValue('Lübben ');

  // In Arabic the keys speak Arabic.
  await page.getByRole('banner').getByRole('button', { name: TEXTS.ar.languageName }).click();
  await page.getByLabel(/^Ort|Town/).tap();
  const arabic = page.getByRole('group', { name: TEXTS.ar.keyboard });
  await expect(arabic).toBeVisible();
  await arabic.getByRole('button', { name: 'ب', exact: true }).click();
  await arabic.getByRole('button', { name: TEXTS.ar.keys.backspace, exact: true }).click();
  await expect(arabic.getByRole('button', { name: TEXTS.ar.keys.space, exact: true })).toBeVisible();
});

test('with a topic chosen, a search looks through every topic and says which topic each hit is in', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await page
    .getByRole('navigation', { name: 'Themen' })
    .getByRole('button', { name: 'Hunde & Tiere' })
    .click();
  await expect(page.getByRole('button', { name: /^Personalausweis beantragen/ })).toHaveCount(0);
  await kiosk.search('Personalausweis');
  const hit = page.getByRole('button', { name: /^Personalausweis beantragen/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Thema: Ausweise & Dokumente');
  await expect(page.locator('.kiosk-catalog__count')).toContainText(
    'Gesucht wird in allen Themen, nicht nur in: Hunde & Tiere',
  );
  await expectNoAxeViolations(page);
  // Choosing a topic again shows that topic's list.
  await page
    .getByRole('navigation', { name: 'Themen' })
    .getByRole('button', { name: 'Hunde & Tiere' })
    .click();
  await expect(page.getByLabel('Dienstleistung suchen')).toHaveValue('');
  await expect(page.getByRole('button', { name: /^Hund anmelden/ })).toBeVisible();
  await expect(hit).toHaveCount(0);
});

test('a field that cuts long input says so: a form field and the callback note', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await openResidenceForm(kiosk);
  const street = page.getByLabel('Straße', { exact: true });
  await street.fill('Lindenweg'.padEnd(90, 'x'));
  await expect(page.getByRole('status').filter({ hasText: '90 von 100 Zeichen' })).toBeVisible();
  await street.fill('Lindenweg'.padEnd(130, 'x'));
  await expect(street).toHaveValue('Lindenweg'.padEnd(100, 'x'));
  await expect(page.getByRole('status').filter({ hasText: 'Höchstens 100 Zeichen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Mit dem Rathaus sprechen' }).click();
  const panel = page.getByRole('complementary', { name: 'Video-Beratung mit dem Rathaus' });
  await panel.getByRole('button', { name: 'Rückruf anfordern' }).click();
  await panel.getByLabel(CALL_TEXTS.de.note).fill('Bitte rufen Sie an. '.repeat(60));
  await expect(panel.getByRole('status').filter({ hasText: 'Höchstens 1000 Zeichen' })).toBeVisible();
});

test('Arabic is drawn with the Noto Sans Arabic the kiosk ships, not the system’s fallback', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await page.getByRole('banner').getByRole('button', { name: TEXTS.ar.languageName }).click();
  const heading = page.getByRole('heading', { level: 1, name: TEXTS.ar.catalogTitle });
  await expect(heading).toBeVisible();
  const measured = await heading.evaluate(async (element) => {
    // The Arabic letters alone: spaces come from the first font of the stack, which has them.
    const text = (element.textContent ?? '').replace(/\s+/g, '');
    const style = getComputedStyle(element);
    await document.fonts.load(`${style.fontWeight} ${style.fontSize} "Noto Sans Arabic"`, text);
    await document.fonts.ready;
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no canvas');
    const width = (family: string) => {
      context.font = `${style.fontWeight} ${style.fontSize} ${family}`;
      return context.measureText(text).width;
    };
    return {
      loadedFaces: [...document.fonts].filter(
        (f) => f.family.includes('Noto Sans Arabic') && f.status === 'loaded',
      ).length,
      page: width(style.fontFamily),
      noto: width('"Noto Sans Arabic"'),
      system: width('"DejaVu Sans", sans-serif'),
    };
  });
  expect(measured.loadedFaces).toBeGreaterThan(0);
  // The heading's own font stack draws the Arabic exactly as Noto Sans Arabic does, and not as the
  // system's fallback would.
  expect(Math.abs(measured.page - measured.noto)).toBeLessThan(0.5);
  expect(Math.abs(measured.page - measured.system)).toBeGreaterThan(2);
});

test('form hints are as large as the base text and in the text colour; a tapped choice closes the keyboard', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await openResidenceForm(kiosk);
  const main = page.getByRole('main');
  const help = main.locator('.pop-field__help').first();
  await expect(help).toBeVisible();
  const [helpStyle, bodyStyle] = await Promise.all([
    help.evaluate((el) => ({ size: getComputedStyle(el).fontSize, color: getComputedStyle(el).color })),
    page.evaluate(() => ({
      size: getComputedStyle(document.documentElement).fontSize,
      color: getComputedStyle(document.body).color,
    })),
  ]);
  expect(parseFloat(helpStyle.size)).toBeGreaterThanOrEqual(parseFloat(bodyStyle.size));
  expect(helpStyle.color).toBe(bodyStyle.color);

  const keyboard = page.getByTestId('on-screen-keyboard');
  await page.getByLabel('Ort', { exact: true }).tap();
  await expect(keyboard).toBeVisible();
  const mainResidence = main.getByRole('radio', { name: 'Hauptwohnung', exact: true });
  // Clear of the keyboard docked at the bottom, as a citizen would scroll it.
  await mainResidence.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await mainResidence.tap();
  await expect(keyboard).toBeHidden();
});

const ADDRESS_PARTS = ['street', 'houseNumber', 'postalCode', 'city'] as const;
const addressBox = (page: Page, part: (typeof ADDRESS_PARTS)[number]) =>
  page.getByRole('main').locator(`input[name="address/${part}"]`);

async function switchTo(page: Page, locale: 'de' | 'ar'): Promise<void> {
  if (locale === 'de') return;
  await page.getByRole('banner').getByRole('button', { name: TEXTS[locale].languageName }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

for (const locale of ['de', 'ar'] as const) {
  test(`an empty address group marks each of its boxes, and the count is the fields marked (${locale})`, async ({
    hub,
    kiosk,
    page,
  }) => {
    const t = TEXTS[locale];
    await kiosk.open(hub.url);
    await openResidenceForm(kiosk);
    await switchTo(page, locale);
    await page.getByRole('button', { name: t.next, exact: true }).click();
    const main = page.getByRole('main');
    await expect(page.getByRole('alert')).toBeVisible();

    // Each box of the address is marked and has its own message, tied to it.
    for (const part of ADDRESS_PARTS) {
      const box = addressBox(page, part);
      await expect(box, part).toHaveAttribute('aria-invalid', 'true');
      const [messageId] = (await box.getAttribute('aria-describedby'))?.split(' ') ?? [];
      await expect(page.locator(`[id="${messageId}"]`), part).toHaveText(t.fieldErrors.required);
    }
    // No one message for the whole group that marks nothing.
    await expect(main.locator('.kiosk-address > .pop-field__error')).toHaveCount(0);
    // No empty box goes unmarked, and the summary counts exactly the fields with a message:
    // the date (three boxes, one field), the four address boxes and the choice.
    const unmarked = await main
      .locator('input.pop-input')
      .evaluateAll(
        (inputs) =>
          inputs.filter(
            (i) => (i as HTMLInputElement).value === '' && i.getAttribute('aria-invalid') !== 'true',
          ).length,
      );
    expect(unmarked).toBe(0);
    const messages = main.locator('.pop-field__error');
    await expect(messages).toHaveCount(6);
    await expect(page.getByRole('alert')).toHaveText(t.fixErrors(6));
    await expectNoAxeViolations(page);

    // Half filled: only what is still missing stays marked, and the count follows.
    await addressBox(page, 'street').fill('Lindenweg');
    // Typing in one box clears its mark at once, and only its own.
    await expect(addressBox(page, 'street')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(addressBox(page, 'city')).toHaveAttribute('aria-invalid', 'true');
    await addressBox(page, 'city').fill('Lindenau');
    await page.getByRole('button', { name: t.next, exact: true }).click();
    await expect(addressBox(page, 'street')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(addressBox(page, 'houseNumber')).toHaveAttribute('aria-invalid', 'true');
    await expect(messages).toHaveCount(4);
    await expect(page.getByRole('alert')).toHaveText(t.fixErrors(4));
  });
}

const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
  test(`address labels, messages and boxes line up in each row (${orientation}, German and Arabic)`, async ({
    hub,
    kiosk,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await kiosk.open(hub.url);
    await openResidenceForm(kiosk);
    // A message on one box of each row only, and hints on one of each: the rows must still line up.
    await addressBox(page, 'street').fill('Lindenweg');
    await addressBox(page, 'city').fill('Lindenau');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await expect(addressBox(page, 'houseNumber')).toHaveAttribute('aria-invalid', 'true');

    const top = async (part: (typeof ADDRESS_PARTS)[number]) => {
      const box = addressBox(page, part);
      const id = await box.getAttribute('id');
      const label = page.locator(`label[for="${id}"]`);
      const [labelBox, inputBox] = await Promise.all([label.boundingBox(), box.boundingBox()]);
      if (!labelBox || !inputBox) throw new Error(`${part} not laid out`);
      return { label: labelBox.y, input: inputBox.y, x: inputBox.x };
    };
    for (const locale of ['de', 'ar'] as const) {
      await switchTo(page, locale);
      for (const [a, b] of [
        ['street', 'houseNumber'],
        ['postalCode', 'city'],
      ] as const) {
        const [first, second] = await Promise.all([top(a), top(b)]);
        expect(Math.abs(first.label - second.label), `${locale} labels of ${a} and ${b}`).toBeLessThan(1);
        expect(Math.abs(first.input - second.input), `${locale} boxes of ${a} and ${b}`).toBeLessThan(1);
        // Reading order: the first box of a row is where the script starts.
        expect(locale === 'ar' ? first.x > second.x : first.x < second.x, `${locale} ${a} first`).toBe(true);
      }
    }
  });
}

const mainTop = (page: Page) => page.getByRole('main').evaluate((el) => el.getBoundingClientRect().top);

for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
  test(`offline: the call panel says the terminal is offline and the header keeps its height (${orientation})`, async ({
    hub,
    kiosk,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await kiosk.open(hub.url);
    await kiosk.startInGerman();
    await kiosk.waitOnline();
    for (const locale of ['de', 'ar'] as const) {
      await switchTo(page, locale);
      const call = CALL_TEXTS[locale];
      await expect(kiosk.status).toHaveText(TEXTS[locale].online);
      const online = await mainTop(page);
      await page.context().setOffline(true);
      await expect(kiosk.status).toContainText(TEXTS[locale].offline);
      expect(await mainTop(page), `${locale}: the content stays where it was`).toBe(online);

      await page.getByRole('button', { name: call.talkToClerk }).click();
      const panel = page.getByRole('complementary', { name: call.panelTitle });
      await expect(panel.getByTestId('call-office-status')).toHaveText(call.terminalOffline);
      await expect(panel).not.toContainText(call.nobodyOnline);
      await expect(panel.getByRole('button', { name: call.startCall })).toHaveCount(0);
      await expect(panel.getByRole('button', { name: call.requestCallback })).toBeEnabled();
      await expectNoAxeViolations(page);
      await panel.getByRole('button', { name: call.close }).click();

      await page.context().setOffline(false);
      await expect(kiosk.status).toHaveText(TEXTS[locale].online, { timeout: 30_000 });
      expect(await mainTop(page)).toBe(online);
    }
  });
}

test('the receipt heading follows the status: saved while offline, arrived once sent; the header stays put', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url);
  // The catalogue and the form are on the terminal before the line goes.
  await kiosk.waitForContent();
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await page.context().setOffline(true);
  await expect(kiosk.status).toContainText('Offline');
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await kiosk.fillForm(residence.form, residence.answers);
  await page.getByRole('button', { name: TEXTS.de.submit }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(TEXTS.de.receiptTitle);
  await expect(page.getByText(TEXTS.de.receiptQueued)).toBeVisible();
  await expect(kiosk.status).toContainText(TEXTS.de.waitingToSend(1));
  const queuedTop = await mainTop(page);

  await page.context().setOffline(false);
  await expect(page.getByText(TEXTS.de.receiptSent)).toBeVisible({ timeout: 30_000 });
  await expect(heading).toHaveText(TEXTS.de.receiptTitleSent);
  await expect(kiosk.status).not.toContainText(TEXTS.de.waitingToSend(1));
  expect(await mainTop(page)).toBe(queuedTop);
});

test('a tapped button does not keep a hover look on the touchscreen', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  await openResidenceForm(kiosk);
  expect(await page.evaluate(() => matchMedia('(hover: hover)').matches)).toBe(false);
  const next = page.getByRole('button', { name: 'Weiter', exact: true });
  const background = () => next.evaluate((el) => getComputedStyle(el).backgroundColor);
  const untouched = await background();
  await next.tap();
  await expect(page.getByRole('alert')).toBeVisible();
  // A touchscreen leaves the tapped element in :hover (the pointer stays where the finger was);
  // the pointer put there shows that state.
  await next.scrollIntoViewIfNeeded();
  const box = await next.boundingBox();
  if (!box) throw new Error('Weiter not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  expect(await next.evaluate((el) => el.matches(':hover'))).toBe(true);
  // The finger is gone; the button looks as before, not as hovered.
  expect(await background()).toBe(untouched);
});
