import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureProviderToken } from '../hub/fleet/provider-auth.js';
import { startTestHub, type TestHub } from '../hub/testing/test-hub.js';
import { runCli } from './cli.js';

const TOKEN = 'provider-token-for-retention-cli-0123';
let hub: TestHub;
let hubUrl: string;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { POP_HUB_URL: hubUrl, POP_PROVIDER_TOKEN: TOKEN },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  hub = await startTestHub();
  await ensureProviderToken(hub.db, TOKEN, 'cli', new Date());
  hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => hub.close());

describe('pop-provider retention and deletions', () => {
  it('lists, sets and removes retention periods, and reads the deletion log', async () => {
    expect(await cli('retention')).toMatchObject({
      code: 0,
      out: 'No retention rules: the hub keeps every application.',
    });
    expect((await cli('retention', '--office', 'buergerbuero', '--days', '90')).out).toBe(
      'office buergerbuero: 90 days after processing',
    );
    const removed = await cli('retention', '--office', 'buergerbuero', '--remove');
    expect(removed.out).toContain('Removed the retention rule of office buergerbuero.');
    expect(await cli('deletions')).toMatchObject({ code: 0, out: 'Nothing deleted yet.' });
  });

  it('explains mistakes and the hub’s refusals', async () => {
    expect((await cli('retention', '--days', '30')).err).toMatch(/needs --office <id> or --form <id>/);
    expect((await cli('retention', '--office', 'a', '--form', 'b', '--days', '3')).code).toBe(2);
    expect((await cli('retention', '--office', 'buergerbuero', '--days', 'x')).err).toMatch(
      /--days must be a whole number/,
    );
    const unknown = await cli('retention', '--office', 'nirgendwo', '--days', '30');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/targetId: there is no office nirgendwo/);
    const zero = await cli('retention', '--form', 'anmeldung', '--days', '0');
    expect(zero.code).toBe(1);
    expect(zero.err).toMatch(/days must be at least 1/);
  });
});
