/**
 * A unique or primary-key violation, whichever driver raised it: better-sqlite3 reports
 * SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, node-postgres the SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
