import { PROVIDER_TOKEN_ENV } from '../hub/fleet/provider-auth.js';

/**
 * The demo's logins, printed by the start script. They are published here, so they protect
 * nothing: a hub started without --demo refuses to start while any of them is configured.
 */
export const DEMO_CLERK_USERNAME = 'clerk';
export const DEMO_CLERK_DISPLAY_NAME = 'Erika Musterfrau';
export const DEMO_CLERK_DEFAULT_PASSWORD = 'lindenau-demo';
export const DEMO_CLERK_PASSWORD_ENV = 'POP_DEMO_CLERK_PASSWORD';
export const DEMO_PROVIDER_TOKEN = 'lindenau-provider-demo-token-change-me';

export function demoClerkPassword(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DEMO_CLERK_PASSWORD_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEMO_CLERK_DEFAULT_PASSWORD;
}

/** The demo hub's provider token: POP_PROVIDER_TOKEN when set, else the published demo token. */
export function demoProviderToken(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[PROVIDER_TOKEN_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEMO_PROVIDER_TOKEN;
}
