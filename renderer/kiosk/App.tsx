import { useCallback, useMemo, useRef, useState } from 'react';
import type { KioskBridge } from '../../protocol/bridge.js';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { CitizenSession } from './CitizenSession.js';
import { DraftStore, type KioskDatabase } from './storage/index.js';
import type { SyncEngine } from './sync/engine.js';

export interface KioskAppProps {
  db: KioskDatabase;
  config: KioskConfig;
  sync: SyncEngine;
  bridge: KioskBridge;
}

/**
 * Owns the session lifecycle: after inactivity (with a warning first), after "finish", the
 * citizen's draft is deleted, the shell clears what it holds, and a fresh session is mounted.
 */
export function KioskApp({ db, config, sync, bridge }: KioskAppProps) {
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
        await drafts.discard();
        await bridge.endCitizenSession();
      } finally {
        endingRef.current = false;
        setSession((n) => n + 1);
        setEnding(false);
        document.dispatchEvent(new CustomEvent('pop:session-ended'));
      }
    })();
  }, [drafts, bridge]);

  return (
    <div className="kiosk" data-session={session}>
      {!ending && (
        <CitizenSession
          key={session}
          db={db}
          config={config}
          sync={sync}
          drafts={drafts}
          onEnd={endSession}
        />
      )}
    </div>
  );
}
