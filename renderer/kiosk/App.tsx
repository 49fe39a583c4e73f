import { useCallback, useMemo, useState } from 'react';
import type { KioskBridge } from '../../protocol/bridge.js';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { CitizenSession, type KioskCalls } from './CitizenSession.js';
import { DraftStore, type KioskDatabase } from './storage/index.js';
import type { SyncEngine } from './sync/engine.js';

export interface KioskAppProps {
  db: KioskDatabase;
  config: KioskConfig;
  sync: SyncEngine;
  bridge: KioskBridge;
  /** Video calls; absent in tests that do not need them. */
  calls?: KioskCalls;
}

/**
 * Owns the session lifecycle: after inactivity (with a warning first), after "finish", the
 * citizen's draft is deleted, the shell clears what it holds, and a fresh session is mounted.
 */
export function KioskApp({ db, config, sync, bridge, calls }: KioskAppProps) {
  const drafts = useMemo(() => new DraftStore(db), [db]);
  const [session, setSession] = useState(0);
  const [ending, setEnding] = useState(false);

  const endSession = useCallback(() => {
    if (ending) return;
    setEnding(true);
    void (async () => {
      try {
        calls?.client.reset();
        await drafts.discard();
        await bridge.endCitizenSession();
      } finally {
        setSession((n) => n + 1);
        setEnding(false);
        document.dispatchEvent(new CustomEvent('pop:session-ended'));
      }
    })();
  }, [drafts, bridge, ending, calls]);

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
        />
      )}
    </div>
  );
}
