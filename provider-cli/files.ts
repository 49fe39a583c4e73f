import { chmod, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ProviderKeyPair } from '../kiosk-config/fleet/keys.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

export async function writeJson(path: string, value: unknown, mode?: number): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8', mode, flag: 'w' });
  if (mode !== undefined) await chmod(path, mode);
}

const KeyFile = z.strictObject({
  keyId: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
});

export async function readKeyFile(path: string): Promise<ProviderKeyPair> {
  const parsed = KeyFile.safeParse(await readJson(path));
  if (!parsed.success) throw new CliError(`${path} is not a private key file made by "pop-provider keygen".`);
  return parsed.data;
}
