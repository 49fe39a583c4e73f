import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactDecrypt } from 'jose';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { AdminHub } from '../../hub/admin/cli-hub.js';
import { importFimBytes, readCodeLists, withBundledCodeLists } from '../../hub/fim/import.js';
import { isVisible, type FormAnswer, type FormAnswers, type FormDefinition } from '../../protocol/forms.js';
import { contract } from '../../protocol/routes/index.js';
import { ATTACHMENT_CEILING, ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { SubmissionMetadata } from '../../protocol/submission.js';
import { mediaLaunchOptions } from '../support/call.js';
import { demoOfficeDecryptionKey, submissionsOnDisk } from '../support/demo.js';
import { answersFor, nodeAt } from '../support/form-answers.js';
import { REPO_ROOT } from '../support/hub-process.js';
import { expect, test } from '../support/fixtures.js';

/**
 * Five real FIM schemas from the corpus (docs/fim/corpus.md), imported by the importer as the
 * operator runs it, published through the admin API and filled in the kiosk the way a citizen
 * fills them: step by step, code lists as choices (long ones searched), branches the rules open,
 * scans where the form asks for documents. The office decrypts five applications holding what
 * was typed.
 */
test.use({ launchOptions: mediaLaunchOptions() });

const CORPUS = join(REPO_ROOT, 'tests/fixtures/fim-corpus');
const OFFICE = 'buergerbuero';

interface RealForm {
  folder: string;
  schema: string;
  formId: string;
  /** Answers the citizen picks on purpose (paths), the rest as any citizen fills a required field. */
  chosen: Record<string, FormAnswer>;
  /** A field or group a rule shows only for the chosen answers. */
  shows?: string;
  /** A group a rule makes required for the chosen answers (the citizen fills it in). */
  requires?: string;
}

const REAL_FORMS: RealForm[] = [
  {
    // Renewal of the residents' parking permit for a car held by someone else: both rules open a group.
    folder: 'glykon-S05000058V1.0_xdf2',
    schema: 'S05000058V1.0_xdf2.xml',
    formId: 'bewohnerparken',
    chosen: { artDesAntrags: '02', angabenZurHalterinZumHalter: '02' },
    requires: 'angabenZurBestehendenParkgenehmigung',
  },
  {
    // The Blue Card with health insurance: the insurer's field appears.
    folder: 'shared-BlaueKarte',
    schema: 'BlaueKarte.xml',
    formId: 'blaue-karte-fim',
    chosen: { bestehtKrankenversicherungsschutzFuerDie: true, krankenversicherungstraeger: 'AOK Plus' },
    shows: 'krankenversicherungstraeger',
  },
  {
    // Maternity protection notice for a woman living abroad: the foreign address replaces the inland one.
    folder: 'gerps-S00000094V1.0_xdf2',
    schema: 'S00000094V1.0_xdf2.xml',
    formId: 'mutterschutz-anzeige',
    chosen: { 'anschrift/woBefindetSichDieAnschrift': '002' },
    shows: 'anschrift/auslandsanschrift',
  },
  {
    // Residence permit renewal as a skilled worker with vocational training: its proofs (scans) appear.
    folder: 'gerps-S00000246v1.1_xdf2',
    schema: 'S00000246v1.1_xdf2.xml',
    formId: 'aufenthalt-verlaengerung',
    chosen: { ichErsucheEineAufenthaltserlaubnisZur: '002' },
    shows: 'nachweiseFuerEineFachkraftMit2',
  },
  {
    // Notice of work with asbestos, the largest form of the corpus.
    folder: 'gerps-S00000186v1.0_xdf2',
    schema: 'S00000186v1.0_xdf2.xml',
    formId: 'asbest-anzeige',
    chosen: {},
  },
];

function importReal(real: RealForm): FormDefinition {
  const dir = join(CORPUS, real.folder);
  const others = readdirSync(dir)
    .filter((f) => f.endsWith('.xml') && f !== real.schema)
    .map((f) => readFileSync(join(dir, f)));
  return importFimBytes(readFileSync(join(dir, real.schema)), {
    formId: real.formId,
    officeId: OFFICE,
    updatedAt: '2026-01-01T00:00:00.000Z',
    codeLists: withBundledCodeLists(readCodeLists(others)),
  }).form;
}

function valueAt(answers: FormAnswers, path: string): unknown {
  let value: unknown = answers;
  for (const name of path.split('/')) value = (value as Record<string, unknown> | undefined)?.[name];
  return value;
}

async function publish(hubUrl: string, forms: { real: RealForm; form: FormDefinition }[]): Promise<void> {
  const provider = new AdminHub(hubUrl, DEMO_PROVIDER_TOKEN);
  const { initialPassword } = await provider.call(contract.adminProvider.createAdmin, {
    body: { username: 'formular-admin', displayName: 'Formular Admin' },
  });
  const admin = new AdminHub(hubUrl);
  await admin.login('formular-admin', initialPassword);
  await admin.call(contract.account.changePassword, {
    body: { currentPassword: initialPassword, newPassword: 'ein eigenes langes Passwort' },
  });
  await admin.login('formular-admin', 'ein eigenes langes Passwort');
  for (const [index, { real, form }] of forms.entries()) {
    await admin.call(contract.admin.putService, {
      params: { serviceId: real.formId },
      body: {
        leikaKey: `9909900000000${index}`,
        name: form.title,
        shortText: { de: `Antrag: ${form.title.de}` },
        longText: { de: 'Das Formular kommt aus dem FIM-Portal.' },
        requiredDocuments: [],
        prerequisites: [],
        fees: [],
        processingTime: { de: 'Etwa zwei Wochen' },
        legalBasis: [],
        officeId: OFFICE,
        categoryId: 'dokumente',
        lifeSituationIds: [],
        keywords: [],
        formId: null,
      },
    });
    const published = await admin.call(contract.admin.publishForm, {
      params: { serviceId: real.formId },
      body: form,
    });
    expect(published).toMatchObject({ id: real.formId, serviceId: real.formId });
  }
}

test('five real FIM forms, imported and published, are filled in the kiosk and reach the office', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(480_000);
  const forms = REAL_FORMS.map((real) => {
    const form = importReal(real);
    return { real, form, answers: answersFor(form, real.chosen) };
  });
  for (const { real, form, answers } of forms) {
    if (real.shows) {
      const ui = nodeAt(form, real.shows)?.ui;
      expect(ui && isVisible(ui, answers), `${real.formId} shows ${real.shows}`).toBe(true);
      expect(ui && isVisible(ui, answersFor(form)), `${real.formId} hides ${real.shows}`).toBe(false);
    }
    if (real.requires) {
      expect(valueAt(answers, real.requires), `${real.formId} asks for ${real.requires}`).toBeDefined();
      expect(valueAt(answersFor(form), real.requires)).toBeUndefined();
    }
  }
  await publish(hub.url, forms);

  // The residence permit may ask for six files (its general proofs and the largest purpose's):
  // a terminal that offers it takes up to the hub's ceiling.
  await kiosk.open(hub.url, {
    attachments: { ...ATTACHMENT_DEFAULTS, maxCount: ATTACHMENT_CEILING.maxCount },
  });
  await kiosk.waitForContent();
  for (const { form, answers } of forms) {
    await test.step(form.title.de, async () => {
      await kiosk.startInGerman();
      await kiosk.search(form.title.de);
      await kiosk.openService(form.title.de);
      await kiosk.startForm();
      await kiosk.fillForm(form, answers);
      await kiosk.submit();
      await page.getByRole('button', { name: 'Fertig' }).click();
      await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
    });
  }
  await expect.poll(() => kiosk.outboxSize(), { timeout: 120_000 }).toBe(0);

  const key = await demoOfficeDecryptionKey(OFFICE);
  const received = new Map<string, unknown>();
  for (const submission of submissionsOnDisk(hub.dataDir)) {
    const { plaintext: meta } = await compactDecrypt(submission.metadata_jwe, key);
    const metadata = SubmissionMetadata.parse(JSON.parse(new TextDecoder().decode(meta)));
    const { plaintext } = await compactDecrypt(submission.data_jwe, key);
    received.set(metadata.formId, JSON.parse(new TextDecoder().decode(plaintext)));
  }
  expect([...received.keys()].sort()).toEqual(forms.map((f) => f.real.formId).sort());
  for (const { real, answers } of forms) expect(received.get(real.formId), real.formId).toEqual(answers);
});
