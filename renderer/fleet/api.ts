import type { CommandKind } from '../../protocol/fleet.js';
import { ApiClient } from '../../protocol/routes/client.js';
import { contract } from '../../protocol/routes/index.js';

/** Same origin; the provider token travels in an httpOnly cookie set by login. */
const api = new ApiClient();
const { fleetProvider, quarantine } = contract;

/** The console's door to the hub, through the typed client. */
export const fleetApi = {
  login: (token: string) => api.call(fleetProvider.login, { body: { token } }),
  logout: () => api.call(fleetProvider.logout, {}),
  overview: () => api.json(fleetProvider.terminals, {}),
  stats: () => api.json(fleetProvider.stats, {}),
  commands: async () => (await api.json(fleetProvider.commands, {})).commands,
  quarantine: async () => (await api.json(quarantine.provider, {})).items,
  /** Asks the terminal to send a quarantined application once more (after the cause was fixed). */
  retryQuarantined: (terminalId: string, submissionId: string) =>
    api.call(quarantine.retry, { params: { terminalId, submissionId } }),
  sendCommand: (terminalId: string, kind: CommandKind) =>
    api.json(fleetProvider.createCommand, { params: { id: terminalId }, body: { kind, ttlSeconds: 900 } }),
};
