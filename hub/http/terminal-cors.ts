import type { FastifyInstance } from 'fastify';
import { API } from '../../protocol/api.js';
import { CALL_API } from '../../protocol/calls.js';
import { NEXT_CHECKPOINT_HEADER } from '../../protocol/content-changes.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { QUARANTINE_API } from '../../protocol/quarantine.js';
import { sendApiError } from './errors.js';

/** The routes a terminal calls; only these answer other origins (the clerk API never does). */
export const TERMINAL_API_PATHS: readonly string[] = [
  API.health,
  API.content,
  API.contentChanges,
  API.submissions,
  QUARANTINE_API.terminal,
  CALL_API.requests,
  FLEET_API.enroll,
];

/**
 * Terminal routes with a parameter (tracking codes, command ids) or a family of them (fleet,
 * quarantine report: everything under /api/v1/terminal/ is terminal-authenticated).
 */
export const TERMINAL_API_PREFIXES: readonly string[] = ['/api/v1/terminal/', '/api/v1/status/'];

/** Attachment uploads have ids in their paths (protocol/api.ts). */
const ATTACHMENT_ROUTES: readonly string[] = [
  API.submissionAttachmentRoute,
  API.submissionAttachmentChunksRoute,
];
const ATTACHMENT_PATH = /^\/api\/v1\/submissions\/[^/]+\/attachments\/[^/]+(\/chunks)?$/;

/**
 * CORS for the kiosk in the Electron shell, whose pages come from its own origin (app://kiosk).
 * The terminal authenticates with a bearer token, not cookies, so no credentials are allowed.
 * If-None-Match is allowed so the kiosk may ask for a 304 itself; ETag is exposed so it can read it,
 * and the next checkpoint of a content page so it can ask for the next page before parsing this one.
 */
export function installTerminalCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  const isTerminalPath = (url: string) => {
    const path = url.split('?')[0] ?? '';
    return (
      TERMINAL_API_PATHS.includes(path) ||
      ATTACHMENT_PATH.test(path) ||
      TERMINAL_API_PREFIXES.some((prefix) => path.startsWith(prefix))
    );
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!isTerminalPath(request.url)) return;
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin !== undefined && allowed.has(origin.toLowerCase())) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-expose-headers', `ETag, Upload-Offset, ${NEXT_CHECKPOINT_HEADER}`);
    }
  });

  // Registered as a plugin, so the preflight routes appear to onRoute hooks (the route inventory).
  const preflights = async (instance: FastifyInstance) => {
    for (const path of [
      ...TERMINAL_API_PATHS,
      ...ATTACHMENT_ROUTES,
      ...TERMINAL_API_PREFIXES.map((prefix) => `${prefix}*`),
    ])
      instance.options(path, async (request, reply) => {
        const origin = request.headers.origin;
        if (origin === undefined || !allowed.has(origin.toLowerCase())) {
          return sendApiError(reply, 403, {
            error: 'origin_not_allowed',
            message: `The origin ${String(origin ?? '(none)').slice(0, 200)} may not call the terminal API.`,
          });
        }
        return reply
          .status(204)
          .header('access-control-allow-methods', 'GET, POST, PUT')
          .header('access-control-allow-headers', 'authorization, content-type, if-none-match')
          .header('access-control-max-age', '600')
          .send();
      });
  };
  void app.register(preflights);
}
