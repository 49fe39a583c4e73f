import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../shared/ui/ui.css';
import '../kiosk.css';
import { textDirection } from '../../../protocol/i18n.js';
import { TEXTS } from '../i18n/texts.js';
import { ServiceScreen } from '../screens/ServiceScreen.js';
import { PREVIEW_READY, readPreviewMessage, type ServicePreview } from '../../shared/service-preview.js';

/**
 * The kiosk's service screen for a description that is still being edited: the administration
 * console frames this page and sends the description; it is shown with the kiosk's own component
 * and styles, and nothing here stores, sends or fetches anything.
 */
function Preview() {
  const [shown, setShown] = useState<ServicePreview | null>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const preview = readPreviewMessage(event, { origin: location.origin, parent: window.parent });
      if (preview) setShown(preview);
    };
    window.addEventListener('message', onMessage);
    if (window.parent !== window) window.parent.postMessage(PREVIEW_READY, location.origin);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  useEffect(() => {
    if (!shown) return;
    document.documentElement.lang = shown.locale;
    document.documentElement.dir = textDirection(shown.locale);
  }, [shown]);
  if (!shown) return null;
  return (
    <ServiceScreen
      t={TEXTS[shown.locale]}
      locale={shown.locale}
      service={shown.service}
      office={shown.office}
      hasForm={shown.service.formId !== null}
      onStartForm={() => undefined}
      onBack={() => undefined}
    />
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from kiosk/preview.html');
createRoot(rootElement).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
