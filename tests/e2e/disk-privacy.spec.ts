import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAttachmentWidget, type FormAnswers } from '../../protocol/forms.js';
import { mediaLaunchOptions } from '../support/call.js';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';
import { cutPower } from '../support/power-cut.js';
import { photoSlices, readProfile, sliceHits, textHits } from '../support/profile-search.js';

/**
 * What someone who takes the terminal finds on its disk: after every kind of session end, the
 * whole browser profile is searched for what the citizens typed (UTF-8, UTF-16LE, Latin-1) and
 * for 64-byte slices of the photos they took, and for the session keys themselves. Nothing may be
 * found.
 *
 * The markers are only what identifies a person: names, street, town, e-mail, phone, number
 * plate, free text, the photo. Left out on purpose, because the terminal must keep or show them
 * and they identify nobody: the postal code (the town's own, in the synced catalog too), the
 * choices (zone, period, ...: option values of the form definition), dates the citizen picked
 * (also the form's examples), and everything in the queued application's clear envelope (its
 * id, tracking code, form, service, language, submission time, office key id), which the hub
 * needs to take it.
 *
 * The profile gets none of the browser preferences a kiosk profile gets (scripts/chromium.ts,
 * build/linux/chromium-policy.json): the page's own markup must keep autofill away.
 *
 * Each visit fills a whole form: the parking permit brings the photo (the fake camera's frame),
 * the bulky-waste collection the free text.
 */
const parking = demoForm('anwohnerparkausweis');
const bulky = demoForm('sperrmuell-abholung');
type Demo = typeof parking;

const KINDS = ['submit', 'end-session', 'idle-reset', 'browser-closed', 'browser-killed'] as const;
type Kind = (typeof KINDS)[number];
const FORM_OF: Record<Kind, Demo> = {
  submit: parking,
  'end-session': bulky,
  'idle-reset': parking,
  'browser-closed': bulky,
  'browser-killed': parking,
};

interface Visit {
  kind: Kind;
  demo: Demo;
  answers: FormAnswers;
  markers: string[];
}

function randomTag(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return Array.from({ length: 7 }, () => letters[randomInt(letters.length)]).join('');
}

