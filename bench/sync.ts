/**
 * bench:sync — side by side in one run, against a real hub on loopback and the real kiosk in
 * headless Chromium:
 * - full first pull of a LeiKa-size catalog (8,600 services + 200 forms): time to applied, bytes
 *   on the wire (target < 3 s);
 * - delta pull after 1% of the services changed: bytes on the wire against the compressed size of
 *   the changed records alone (target at most 2x);
 * - outbox flush of N sealed applications (20 KB data + one 300 KB photo each, the photo sealed as
 *   its own JWE and uploaded in chunks before its submission) after an outage, against a plain
 *   sequential upload of the same bytes from the same page (one PUT of the whole photo, one POST
 *   of the submission, per application); target: flush throughput at least 50% of the plain one.
 * Prints one JSON line last.
 */
import { chromium, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { refreshRevision } from '../hub/content/store.js';
import { migrateToLatest } from '../hub/db/migrate.js';
import { openDatabase } from '../hub/db/open.js';
import { demoAnswers } from '../demo/demo-answers.js';
import { demoContent } from '../demo/demo-content.js';
import { findRepoRoot } from '../hub/repo-root.js';
import { seedIfEmpty } from '../hub/seed/seed.js';
import { DEMO_TENANT, loadDemoSeed } from '../demo/demo-seed.js';
import { API } from '../protocol/api.js';
import { makeTrackingCode } from '../protocol/tracking-code.js';
import { encryptJwe, importEncryptionKey } from '../renderer/shared/encryption/jwe.js';
import { sealSubmission } from '../renderer/shared/encryption/seal.js';
import { chromiumFlags, findChromium } from '../scripts/chromium.js';
import { demoKioskConfig } from '../scripts/kiosk-url.js';
import { submissionsOnDisk } from '../tests/support/demo.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';
import { leikaSizeCatalog } from './support/leika-catalog.js';

const APPLICATIONS = Number(process.env['POP_BENCH_APPLICATIONS'] ?? 1_000);
const catalog = leikaSizeCatalog();

// A data folder seeded with the big catalog before the hub starts on it.
const dataDir = mkdtempSync(join(tmpdir(), 'pop-bench-sync-'));
{
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  const seed = await loadDemoSeed(findRepoRoot());
  await seedIfEmpty(db, { ...seed, content: catalog });
  await db.destroy();
}
const hub = await startHub({ dataDir });
// A profile on disk, as the terminal has: IndexedDB on disk, not the in-memory one of an
// incognito context (which would flatter the flush).
const profileDir = mkdtempSync(join(tmpdir(), 'pop-bench-sync-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: findChromium() ?? undefined,
  args: chromiumFlags(),
  headless: true,
  serviceWorkers: 'block',
});

try {
  const page = context.pages()[0] ?? (await context.newPage());
  const wire = await wireCounter(page, API.contentChanges);
  const kiosk = new KioskPage(page);

  // 1. Full first pull.
  const fullStart = performance.now();
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  const fullMs = performance.now() - fullStart;
  const fullBytes = wire.take();

  // 2. Delta after 1% changed.
  const changed = catalog.services.filter((_, i) => i % 100 === 0);
  const later = new Date(Date.now() + 60_000).toISOString();
  const revisionBefore = await kiosk.contentRevision();
  {
    const { db } = openDatabase({ dataDir });
    for (const service of changed) {
      const document = {
        ...service,
        shortText: { ...service.shortText, de: `${service.shortText.de} (geändert)` },
        updatedAt: later,
      };
      await db
        .updateTable('services')
        .set({ document: JSON.stringify(document), updated_at: later })
        .where('id', '=', service.id)
        .execute();
    }
    await refreshRevision(db, DEMO_TENANT.id, later);
    await db.destroy();
  }
  // Compressed as the wire is (brotli), so the ratio compares like with like.
  const changedCompressed = brotliCompressSync(
    JSON.stringify(changed.map((s) => ({ ...s, updatedAt: later }))),
  ).length;
  await page.reload(); // boots, probes, pulls the delta
  await waitForRevisionChange(kiosk, revisionBefore);
  const deltaBytes = wire.take();

  // 3. Outbox flush after an outage, against a plain upload of the same bytes.
  const office = catalog.offices.find((o) => o.id === catalog.forms[0]?.officeId);
  const form = catalog.forms[0];
  if (!office || !form) throw new Error('catalog without forms');
  const answers = demoAnswers[demoContent.forms[0]?.id ?? ''] ?? {}; // form-000 is a copy of it
  // 20 KB of data per application: the answers plus incompressible filler (the hub cannot read
  // the data, so it does not mind), and one 300 KB photo sealed as its own JWE. Every application
  // carries the same photo ciphertext under its own attachment id, so the page gets it once.
  const filler = randomFillSync(Buffer.alloc(14 * 1024)).toString('base64');
  const photo = new Uint8Array(randomFillSync(Buffer.alloc(300 * 1024)));
  const [photoKey] = office.encryptionKeys.filter((k) => k.status === 'current');
  if (!photoKey) throw new Error('office without a current key');
  const photoJwe = await encryptJwe(
    photo,
    await importEncryptionKey(photoKey.jwk as JsonWebKey),
    photoKey.kid,
  );
  const seal = async () => {
    const request = await sealSubmission(
      {
        id: crypto.randomUUID(),
        trackingCode: makeTrackingCode((b) => randomFillSync(b)),
        formId: form.id,
        formVersion: form.version,
        serviceId: catalog.services[0]?.id ?? '',
        locale: 'de',
        submittedAt: new Date().toISOString(),
      },
      { ...answers, benchFiller: filler },
      office.encryptionKeys,
    );
    return { ...request, attachments: [{ id: crypto.randomUUID(), length: photoJwe.length }] };
  };
  const queued = await Promise.all(Array.from({ length: APPLICATIONS }, seal));
  const plain = await Promise.all(Array.from({ length: APPLICATIONS }, seal));
  const dataBytes = Math.round(
    queued.reduce((sum, r) => sum + r.data.length + r.metadata.length, 0) / APPLICATIONS,
  );

  await context.setOffline(true);
  await page.evaluate(
    async ({ entries, jwe }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      // In slices, so a thousand photos do not make one giant transaction.
      for (let start = 0; start < entries.length; start += 50) {
        const tx = db.transaction(['outbox', 'outboxAttachments'], 'readwrite');
        for (const request of entries.slice(start, start + 50)) {
          tx.objectStore('outbox').put({
            id: request.id,
            state: 'final',
            request,
            attempts: 0,
            nextAttemptAt: 0,
            lastError: null,
            createdAt: request.submittedAt,
          });
          for (const ref of request.attachments)
            tx.objectStore('outboxAttachments').put({ submissionId: request.id, id: ref.id, jwe });
        }
        await new Promise((resolve) => (tx.oncomplete = resolve));
      }
      db.close();
    },
    { entries: queued, jwe: photoJwe },
  );
  const flushStart = performance.now();
  await context.setOffline(false);
  // Done when the hub holds every application (it answers only after its commit). Counting the
  // kiosk's outbox instead would read its IndexedDB every 50 ms while the sender works on it.
  // Progress per tenth, so a reader sees whether the flush slows down as it goes.
  const tenths: number[] = [];
  for (let polls = 0, count = 0; (count = submittedCount(dataDir)) < APPLICATIONS; polls++) {
    if (polls > 12_000) throw new Error('the outbox did not drain in 10 minutes');
    while (count >= ((tenths.length + 1) * APPLICATIONS) / 10)
      tenths.push(Math.round(performance.now() - flushStart));
    await page.waitForTimeout(50);
  }
  console.log(`flush progress, ms at each tenth: ${tenths.join(', ')}`);
  const flushMs = performance.now() - flushStart;
  for (let polls = 0; (await kiosk.outboxSize()) > 0; polls++) {
    if (polls > 600) throw new Error('the kiosk kept acknowledged applications in its outbox');
    await page.waitForTimeout(50);
  }

  const token = String(demoKioskConfig(hub.url)['terminalToken']);
  const rawMs = await page.evaluate(
    async ({ bodies, base, token, jwe }) => {
      const auth = { authorization: `Bearer ${token}` };
      const start = performance.now();
      for (const body of bodies) {
        for (const ref of body.attachments) {
          const url = `${base}/api/v1/submissions/${body.id}/attachments/${ref.id}/chunks?offset=0&length=${jwe.length}`;
          const put = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', ...auth },
            body: jwe,
          });
          if (!put.ok) throw new Error(`plain photo upload answered ${put.status}`);
        }
        const response = await fetch(`${base}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`plain upload answered ${response.status}`);
      }
      return performance.now() - start;
    },
    { bodies: plain, base: hub.url, token, jwe: photoJwe },
  );

  const delivered = submissionCount(dataDir);
  if (delivered !== 2 * APPLICATIONS)
    throw new Error(`the hub holds ${delivered} applications, expected ${2 * APPLICATIONS}`);
  console.log(
    `full pull ${Math.round(fullMs)} ms, ${fullBytes} bytes; delta ${deltaBytes} bytes vs ${changedCompressed} compressed changed records; ` +
      `flush of ${APPLICATIONS}: ${Math.round(flushMs)} ms vs plain upload ${Math.round(rawMs)} ms`,
  );
  console.log(
    JSON.stringify({
      full_pull_ms: Math.round(fullMs),
      full_pull_bytes: fullBytes,
      delta_bytes: deltaBytes,
      delta_changed_bytes_compressed: changedCompressed,
      flush_ms: Math.round(flushMs),
      raw_upload_ms: Math.round(rawMs),
      services: catalog.services.length,
      forms: catalog.forms.length,
      applications: APPLICATIONS,
      data_bytes_per_application: dataBytes,
      photo_bytes_per_application: photo.length,
      photo_sealed_bytes: photoJwe.length,
      flush_vs_plain_throughput: Number((rawMs / flushMs).toFixed(2)),
      flush_progress_tenths_ms: tenths,
    }),
  );
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
  await hub.stop();
  removeDataDir(dataDir);
}

/** Sums the bytes on the wire (compressed, with headers) of responses whose URL contains `path`. */
async function wireCounter(page: Page, path: string): Promise<{ take(): number }> {
  const cdp = await page.context().newCDPSession(page);
  // Only sizes are needed: no body buffering in the browser, which would slow the pull it measures.
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  const urls = new Map<string, string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    if (urls.get(event.requestId)?.includes(path)) bytes += event.encodedDataLength;
  });
  return {
    take() {
      const value = bytes;
      bytes = 0;
      return value;
    },
  };
}

async function waitForRevisionChange(kiosk: KioskPage, before: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await kiosk.contentRevision().catch(() => before)) !== before) return;
    await kiosk.page.waitForTimeout(50);
  }
  throw new Error('the delta pull did not arrive');
}

/** A cheap count straight from the hub's SQLite file (read-only, beside the running hub). */
function submittedCount(dir: string): number {
  const db = new Database(join(dir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function submissionCount(dir: string): number {
  return submissionsOnDisk(dir).length;
}
