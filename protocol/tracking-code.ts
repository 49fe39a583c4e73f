/**
 * Tracking codes are made by the terminal (a receipt must be printable while offline): 60 random
 * bits in Crockford base32, shown as XXXX-XXXX-XXXX. Crockford leaves out I, L, O and U, so a code
 * read aloud or typed from paper is not mistaken.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function makeTrackingCode(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  const bytes = new Uint8Array(12);
  fillRandom(bytes); // 12 bytes, 5 bits used from each: 60 bits of entropy
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Accepts what a person types: lower case, spaces, and the look-alikes O/I/L. */
export function normalizeTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 12) return compact;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}
