import { expect, type Locator, type Page } from '@playwright/test';
import {
  addressPart,
  isAttachmentWidget,
  isVisible,
  soleNestedGroup,
  type FieldUi,
  type FormAnswer,
  type FormAnswers,
  type FormDefinition,
  type FormJsonSchema,
} from '../../protocol/forms.js';
import { localize } from '../../protocol/i18n.js';
import { isRequired, isRequiredWithin } from '../../protocol/required-when.js';
import { yesNoText } from '../../renderer/kiosk/components/fields/yes-no.js';
import { TEXTS, type Texts } from '../../renderer/kiosk/i18n/texts.js';
import { demoKioskConfig, kioskUrl } from '../../scripts/kiosk-url.js';

/** A page model of the citizen kiosk: what a citizen does, in the words a screen reader uses. */
export class KioskPage {
  constructor(readonly page: Page) {}

  async open(hubUrl: string, overrides: Record<string, unknown> = {}): Promise<void> {
    await this.page.goto(kioskUrl(hubUrl, demoKioskConfig(hubUrl, overrides)));
    await expect(this.page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  }

  get status() {
    return this.page.locator('.kiosk-topbar__status');
  }

  async startInGerman(): Promise<void> {
    await this.page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
    await this.page.getByRole('main').getByRole('button', { name: 'Deutsch', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Was möchten Sie erledigen?' })).toBeVisible();
  }

  async waitOnline(): Promise<void> {
    await expect(this.status).toContainText('Verbunden');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Dienstleistung suchen').fill(text);
  }

  async openService(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async startForm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Antrag hier ausfüllen' }).click();
  }

  /**
   * Fills every step of a form with the given answers and arrives at the review (German unless
   * told). A required photo or scan field gets its pictures from the camera, as a citizen must
   * (the page needs Chromium's fake camera: mediaLaunchOptions in tests/support/call.ts).
   */
  async fillForm(form: FormDefinition, answers: FormAnswers, locale = 'de'): Promise<void> {
    const t = TEXTS[locale as keyof typeof TEXTS];
    for (const step of form.ui.steps) {
      await expect(
        this.page.getByRole('heading', { level: 1, name: localize(step.title, locale).text }),
      ).toBeVisible();
      for (const name of step.fields) await this.fillFieldOrFiles(form, name, answers, locale);
      await this.page.getByRole('button', { name: t.next, exact: true }).click();
    }
    await expect(this.page.getByRole('heading', { level: 1, name: t.review })).toBeVisible();
  }

  /** Fills one field of a step; a required photo or scan field gets its pictures from the camera. */
  async fillFieldOrFiles(
    form: FormDefinition,
    name: string,
    answers: FormAnswers,
    locale = 'de',
  ): Promise<void> {
    await this.fillField(form, name, answers[name], locale, answers);
    const ui = form.ui.fields[name];
    if (ui) await this.takeRequiredPictures(ui, answers, this.page.getByRole('main'), locale);
  }

  /**
   * The pictures a photo or scan field asks for (its minCount), also inside groups — each group
   * found by its heading, as a citizen finds it — while the field and its groups are shown.
   */
  async takeRequiredPictures(
    ui: FieldUi,
    answers: FormAnswers,
    scope: Locator,
    locale = 'de',
    /** A group shown inside its outer group's frame (the only field there): no frame of its own. */
    flattened = false,
  ): Promise<void> {
    if (!isVisible(ui, answers)) return;
    if (isAttachmentWidget(ui.widget)) {
      for (let n = 0; n < (ui.minCount ?? 0); n++) await this.takePicture(ui, locale, scope);
      return;
    }
    if ((ui.widget !== 'group' && ui.widget !== 'address') || !ui.fields) return;
    const pictures = (field: FieldUi): boolean =>
      (isAttachmentWidget(field.widget) && Boolean(field.minCount)) ||
      Object.values(field.fields ?? {}).some(pictures);
    if (!pictures(ui)) return;
    const group = flattened
      ? scope
      : scope.getByRole('group', { name: localize(ui.label, locale).text, exact: true });
    const sole = soleNestedGroup(ui);
    for (const child of Object.values(ui.fields))
      await this.takeRequiredPictures(child, answers, group, locale, sole?.ui === child);
  }

  async fillField(
    form: FormDefinition,
    name: string,
    value: FormAnswer | undefined,
    locale = 'de',
    /** All answers of the form, for a field required only on a condition (FIM "ist zu befüllen, wenn"). */
    answers: FormAnswers = {},
  ): Promise<void> {
    const ui = form.ui.fields[name];
    if (!ui || value === undefined) return;
    const required = isRequired(form.schema, name, answers);
    await fillAnswer(
      this.page.getByRole('main'),
      ui,
      form.schema.properties[name] ?? {},
      required,
      value,
      locale,
      { schema: form.schema, path: name, answers },
    );
  }

  /**
   * Takes one picture in a photo or scan field with the terminal's camera and keeps it. The field
   * is found by its label as a screen reader hears it ("(freiwillig)" only when optional).
   */
  async takePicture(ui: FieldUi, locale = 'de', scope: Locator = this.page.getByRole('main')): Promise<void> {
    const t = TEXTS[locale as keyof typeof TEXTS];
    const label = localize(ui.label, locale).text;
    const field = scope.getByRole('group', {
      name: ui.minCount ? label : `${label} (${t.optional})`,
      exact: true,
    });
    const removeButtons = field.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(t.attachments.remove)}: `),
    });
    const before = await removeButtons.count();
    await field
      .getByRole('button', { name: ui.widget === 'scan' ? t.attachments.takeScan : t.attachments.takePhoto })
      .click();
    // The shutter takes the frame on screen: wait until the camera delivers one.
    const preview = field.getByLabel(t.attachments.cameraView);
    await expect
      .poll(() => preview.evaluate((video) => (video as HTMLVideoElement).videoWidth))
      .toBeGreaterThan(0);
    await field.getByRole('button', { name: t.attachments.capture }).click();
    await field.getByRole('button', { name: t.attachments.keep }).click();
    await expect(removeButtons).toHaveCount(before + 1);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Weiter', exact: true }).click();
  }

  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Antrag abschicken' }).click();
    // Saved on the terminal, or already at the town hall: the heading follows the status.
    await expect(
      this.page.getByRole('heading', {
        level: 1,
        name: new RegExp(`^(${TEXTS.de.receiptTitle}|${TEXTS.de.receiptTitleSent})$`),
      }),
    ).toBeVisible();
    return (await this.page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  }

  /** One whole application from the attract screen to the receipt and back; returns the tracking code. */
  async submitApplication(
    service: { name: { de: string } },
    form: FormDefinition,
    answers: FormAnswers,
  ): Promise<string> {
    await this.startInGerman();
    await this.search(service.name.de);
    await this.openService(service.name.de);
    await this.startForm();
    await this.fillForm(form, answers);
    const code = await this.submit();
    await this.page.getByRole('button', { name: 'Fertig' }).click();
    await expect(this.page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
    return code;
  }

  /** Waits until the first content sync has landed in IndexedDB (before cutting the network). */
  async waitForContent(intervals: number[] = [50]): Promise<void> {
    await expect.poll(() => this.contentRevision(), { intervals, timeout: 60_000 }).not.toBe('');
  }

  /** The revision of the catalog the kiosk holds ('' before the first sync), straight from IndexedDB. */
  async contentRevision(): Promise<string> {
    return this.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('point-of-public-kiosk');
          open.onerror = () => resolve('');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) return resolve('');
            const get = db.transaction('meta').objectStore('meta').get('content');
            get.onsuccess = () => {
              resolve((get.result as { revision?: string } | undefined)?.revision ?? '');
              db.close();
            };
            get.onerror = () => resolve('');
          };
        }),
    );
  }

  /** How many applications wait in the kiosk's outbox (read straight from IndexedDB). */
  async outboxSize(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('point-of-public-kiosk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
            count.onerror = () => reject(count.error);
          };
        }),
    );
  }

  /**
   * Leaves a marker everywhere a page could keep something besides IndexedDB: localStorage,
   * sessionStorage and a Cache Storage entry (name, URL and body), as a careless component would.
   */
  async plantTraces(marker: string): Promise<void> {
    await this.page.evaluate(async (text) => {
      localStorage.setItem(`note-${text}`, text);
      sessionStorage.setItem(`step-${text}`, text);
      const cache = await caches.open(`scratch-${text}`);
      await cache.put(new Request(`/kiosk/scratch?${text}`), new Response(text));
    }, marker);
  }

  /**
   * Ends the visit from the top bar (saying yes when it asks, as it does once something was
   * entered) and waits for the attract screen of the next citizen.
   */
  async endSession(): Promise<void> {
    const attract = this.page.getByRole('button', { name: /Berühren Sie den Bildschirm/ });
    const confirm = this.page.getByRole('alertdialog', { name: TEXTS.de.endSessionTitle });
    await this.page.getByRole('button', { name: 'Sitzung beenden' }).click();
    await expect(attract.or(confirm)).toBeVisible();
    if (await confirm.isVisible()) {
      await confirm.getByRole('button', { name: TEXTS.de.endSessionConfirm }).click();
    }
    await expect(attract).toBeVisible();
  }

  /**
   * Everything the page keeps and can read: DOM, IndexedDB (every database, every store, and the
   * citizen's sealed records opened with the keys the page holds right now, see
   * renderer/kiosk/storage/session-vault.ts), Web Storage, and Cache Storage including the service
   * worker's caches (names and URLs of all, bodies of all but the app-shell precache, whose bodies
   * are the built bundle).
   */
  async everythingStored(): Promise<string> {
    return this.page.evaluate(async () => {
      const parts: string[] = [document.documentElement.outerHTML];
      // The page's keys (in its tab name) and the record bindings of the storage module.
      const keys: CryptoKey[] = [];
      if (window.name.startsWith('pop-keys:')) {
        for (const raw of Object.values(
          JSON.parse(window.name.slice('pop-keys:'.length)) as Record<string, string>,
        )) {
          const bytes = Uint8Array.from(atob(raw.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
            c.charCodeAt(0),
          );
          keys.push(await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['decrypt']));
        }
      }
      type Sealed = { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
      const unseal = async (sealed: Sealed | undefined, boundTo: string): Promise<string> => {
        if (!sealed) return '';
        for (const key of keys) {
          try {
            const plain = await crypto.subtle.decrypt(
              { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(boundTo) },
              key,
              sealed.data,
            );
            return new TextDecoder().decode(plain);
          } catch {
            // another key's
          }
        }
        return '';
      };
      const opened = async (store: string, row: Record<string, unknown>): Promise<string> => {
        if (store === 'drafts')
          return unseal(
            row['sealed'] as Sealed,
            `draft:${String(row['id'])}:${String(row['formKey'])}:${String(row['updatedAt'])}`,
          );
        if (store === 'draftAttachments') {
          const at = `${String(row['id'])}:${String(row['fieldId'])}`;
          return [
            await unseal(row['sealedInfo'] as Sealed, `attachment-info:${at}`),
            await unseal(row['sealedBytes'] as Sealed, `attachment-bytes:${at}`),
          ].join('\n');
        }
        if (store === 'device' && String(row['key']).startsWith('call-request:'))
          return unseal((row['value'] as { sealed?: Sealed }).sealed, String(row['key']));
        return '';
      };
      for (const info of await indexedDB.databases()) {
        const name = info.name;
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          parts.push(JSON.stringify(rows));
          for (const row of rows) parts.push(await opened(store, row as Record<string, unknown>));
        }
        db.close();
      }
      parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
      for (const name of await caches.keys()) {
        parts.push(name);
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          parts.push(request.url);
          if (name.startsWith('workbox-precache')) continue;
          const response = await cache.match(request);
          if (response) parts.push(await response.text());
        }
      }
      return parts.join('\n');
    });
  }
}

/** Fills one answer the way a citizen would: by the labels and roles on the screen, into groups. */
async function fillAnswer(
  scope: Locator,
  ui: FieldUi,
  property: Record<string, unknown>,
  required: boolean,
  value: FormAnswer,
  locale: string,
  /** Where the field sits outside repeatables, for what its label says about required. */
  at?: { schema: FormJsonSchema; path: string; answers: FormAnswers },
  /** A group shown inside its outer group's frame (the only field there): no frame of its own. */
  flattened = false,
): Promise<void> {
  const t: Texts = TEXTS[locale as keyof typeof TEXTS];
  const text = localize(ui.label, locale).text;
  const label = required ? text : `${text} (${t.optional})`;
  if (ui.widget === 'address' && typeof value === 'object' && !Array.isArray(value)) {
    // Parts and other fields by their own labels, wherever they sit inside the group.
    const group = await nearest(scope.getByRole('group', { name: text, exact: true }));
    for (const [path, inner] of leaves(value)) {
      const part = addressPart({ ui, property }, path);
      if (!part) throw new Error(`no field ${path} in address ${text}`);
      if (part.ui.widget !== 'text') {
        // A choice (the country) or a list among the address's other fields.
        await fillAnswer(group, part.ui, part.property, part.required, inner, locale);
        continue;
      }
      const partText = localize(part.ui.label, locale).text;
      await (
        await nearest(
          group.getByLabel(part.required ? partText : `${partText} (${t.optional})`, { exact: true }),
        )
      ).fill(String(inner));
    }
  } else if (ui.widget === 'group' && typeof value === 'object' && !Array.isArray(value)) {
    const group = flattened ? scope : await nearest(scope.getByRole('group', { name: text, exact: true }));
    const properties = (property['properties'] ?? {}) as Record<string, Record<string, unknown>>;
    const requiredNames = (property['required'] ?? []) as string[];
    const sole = soleNestedGroup(ui);
    // In the order of the screen: a question whether a part applies comes before the part. A
    // condition inside the group sees what the citizen has filled in of it so far, as the kiosk does.
    let sofar: Record<string, FormAnswer> = {};
    for (const [key, child] of Object.entries(ui.fields ?? {})) {
      const inner = value[key];
      if (inner === undefined) continue;
      const within = at && {
        ...at,
        path: `${at.path}/${key}`,
        answers: withAnswerAt(at.answers, at.path, sofar),
      };
      const required = within
        ? isRequiredWithin(within.schema, within.path, within.answers)
        : requiredNames.includes(key);
      await fillAnswer(
        group,
        child,
        properties[key] ?? {},
        required,
        inner,
        locale,
        within,
        sole?.name === key,
      );
      sofar = { ...sofar, [key]: inner };
    }
  } else if (ui.widget === 'repeat' && Array.isArray(value) && ui.item) {
    const group = await nearest(scope.getByRole('group', { name: text, exact: true }));
    for (const [index, inner] of value.entries()) {
      const entries = group.getByRole('button', { name: t.addEntry });
      if (index >= 1 && (await group.getByLabel(t.entry(index + 1), { exact: true }).count()) === 0) {
        await entries.click();
      }
      const item = ui.item.widget === 'group' ? ui.item : { ...ui.item, label: { de: t.entry(index + 1) } };
      await fillAnswer(
        group,
        item,
        (property['items'] ?? {}) as Record<string, unknown>,
        true,
        inner,
        locale,
      );
    }
  } else if (ui.widget === 'choice') {
    const option = ui.options?.find((o) => o.value === value);
    if (!option) throw new Error(`no option ${String(value)} for ${text}`);
    const choice = await nearest(scope.getByRole('group', { name: label, exact: true }));
    const optionText = localize(option.label, locale).text;
    // A long code list shows a search box: the citizen types the name first.
    const search = choice.getByRole('searchbox', { name: t.choiceSearch });
    if ((await search.count()) > 0) await search.fill(optionText);
    await choice.getByRole('radio', { name: optionText, exact: true }).check();
  } else if (ui.widget === 'yesno') {
    await (
      await nearest(
        scope.getByRole('group', {
          name: ui.wording === 'applies' ? `${label} – ${t.appliesQuestion}` : label,
          exact: true,
        }),
      )
    )
      .getByRole('radio', { name: yesNoText(ui, value === true, t), exact: true })
      .check();
  } else if (ui.widget === 'checkbox') {
    const box = await nearest(scope.getByRole('checkbox', { name: label, exact: true }));
    if (value === true) await box.check();
    else await box.uncheck();
  } else if (ui.widget === 'date') {
    const [year = '', month = '', day = ''] = String(value).split('-');
    const group = await nearest(scope.getByRole('group', { name: label, exact: true }));
    await group.getByLabel(t.day, { exact: true }).fill(day);
    await group.getByLabel(t.month, { exact: true }).fill(month);
    await group.getByLabel(t.year, { exact: true }).fill(year);
  } else {
    await (await nearest(scope.getByLabel(label, { exact: true }))).fill(String(value));
  }
}

/**
 * Of the controls a label names inside a section, the one that belongs to the section itself: a
 * sub-section may hold a field of the same name ("Angaben zur Erreichbarkeit" of the company and
 * of its contact person), and the citizen tells them apart by where they stand.
 */
async function nearest(candidates: Locator): Promise<Locator> {
  await candidates.first().waitFor();
  if ((await candidates.count()) <= 1) return candidates;
  const depths = await candidates.evaluateAll((elements) =>
    elements.map((element) => {
      let depth = 0;
      for (let up = element.parentElement; up; up = up.parentElement) if (up.tagName === 'FIELDSET') depth++;
      return depth;
    }),
  );
  return candidates.nth(depths.indexOf(Math.min(...depths)));
}

/**
 * The answers with the one at a path ("anschrift/ort") replaced; a group nothing is filled in of
 * yet is left out, as the kiosk has no answer for it then.
 */
function withAnswerAt(answers: FormAnswers, path: string, value: FormAnswer): FormAnswers {
  const [first = '', ...rest] = path.split('/');
  const inner = answers[first];
  const group = typeof inner === 'object' && !Array.isArray(inner) ? inner : {};
  const next = rest.length === 0 ? value : withAnswerAt(group, rest.join('/'), value);
  const empty = typeof next === 'object' && !Array.isArray(next) && Object.keys(next).length === 0;
  return Object.fromEntries([
    ...Object.entries(answers).filter(([name]) => name !== first),
    ...(empty ? [] : [[first, next] as const]),
  ]);
}

/** Every answer inside nested group answers, by its path ("ort/postleitzahl"). */
function leaves(value: FormAnswer, prefix = ''): [string, FormAnswer][] {
  if (typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([name, inner]) => leaves(inner, prefix ? `${prefix}/${name}` : name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
