import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import type { RouteContract } from '../../protocol/routes/index.js';

/** Why an answer breaks its route's contract, or undefined when it keeps it. */
export function answerProblem(
  contract: RouteContract,
  status: number,
  payload: unknown,
  contentType: string | undefined,
): string | undefined {
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
  if (payload !== undefined && payload !== null && text === undefined) return undefined; // a stream
  if (status >= 400) return jsonProblem(ApiError, text, 'an ApiError');
  const answer = contract.answers[status];
  if (!answer)
    return `status ${status} is not among its answers (${Object.keys(contract.answers).join(', ')})`;
  switch (answer.kind) {
    case 'empty':
      return text === undefined || text === '' ? undefined : 'a body where the contract has none';
    case 'text':
      return contentType?.startsWith(answer.mediaType)
        ? undefined
        : `${contentType} instead of ${answer.mediaType}`;
    case 'json':
      return jsonProblem(answer.schema, text, 'the answer schema');
  }
}

function jsonProblem(schema: z.ZodType, text: string | undefined, what: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return `a body that is not JSON where ${what} was expected`;
  }
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return `it does not match ${what}: ${issues.join('; ')}`;
}

/**
 * Tests only: every answer of a contract route is checked against the contract before it
 * leaves; a mismatch turns into a loud 500 naming the route and the problem.
 */
export function installAnswerCheck(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const contract = request.routeOptions.config.contract;
    if (!contract) return payload;
    const contentType = reply.getHeader('content-type');
    const problem = answerProblem(
      contract,
      reply.statusCode,
      payload,
      typeof contentType === 'string' ? contentType : undefined,
    );
    if (!problem) return payload;
    const message = `${contract.method} ${contract.path} answered ${reply.statusCode} outside its contract: ${problem}`;
    request.log.error(message);
    console.error(message);
    reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify({ error: 'answer_outside_contract', message });
  });
}
