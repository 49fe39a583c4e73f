/**
 * The demo clerk's login, printed by the start script. A hub that serves real citizens sets its
 * own password through POP_DEMO_CLERK_PASSWORD before the first start.
 */
export const DEMO_CLERK_USERNAME = 'clerk';
export const DEMO_CLERK_DISPLAY_NAME = 'Erika Musterfrau';
export const DEMO_CLERK_DEFAULT_PASSWORD = 'lindenau-demo';
export const DEMO_CLERK_PASSWORD_ENV = 'POP_DEMO_CLERK_PASSWORD';

export function demoClerkPassword(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DEMO_CLERK_PASSWORD_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEMO_CLERK_DEFAULT_PASSWORD;
}
