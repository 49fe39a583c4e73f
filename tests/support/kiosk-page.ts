import { expect, type Page } from '@playwright/test';
import type { FormAnswers, FormDefinition } from '../../protocol/forms.js';
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

  /** Fills every step of a form with the given answers (German labels) and arrives at the review. */
  async fillForm(form: FormDefinition, answers: FormAnswers): Promise<void> {
    for (const step of form.ui.steps) {
      await expect(this.page.getByRole('heading', { level: 1, name: step.title.de })).toBeVisible();
      for (const name of step.fields) await this.fillField(form, name, answers[name]);
      await this.next();
    }
    await expect(this.page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
  }

  async fillField(form: FormDefinition, name: string, value: FormAnswers[string] | undefined): Promise<void> {
    const ui = form.ui.fields[name];
    if (!ui || value === undefined) return;
    const label = form.schema.required.includes(name) ? ui.label.de : `${ui.label.de} (freiwillig)`;
    if (ui.widget === 'choice') {
      const option = ui.options?.find((o) => o.value === value);
      if (!option) throw new Error(`no option ${String(value)} for ${name}`);
      await this.page
        .getByRole('group', { name: label })
        .getByRole('radio', { name: option.label.de, exact: true })
        .check();
    } else if (ui.widget === 'checkbox') {
      const box = this.page.getByRole('checkbox', { name: label, exact: true });
      if (value === true) await box.check();
      else await box.uncheck();
    } else {
      await this.page.getByLabel(label, { exact: true }).fill(String(value));
    }
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Weiter', exact: true }).click();
  }

  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Antrag abschicken' }).click();
    await expect(this.page.getByRole('heading', { name: 'Ihr Antrag ist gespeichert' })).toBeVisible();
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
    await expect
      .poll(
        () =>
          this.page.evaluate(
            () =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open('point-of-public-kiosk');
                open.onerror = () => resolve(false);
                open.onsuccess = () => {
                  const db = open.result;
                  if (!db.objectStoreNames.contains('meta')) return resolve(false);
                  const get = db.transaction('meta').objectStore('meta').get('content');
                  get.onsuccess = () => {
                    resolve(get.result !== undefined);
                    db.close();
                  };
                  get.onerror = () => resolve(false);
                };
              }),
          ),
        { intervals, timeout: 60_000 },
      )
      .toBe(true);
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

  /** Ends the visit from the top bar and waits for the attract screen of the next citizen. */
  async endSession(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sitzung beenden' }).click();
    await expect(this.page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  }

  /**
   * Everything the page keeps: DOM, IndexedDB (every database, every store), Web Storage, and
   * Cache Storage including the service worker's caches (names and URLs of all, bodies of all but
   * the app-shell precache, whose bodies are the built bundle).
   */
  async everythingStored(): Promise<string> {
    return this.page.evaluate(async () => {
      const parts: string[] = [document.documentElement.outerHTML];
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
