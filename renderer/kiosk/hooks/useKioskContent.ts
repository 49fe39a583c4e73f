import { useMemo } from 'react';
import type { Category, LifeSituation, Office, Service } from '../../../protocol/catalog.js';
import { readCatalog, type KioskDatabase, type StoredForm } from '../storage/index.js';
import { useLiveQuery } from './useLiveQuery.js';

export interface KioskContent {
  ready: boolean;
  municipality: string;
  services: Service[];
  categories: Category[];
  lifeSituations: LifeSituation[];
  offices: Office[];
  forms: ReadonlyMap<string, StoredForm>;
  latestForm(formId: string): StoredForm | undefined;
}

/** The synced catalog, live: a new snapshot shows up without a reload. */
export function useKioskContent(db: KioskDatabase): KioskContent {
  const data = useLiveQuery(() => readCatalog(db), [db]);
  return useMemo(() => {
    const forms = new Map((data?.forms ?? []).map((form) => [form.key, form]));
    return {
      ready: data?.meta !== undefined,
      municipality: data?.meta?.municipality.name ?? '',
      services: data?.services ?? [],
      categories: data?.categories ?? [],
      lifeSituations: data?.lifeSituations ?? [],
      offices: data?.offices ?? [],
      forms,
      latestForm: (formId) =>
        [...forms.values()].filter((f) => f.id === formId).sort((a, b) => b.version - a.version)[0],
    };
  }, [data]);
}
