import type { z } from 'zod';

/**
 * The hub's route contract: one entry per route with everything both sides need — method,
 * path, who may call it, what goes in and what comes back. The hub registers its routes from
 * these entries, the typed client builds its requests from them, tests check the hub's answers
 * against them and docs/api/openapi.json is generated from them.
 */

/** Who may call a route, as the hub checks it. */
export type Audience =
  /** Anyone: the credential, if any, travels in the body (login, enrollment, token). */
  | 'public'
  /** A kiosk terminal: `Authorization: Bearer <installation or terminal token>`. */
  | 'terminal'
  /** A clerk of the console: the session cookie from the clerk login. */
  | 'clerk'
  /** A municipal admin: the clerk session cookie of an account with the role admin. */
  | 'admin'
  /** The IT provider: `Authorization: Bearer <provider token>` or the provider cookie. */
  | 'provider';

export type Method = 'GET' | 'POST' | 'PUT';

/** An answer without a body (204, 202, 304, or a bodiless 200). */
export interface EmptyAnswer {
  readonly kind: 'empty';
  readonly description: string;
}

/** A JSON answer checked against its schema. */
export interface JsonAnswer<S extends z.ZodType = z.ZodType> {
  readonly kind: 'json';
  readonly schema: S;
  readonly description: string;
}

/** A text answer of another media type (a JWE, a redirect page); not checked beyond its type. */
export interface TextAnswer {
  readonly kind: 'text';
  readonly mediaType: string;
  readonly description: string;
}

export type Answer = EmptyAnswer | JsonAnswer | TextAnswer;

export const empty = (description: string): EmptyAnswer => ({ kind: 'empty', description });
export const json = <S extends z.ZodType>(schema: S, description: string): JsonAnswer<S> => ({
  kind: 'json',
  schema,
  description,
});
export const text = (mediaType: string, description: string): TextAnswer => ({
  kind: 'text',
  mediaType,
  description,
});

/** A request body that is not JSON (attachment chunks). */
export interface RawBody {
  readonly kind: 'raw';
  readonly mediaType: string;
  readonly description: string;
}

export interface RouteContract {
  readonly method: Method;
  /** Fastify syntax: `/api/v1/clerk/submissions/:id`. */
  readonly path: string;
  readonly audience: Audience;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType | RawBody;
  /** Success answers by status code; every error answer is an ApiError. */
  readonly answers: Readonly<Record<number, Answer>>;
  /** Error statuses the route itself answers (besides 400 for bad input and 401 for a missing credential). */
  readonly errors?: readonly number[];
  /** A WebSocket upgrade: the messages are described by the schemas named in `summary`. */
  readonly websocket?: true;
}

/** Keeps the literal types of an entry, so handlers and the client are typed from it. */
export const defineRoute = <const R extends RouteContract>(route: R): R => route;

/** The JSON body a route takes, or never. */
export type BodyOf<R extends RouteContract> = R['body'] extends z.ZodType ? z.input<R['body']> : never;
export type ParsedBodyOf<R extends RouteContract> = R['body'] extends z.ZodType
  ? z.output<R['body']>
  : R['body'] extends RawBody
    ? Uint8Array
    : undefined;
export type ParamsOf<R extends RouteContract> = R['params'] extends z.ZodType
  ? z.output<R['params']>
  : Record<string, never>;
export type ParamsInputOf<R extends RouteContract> = R['params'] extends z.ZodType
  ? z.input<R['params']>
  : Record<string, never>;
export type QueryOf<R extends RouteContract> = R['query'] extends z.ZodType
  ? z.output<R['query']>
  : Record<string, never>;
export type QueryInputOf<R extends RouteContract> = R['query'] extends z.ZodType
  ? z.input<R['query']>
  : Record<string, never>;

/** The JSON answers of a route, as the hub sends them. */
export type JsonAnswerOf<R extends RouteContract> = {
  [K in keyof R['answers']]: R['answers'][K] extends JsonAnswer<infer S> ? z.input<S> : never;
}[keyof R['answers']];

/** The JSON answers of a route, as a client reads them after parsing. */
export type ParsedAnswerOf<R extends RouteContract> = {
  [K in keyof R['answers']]: R['answers'][K] extends JsonAnswer<infer S> ? z.output<S> : never;
}[keyof R['answers']];

/** `/a/:id/b` with `{ id: 'x y' }` → `/a/x%20y/b`. */
export function pathOf(path: string, params: Readonly<Record<string, string | number>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Path ${path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
