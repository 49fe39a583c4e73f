import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

test('display settings: high contrast, three text sizes, reach mode and plain language; the next citizen gets the defaults', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url, { idleTimeoutSeconds: 40, idleWarningSeconds: 25 });
  await kiosk.startInGerman();
  const html = page.locator('html');
  await page.getByRole('button', { name: 'Anzeige', exact: true }).click();
  await page.getByRole('button', { name: 'Hoher Kontrast' }).click();
  await expect(html).toHaveAttribute('data-contrast', 'high');
  await expect(page.getByRole('button', { name: 'Hoher Kontrast' })).toHaveAttribute('aria-pressed', 'true');

  for (const [name, pixels] of [
    ['Groß', 24],
    ['Sehr groß', 28],
    ['Normal', 20],
  ] as const) {
    await page
      .getByRole('group', { name: 'Schriftgröße' })
      .getByRole('button', { name, exact: true })
      .click();
    await expect.poll(() => html.evaluate((el) => getComputedStyle(el).fontSize)).toBe(`${pixels}px`);
  }

  await page.getByRole('button', { name: 'Leichte Sprache' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Was möchten Sie machen?' })).toBeVisible();

  // Reach mode: at rest, every control sits in the lower 60 % of the screen.
  await page.getByRole('button', { name: /Bedienelemente weiter unten/ }).click();
  await expect(html).toHaveAttribute('data-reach', 'low');
  const highest = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const tops = Array.from(document.querySelectorAll('button, input'))
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.bottom > 0 && r.top < window.innerHeight)
      .map((r) => r.top / window.innerHeight);
    return Math.min(...tops);
  });
  expect(highest).toBeGreaterThanOrEqual(0.39);

  // The privacy reset ends the session: the settings go with the citizen.
  await expect(page.getByRole('alertdialog', { name: 'Sind Sie noch da?' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Jetzt beenden' }).click();
  await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  await expect(html).not.toHaveAttribute('data-contrast', 'high');
  await expect(html).not.toHaveAttribute('data-reach', 'low');
  await kiosk.startInGerman();
  await page.getByRole('button', { name: 'Anzeige', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Hoher Kontrast' })).toHaveAttribute('aria-pressed', 'false');
});

test('read aloud speaks the screen, or the focused field, in the citizen language; without voices it says so', async ({
  hub,
  kiosk,
  page,
}) => {
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    const state = {
      voices: [
        { lang: 'de-DE', name: 'Test DE' },
        { lang: 'uk-UA', name: 'Test UK' },
      ],
    };
    Object.assign(window, { spoken, speechState: state });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => state.voices,
        speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
      },
    });
  });
  const spoken = () =>
    page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await page.getByRole('button', { name: 'Vorlesen', exact: true }).click();
  await expect.poll(async () => (await spoken()).at(-1)?.text ?? '').toContain('Was möchten Sie erledigen?');

  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await page.getByLabel('Straße', { exact: true }).focus();
  await page.getByRole('button', { name: 'Vorlesen', exact: true }).click();
  // The field is read with the section it belongs to.
  await expect
    .poll(async () => (await spoken()).at(-1)?.text ?? '')
    .toMatch(/^Anschrift der neuen Wohnung\. Straße/);

  await page.getByRole('banner').getByRole('button', { name: TEXTS.uk.languageName }).click();
  await page.getByRole('button', { name: TEXTS.uk.readAloud, exact: true }).click();
  await expect.poll(async () => (await spoken()).at(-1)?.lang).toBe('uk-UA');

  await page.evaluate(() => {
    (window as unknown as { speechState: { voices: unknown[] } }).speechState.voices = [];
  });
  await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('button', { name: 'Vorlesen', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Vorlesen ist an diesem Gerät nicht verfügbar.' }),
  ).toBeVisible();
});

test('the on-screen keyboard opens on touch with the right layout and never covers the field', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  const keyboard = page.getByTestId('on-screen-keyboard');
  const key = (name: string) => keyboard.locator(`[data-skbtn="${name}"]`);

  await page.getByLabel('Dienstleistung suchen').tap();
  await expect(keyboard).toBeVisible();
  await expect(key('ü')).toBeVisible();
  await expect(key('ß')).toBeVisible();
  for (const letter of ['h', 'u', 'n', 'd']) await key(letter).tap();
  await expect(page.getByLabel('Dienstleistung suchen')).toHaveValue('hund');
  await expect(page.getByRole('button', { name: /^Hund anmelden/ })).toBeVisible();

  await page.getByLabel('Dienstleistung suchen').fill('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  // The last text box of the step sits low on the screen: the keyboard must not hide it.
  const city = page.getByLabel('Ort', { exact: true });
  await city.tap();
  await expect(keyboard).toBeVisible();
  const [field, board] = await Promise.all([city.boundingBox(), keyboard.boundingBox()]);
  expect(field && board && field.y + field.height <= board.y).toBe(true);
  await key('L').or(key('l')).first().tap();
  await expect(city).toHaveValue(/^[lL]$/);
  // The postcode of the address entry takes the number pad.
  await page.getByLabel('Postleitzahl', { exact: true }).tap();
  await expect(keyboard.locator('[data-kind="numeric"]')).toBeVisible();

  await page.getByRole('group', { name: 'Tag des Einzugs' }).getByLabel('Tag').tap();
  await expect(keyboard.locator('[data-kind="numeric"]')).toBeVisible();
  await key('7').tap();
  await expect(page.getByRole('group', { name: 'Tag des Einzugs' }).getByLabel('Tag')).toHaveValue('7');

  await page.getByRole('banner').getByRole('button', { name: TEXTS.ar.languageName }).click();
  await page
    .getByLabel(/^Straße|Street/)
    .first()
    .tap();
  await expect(key('ض')).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: TEXTS.ru.languageName }).click();
  await page
    .getByLabel(/^Straße|Street/)
    .first()
    .tap();
  await expect(key('ж')).toBeVisible();
  await keyboard.getByRole('button', { name: TEXTS.ru.keyboardClose }).tap();
  await expect(keyboard).toBeHidden();
});

test('a citizen with only a keyboard or switch reaches a service and sees where the focus is', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('button', { name: 'Deutsch', exact: true })).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name === 'Deutsch') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Was möchten Sie erledigen?' })).toBeVisible();
  await page.getByLabel('Dienstleistung suchen').focus();
  await page.keyboard.type('Perso');
  let focusedService = '';
  for (let i = 0; i < 60 && !focusedService.startsWith('Personalausweis beantragen'); i++) {
    await page.keyboard.press('Tab');
    focusedService = await page.evaluate(() =>
      document.activeElement?.classList.contains('kiosk-service')
        ? (document.activeElement.textContent ?? '')
        : '',
    );
  }
  expect(focusedService).toMatch(/^Personalausweis beantragen/);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Personalausweis beantragen' })).toBeVisible();
});
