import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from '../support/call.js';
import { removeDataDir, startHub, type HubProcess } from '../support/hub-process.js';
import { startOidcProvider, writeOidcSettings, type TestIdp } from '../support/oidc-provider.js';

/** The provider's development login pages: any login, any password, then the consent. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('clerk sign-in through the municipality’s OpenID provider', () => {
  let idp: TestIdp;
  let hub: HubProcess;

  test.beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/v1/clerk/oidc/callback`;
    idp = await startOidcProvider({
      port: await freePort(),
      redirectUri,
      accounts: {
        'erika.muster': { name: 'Erika Muster', groups: ['grp-buergerbuero', 'grp-telefon'] },
        'max.ohnegruppe': { name: 'Max Ohnegruppe', groups: ['grp-telefon'] },
      },
    });
    const settings = writeOidcSettings(mkdtempSync(join(tmpdir(), 'pop-oidc-')), idp, redirectUri);
    hub = await startHub({ port, args: ['--oidc-config', settings] });
  });

  test.afterAll(async () => {
    await hub.stop();
    removeDataDir(hub.dataDir);
    await idp.close();
  });

  test('a clerk in a mapped group signs in, reads only their offices, and signs out', async ({ page }) => {
    await page.goto(`${hub.url}/clerk/`);
    await page.getByRole('link', { name: 'Mit dem Rathaus-Konto anmelden' }).click();
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await signInAtProvider(page, 'erika.muster');
    await expect(page).toHaveURL(`${hub.url}/clerk/`);
    await expect(page.getByText('Erika Muster', { exact: true })).toBeVisible();
    const me = await page.evaluate(async () => (await fetch('/api/v1/clerk/me')).json());
    expect(me).toEqual({
      username: 'erika.muster',
      displayName: 'Erika Muster',
      officeIds: ['buergerbuero'],
    });
    // The account has no password on the hub: the local login refuses it like any wrong password.
    const local = await page.evaluate(async () => {
      const answer = await fetch('/api/v1/clerk/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'erika.muster', password: 'a-guess' }),
      });
      return answer.status;
    });
    expect(local).toBe(401);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('link', { name: 'Mit dem Rathaus-Konto anmelden' })).toBeVisible();
    expect(await page.evaluate(async () => (await fetch('/api/v1/clerk/me')).status)).toBe(401);
  });

  test('an account in no mapped group is refused with a sentence, and no session starts', async ({
    page,
  }) => {
    await page.goto(`${hub.url}/clerk/`);
    await page.getByRole('link', { name: 'Mit dem Rathaus-Konto anmelden' }).click();
    await signInAtProvider(page, 'max.ohnegruppe');
    await expect(page).toHaveURL(`${hub.url}/clerk/?signin=refused`);
    await expect(page.getByRole('alert')).toHaveText(/für kein Amt in Point of Public freigegeben/);
    expect(await page.evaluate(async () => (await fetch('/api/v1/clerk/me')).status)).toBe(401);
  });

  test('a callback replayed or from another browser starts no session', async ({ page, browser }) => {
    await page.goto(`${hub.url}/clerk/`);
    await page.getByRole('link', { name: 'Mit dem Rathaus-Konto anmelden' }).click();
    await page.locator('input[name="login"]').fill('erika.muster');
    await page.locator('input[name="password"]').fill('any-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // Catch the provider's redirect back to the hub and replay it in a browser that never started.
    const callback = page.waitForRequest((request) =>
      request.url().startsWith(`${hub.url}/api/v1/clerk/oidc/callback`),
    );
    await page.getByRole('button', { name: 'Continue' }).click();
    const url = (await callback).url();
    await expect(page).toHaveURL(`${hub.url}/clerk/`);
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto(url);
    await expect(stranger).toHaveURL(`${hub.url}/clerk/?signin=expired`);
    expect(await stranger.evaluate(async () => (await fetch('/api/v1/clerk/me')).status)).toBe(401);
    // The same callback a second time in the browser that finished it: used, so refused too.
    await page.goto(url);
    await expect(page).toHaveURL(`${hub.url}/clerk/?signin=expired`);
    await other.close();
  });
});
