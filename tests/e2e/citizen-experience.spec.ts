import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BRIDGE_GLOBAL, BRIDGE_METHODS } from '../../protocol/bridge.js';
import type { FieldUi, FormDefinition } from '../../protocol/forms.js';
import { LOCALES, type Locale, type LocalizedText } from '../../protocol/i18n.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { demoClerkPassword, DEMO_CLERK_USERNAME } from '../../demo/demo-credentials.js';
import { requiredAttachmentCount } from '../../protocol/forms.js';
import { attachmentsOnDisk, demoForm, demoPrivateKeyPath, submissionsOnDisk } from '../support/demo.js';
import { mediaLaunchOptions } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';

// The Blue Card's proofs are scanned with the terminal camera: Chromium's fake camera stands in.
test.use({ launchOptions: mediaLaunchOptions() });

const blueCard = demoForm('blaue-karte');
const residence = demoForm('wohnsitz-anmeldung');

const MODES = {
  default: { contrast: 'normal', textSize: 'normal', reach: 'normal' },
  contrast: { contrast: 'high', textSize: 'normal', reach: 'normal' },
  largest: { contrast: 'normal', textSize: 'largest', reach: 'normal' },
  reach: { contrast: 'normal', textSize: 'normal', reach: 'low' },
} as const;

/**
 * POP_A11Y_FULL=1 checks every language in every mode; by default every language in the default
 * mode and every mode in the citizen's language (Arabic, the right-to-left case).
 */
const FULL_MATRIX = process.env['POP_A11Y_FULL'] === '1';

function combinations(back: Locale, switchable: boolean): [Locale, keyof typeof MODES][] {
  const locales: readonly Locale[] = switchable ? LOCALES : [back];
  const modes = Object.keys(MODES) as (keyof typeof MODES)[];
  if (FULL_MATRIX)
    return locales.flatMap((locale) => modes.map((mode): [Locale, keyof typeof MODES] => [locale, mode]));
  const sample = new Set<Locale>([back]);
  return locales.flatMap((locale) =>
    modes
      .filter((mode) => mode === 'default' || sample.has(locale))
      .map((mode): [Locale, keyof typeof MODES] => [locale, mode]),
  );
}

interface Screen {
  /** Check the on-screen keyboard too (it is left out where it only happens to be open). */
  keyboard?: boolean;
  /** Overlays block the top bar: close before a language switch... */
  beforeSwitch?: (locale: Locale) => Promise<void>;
  /** ...and bring the screen back after it (reopen a dialog, a panel, the keyboard). */
  afterSwitch?: (locale: Locale) => Promise<void>;
}

/**
 * WCAG 2.1 A/AA on the current screen in the languages and display modes. Languages are switched
 * with the top bar like a citizen would; the display modes are set on <html> directly here (the
 * panel that sets them is tested separately) to keep the matrix fast.
 */
async function expectAccessibleEverywhere(
  page: Page,
  screen: string,
  back: Locale,
  switchable = true,
  how: Screen = {},
) {
  let current: Locale = back;
  const switchTo = async (locale: Locale) => {
    if (locale === current) return;
    await how.beforeSwitch?.(current);
    await page.getByRole('banner').getByRole('button', { name: TEXTS[locale].languageName }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    current = locale;
    await how.afterSwitch?.(locale);
  };
  for (const [locale, mode] of combinations(back, switchable)) {
    if (switchable) await switchTo(locale);
    await page.evaluate((a) => Object.assign(document.documentElement.dataset, a), MODES[mode]);
    const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    const result = await (how.keyboard ? builder : builder.exclude('.kiosk-keyboard-dock')).analyze();
    const found = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, `${screen} in ${locale}, ${mode}`).toEqual([]);
  }
  await page.evaluate((a) => Object.assign(document.documentElement.dataset, a), MODES.default);
  if (switchable) await switchTo(back);
}

/**
 * WCAG 2.1 SC 3.1.2 on a form screen: every text of the form shown in German for want of a
 * translation sits in an element marked lang="de" dir="ltr"; every translated text is read in the
 * page's language, and nothing else is marked German. Returns how many German texts were checked.
 */
