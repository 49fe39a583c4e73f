import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../protocol/admin.js';
import { auditCsv, auditJsonLines, withoutSecrets } from './audit.js';

const entry: AuditEntry = {
  id: 'e1',
  at: '2026-12-01T10:00:00.000Z',
  actorKind: 'clerk',
  actor: 'ada',
  action: 'office.update',
  target: 'office:rathaus',
  before: { phone: '1' },
  after: { phone: '=HYPERLINK("x")', note: 'a, "b"' },
};

describe('the audit log', () => {
  it('drops passwords, hashes, tokens and private key members at any depth', () => {
    expect(
      withoutSecrets({
        username: 'paul',
        password_hash: 'scrypt$...',
        initialPassword: 'x',
        nested: [{ token: 't', jwk: { kty: 'RSA', n: 'n', d: 'secret', p: 'p' } }],
      }),
    ).toEqual({ username: 'paul', nested: [{ jwk: { kty: 'RSA', n: 'n' } }] });
  });

  it('exports CSV with quoted cells and JSON lines one entry per line', () => {
    const csv = auditCsv([entry]).split('\r\n');
    expect(csv[0]).toBe('id,at,actorKind,actor,action,target,before,after');
    expect(csv[1]).toBe(
      'e1,2026-12-01T10:00:00.000Z,clerk,ada,office.update,office:rathaus,"{""phone"":""1""}","{""phone"":""=HYPERLINK(\\""x\\"")"",""note"":""a, \\""b\\""""}"',
    );
    expect(auditJsonLines([entry, entry]).split('\n')).toHaveLength(3);
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const csv = auditCsv([{ ...entry, actor: '=cmd()' }]);
    expect(csv).toContain(",'=cmd(),");
  });
});
