import { z } from 'zod';
import { Office, Service } from '../../protocol/catalog.js';
import { Locale } from '../../protocol/i18n.js';

/**
 * What the administration console sends the kiosk's preview page (framed, same origin only): a
 * service description as it is being edited, its office, and the language to show it in.
 */
export const ServicePreview = z.object({
  kind: z.literal('pop-service-preview'),
  service: Service,
  office: Office.optional(),
  locale: Locale,
});
export type ServicePreview = z.infer<typeof ServicePreview>;

/** The preview page says it is ready, so the console sends what it has. */
export const PREVIEW_READY = 'pop-service-preview-ready';

/**
 * A message is taken only from the page that frames this one and only from this origin; anything
 * else (another site framing it, a malformed description) is ignored.
 */
export function readPreviewMessage(
  event: { origin: string; source: unknown; data: unknown },
  self: { origin: string; parent: unknown },
): ServicePreview | null {
  if (event.origin !== self.origin || event.source !== self.parent) return null;
  const parsed = ServicePreview.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}