async function expectGermanMarked(page: Page, form: FormDefinition, fields: string[], locale: Locale) {
  const german = new Set<string>();
  const translated = new Set<string>();
  const sort = (text: LocalizedText | undefined) => {
    if (!text) return;
    const own = text[locale];
    if (own) translated.add(own);
    else german.add(text.de);
  };
  const collect = (ui: FieldUi | undefined) => {
    if (!ui) return;
    for (const text of [ui.label, ui.help, ui.invalidMessage, ...(ui.options ?? []).map((o) => o.label)])
      sort(text);
    Object.values(ui.fields ?? {}).forEach(collect);
    collect(ui.item);
  };
  sort(form.title);
  for (const step of form.ui.steps) sort(step.title);
  for (const name of fields) collect(form.ui.fields[name]);
  for (const text of german) if (translated.has(text)) german.delete(text);

  const shown = await page.getByRole('main').evaluate((main) => {
    const found: { text: string; lang: string | null; dir: string | null }[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? null;
      found.push({
        text,
        lang,
        dir: lang === 'de' ? (parent.closest('[dir]')?.getAttribute('dir') ?? null) : null,
      });
    }
    return found;
  });
  const wrong = shown.filter(
    (node) =>
      (german.has(node.text) && (node.lang !== 'de' || node.dir !== 'ltr')) ||
      (node.lang === 'de' && !german.has(node.text)) ||
      (translated.has(node.text) && node.lang !== locale),
  );
  expect(wrong, `texts marked wrongly on ${page.url()}`).toEqual([]);
  return shown.filter((node) => german.has(node.text)).length;
}

test('a citizen who reads only Arabic finds the EU Blue Card, fills the imported FIM form right to left, scans its proofs, and the hub accepts it; every screen passes axe in every language and mode', async ({
  hub,
  kiosk,
  page,
  browser,
}) => {
  test.setTimeout(FULL_MATRIX ? 600_000 : 240_000);
  const ar = TEXTS.ar;
  await kiosk.open(hub.url);
  await expectAccessibleEverywhere(page, 'attract', 'de', false);
  await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
  await expectAccessibleEverywhere(page, 'language', 'de', false);
  await page.getByRole('main').getByRole('button', { name: ar.languageName }).click();
  await expect(page.getByRole('heading', { name: ar.catalogTitle })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await kiosk.waitOnline().catch(() => undefined);
  await expectAccessibleEverywhere(page, 'catalog', 'ar');

  // Arabic users may type the German name they saw on a letter, with a typo.
  await page.getByLabel(ar.searchLabel).fill('Blaue Krte');
  const tile = page.getByRole('button', { name: /^Blaue Karte EU beantragen/ });
  // The service has no Arabic name: the tile says so to a screen reader (German voice, left to right).
  expect(blueCard.service.name['ar']).toBeUndefined();
  await expect(tile.locator('[lang="de"][dir="ltr"]').first()).toHaveText(blueCard.service.name.de);
  await tile.click();
  await expect(page.getByText(ar.notTranslated)).toBeVisible();
  await expectAccessibleEverywhere(page, 'service', 'ar');
  await page.getByRole('button', { name: ar.startForm }).click();
  // The FIM labels are translated; the German help texts are announced as German only.
  await expect(page.getByLabel('اسم العائلة', { exact: true })).toBeVisible();
  await expect(page.getByText(ar.fallbackNote)).toBeVisible();

  const steps = blueCard.form.ui.steps;
  let germanChecked = 0;
  for (const [index, step] of steps.entries()) {
    const title = step.title['ar'] ?? step.title.de;
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    germanChecked += await expectGermanMarked(page, blueCard.form, step.fields, 'ar');
    if (index === 1) await expectAccessibleEverywhere(page, `form step ${step.id}`, 'ar');
    for (const name of step.fields) await kiosk.fillFieldOrFiles(blueCard.form, name, blueCard.answers, 'ar');
    await page.getByRole('button', { name: ar.next, exact: true }).click();
  }
  // The Blue Card's labels are in Arabic, many of its help texts only in German.
  expect(germanChecked).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: ar.review })).toBeVisible();
  await expectGermanMarked(page, blueCard.form, Object.keys(blueCard.form.ui.fields), 'ar');
  await expectAccessibleEverywhere(page, 'review', 'ar');
  await page.getByRole('button', { name: ar.submit }).click();
  await expect(page.getByTestId('tracking-code')).toBeVisible();
  await expect(page.getByText(ar.receiptSent)).toBeVisible();
  // Online, the application arrives at once: the heading says so too, no longer "saved".
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.receiptTitleSent);
  await expectAccessibleEverywhere(page, 'receipt', 'ar');

  const stored = submissionsOnDisk(hub.dataDir);
  expect(stored).toHaveLength(1);
  const trackingCode = stored[0]?.tracking_code ?? '';
  // One scan for each required proof, all of them uploaded whole.
  await expect
    .poll(() => attachmentsOnDisk(hub.dataDir))
    .toEqual([{ trackingCode, listed: requiredAttachmentCount(blueCard.form), complete: 5 }]);

  // The hub cannot read the answers (end-to-end encrypted): the clerk's browser decrypts them and
  // checks them against the form with the same validator; no problem may be reported.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await clerk.goto(`${hub.url}/clerk/`);
  await clerk.getByLabel('Benutzername').fill(DEMO_CLERK_USERNAME);
  await clerk.getByLabel('Passwort').fill(demoClerkPassword());
  await clerk.getByRole('button', { name: 'Anmelden' }).click();
  await clerk.getByRole('link', { name: trackingCode }).click();
  await clerk.getByLabel('Schlüsseldatei (JWK)').setInputFiles(demoPrivateKeyPath(blueCard.form.officeId));
  await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
  await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
  await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();
  await expect(clerk.getByText('Lindenstraße', { exact: true })).toBeVisible();
  await expect(
    clerk.getByText('Anschrift in Deutschland › Straßenanschrift › Straßenangaben › Straße', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(clerk.getByText('11942 Amman', { exact: true })).toBeVisible();
  await expect(clerk.getByText('Prüfung des Antrags')).toHaveCount(0);
  await clerkContext.close();
});

