import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../protocol/routes/index.js';
import { openApiDocument, openApiText } from '../protocol/routes/openapi.js';
import { OPENAPI_PATH, packageVersion } from './api-openapi.js';

describe('docs/api/openapi.json', () => {
  it('is what the route contract generates', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8').catch(() => '');
    const fresh = openApiText(await packageVersion());
    // Compare as text: the file is committed exactly as generated.
    expect(committed === fresh, 'docs/api/openapi.json is out of date: run `npm run api:openapi`').toBe(true);
  });

  it('describes every route of the contract once, with its audience', () => {
    const document = openApiDocument('test') as {
      paths: Record<string, Record<string, { operationId: string; 'x-audience': string }>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((o) => o.operationId).sort()).toEqual(
      allRoutes()
        .map(({ domain, name }) => `${domain}.${name}`)
        .sort(),
    );
    expect(document.paths['/api/v1/clerk/submissions/{id}']?.get?.['x-audience']).toBe('clerk');
  });

  it('refers only to schemas it defines', () => {
    const document = openApiDocument('test') as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(20);
    const missing = refs.filter(
      (ref) => !ref.startsWith('#/components/schemas/') || !(ref.slice(21) in document.components.schemas),
    );
    expect(missing).toEqual([]);
  });
});
