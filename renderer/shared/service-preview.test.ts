import { describe, expect, it } from 'vitest';
import { demoContent } from '../../demo/demo-content.js';
import { readPreviewMessage } from './service-preview.js';

describe('the preview page takes a description', () => {
  const service = demoContent.services[0];
  const parent = {};
  const self = { origin: 'https://hub.example', parent };
  const data = { kind: 'pop-service-preview', service, locale: 'en' };

  it('from the framing page of its own origin', () => {
    expect(readPreviewMessage({ origin: self.origin, source: parent, data }, self)?.service).toEqual(service);
  });

  it('not from another origin, another window, or in another shape', () => {
    expect(readPreviewMessage({ origin: 'https://evil.example', source: parent, data }, self)).toBeNull();
    expect(readPreviewMessage({ origin: self.origin, source: {}, data }, self)).toBeNull();
    expect(
      readPreviewMessage({ origin: self.origin, source: parent, data: { ...data, locale: 'xx' } }, self),
    ).toBeNull();
    expect(
      readPreviewMessage(
        { origin: self.origin, source: parent, data: { ...data, service: { id: 'x' } } },
        self,
      ),
    ).toBeNull();
  });
});
