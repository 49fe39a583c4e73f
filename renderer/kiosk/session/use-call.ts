import { useCallback, useEffect, useState } from 'react';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { Connectivity } from '../sync/engine.js';
import { videoOffered } from '../fleet/terminal-policy.js';
import type { CallRequestSender } from '../call/request-sender.js';

export interface SessionCall {
  /** A call is being set up or running: it holds off the idle reset (the citizen is talking). */
  active: boolean;
  onActiveChange(active: boolean): void;
  /** Whether the call button shows: within the terminal's video hours, or while a call runs. */
  offered: boolean;
}

/** The call's place in the session: the video hours, a running call, call requests sent when online. */
export function useSessionCall(
  requests: CallRequestSender | undefined,
  connectivity: Connectivity,
  config: Pick<KioskConfig, 'video' | 'maintenance'>,
): SessionCall {
  const [active, setActive] = useState(false);
  const onActiveChange = useCallback((on: boolean) => setActive(on), []);
  useEffect(() => {
    if (requests && connectivity === 'online') requests.kick(true);
  }, [requests, connectivity]);
  // The terminal's video hours: the call button comes and goes with them.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return { active, onActiveChange, offered: active || videoOffered(config, now) };
}

/** The office a call from this screen goes to: the one of the form or service on screen. */
export function officeOfScreen(
  screen: { name: string; serviceId?: string },
  services: readonly { id: string; officeId: string }[],
  formOfficeId: string | undefined,
): string | null {
  if (formOfficeId) return formOfficeId;
  const serviceId = 'serviceId' in screen ? screen.serviceId : undefined;
  return services.find((s) => s.id === serviceId)?.officeId ?? null;
}
