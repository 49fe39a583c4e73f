import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../protocol/content-changes.js';
import { demoContent } from '../../../demo/demo-content.js';
import { planChanges } from './plan-changes.js';

const [service] = demoContent.services;
const [form] = demoContent.forms;
if (!service || !form) throw new Error('demo content too small');
const at = '2026-11-01T00:00:00Z';
const put = (name: string): ContentChange => ({
  kind: 'service',
  key: service.id,
  updatedAt: at,
  deleted: false,
  document: { ...service, name: { de: name } },
});
const del: ContentChange = { kind: 'service', key: service.id, updatedAt: at, deleted: true };

describe('planChanges', () => {
  it('lets the last change of a key win', () => {
    expect(planChanges([put('a'), put('b')]).puts.services.map((s) => s.name.de)).toEqual(['b']);
    expect(planChanges([put('a'), del])).toMatchObject({
      puts: { services: [] },
      deletes: { services: [service.id] },
    });
    expect(planChanges([del, put('c')])).toMatchObject({ deletes: { services: [] } });
  });

  it('stores forms under id@version and never deletes one a citizen is filling', () => {
    const key = `${form.id}@${form.version}`;
    const added = planChanges([{ kind: 'form', key, updatedAt: at, deleted: false, document: form }]);
    expect(added.puts.forms[0]?.key).toBe(key);
    const withdrawn: ContentChange = { kind: 'form', key, updatedAt: at, deleted: true };
    expect(planChanges([withdrawn]).deletes.forms).toEqual([key]);
    expect(planChanges([withdrawn], new Set([key])).deletes.forms).toEqual([]);
  });
});
