import { z } from 'zod';
import { FleetFile } from './fleet-file.js';

/** The fleet file's JSON Schema, for editors (VS Code validates and completes with "$schema"). */
export function fleetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FleetFile, { io: 'input', target: 'draft-2020-12' }),
    title: 'Point of Public fleet configuration',
    description:
      'Provider defaults, municipalities, sites and terminals; each terminal gets defaults -> municipality -> site -> terminal, merged. Validate and sign with `npm run provider`.',
  };
}
