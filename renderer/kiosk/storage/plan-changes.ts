import type { Category, LifeSituation, Office, Service } from '../../../protocol/catalog.js';
import type { ContentChange } from '../../../protocol/content-changes.js';
import type { StoredForm } from './db.js';

export interface ChangePlan {
  puts: {
    offices: Office[];
    categories: Category[];
    lifeSituations: LifeSituation[];
    services: Service[];
    forms: StoredForm[];
  };
  deletes: {
    offices: string[];
    categories: string[];
    lifeSituations: string[];
    services: string[];
    forms: string[];
  };
}

const TABLE = {
  office: 'offices',
  category: 'categories',
  lifeSituation: 'lifeSituations',
  service: 'services',
  form: 'forms',
} as const;

/**
 * Turns an ordered list of changes into what to write: the last change of a key wins, a deletion
 * removes, and a form version a citizen is filling right now is never deleted under them.
 */
export function planChanges(
  changes: readonly ContentChange[],
  keepFormKeys: ReadonlySet<string> = new Set(),
): ChangePlan {
  const last = new Map<string, ContentChange>();
  for (const change of changes) last.set(`${change.kind}\u0000${change.key}`, change);
  const plan: ChangePlan = {
    puts: { offices: [], categories: [], lifeSituations: [], services: [], forms: [] },
    deletes: { offices: [], categories: [], lifeSituations: [], services: [], forms: [] },
  };
  for (const change of last.values()) {
    const table = TABLE[change.kind];
    if (change.deleted || !change.document) {
      if (!(change.kind === 'form' && keepFormKeys.has(change.key))) plan.deletes[table].push(change.key);
      continue;
    }
    switch (change.kind) {
      case 'office':
        plan.puts.offices.push(change.document);
        break;
      case 'category':
        plan.puts.categories.push(change.document);
        break;
      case 'lifeSituation':
        plan.puts.lifeSituations.push(change.document);
        break;
      case 'service':
        plan.puts.services.push(change.document);
        break;
      case 'form':
        plan.puts.forms.push({ ...change.document, key: change.key });
        break;
    }
  }
  return plan;
}
