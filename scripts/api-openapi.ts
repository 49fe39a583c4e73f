import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiText } from '../protocol/routes/openapi.js';

/** Writes docs/api/openapi.json from the route contract (`npm run api:openapi`). */
export const OPENAPI_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'docs',
  'api',
  'openapi.json',
);

export async function packageVersion(): Promise<string> {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(dirname(OPENAPI_PATH), { recursive: true });
  await writeFile(OPENAPI_PATH, openApiText(await packageVersion()));
  console.log(`wrote ${OPENAPI_PATH}`);
}
