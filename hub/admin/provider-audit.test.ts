import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, pathOf } from '../../protocol/routes/index.js';
import {
  ADMIN_PROVIDER_NAME,
  ADMIN_PROVIDER_TOKEN,
  adminCall,
  adminDialects,
  firstAdmin,
  startAdminHub,
  type AdminTestHub,
} from '../testing/admin-hub.js';
import { TEST_TERMINAL } from '../testing/test-hub.js';

describe.each(adminDialects())('provider actions in the audit log on %s', (_name, open) => {
  let hub: AdminTestHub;
  let cookie: string;
  beforeAll(async () => {
    hub = await startAdminHub(open);
    cookie = await firstAdmin(hub.app);
  }, 60_000);
  afterAll(() => hub.close(), 60_000);

  const provider = { authorization: `Bearer ${ADMIN_PROVIDER_TOKEN}` };

  it('records enrollment codes (never the code) and revocations with the provider’s name', async () => {
    const code = await hub.app.inject({
      method: 'POST',
      url: contract.fleetProvider.enrollmentCode.path,
      headers: provider,
      payload: { terminalId: 'bibliothek-1', name: 'Bibliothek', ttlMinutes: 30 },
    });
    expect(code.statusCode).toBe(201);
    const revoked = await hub.app.inject({
      method: 'POST',
      url: pathOf(contract.fleetProvider.revoke.path, { id: TEST_TERMINAL.id }),
      headers: provider,
      payload: {},
    });
    expect(revoked.statusCode).toBe(204);
    const audit = await adminCall(
      hub.app,
      cookie,
      'GET',
      `${contract.admin.audit.path}?actor=${ADMIN_PROVIDER_NAME}`,
    );
    const entries = audit.json<{ entries: { action: string; target: string; actorKind: string }[] }>()
      .entries;
    expect(entries.map((e) => [e.action, e.target, e.actorKind])).toEqual([
      ['admin.invite', 'clerk:admin', 'provider'],
      ['terminal.enrollment-code', 'terminal:bibliothek-1', 'provider'],
      ['terminal.revoke', `terminal:${TEST_TERMINAL.id}`, 'provider'],
    ]);
    const secret = code.json<{ code: string }>().code;
    expect(audit.body).not.toContain(secret);
  });
});
