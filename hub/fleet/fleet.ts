import type { HubKysely } from '../db/schema.js';
import { CommandQueue } from './commands.js';
import { TerminalTokens } from './enrollment.js';
import { HeartbeatBuffer } from './heartbeats.js';
import { KioskConnectSources } from './hub-origins.js';
import { RolloutCache } from './rollout.js';

/** The fleet services of one hub process, shared by the terminal and provider routes. */
export interface Fleet {
  rollout: RolloutCache;
  heartbeats: HeartbeatBuffer;
  commands: CommandQueue;
  tokens: TerminalTokens;
  /** Hubs that published releases name: the kiosk page's CSP connect-src (Chromium mode). */
  connectSources: KioskConnectSources;
  close(): Promise<void>;
}

export function createFleet(db: HubKysely, onError: (error: unknown) => void = () => undefined): Fleet {
  const heartbeats = new HeartbeatBuffer(db, 1_000, onError);
  return {
    rollout: new RolloutCache(db),
    heartbeats,
    commands: new CommandQueue(db),
    tokens: new TerminalTokens(db),
    connectSources: new KioskConnectSources(db),
    close: () => heartbeats.close(),
  };
}
