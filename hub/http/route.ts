import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  LogLevel,
  onRequestHookHandler,
  RouteHandlerMethod,
} from 'fastify';
import type { z } from 'zod';
import { describeZodError } from '../../protocol/errors.js';
import type {
  JsonAnswerOf,
  ParamsOf,
  ParsedBodyOf,
  QueryOf,
  RouteContract,
} from '../../protocol/routes/index.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract entry a route was registered from (see protocol/routes). */
    contract?: RouteContract;
  }
}

export type ContractRequest<R extends RouteContract> = FastifyRequest<{
  Params: ParamsOf<R>;
  Querystring: QueryOf<R>;
  Body: ParsedBodyOf<R>;
}>;

/** A handler typed from its contract: parsed params, query and body in, a contract answer out. */
export type RouteHandler<R extends RouteContract> = (
  request: ContractRequest<R>,
  reply: FastifyReply,
) => Promise<JsonAnswerOf<R> | FastifyReply | undefined>;

export interface RouteOptions {
  /** The audience's check (terminal token, clerk session, provider token): required unless public. */
  guard?: onRequestHookHandler | onRequestHookHandler[];
  bodyLimit?: number;
  logLevel?: LogLevel;
}

/** Zod validates params, query and body; a mismatch is the hub's usual 400 naming each path. */
function zodValidator({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const zod = schema as z.ZodType;
  return (data: unknown) => {
    // Fastify hands an absent body over as null; the schemas expect it as it came (undefined).
    const result = zod.safeParse(httpPart === 'body' && data === null ? undefined : data);
    if (result.success) return { value: result.data };
    return { error: new HttpError(400, { error: 'invalid_request', ...describeZodError(result.error) }) };
  };
}

function guardsOf(contract: RouteContract, options: RouteOptions): onRequestHookHandler[] {
  const guards = options.guard === undefined ? [] : [options.guard].flat();
  if (contract.audience !== 'public' && guards.length === 0)
    throw new Error(
      `${contract.method} ${contract.path} is for the ${contract.audience} audience but has no guard`,
    );
  return guards;
}

/**
 * Registers one route from its contract entry: method, path, validation of params, query and
 * body, the audience's guard, and the entry itself in the route config (for the answer check).
 */
export function route<R extends RouteContract>(
  app: FastifyInstance,
  contract: R,
  handler: RouteHandler<R>,
): void;
export function route<R extends RouteContract>(
  app: FastifyInstance,
  contract: R,
  options: RouteOptions,
  handler: RouteHandler<R>,
): void;
export function route<R extends RouteContract>(
  app: FastifyInstance,
  contract: R,
  ...rest: [RouteHandler<R>] | [RouteOptions, RouteHandler<R>]
): void {
  const [options, handler] = rest.length === 1 ? [{}, rest[0]] : rest;
  const body = contract.body && 'safeParse' in contract.body ? contract.body : undefined;
  const schema = {
    ...(contract.params ? { params: contract.params } : {}),
    ...(contract.query ? { querystring: contract.query } : {}),
    ...(body ? { body } : {}),
  };
  const guards = guardsOf(contract, options);
  app.route({
    method: contract.method,
    url: contract.path,
    schema,
    validatorCompiler: zodValidator,
    config: { contract },
    handler: handler as unknown as RouteHandlerMethod,
    ...(guards.length > 0 ? { onRequest: guards } : {}),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
  });
}
