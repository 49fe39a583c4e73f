import { z } from 'zod';
import { SignedConfig } from '../../kiosk-config/fleet/signed.js';
import { ContentSnapshot } from '../content.js';
import { ApiError } from '../errors.js';
import { FieldUi, FormDefinition } from '../forms.js';
import type { Audience, RouteContract } from './contract.js';
import { allRoutes } from './index.js';

type JsonSchema = Record<string, unknown>;
type Registry = ReturnType<typeof z.registry<{ id: string }>>;

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const COMPONENTS = '#/components/schemas/';

/** Bodies and answers become named components; what several routes share is described once. */
function componentRef(registry: Registry, schema: z.ZodType, id: string): JsonSchema {
  const known = registry.get(schema);
  if (!known) registry.add(schema, { id });
  return { $ref: `${COMPONENTS}${known?.id ?? id}` };
}

/** JSON Schema of what a side sends (the input side of a zod schema), for embedding in OpenAPI. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const converted: JsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  delete converted.$schema; // the document's dialect is OpenAPI 3.1's
  return converted;
}

const SECURITY: Record<Audience, Record<string, string[]>[]> = {
  public: [],
  terminal: [{ terminalToken: [] }],
  clerk: [{ clerkSession: [] }],
  admin: [{ clerkSession: [] }],
  provider: [{ providerToken: [] }, { providerCookie: [] }],
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; `issues` names each field.',
  401: 'No or no valid credential for this audience.',
  403: 'Origin not allowed, or this account may not do it (role, password change pending).',
  404: 'Not found (or not yours).',
  409: 'Conflicts with what the hub has.',
  413: 'Body larger than the route allows.',
  415: 'Wrong content type.',
  422: 'Understood but not acceptable.',
  429: 'Too many requests; try later.',
  507: 'Storage quota of the terminal exhausted; try later.',
};

function parameters(route: RouteContract): JsonSchema[] {
  const of = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      schema: property,
    }));
  };
  return [...of(route.params, 'path'), ...of(route.query, 'query')];
}

function requestBody(route: RouteContract, registry: Registry, id: string): JsonSchema | undefined {
  const body = route.body;
  if (!body) return undefined;
  if ('kind' in body && body.kind === 'raw')
    return {
      required: true,
      description: body.description,
      content: { [body.mediaType]: { schema: { type: 'string', format: 'binary' } } },
    };
  const schema = componentRef(registry, body as z.ZodType, `${id}Body`);
  return { required: true, content: { 'application/json': { schema } } };
}

function responses(route: RouteContract, registry: Registry, id: string): JsonSchema {
  const out: JsonSchema = {};
  for (const [status, answer] of Object.entries(route.answers)) {
    if (answer.kind === 'empty') out[status] = { description: answer.description };
    else if (answer.kind === 'text')
      out[status] = {
        description: answer.description,
        content: { [answer.mediaType]: { schema: { type: 'string' } } },
      };
    else
      out[status] = {
        description: answer.description,
        content: { 'application/json': { schema: componentRef(registry, answer.schema, `${id}Answer`) } },
      };
  }
  const errors = new Set(route.errors ?? []);
  if (route.params || route.query || (route.body && !('kind' in route.body))) errors.add(400);
  if (route.audience !== 'public') errors.add(401);
  // An admin route refuses a clerk without the role, and an account that must change its password.
  if (route.audience === 'admin') errors.add(403);
  for (const status of [...errors].sort()) {
    out[String(status)] = {
      description: ERROR_TEXT[status] ?? 'Error.',
      content: { 'application/json': { schema: { $ref: `${COMPONENTS}ApiError` } } },
    };
  }
  return out;
}

function components(registry: Registry): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENTS}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

/** The OpenAPI 3.1 description of the hub API, generated from protocol/routes. */
export function openApiDocument(version: string): JsonSchema {
  const registry: Registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries({
    ApiError,
    FieldUi,
    FormDefinition,
    ContentSnapshot,
    SignedConfig,
  }))
    registry.add(schema, { id });
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { domain, name, route } of allRoutes()) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const id = `${pascal(domain)}${pascal(name)}`;
    const body = requestBody(route, registry, id);
    const params = parameters(route);
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: `${domain}.${name}`,
      tags: [domain],
      summary: route.summary,
      ...(route.websocket ? { 'x-websocket': true } : {}),
      'x-audience': route.audience,
      security: SECURITY[route.audience],
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route, registry, id),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Point of Public hub API',
      version,
      description:
        'Generated from protocol/routes by `npm run api:openapi`; do not edit by hand. Every error answer is an ApiError.',
    },
    paths,
    components: {
      schemas: components(registry),
      securitySchemes: {
        terminalToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Installation token or short-lived terminal token.',
        },
        clerkSession: { type: 'apiKey', in: 'cookie', name: 'pop_clerk_session' },
        providerToken: { type: 'http', scheme: 'bearer', description: 'Provider API token.' },
        providerCookie: { type: 'apiKey', in: 'cookie', name: 'pop_provider' },
      },
    },
  };
}

/** The committed file's exact text. */
export const openApiText = (version: string): string =>
  `${JSON.stringify(openApiDocument(version), null, 2)}\n`;
