import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../../kiosk-config/schema.js';
import { configForPage } from './page-config.js';

const demo = JSON.parse(
  readFileSync(new URL('../../../demo/kiosk-config.json', import.meta.url), 'utf8'),
) as object;

describe('configForPage', () => {
  it('hands the page everything but the admin PIN hash, and the result still parses', () => {
    const hash = `scrypt$16384$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
    const parsed = parseKioskConfig({ ...demo, shell: { adminPinHash: hash, printerName: 'Laser' } });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const page = configForPage(parsed.config);
    expect(JSON.stringify(page)).not.toContain(hash);
    expect(page.shell).toEqual({ printerName: 'Laser' });
    expect(parseKioskConfig(page).ok).toBe(true);
  });

  it('refuses a PIN in plain text where the hash belongs', () => {
    const parsed = parseKioskConfig({ ...demo, shell: { adminPinHash: '1234' } });
    expect(parsed.ok).toBe(false);
  });
});
