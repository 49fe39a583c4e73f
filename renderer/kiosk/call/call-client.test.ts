import { describe, expect, it } from 'vitest';
import { jpegFromDataUrl } from './call-client.js';

describe('a still offered by the clerk', () => {
  it('is taken only as a JPEG data URL whose bytes start with the JPEG marker', () => {
    const jpeg = `data:image/jpeg;base64,${btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 1, 2))}`;
    expect([...(jpegFromDataUrl(jpeg) ?? [])]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
    expect(jpegFromDataUrl(`data:image/png;base64,${btoa('\x89PNG')}`)).toBeNull();
    expect(jpegFromDataUrl(`data:image/jpeg;base64,${btoa('<svg/>')}`)).toBeNull();
    expect(jpegFromDataUrl('data:image/jpeg;base64,***')).toBeNull();
  });
});
