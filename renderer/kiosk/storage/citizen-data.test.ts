import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_TABLES, wipeCitizenData } from './citizen-data.js';
import { KioskDatabase } from './db.js';
import { DraftStore } from './draft-store.js';

let db: KioskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new KioskDatabase(`citizen-data-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

describe('wipeCitizenData', () => {
  it('empties the citizen’s tables and keeps the terminal’s', async () => {
    const drafts = new DraftStore(db, 0);
    drafts.schedule({
      locale: 'de',
      serviceId: 's',
      formKey: 'f@1',
      stepIndex: 0,
      answers: { name: 'Marker' },
    });
    await drafts.flush();
    await db.device.put({ key: 'config', value: { terminalId: 't' } });
    await wipeCitizenData(db);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.device.count()).toBe(1);
  });

  it('names only tables the database has', () => {
    const names = new Set(db.tables.map((table) => table.name));
    for (const table of CITIZEN_TABLES) expect(names.has(table)).toBe(true);
    expect(CITIZEN_TABLES).not.toContain('outbox');
  });
});