function digits(n: number): string {
  return Array.from({ length: n }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join('');
}

function visitFor(kind: Kind): Visit {
  const tag = randomTag();
  const Tag = tag[0]?.toUpperCase() + tag.slice(1);
  const demo = FORM_OF[kind];
  const phone = `+49 3521 ${digits(7)}`;
  const email = `ottilie.${tag}@example.org`;
  if (demo === parking) {
    const person = {
      familyName: `Kühnhardt${Tag}`,
      givenNames: `Ottilie${Tag}`,
      street: `Quittenweg${Tag} 5`,
      city: `Elsterau${Tag}`,
      licencePlate: `MEI-${Tag.slice(0, 2).toUpperCase()} ${digits(4)}`,
      email,
      phone,
    };
    return { kind, demo, answers: { ...demo.answers, ...person }, markers: Object.values(person) };
  }
  const person = {
    fullName: `Ottilie Kühnhardt${Tag}`,
    street: `Quittenweg${Tag} 5`,
    city: `Elsterau${Tag}`,
    phone,
    email,
    items: `Kommode aus Nussbaum ${Tag}, zwei Ohrensessel`,
    placementNote: `Hinter der Scheune ${Tag} am Holunderstrauch`,
  };
  return { kind, demo, answers: { ...demo.answers, ...person }, markers: Object.values(person) };
}

test('after every kind of session end the profile on disk holds nothing the citizen typed or photographed', async ({
  hub,
}) => {
  test.setTimeout(300_000); // about two minutes on an idle machine
  const profile = mkdtempSync(join(tmpdir(), 'pop-disk-profile-'));
  const { args, executablePath } = mediaLaunchOptions();
  const launch = async () => {
    const launched = await chromium.launchPersistentContext(profile, {
      executablePath,
      args,
      headless: true,
    });
    await launched.addInitScript(keepImageBlobs);
    return launched;
  };
  let context = await launch();
  let page = await firstPage(context);
  let kiosk = new KioskPage(page);
  const relaunch = async () => {
    context = await launch();
    page = await firstPage(context);
    kiosk = new KioskPage(page);
    await page.goto(`${hub.url}/kiosk/`);
    // A restart brings nobody's form back: the draft's key died with the browser.
    const attract = page.getByRole('button', { name: /Berühren Sie den Bildschirm/ });
    await expect.soft(attract, 'the next citizen finds the attract screen').toBeVisible();
    // (Reported above; ended here so the remaining kinds still run.)
    if (!(await attract.isVisible())) await kiosk.endSession();
  };

  const texts: string[] = [];
  const photos: Buffer[] = [];
  const findings: Record<string, string[]> = {};
  // After each kind, what that visit left; at the end, everything of every visit again (a later
  // session must not bring back an earlier one's).
  const search = (label: string, visitTexts: readonly string[], visitPhotos: readonly Buffer[]) => {
    const files = readProfile(profile);
    const slices = photoSlices(visitPhotos);
    const photo = sliceHits(files, slices);
    findings[label] = [
      ...textHits(files, visitTexts),
      ...(photo.found > 0
        ? [`${photo.found} of ${slices.length} photo slices in ${photo.files.join(', ')}`]
        : []),
    ];
    expect.soft(findings[label], `after ${label}`).toEqual([]);
  };
  try {
    await kiosk.open(hub.url, { idleTimeoutSeconds: 15, idleWarningSeconds: 8 });
    await kiosk.waitForContent();
    for (const kind of KINDS) {
      const visit = visitFor(kind);
      const taken = await fillToReview(kiosk, visit);
      const visitTexts = [...visit.markers, ...(await sessionKeys(page))];
      texts.push(...visitTexts);
      photos.push(...taken);

      if (kind === 'submit') {
        await kiosk.submit();
        await page.getByRole('button', { name: 'Fertig' }).click();
        await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
      } else if (kind === 'end-session') {
        await kiosk.endSession();
      } else if (kind === 'idle-reset') {
        await expect(page.getByRole('alertdialog', { name: 'Sind Sie noch da?' })).toBeVisible({
          timeout: 30_000,
        });
        await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible({
          timeout: 30_000,
        });
      } else if (kind === 'browser-closed') {
        await context.close();
        await relaunch();
      } else {
        cutPower(profile);
        await relaunch();
      }
      search(kind, visitTexts, taken);
    }
    await context.close();
    search('the last browser closed', texts, photos);
  } finally {
    console.log(
      `disk-privacy: ${Object.entries(findings)
        .map(([label, hits]) => `${label}: ${hits.length} finding(s)`)
        .join('; ')}`,
    );
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});

/**
 * From the attract screen to the review of the visit's form; returns the bytes of the photos
 * taken, as the kiosk keeps them (its thumbnails show the stored bytes). Every field the citizen
 * types into asks the browser not to remember it.
 */
async function fillToReview(kiosk: KioskPage, visit: Visit): Promise<Buffer[]> {
  const { page } = kiosk;
  const { form, service } = visit.demo;
  await kiosk.startInGerman();
  await kiosk.search(service.name.de);
  await kiosk.openService(service.name.de);
  await kiosk.startForm();
  const photos: Buffer[] = [];
  for (const step of form.ui.steps) {
    await expect(page.getByRole('heading', { level: 1, name: step.title.de })).toBeVisible();
    for (const name of step.fields) await kiosk.fillFieldOrFiles(form, name, visit.answers);
    expect
      .soft(await rememberedFields(page), `fields that let the browser remember, step ${step.id}`)
      .toEqual([]);
    if (step.fields.some((name) => isAttachmentWidget(form.ui.fields[name]?.widget ?? 'text')))
      photos.push(...(await thumbnails(page)));
    await kiosk.next();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
  return photos;
}

/** Text fields (and their forms) that do not say autocomplete="off". */
function rememberedFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('form, textarea, input'))
      .filter((el) => !['radio', 'checkbox', 'file', 'hidden'].includes(el.getAttribute('type') ?? ''))
      .filter((el) => el.getAttribute('autocomplete') !== 'off')
      .map((el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute('name') ?? ''}]`),
  );
}

/**
 * Lets the test read the photos as the kiosk holds them: every image Blob the page shows (its
 * thumbnails are object URLs of the stored bytes) is kept in a list the test reads.
 */
function keepImageBlobs(): void {
  const kept: Blob[] = [];
  Object.defineProperty(window, '__popImageBlobs', { value: kept });
  const original = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob && object.type.startsWith('image/')) kept.push(object);
    return original(object);
  };
}

/** The bytes of every picture shown so far in this page (each distinct one once). */
async function thumbnails(page: Page): Promise<Buffer[]> {
  const encoded = await page.evaluate(async () => {
    const blobs = (window as unknown as { __popImageBlobs: Blob[] }).__popImageBlobs;
    return Promise.all(
      blobs.map(async (blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text = '';
        for (const byte of bytes) text += String.fromCharCode(byte);
        return btoa(text);
      }),
    );
  });
  expect(encoded.length, 'photos taken').toBeGreaterThan(0);
  return [...new Set(encoded)].map((text) => Buffer.from(text, 'base64'));
}

/** The keys the page holds for this session (in memory only), so the search looks for them too. */
async function sessionKeys(page: Page): Promise<string[]> {
  const name = await page.evaluate(() => window.name);
  if (!name.startsWith('pop-keys:')) return [];
  return Object.values(JSON.parse(name.slice('pop-keys:'.length)) as Record<string, string>);
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}
