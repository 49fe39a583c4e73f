import { randomFillSync, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { API, CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import type { FormAnswers } from '../../protocol/forms.js';
import type { SubmissionRequest } from '../../protocol/submission.js';
import { makeTrackingCode } from '../../protocol/tracking-code.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { seedIfEmpty, type SeedData } from '../seed/seed.js';
import { buildHub, type HubOptions } from '../server.js';
import { importDecryptionKey } from '../../renderer/shared/encryption/jwe.js';
import { sealSubmission } from '../../renderer/shared/encryption/seal.js';
import { demoOfficeKeys, demoPrivateKeyPath } from '../../demo/demo-keys.js';
import { fixtureContent, registrationForm } from './fixture-content.js';
import { testProviderKeys } from './fleet.js';
import { TEST_TENANT } from './tenant.js';

export const TEST_TERMINAL = {
  id: 'test-terminal',
  name: 'Testterminal',
  token: 'test-terminal-token-0123456789abcdef',
};
export const TEST_CLERK = { username: 'clerk', displayName: 'Erika Musterfrau', password: 'test-password' };

export { TEST_TENANT };

export const testSeed: SeedData = {
  tenant: TEST_TENANT,
  content: fixtureContent,
  terminal: TEST_TERMINAL,
  clerk: TEST_CLERK,
};

export interface TestHub {
  app: FastifyInstance;
  db: HubKysely;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A hub on a real SQLite file in a fresh temp folder, seeded with the fixture content. Tests go
 * through fastify.inject, so they need no port.
 */
export async function startTestHub(overrides: Partial<Omit<HubOptions, 'db'>> = {}): Promise<TestHub> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-hub-test-'));
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  const app = buildHub({
    db,
    staticDir: join(dataDir, 'no-static-build'),
    checkAnswers: true,
    providerKeys: testProviderKeys,
    ...overrides,
  });
  await app.ready();
  return {
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const terminalHeaders = { authorization: `Bearer ${TEST_TERMINAL.token}` };

export const DEFAULT_ANSWERS: FormAnswers = {
  familyName: 'Musterfrau',
  email: 'erika@example.org',
  adults: 2,
  consent: true,
};

/** The terminal's side, for real: answers sealed to the fixture office's key as the kiosk does it. */
export async function sealedBody(
  answers: FormAnswers = DEFAULT_ANSWERS,
  overrides: Partial<SubmissionRequest> = {},
): Promise<SubmissionRequest> {
  const envelope = {
    id: randomUUID(),
    trackingCode: makeTrackingCode((bytes) => randomFillSync(bytes)),
    formId: registrationForm.id,
    formVersion: registrationForm.version,
    serviceId: 'anmelden',
    locale: 'de' as const,
    submittedAt: '2026-11-02T09:30:00.000+01:00',
  };
  return { ...(await sealSubmission(envelope, answers, demoOfficeKeys('buergerbuero'))), ...overrides };
}

const sealedDefault = await sealedBody();

/** A valid submission for the fixture's registration form; each call has its own id and code. */
export function submissionBody(overrides: Partial<SubmissionRequest> = {}): SubmissionRequest {
  return {
    ...sealedDefault,
    id: randomUUID(),
    trackingCode: makeTrackingCode((bytes) => randomFillSync(bytes)),
    ...overrides,
  };
}

/** The demo office's private key, as a clerk's browser would hold it after the import. */
export async function demoDecryptionKey(): Promise<CryptoKey> {
  const jwk = JSON.parse(await readFile(demoPrivateKeyPath('buergerbuero'), 'utf8')) as JsonWebKey;
  return importDecryptionKey(jwk);
}

/** Logs in through the API and returns the Cookie header for the next requests. */
export async function loginCookie(
  app: FastifyInstance,
  username: string = TEST_CLERK.username,
  password: string = TEST_CLERK.password,
): Promise<string> {
  const response = await app.inject({ method: 'POST', url: API.clerkLogin, payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`login failed with ${response.statusCode}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE);
  if (!cookie) throw new Error('login set no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
