import { useEffect, useRef, useState } from 'react';
import type { Office, Service } from '../../../protocol/catalog.js';
import type { Locale } from '../../../protocol/i18n.js';
import { PREVIEW_READY, type ServicePreview } from '../../shared/service-preview.js';

export interface ServicePreviewFrameProps {
  title: string;
  service: Service;
  office: Office | undefined;
  locale: Locale;
}

/**
 * The kiosk's own service screen in a frame (kiosk/preview.html, same origin), sent the
 * description on every change: what the admin sees is what a terminal will show.
 */
export function ServicePreviewFrame({ title, service, office, locale }: ServicePreviewFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  // Counts the frame's "ready" messages: a reloaded frame asks again and is sent the description.
  const [ready, setReady] = useState(0);
  useEffect(() => {
    const onReady = (event: MessageEvent) => {
      if (
        event.origin === location.origin &&
        event.source === frame.current?.contentWindow &&
        event.data === PREVIEW_READY
      )
        setReady((count) => count + 1);
    };
    window.addEventListener('message', onReady);
    return () => window.removeEventListener('message', onReady);
  }, []);
  useEffect(() => {
    if (ready === 0) return;
    const message: ServicePreview = { kind: 'pop-service-preview', service, office, locale };
    frame.current?.contentWindow?.postMessage(message, location.origin);
  }, [ready, service, office, locale]);

  return <iframe ref={frame} className="admin-preview" title={title} src="/kiosk/preview.html" />;
}
