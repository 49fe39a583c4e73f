import { useCallback, useMemo, useRef, useState } from 'react';
import type { KioskBridge } from '../../protocol/bridge.js';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { CitizenSession, type KioskCalls } from './CitizenSession.js';
import { AdminExitDialog } from './admin/AdminExitDialog.js';
import { useAdminGesture } from './admin/useAdminGesture.js';
import { TEXTS } from './i18n/texts.js';
import { wipeCitizen } from './session/wipe.js';
import type { DocumentOffers } from './session/document-offers.js';
import { DraftStore, type KioskDatabase } from './storage/index.js';
import type { SyncEngine } from './sync/engine.js';

export interface KioskAppProps {
  db: KioskDatabase;
  config: KioskConfig;
  sync: SyncEngine;
  bridge: KioskBridge;
  /** Video calls; absent in tests that do not need them. */
  calls?: KioskCalls;
  /** The shell can be left with the corner gesture and the admin PIN (Electron only). */
  adminExit?: boolean;
  /** Documents offered to the current application from outside the form (session/document-offers.ts). */
  documentOffers?: DocumentOffers;
}

/**
 * Owns the session lifecycle: after inactivity (with a warning first), after "finish" (also on
 * the receipt after a submit), the citizen is wiped (session/wipe.ts) and a fresh session is
 * mounted, so no React state survives either.
 */
export function KioskApp({
  db,
  config,
  sync,
  bridge,
  adminExit = false,
  calls,
  documentOffers,
}: KioskAppProps) {
  const admin = useAdminGesture(adminExit);
  const drafts = useMemo(() => new DraftStore(db), [db]);
  const [session, setSession] = useState(0);
  const [ending, setEnding] = useState(false);

  // A ref, not state: two triggers in the same moment (idle timeout and a tap on "Done") must
  // end the session once, or the second remount would swallow the next citizen's first touch.
  const endingRef = useRef(false);
  const endSession = useCallback(() => {
    if (endingRef.current) return;
    endingRef.current = true;
    setEnding(true);
    void (async () => {
      try {
        calls?.client.reset();
        documentOffers?.clear();
        await wipeCitizen({ db, drafts, bridge });
      } catch (error) {
        // The next citizen still gets a fresh session; the log tells the technician what stayed.
        console.error('the citizen wipe was incomplete', error);
      } finally {
        endingRef.current = false;
        setSession((n) => n + 1);
        setEnding(false);
        document.dispatchEvent(new CustomEvent('pop:session-ended'));
      }
    })();
  }, [db, drafts, bridge, calls, documentOffers]);

  return (
    <div className="kiosk" data-session={session}>
      {!ending && (
        <CitizenSession
          key={session}
          db={db}
          config={config}
          sync={sync}
          drafts={drafts}
          calls={calls}
          onEnd={endSession}
          onPrintReceipt={() => bridge.printReceipt()}
          camera={bridge}
          documentOffers={documentOffers}
        />
      )}
      {admin.open && (
        <AdminExitDialog
          t={TEXTS[config.defaultLocale]}
          onSubmit={(pin) => bridge.requestAdminExit(pin)}
          onCancel={admin.close}
        />
      )}
    </div>
  );
}
