import type { ClerkInvite, PublicJwk } from '../../protocol/admin.js';
import { ApiClient } from '../../protocol/routes/client.js';
import { contract } from '../../protocol/routes/index.js';

/** Same origin; the clerk session cookie (path /api/v1/clerk) carries the admin's login. */
const api = new ApiClient();
const { admin, account, clerk } = contract;

/** The console's door to the hub, through the typed client. */
export const adminApi = {
  login: (username: string, password: string) => api.call(clerk.login, { body: { username, password } }),
  logout: () => api.call(clerk.logout, {}),
  account: () => api.json(account.account, {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.call(account.changePassword, { body: { currentPassword, newPassword } }),
  offices: async () => (await api.json(admin.offices, {})).offices,
  addKey: (officeId: string, jwk: PublicJwk) =>
    api.json(admin.addOfficeKey, { params: { officeId }, body: { jwk } }),
  clerks: async () => (await api.json(admin.clerks, {})).clerks,
  invite: (invite: ClerkInvite) => api.json(admin.inviteClerk, { body: invite }),
  disable: (username: string) => api.json(admin.disableClerk, { params: { username } }),
  audit: async () => (await api.json(admin.audit, { query: { limit: 200 } })).entries,
};
