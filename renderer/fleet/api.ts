import { z } from 'zod';
import {
  FLEET_API,
  FleetCommand,
  FleetOverview,
  FleetStats,
  type CommandKind,
} from '../../protocol/fleet.js';
import { QUARANTINE_API, StuckApplications } from '../../protocol/quarantine.js';
import { requestJson } from '../shared/http.js';

/** The console's door to the hub; the provider token travels in an httpOnly cookie. */
const Empty = z.null();
const Commands = z.object({ commands: z.array(FleetCommand) });

export const fleetApi = {
  login: (token: string) => requestJson(FLEET_API.providerLogin, Empty, { method: 'POST', body: { token } }),
  logout: () => requestJson(FLEET_API.providerLogout, Empty, { method: 'POST', body: {} }),
  overview: async () => (await requestJson(FLEET_API.terminals, FleetOverview)).data,
  stats: async () => (await requestJson(FLEET_API.stats, FleetStats)).data,
  commands: async () => (await requestJson(FLEET_API.commands, Commands)).data.commands,
  quarantine: async () => (await requestJson(QUARANTINE_API.provider, StuckApplications)).data.items,
  /** Asks the terminal to send a quarantined application once more (after the cause was fixed). */
  retryQuarantined: (terminalId: string, submissionId: string) =>
    requestJson(QUARANTINE_API.providerRetry(terminalId, submissionId), Empty, { method: 'POST', body: {} }),
  sendCommand: async (terminalId: string, kind: CommandKind) =>
    (
      await requestJson(FLEET_API.terminalCommands(terminalId), FleetCommand, {
        method: 'POST',
        body: { kind, ttlSeconds: 900 },
      })
    ).data,
};
