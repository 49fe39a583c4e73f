import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demoClerkPassword, DEMO_CLERK_USERNAME } from '../../demo/demo-credentials.js';

/** The demo clerk logged in to the clerk console, in a browser context of its own. */
export async function openClerkConsole(
  browser: Browser,
  hubUrl: string,
): Promise<{ context: BrowserContext; clerk: Page }> {
  const context = await browser.newContext();
  const clerk = await context.newPage();
  await clerk.goto(`${hubUrl}/clerk/`);
  await clerk.getByLabel('Benutzername').fill(DEMO_CLERK_USERNAME);
  await clerk.getByLabel('Passwort').fill(demoClerkPassword());
  await clerk.getByRole('button', { name: 'Anmelden' }).click();
  return { context, clerk };
}
