import type { Page } from '@playwright/test';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

/** Whether the page's lockdown cancelled an event: a bubbling listener sees defaultPrevented. */
async function recordDefaultPrevented(page: Page, types: string[]): Promise<void> {
  await page.evaluate((names) => {
    const seen: Record<string, boolean[]> = {};
    (window as unknown as { seen: typeof seen }).seen = seen;
    for (const name of names)
      window.addEventListener(name, (event) => (seen[name] ??= []).push(event.defaultPrevented));
  }, types);
}
const prevented = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: Record<string, boolean[]> }).seen);

test('the page refuses the context menu, drags, dropped files, clipboard and zoom', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await recordDefaultPrevented(page, [
    'contextmenu',
    'drop',
    'dragover',
    'wheel',
    'copy',
    'paste',
    'selectstart',
  ]);
  const heading = page.getByRole('heading', { name: 'Was möchten Sie erledigen?' });
  await heading.click({ button: 'right' });
  await heading.dispatchEvent('dragover');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['secret'], 'brief.pdf', { type: 'application/pdf' }));
    document.body.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
    );
    document.body.dispatchEvent(
      new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 }),
    );
    document.body.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true }));
  });
  expect(await prevented(page)).toMatchObject({
    contextmenu: [true],
    dragover: [true],
    drop: [true],
    wheel: [true],
    copy: [true],
    paste: [true],
  });
  expect(page.url()).toMatch(/\/kiosk\/$/);
});

test('text can be selected in fields only', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  const heading = page.getByRole('heading', { name: 'Was möchten Sie erledigen?' });
  const search = page.getByLabel('Dienstleistung suchen');
  expect(await heading.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  expect(await search.evaluate((el) => getComputedStyle(el).userSelect)).toBe('text');
  await heading.dblclick();
  expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
  await search.fill('Hund');
  await search.selectText();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).selectionEnd)).toBe(4);
});

test('pinch zoom and swipe navigation are off for the whole page', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  const style = await page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    return {
      touch: html.touchAction,
      overscroll: html.overscrollBehaviorX,
      bodyOverscroll: body.overscrollBehaviorY,
    };
  });
  expect(style).toEqual({ touch: 'pan-x pan-y', overscroll: 'none', bodyOverscroll: 'none' });
  // A touchpad pinch (which zooms a plain page here; a synthesized touch pinch does not zoom
  // headless desktop Chromium at all, so it would prove nothing) leaves the page at its scale.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.synthesizePinchGesture', {
    x: 400,
    y: 400,
    scaleFactor: 2.5,
    gestureSourceType: 'mouse',
  });
  expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
});

test('escape shortcuts the page can intercept are cancelled, typing is not', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { keys: string[] }).keys = seen;
    // Capture on window, registered after the lockdown's own listener: it runs right after it,
    // before the lockdown stops the event's propagation.
    window.addEventListener(
      'keydown',
      (event) => {
        if (['Control', 'Alt', 'Shift'].includes(event.key)) return;
        const mods = `${event.ctrlKey ? 'Control+' : ''}${event.altKey ? 'Alt+' : ''}`;
        seen.push(`${mods}${event.key}:${event.defaultPrevented ? 'blocked' : 'passed'}`);
      },
      true,
    );
  });
  for (const keys of ['F5', 'Control+r', 'Control+p', 'Control+s', 'Alt+ArrowLeft', 'Control+Equal', 'F12'])
    await page.keyboard.press(keys);
  // The page is still the same document on the same screen: nothing reloaded or navigated.
  await expect(page.getByRole('heading', { level: 1, name: residence.service.name.de })).toBeVisible();
  await kiosk.startForm();
  const street = page.getByLabel(residence.form.ui.fields['address']?.fields?.['street']?.label.de ?? '', {
    exact: true,
  });
  await street.click();
  await page.keyboard.type('Dorfstraße');
  await page.keyboard.press('Backspace');
  await expect(street).toHaveValue('Dorfstraß');
  const keys = await page.evaluate(() => (window as unknown as { keys: string[] }).keys);
  expect(keys.slice(0, 7)).toEqual([
    'F5:blocked',
    'Control+r:blocked',
    'Control+p:blocked',
    'Control+s:blocked',
    'Alt+ArrowLeft:blocked',
    'Control+=:blocked',
    'F12:blocked',
  ]);
  expect(keys.filter((k) => k.endsWith('passed')).length).toBeGreaterThan(5);
});
