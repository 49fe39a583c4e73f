import { describe, expect, it } from 'vitest';
import { choosePrinter, receiptPrintOptions } from './print.js';

const printers = [{ name: 'Brother_HL' }, { name: 'Rathaus_Laser', isDefault: true }];

describe('choosePrinter', () => {
  it('takes the configured printer when it exists', () => {
    expect(choosePrinter(printers, 'Brother_HL')).toBe('Brother_HL');
  });
  it('never falls back to another printer when the configured one is missing', () => {
    expect(choosePrinter(printers, 'Gone')).toBeNull();
  });
  it('takes the default printer when none is configured, or nothing', () => {
    expect(choosePrinter(printers, undefined)).toBe('Rathaus_Laser');
    expect(choosePrinter([{ name: 'a' }], undefined)).toBeNull();
    expect(choosePrinter([], undefined)).toBeNull();
  });
});

describe('receiptPrintOptions', () => {
  it('prints silently to the named printer', () => {
    expect(receiptPrintOptions('Brother_HL')).toMatchObject({ silent: true, deviceName: 'Brother_HL' });
  });
});
