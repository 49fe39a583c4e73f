import { z } from 'zod';
import { Category, LifeSituation, Office, Service } from './catalog.js';
import { FormDefinition } from './forms.js';

/**
 * Everything a terminal shows, as one snapshot. The hub answers If-None-Match with 304, so an
 * unchanged catalog costs one tiny request; issue 3 turns this into a checkpointed delta pull.
 */
export const ContentSnapshot = z.object({
  revision: z.string(),
  municipality: z.object({ id: z.string(), name: z.string() }),
  offices: z.array(Office),
  categories: z.array(Category),
  lifeSituations: z.array(LifeSituation),
  services: z.array(Service),
  forms: z.array(FormDefinition),
});
export type ContentSnapshot = z.infer<typeof ContentSnapshot>;