/**
 * The secondary screens and overlays, each in its own test so they run side by side and each
 * stays well inside its time limit. The page gets the shell's bridge, as the preload would expose
 * it, because the admin exit exists only in the Electron shell (whose binary cannot run here).
 */
async function openWithShellBridge(page: Page, kiosk: KioskPage, hubUrl: string): Promise<void> {
  const config = demoKioskConfig(hubUrl);
  await page.addInitScript(
    ({ global, kioskConfig }) => {
      Object.assign(window, {
        [global]: {
          getShellInfo: () => Promise.resolve({ kind: 'electron', version: 'test' }),
          getKioskConfig: () => Promise.resolve(kioskConfig),
          endCitizenSession: () => Promise.resolve(),
          reportReady: () => undefined,
          beginCall: () => Promise.resolve(),
          endCall: () => Promise.resolve(),
          beginCapture: () => Promise.resolve(),
          endCapture: () => Promise.resolve(),
          printReceipt: () => Promise.resolve('printed'),
          requestAdminExit: () => Promise.resolve('wrong-pin'),
          restartShell: () => Promise.resolve('restarting'),
          applyFleetConfig: () => Promise.resolve('unavailable'),
        },
      });
    },
    { global: BRIDGE_GLOBAL, kioskConfig: config },
  );
  await page.goto(`${hubUrl}/kiosk/`);
  // The kiosk takes a bridge only when it has every method: a missing one would fall back to the
  // browser shell silently, and this test would never see the admin dialog.
  expect(
    await page.evaluate(
      ({ global, methods }) =>
        methods.filter(
          (name) =>
            typeof (window as unknown as Record<string, Record<string, unknown>>)[global]?.[name] !==
            'function',
        ),
      { global: BRIDGE_GLOBAL, methods: [...BRIDGE_METHODS] },
    ),
  ).toEqual([]);
  await kiosk.startInGerman();
  await kiosk.waitOnline();
}

const OVERLAY_TIMEOUT = FULL_MATRIX ? 600_000 : 180_000;

test('axe: the status lookup and its answer', async ({ hub, kiosk, page }) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  await openWithShellBridge(page, kiosk, hub.url);
  await page.getByRole('button', { name: TEXTS.de.statusOpen }).click();
  await expectAccessibleEverywhere(page, 'status lookup', 'de');
  await page.getByLabel(TEXTS.de.receiptTrackingCode).fill('ABCD-EFGH-JKMN');
  await page.getByRole('button', { name: TEXTS.de.statusLookup, exact: true }).click();
  await expect(page.getByText(TEXTS.de.statusNotFound)).toBeVisible();
  await expectAccessibleEverywhere(page, 'status lookup answer', 'de');
});

test('axe: the display settings panel, in every display mode and language', async ({ hub, kiosk, page }) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  await openWithShellBridge(page, kiosk, hub.url);
  const displayButton = (locale: Locale) =>
    page.getByRole('button', { name: TEXTS[locale].display, exact: true });
  await displayButton('de').click();
  await expect(displayButton('de')).toHaveAttribute('aria-expanded', 'true');
  await expectAccessibleEverywhere(page, 'display settings', 'de', true, {
    afterSwitch: async (locale) => {
      if ((await displayButton(locale).getAttribute('aria-expanded')) !== 'true')
        await displayButton(locale).click();
    },
  });
});

test('axe: the on-screen keyboard, open, in every display mode and language', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  await openWithShellBridge(page, kiosk, hub.url);
  const keyboard = page.getByTestId('on-screen-keyboard');
  const openKeyboard = async (locale: Locale) => {
    await page.getByLabel(TEXTS[locale].searchLabel).tap();
    await expect(keyboard).toBeVisible();
  };
  await openKeyboard('de');
  await expectAccessibleEverywhere(page, 'on-screen keyboard', 'de', true, {
    keyboard: true,
    afterSwitch: openKeyboard,
  });
  await keyboard.getByRole('button', { name: TEXTS.de.keyboardClose }).tap();
  await expect(keyboard).toHaveCount(0);
});

