import { randomUUID } from 'node:crypto';
import type { CommandKind, CommandResult, FleetCommand, PendingCommand } from '../../protocol/fleet.js';
import type { FleetTables } from '../db/fleet-schema.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';

/**
 * Remote commands ride on the heartbeat answer, so a terminal needs no extra polling. The queue
 * is the table alone: a command queued through one hub instance reaches the terminal at whichever
 * instance it heartbeats to, and one indexed conditional update per heartbeat hands it out once.
 */
export class CommandQueue {
  constructor(private readonly db: HubKysely) {}

  async create(
    terminalId: string,
    kind: CommandKind,
    ttlSeconds: number,
    now: Date,
    tenantId?: string,
  ): Promise<FleetCommand> {
    let lookup = this.db.selectFrom('terminals').select(['id', 'revoked_at']).where('id', '=', terminalId);
    // Another municipality's terminal answers like a missing one.
    if (tenantId !== undefined) lookup = lookup.where('tenant_id', '=', tenantId);
    const terminal = await lookup.executeTakeFirst();
    if (!terminal)
      throw new HttpError(404, {
        error: 'terminal_not_found',
        message: `There is no terminal "${terminalId}".`,
      });
    if (terminal.revoked_at)
      throw new HttpError(409, {
        error: 'terminal_revoked',
        message: `Terminal "${terminalId}" is revoked.`,
      });
    const command = {
      id: randomUUID(),
      terminal_id: terminalId,
      kind,
      status: 'pending',
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
      delivered_at: null,
      completed_at: null,
      result: null,
    };
    await this.db.insertInto('terminal_commands').values(command).execute();
    return toCommand(command, now);
  }

  /** Commands to hand to the terminal now; each is handed out once and only before it expires. */
  async take(terminalId: string, now: Date): Promise<PendingCommand[]> {
    const at = now.toISOString();
    // Marking and reading in one statement: of two instances answering at once, one gets each row.
    const rows = await this.db
      .updateTable('terminal_commands')
      .set({ status: 'delivered', delivered_at: at })
      .where('terminal_id', '=', terminalId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', at)
      .returning(['id', 'kind', 'expires_at', 'created_at'])
      .execute();
    return rows
      .sort((x, y) => x.created_at.localeCompare(y.created_at) || x.id.localeCompare(y.id))
      .map((r) => ({ id: r.id, kind: r.kind as CommandKind, expiresAt: r.expires_at }));
  }

  /** Only the terminal a command was for can answer it. */
  async complete(terminalId: string, id: string, result: CommandResult, now: Date): Promise<void> {
    const text = result.output ? `${result.message}\n\n${result.output}` : result.message;
    const updated = await this.db
      .updateTable('terminal_commands')
      .set({ status: result.ok ? 'done' : 'failed', completed_at: now.toISOString(), result: text })
      .where('id', '=', id)
      .where('terminal_id', '=', terminalId)
      .where('status', '=', 'delivered')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new HttpError(404, {
        error: 'command_not_found',
        message: `No command ${id} is waiting for a result from this terminal.`,
      });
  }

  async list(now: Date, terminalId?: string, tenantId?: string): Promise<FleetCommand[]> {
    let query = this.db.selectFrom('terminal_commands').selectAll().orderBy('created_at', 'desc').limit(200);
    if (terminalId) query = query.where('terminal_id', '=', terminalId);
    if (tenantId !== undefined)
      query = query.where('terminal_id', 'in', (eb) =>
        eb.selectFrom('terminals').select('id').where('tenant_id', '=', tenantId),
      );
    return (await query.execute()).map((row) => toCommand(row, now));
  }
}

function toCommand(row: FleetTables['terminal_commands'], now: Date): FleetCommand {
  const expired = row.status === 'pending' && row.expires_at <= now.toISOString();
  return {
    id: row.id,
    terminalId: row.terminal_id,
    kind: row.kind as CommandKind,
    status: expired ? 'expired' : (row.status as FleetCommand['status']),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    result: row.result,
  };
}
