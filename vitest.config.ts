import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{protocol,kiosk-config,provider-cli,hub,demo,renderer,electron,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