test('axe: the call panel before a call and the callback form', async ({ hub, kiosk, page }) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  await openWithShellBridge(page, kiosk, hub.url);
  const callPanel = page.getByRole('complementary', { name: 'Video-Beratung mit dem Rathaus' });
  await page.getByRole('button', { name: 'Mit dem Rathaus sprechen' }).click();
  await expect(callPanel).toBeVisible();
  await expectAccessibleEverywhere(page, 'call panel before a call', 'de');
  await callPanel.getByRole('button', { name: 'Rückruf anfordern' }).click();
  await expectAccessibleEverywhere(page, 'callback request form', 'de');
  await callPanel.getByRole('button', { name: 'Abbrechen' }).click();
  await callPanel.getByRole('button', { name: 'Schließen' }).click();
  await expect(callPanel).toHaveCount(0);
});

test('axe: the admin exit dialog, in the terminal’s language whatever the citizen chose', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  await openWithShellBridge(page, kiosk, hub.url);
  const adminDialog = page.getByRole('dialog');
  const cornerGesture = async () => {
    for (let tap = 0; tap < 5; tap++) await page.mouse.click(8, 8);
    await expect(adminDialog).toBeVisible();
  };
  await cornerGesture();
  await adminDialog.getByLabel(TEXTS.de.adminPin).fill('1234');
  await adminDialog.getByRole('button', { name: TEXTS.de.adminSubmit }).click();
  await expect(adminDialog.getByText(TEXTS.de.adminWrongPin)).toBeVisible();
  // The dialog is for the technician: in the terminal's language (German here), whatever the citizen chose.
  await expect(adminDialog).toHaveAttribute('lang', 'de');
  await expectAccessibleEverywhere(page, 'admin exit dialog', 'de', true, {
    beforeSwitch: () => adminDialog.getByRole('button', { name: TEXTS.de.adminCancel, exact: true }).click(),
    afterSwitch: cornerGesture,
  });
  await adminDialog.getByRole('button', { name: TEXTS.de.adminCancel, exact: true }).click();
  await expect(adminDialog).toHaveCount(0);
});

test('axe: the idle warning, in every display mode and language', async ({ hub, page }) => {
  test.setTimeout(OVERLAY_TIMEOUT);
  // The idle warning appears after 3 s without a touch and stays 37 s: long enough for axe.
  const idleKiosk = new KioskPage(page);
  await idleKiosk.open(hub.url, { idleTimeoutSeconds: 40, idleWarningSeconds: 37 });
  await idleKiosk.startInGerman();
  const idleDialog = (locale: Locale) => page.getByRole('alertdialog', { name: TEXTS[locale].idleTitle });
  await expect(idleDialog('de')).toBeVisible();
  await expectAccessibleEverywhere(page, 'idle warning', 'de', true, {
    beforeSwitch: (locale) =>
      idleDialog(locale).getByRole('button', { name: TEXTS[locale].idleContinue, exact: true }).click(),
    afterSwitch: (locale) => expect(idleDialog(locale)).toBeVisible(),
  });
});

test('the draft survives switching languages on a form step, and right-to-left follows the language', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  const firstStep = residence.form.ui.steps[0];
  for (const name of firstStep?.fields ?? [])
    await kiosk.fillField(residence.form, name, residence.answers[name]);
  for (const locale of ['ar', 'uk', 'tr', 'ru', 'en'] as const) {
    await page.getByRole('banner').getByRole('button', { name: TEXTS[locale].languageName }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('button', { name: TEXTS[locale].next, exact: true })).toBeVisible();
    // The registration form's labels exist in German and English only: elsewhere they are marked German.
    const german = await expectGermanMarked(page, residence.form, firstStep?.fields ?? [], locale);
    if (locale !== 'en') expect(german, `German labels marked in ${locale}`).toBeGreaterThan(0);
  }
  await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).click();
  await kiosk.next();
  await expect(
    page.getByRole('heading', { level: 1, name: residence.form.ui.steps[1]?.title.de }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Zurück', exact: true }).click();
  const address = residence.answers['address'] as { street: string };
  await expect(page.getByLabel('Straße', { exact: true })).toHaveValue(address.street);
  await expect(page.getByRole('group', { name: 'Tag des Einzugs' }).getByLabel('Jahr')).toHaveValue(
    String(residence.answers['moveInDate']).slice(0, 4),
  );
});
