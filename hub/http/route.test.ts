import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import { defineRoute, empty, json } from '../../protocol/routes/index.js';
import { installAnswerCheck } from './answer-check.js';
import { installErrorHandling } from './errors.js';
import { route } from './route.js';

const echo = defineRoute({
  method: 'POST',
  path: '/api/v1/echo/:id',
  audience: 'public',
  summary: 'Test route.',
  params: z.object({ id: z.uuid({ message: 'id must be a UUID' }) }),
  query: z.object({ times: z.coerce.number().int().min(1).default(1) }),
  body: z.strictObject({ word: z.string().min(1) }),
  answers: { 200: json(z.object({ words: z.array(z.string()) }), 'Echoed.'), 204: empty('Nothing.') },
});
const ID = '6a1f1c52-2b1e-4d7f-9c3e-1f1e0a7b5c11';

function app(answer: (words: string[]) => unknown, checkAnswers = true) {
  const hub = Fastify();
  installErrorHandling(hub);
  if (checkAnswers) installAnswerCheck(hub);
  route(hub, echo, async (request) => {
    expect(request.query.times).toBeTypeOf('number'); // coerced by the contract
    return answer(Array.from({ length: request.query.times }, () => request.body.word)) as never;
  });
  return hub;
}

describe('route', () => {
  it('hands the handler parsed params, query and body', async () => {
    const response = await app((words) => ({ words })).inject({
      method: 'POST',
      url: `/api/v1/echo/${ID}?times=2`,
      payload: { word: 'hallo' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ words: ['hallo', 'hallo'] });
  });

  it('refuses bad params, query and body with the hub’s 400 naming the field', async () => {
    const hub = app((words) => ({ words }));
    const badId = await hub.inject({ method: 'POST', url: '/api/v1/echo/x', payload: { word: 'a' } });
    expect(badId.statusCode).toBe(400);
    expect(ApiError.parse(badId.json())).toMatchObject({
      error: 'invalid_request',
      message: 'Invalid request: id: id must be a UUID',
    });
    const badBody = await hub.inject({ method: 'POST', url: `/api/v1/echo/${ID}`, payload: { word: '' } });
    expect(ApiError.parse(badBody.json()).issues?.map((i) => i.path)).toEqual(['word']);
    const badQuery = await hub.inject({
      method: 'POST',
      url: `/api/v1/echo/${ID}?times=0`,
      payload: { word: 'a' },
    });
    expect(ApiError.parse(badQuery.json()).issues?.map((i) => i.path)).toEqual(['times']);
    const noBody = await hub.inject({ method: 'POST', url: `/api/v1/echo/${ID}` });
    expect(ApiError.parse(noBody.json()).issues?.map((i) => i.path)).toEqual(['(body)']);
  });

  it('will not register a route for an audience without its guard', () => {
    const hub = Fastify();
    const guarded = defineRoute({ ...echo, audience: 'clerk' });
    expect(() => route(hub, guarded, async () => undefined)).toThrow(/clerk audience but has no guard/);
  });
});

describe('the answer check', () => {
  it('turns an answer outside the contract into a loud 500 naming the route', async () => {
    const response = await app(() => ({ words: 'not a list' })).inject({
      method: 'POST',
      url: `/api/v1/echo/${ID}`,
      payload: { word: 'a' },
    });
    expect(response.statusCode).toBe(500);
    expect(ApiError.parse(response.json())).toMatchObject({ error: 'answer_outside_contract' });
    expect(response.json().message).toContain('POST /api/v1/echo/:id answered 200 outside its contract');
  });

  it('lets the same answer through when the check is off (production)', async () => {
    const response = await app(() => ({ words: 'not a list' }), false).inject({
      method: 'POST',
      url: `/api/v1/echo/${ID}`,
      payload: { word: 'a' },
    });
    expect(response.statusCode).toBe(200);
  });
});
