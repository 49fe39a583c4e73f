import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { MAX_SHELL_INCIDENT_BYTES } from '../../protocol/shell-incident.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';

/** A shell in a crash loop reports every tenth crash; more than this per hour is a broken sender. */
export const MAX_INCIDENTS_PER_TERMINAL_HOUR = 60;

/** Kiosk shells report crash loops here; the hub keeps them for monitoring. */
export function shellIncidentRoutes(db: HubKysely, auth: TerminalAuth, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    route(
      app,
      contract.submissions.shellIncident,
      { bodyLimit: MAX_SHELL_INCIDENT_BYTES, guard: auth.authenticate },
      async (request, reply) => {
        const report = request.body;
        const terminal = auth.terminalOf(request);
        const receivedAt = now();
        const hourAgo = new Date(receivedAt.getTime() - 60 * 60 * 1000).toISOString();
        const recent = await db
          .selectFrom('shell_incidents')
          .select((eb) => eb.fn.countAll<number | string>().as('count'))
          .where('terminal_id', '=', terminal.id)
          .where('received_at', '>', hourAgo)
          .executeTakeFirstOrThrow();
        if (Number(recent.count) >= MAX_INCIDENTS_PER_TERMINAL_HOUR) {
          throw new HttpError(429, {
            error: 'too_many_incidents',
            message: `Terminal ${terminal.id} reported ${MAX_INCIDENTS_PER_TERMINAL_HOUR} incidents within the last hour; try later.`,
          });
        }
        const id = randomUUID();
        await db
          .insertInto('shell_incidents')
          .values({
            id,
            terminal_id: terminal.id,
            kind: report.kind,
            details: JSON.stringify(report),
            occurred_at: report.occurredAt,
            received_at: receivedAt.toISOString(),
          })
          .execute();
        request.log.warn(
          { terminalId: terminal.id, kind: report.kind, consecutiveCrashes: report.consecutiveCrashes },
          'kiosk shell reported an incident',
        );
        reply.header('cache-control', 'no-store');
        return reply.status(201).send({ id, receivedAt: receivedAt.toISOString() });
      },
    );
  };
}
