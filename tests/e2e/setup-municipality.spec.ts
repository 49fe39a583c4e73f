import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FormDefinition } from '../../protocol/forms.js';
import { kioskUrl } from '../../scripts/kiosk-url.js';
import { asDiskText, hubDiskBytes } from '../support/demo.js';
import { Provider } from '../support/fleet.js';
import { removeDataDir, REPO_ROOT, startHub, type HubProcess } from '../support/hub-process.js';
import { KioskPage } from '../support/kiosk-page.js';

/**
 * docs/setup-municipality.md as a test: from an empty hub without the demo to a terminal that
 * shows the municipality's own service and a clerk who reads an application sent from it —
 * only the documented commands (pop-admin, office-keygen, pop-provider) and console steps.
 */
const PROVIDER_TOKEN = 'provider-token-of-the-it-service-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'pop-setup-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(result.status, `${script} ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

const form: FormDefinition = {
  id: 'hund-anmelden',
  version: 1,
  title: { de: 'Hund anmelden' },
  description: { de: 'Anmeldung eines Hundes zur Hundesteuer' },
  officeId: 'rathaus',
  schema: {
    type: 'object',
    properties: {
      familyName: { type: 'string', minLength: 1, maxLength: 100 },
      dogName: { type: 'string', minLength: 1, maxLength: 60 },
    },
    required: ['familyName', 'dogName'],
    additionalProperties: false,
  },
  ui: {
    steps: [{ id: 'angaben', title: { de: 'Angaben' }, fields: ['familyName', 'dogName'] }],
    fields: {
      familyName: { label: { de: 'Familienname' }, widget: 'text' },
      dogName: { label: { de: 'Name des Hundes' }, widget: 'text' },
    },
  },
  updatedAt: '2026-01-01T00:00:00.000Z',
};

test.describe('setting up a municipality on an empty hub', () => {
  let hub: HubProcess;
  test.beforeAll(async () => {
    hub = await startHub({ demo: false, env: { POP_PROVIDER_TOKEN: PROVIDER_TOKEN } });
  });
  test.afterAll(async () => {
    await hub.stop();
    removeDataDir(hub.dataDir);
  });

  test('provider, admin, terminal and clerk: a citizen applies and the clerk reads it', async ({
    browser,
  }) => {
    // Some twenty commands, each a process of its own, before the first page opens.
    test.setTimeout(240_000);
    const admin = (args: string[], env: Record<string, string>) =>
      run('hub/admin/cli-main.ts', args, { POP_HUB_URL: hub.url, ...env });

    // The IT provider creates the municipality (a tenant, by its ARS) and its first admin.
    run('provider-cli/main.ts', ['tenant-create', '146270010010', '--name', 'Gemeinde Neustadt'], {
      POP_HUB_URL: hub.url,
      POP_PROVIDER_TOKEN: PROVIDER_TOKEN,
    });
    const first = JSON.parse(
      admin(['first-admin', 'ada', '--name', 'Ada Admin'], { POP_PROVIDER_TOKEN: PROVIDER_TOKEN }),
    ) as {
      initialPassword: string;
    };
    const ownPassword = file('ada-password', 'Adas eigenes Passwort 2026\n');
    admin(['password', '--new-password-file', ownPassword], {
      POP_ADMIN_USERNAME: 'ada',
      POP_ADMIN_PASSWORD: first.initialPassword,
    });
    const ada = { POP_ADMIN_USERNAME: 'ada', POP_ADMIN_PASSWORD: 'Adas eigenes Passwort 2026' };

    // The admin sets up the municipality: name, an office with its key, a category, a service, a form.
    admin(['municipality', 'set', '--name', 'Neustadt'], ada);
    run('scripts/office-keygen.ts', ['rathaus', dir]);
    const office = file('office.json', {
      id: 'rathaus',
      name: { de: 'Rathaus Neustadt' },
      address: { street: 'Markt 1', postalCode: '04109', city: 'Neustadt' },
      phone: '0341 1234',
      email: 'rathaus@neustadt.example',
      openingHours: [{ day: 'tue', from: '08:00', to: '12:00' }],
      videoHours: [],
    });
    admin(['office', 'create', office, '--key', join(dir, 'rathaus.public.jwk.json')], ada);
    admin(
      [
        'category',
        'put',
        'tiere',
        file('category.json', { name: { de: 'Hunde & Tiere' }, icon: '🐕', order: 1 }),
      ],
      ada,
    );
    const service = file('service.json', {
      leikaKey: '99097001000000',
      name: { de: 'Hund anmelden' },
      shortText: { de: 'Einen Hund zur Hundesteuer anmelden.' },
      longText: { de: 'Wer in Neustadt einen Hund hält, meldet ihn innerhalb von zwei Wochen an.' },
      requiredDocuments: [],
      prerequisites: [],
      fees: [],
      processingTime: { de: 'Etwa eine Woche' },
      legalBasis: ['Hundesteuersatzung der Stadt Neustadt'],
      officeId: 'rathaus',
      categoryId: 'tiere',
      lifeSituationIds: [],
      keywords: ['Hundesteuer'],
      formId: null,
    });
    admin(['service', 'put', 'hund', service], ada);
    expect(admin(['form', 'publish', '--service', 'hund', file('form.json', form)], ada)).toBe(
      'form hund-anmelden version 1 published for hund',
    );
    const paul = JSON.parse(
      admin(
        ['clerk', 'invite', 'paul', '--name', 'Paul Schmidt', '--role', 'clerk', '--offices', 'rathaus'],
        ada,
      ),
    ) as { initialPassword: string };
    // With the initial password the clerk console sends Paul to choose his own first.
    const invitedContext = await browser.newContext();
    const invited = await invitedContext.newPage();
    await invited.goto(`${hub.url}/clerk/`);
    await invited.getByLabel('Benutzername').fill('paul');
    await invited.getByLabel('Passwort').fill(paul.initialPassword);
    await invited.getByRole('button', { name: 'Anmelden' }).click();
    await expect(invited.getByText(/noch das Anfangspasswort/)).toBeVisible();
    await expect(invited.getByRole('link', { name: 'Eigenes Passwort festlegen' })).toHaveAttribute(
      'href',
      '/admin/',
    );
    await invitedContext.close();
    admin(['password', '--new-password-file', file('paul-password', 'Pauls eigenes Passwort 26\n')], {
      POP_ADMIN_USERNAME: 'paul',
      POP_ADMIN_PASSWORD: paul.initialPassword,
    });

    // The provider enrolls the terminal; its installation pins the office's key.
    const provider = await Provider.create(hub.url);
    const enrolled = run(
      'provider-cli/main.ts',
      ['enroll-code', '--terminal', 'bibliothek-1', '--name', 'Bibliothek'],
      {
        POP_HUB_URL: hub.url,
        POP_PROVIDER_TOKEN: PROVIDER_TOKEN,
      },
    );
    const code = /: (\S+) \(single use/.exec(enrolled)?.[1] ?? '';
    const thumbprint =
      run('provider-cli/main.ts', ['thumbprint', join(dir, 'rathaus.public.jwk.json')])
        .split(/\s+/)
        .pop() ?? '';
    const installation = {
      schemaVersion: 1,
      terminalId: 'bibliothek-1',
      siteName: 'Bibliothek Neustadt',
      hubUrl: hub.url,
      locales: ['de', 'en'],
      defaultLocale: 'de',
      idleTimeoutSeconds: 120,
      idleWarningSeconds: 20,
      contentRefreshSeconds: 300,
      officeKeys: { rathaus: [thumbprint] },
      attract: {
        title: { de: 'Ihr Rathaus in der Bibliothek' },
        subtitle: { de: 'Anträge stellen, Auskunft bekommen, mit dem Rathaus sprechen' },
      },
      fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 30, enrollmentCode: code },
    };

    // A citizen at the terminal finds the municipality's own service and applies.
    const terminal = await browser.newContext();
    const page = await terminal.newPage();
    const kiosk = new KioskPage(page);
    await page.goto(kioskUrl(hub.url, installation));
    await kiosk.startInGerman();
    await expect(page.getByText('Neustadt').first()).toBeVisible();
    await kiosk.search('Hundesteuer');
    await kiosk.openService('Hund anmelden');
    await kiosk.startForm();
    await kiosk.fillForm(form, { familyName: 'Krause', dogName: 'Bello' });
    const trackingCode = await kiosk.submit();
    await terminal.close();

    // The clerk signs in, opens the office key in the browser and reads the application.
    const clerkContext = await browser.newContext();
    const clerk = await clerkContext.newPage();
    await clerk.goto(`${hub.url}/clerk/`);
    await clerk.getByLabel('Benutzername').fill('paul');
    await clerk.getByLabel('Passwort').fill('Pauls eigenes Passwort 26');
    await clerk.getByRole('button', { name: 'Anmelden' }).click();
    const table = clerk.getByRole('table', { name: 'Eingegangene Anträge' });
    await table.getByRole('link', { name: trackingCode }).click();
    await clerk.getByLabel('Schlüsseldatei (JWK)').setInputFiles(join(dir, 'rathaus.private.jwk.json'));
    await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
    await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
    await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();
    await expect(clerk.getByText('Krause', { exact: true })).toBeVisible();
    await expect(clerk.getByText('Bello', { exact: true })).toBeVisible();
    await clerkContext.close();

    // Nothing of the demo is on this hub, and the hub holds the application as ciphertext only.
    const disk = hubDiskBytes(hub.dataDir);
    expect(disk).not.toContain(asDiskText('Lindenau'));
    for (const typed of ['Krause', 'Bello']) expect(disk).not.toContain(asDiskText(typed));
  });
});
