import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, HttpError } from '../../protocol/routes/client.js';
import { contract } from '../../protocol/routes/index.js';
import { startTestHub, submissionBody, TEST_TERMINAL, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
let api: ApiClient;
let baseUrl: string;
beforeAll(async () => {
  hub = await startTestHub();
  baseUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  api = new ApiClient({ baseUrl, token: () => TEST_TERMINAL.token });
});
afterAll(() => hub.close());

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as HttpError,
  );

describe('the typed client against a real hub', () => {
  it('sends a terminal call with its token and parses the answer by status', async () => {
    const body = submissionBody();
    const created = await api.call(contract.submissions.create, { body });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ id: body.id, trackingCode: body.trackingCode, status: 'received' });
    const status = await api.json(contract.submissions.trackingStatus, {
      params: { trackingCode: body.trackingCode },
    });
    expect(status.status).toBe('received');
  });

  it('fills path parameters and query, and sends raw bodies with their media type', async () => {
    const { id } = submissionBody();
    const attachmentId = '0b7f3a52-6c1e-4f7a-9d2e-3c4b5a697881';
    const state = await api.json(contract.submissions.putChunk, {
      params: { id, attachmentId },
      query: { offset: 0, length: 10 },
      body: 'abcde',
    });
    expect(state).toEqual({ offset: 5, length: 10, complete: false });
    expect(
      api.url(contract.submissions.putChunk, {
        params: { id, attachmentId },
        query: { offset: 5, length: 10 },
      }),
    ).toMatch(
      new RegExp(`/api/v1/submissions/${id}/attachments/${attachmentId}/chunks\\?offset=5&length=10$`),
    );
  });

  it('turns error answers into HttpError with the hub’s code and issues', async () => {
    const unknown = await caught(
      api.json(contract.submissions.trackingStatus, { params: { trackingCode: 'AAAA-BBBB-CCCC' } }),
    );
    expect(unknown).toBeInstanceOf(HttpError);
    expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
    const invalid = await caught(
      api.call(contract.submissions.create, { body: { ...submissionBody(), id: 'nope' } }),
    );
    expect([invalid.status, invalid.code]).toEqual([400, 'invalid_request']);
    expect(invalid.issues.map((i) => i.path)).toContain('id');
    const anonymous = await caught(
      new ApiClient({ baseUrl: api.url(contract.content.health, {}).replace('/api/v1/health', '') }).json(
        contract.content.snapshot,
        {},
      ),
    );
    expect(anonymous.status).toBe(401);
  });

  it('reports an unreachable hub as status 0', async () => {
    const away = new ApiClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    const error = await caught(away.json(contract.content.health, {}));
    expect(error.unreachable).toBe(true);
  });
});
