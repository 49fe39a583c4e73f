import { randomBytes } from 'node:crypto';
import type { ClerkAccount, ClerkInvite, ClerkUpdate, Invitation } from '../../protocol/admin.js';
import { parseOfficeIds } from '../auth/clerk-sessions.js';
import type { HubKysely } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { liveOffice } from './offices.js';
import { refused, type AdminScope } from './scope.js';

interface ClerkRow {
  username: string;
  display_name: string;
  office_ids: string;
  role: string;
  must_change_password: number;
  disabled_at: string | null;
}

const COLUMNS = [
  'username',
  'display_name',
  'office_ids',
  'role',
  'must_change_password',
  'disabled_at',
] as const;

export function toAccount(row: ClerkRow): ClerkAccount {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role === 'admin' ? 'admin' : 'clerk',
    officeIds: parseOfficeIds(row.office_ids),
    mustChangePassword: row.must_change_password !== 0,
    disabled: row.disabled_at !== null,
  };
}

/** 24 characters from 144 random bits: given once to the person, changed at their first login. */
export function initialPassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function listClerks(db: HubKysely, tenantId: string): Promise<ClerkAccount[]> {
  const rows = await db
    .selectFrom('clerks')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('username')
    .execute();
  return rows.map(toAccount);
}

async function clerkOr404(db: HubKysely, tenantId: string, username: string): Promise<ClerkAccount> {
  const row = await db
    .selectFrom('clerks')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) throw refused(404, 'not_found', 'username', `there is no account "${username}"`);
  return toAccount(row);
}

async function checkOffices(db: HubKysely, tenantId: string, officeIds: readonly string[]): Promise<void> {
  for (const [index, id] of officeIds.entries())
    if (!(await liveOffice(db, tenantId, id)))
      throw refused(400, 'unknown_office', `officeIds.${index}`, `there is no office "${id}"`);
}

/** Hashed before the transaction: scrypt should not hold a database connection. */
export async function inviteClerk(
  db: HubKysely,
  scope: AdminScope,
  invite: ClerkInvite,
  passwordHash: string,
  password: string,
): Promise<Invitation> {
  const taken = await db
    .selectFrom('clerks')
    .select('tenant_id')
    .where('username', '=', invite.username)
    .executeTakeFirst();
  if (taken)
    throw refused(
      409,
      'conflict',
      'username',
      taken.tenant_id === scope.tenantId
        ? `an account "${invite.username}" exists already`
        : `an account "${invite.username}" exists already on this hub (usernames are unique across municipalities)`,
    );
  await checkOffices(db, scope.tenantId, invite.officeIds);
  await db
    .insertInto('clerks')
    .values({
      username: invite.username,
      tenant_id: scope.tenantId,
      display_name: invite.displayName,
      password_hash: passwordHash,
      office_ids: JSON.stringify(invite.officeIds),
      created_at: scope.now,
      role: invite.role,
      must_change_password: 1,
      disabled_at: null,
    })
    .execute();
  const after = await clerkOr404(db, scope.tenantId, invite.username);
  await recordAudit(
    db,
    scope,
    invite.role === 'admin' ? 'admin.invite' : 'clerk.invite',
    `clerk:${invite.username}`,
    null,
    after,
  );
  return { username: invite.username, initialPassword: password, mustChangePassword: true };
}

export async function updateClerk(
  db: HubKysely,
  scope: AdminScope,
  username: string,
  update: ClerkUpdate,
): Promise<ClerkAccount> {
  const before = await clerkOr404(db, scope.tenantId, username);
  if (update.officeIds) await checkOffices(db, scope.tenantId, update.officeIds);
  const role = update.role ?? before.role;
  const officeIds = update.officeIds ?? before.officeIds;
  if (role === 'clerk' && officeIds.length === 0)
    throw refused(400, 'invalid_request', 'officeIds', 'a clerk needs at least one office');
  if (username === scope.actor.name && scope.actor.kind === 'clerk' && role !== 'admin')
    throw refused(409, 'conflict', 'role', 'you cannot take the admin role from your own account');
  await db
    .updateTable('clerks')
    .set({
      display_name: update.displayName ?? before.displayName,
      role,
      office_ids: JSON.stringify(officeIds),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('username', '=', username)
    .execute();
  const after = await clerkOr404(db, scope.tenantId, username);
  await recordAudit(db, scope, 'clerk.update', `clerk:${username}`, before, after);
  return after;
}

/** Disabled at once: the account's sessions are deleted and every guard checks disabled_at. */
export async function setDisabled(
  db: HubKysely,
  scope: AdminScope,
  username: string,
  disabled: boolean,
): Promise<ClerkAccount> {
  const before = await clerkOr404(db, scope.tenantId, username);
  if (disabled && username === scope.actor.name && scope.actor.kind === 'clerk')
    throw refused(409, 'conflict', 'username', 'you cannot disable your own account');
  await db
    .updateTable('clerks')
    .set({ disabled_at: disabled ? scope.now : null })
    .where('tenant_id', '=', scope.tenantId)
    .where('username', '=', username)
    .execute();
  if (disabled) await db.deleteFrom('clerk_sessions').where('username', '=', username).execute();
  const after = await clerkOr404(db, scope.tenantId, username);
  await recordAudit(
    db,
    scope,
    disabled ? 'clerk.disable' : 'clerk.enable',
    `clerk:${username}`,
    before,
    after,
  );
  return after;
}

export async function resetPassword(
  db: HubKysely,
  scope: AdminScope,
  username: string,
  passwordHash: string,
  password: string,
): Promise<Invitation> {
  const before = await clerkOr404(db, scope.tenantId, username);
  await db
    .updateTable('clerks')
    .set({ password_hash: passwordHash, must_change_password: 1 })
    .where('tenant_id', '=', scope.tenantId)
    .where('username', '=', username)
    .execute();
  await db.deleteFrom('clerk_sessions').where('username', '=', username).execute();
  const after = await clerkOr404(db, scope.tenantId, username);
  await recordAudit(db, scope, 'clerk.password.reset', `clerk:${username}`, before, after);
  return { username, initialPassword: password, mustChangePassword: true };
}

/** A clerk's own change; the other sessions end, so a reset also locks out whoever had the old one. */
export async function changeOwnPassword(
  db: HubKysely,
  scope: AdminScope,
  passwordHash: string,
): Promise<void> {
  const username = scope.actor.name;
  await db
    .updateTable('clerks')
    .set({ password_hash: passwordHash, must_change_password: 0 })
    .where('tenant_id', '=', scope.tenantId)
    .where('username', '=', username)
    .execute();
  await recordAudit(db, scope, 'clerk.password.change', `clerk:${username}`, null, null);
}
