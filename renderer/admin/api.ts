import type {
  ClerkInvite,
  MunicipalitySettings,
  OfficeCreate,
  OfficeFields,
  PublicJwk,
  ServiceFields,
} from '../../protocol/admin.js';
import type { FormDefinition } from '../../protocol/forms.js';
import { ApiClient } from '../../protocol/routes/client.js';
import { contract } from '../../protocol/routes/index.js';

/** Same origin; the clerk session cookie (path /api/v1/clerk) carries the admin's login. */
const api = new ApiClient();
const { admin, account, clerk, translations } = contract;

/** The console's door to the hub, through the typed client. */
export const adminApi = {
  login: (username: string, password: string) => api.call(clerk.login, { body: { username, password } }),
  logout: () => api.call(clerk.logout, {}),
  account: () => api.json(account.account, {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.call(account.changePassword, { body: { currentPassword, newPassword } }),
  municipality: () => api.json(admin.municipality, {}),
  setMunicipality: (settings: MunicipalitySettings) => api.json(admin.setMunicipality, { body: settings }),
  offices: async () => (await api.json(admin.offices, {})).offices,
  createOffice: (office: OfficeCreate) => api.json(admin.createOffice, { body: office }),
  updateOffice: (officeId: string, fields: OfficeFields) =>
    api.json(admin.updateOffice, { params: { officeId }, body: fields }),
  addKey: (officeId: string, jwk: PublicJwk) =>
    api.json(admin.addOfficeKey, { params: { officeId }, body: { jwk } }),
  removeKey: (officeId: string, kid: string) =>
    api.json(admin.removeOfficeKey, { params: { officeId, kid } }),
  clerks: async () => (await api.json(admin.clerks, {})).clerks,
  invite: (invite: ClerkInvite) => api.json(admin.inviteClerk, { body: invite }),
  disable: (username: string) => api.json(admin.disableClerk, { params: { username } }),
  enable: (username: string) => api.json(admin.enableClerk, { params: { username } }),
  resetPassword: (username: string) => api.json(admin.resetClerkPassword, { params: { username } }),
  categories: async () => (await api.json(admin.categories, {})).categories,
  services: async () => (await api.json(admin.services, {})).services,
  putService: (serviceId: string, fields: ServiceFields) =>
    api.json(admin.putService, { params: { serviceId }, body: fields }),
  withdrawService: (serviceId: string) => api.call(admin.withdrawService, { params: { serviceId } }),
  publishForm: (serviceId: string, form: FormDefinition) =>
    api.json(admin.publishForm, { params: { serviceId }, body: form }),
  withdrawForm: (formId: string) => api.call(admin.withdrawForm, { params: { formId } }),
  translationCoverage: () => api.json(translations.translationCoverage, {}),
  audit: async () => (await api.json(admin.audit, { query: { limit: 200 } })).entries,
};
