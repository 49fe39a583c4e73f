import type { KioskConfig } from '../../../kiosk-config/schema.js';

/**
 * The config as the page gets it: without the admin PIN's hash. The page never checks the PIN
 * (the shell does), and a hash in the renderer could be read by anything that runs there.
 */
export function configForPage(config: KioskConfig): KioskConfig {
  if (config.shell?.adminPinHash === undefined) return config;
  const shell = { ...config.shell };
  delete shell.adminPinHash;
  return { ...config, shell };
}
