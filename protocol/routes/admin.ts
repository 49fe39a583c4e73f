import { z } from 'zod';
import {
  AdminInvite,
  AuditList,
  AuditQuery,
  ClerkAccount,
  ClerkAccountList,
  ClerkInvite,
  CategoryFields,
  CategoryList,
  ClerkUpdate,
  Invitation,
  KID_PATTERN,
  Municipality,
  MunicipalitySettings,
  OfficeCreate,
  OfficeFields,
  OfficeKeyAdd,
  OfficeList,
  PasswordChange,
  PublishedForm,
  ServiceFields,
  ServiceList,
  Username,
} from '../admin.js';
import { Category, Office, Service } from '../catalog.js';
import { FormDefinition } from '../forms.js';
import { Id } from '../id.js';
import { defineRoute, empty, json, text } from './contract.js';
import { TenantQuery } from '../tenants.js';

export const OfficeParams = z.object({ officeId: Id });
export const OfficeKeyParams = OfficeParams.extend({
  kid: z.string().regex(KID_PATTERN, 'kid is not a key id'),
});
export const ClerkParams = z.object({ username: Username });
export const ServiceParams = z.object({ serviceId: Id });
export const FormParams = z.object({ formId: Id });
export const CategoryParams = z.object({ categoryId: Id });

/** A FIM form with many code lists is a few hundred kilobytes; nothing else here is large. */
export const FORM_BODY_LIMIT = 4 * 1024 * 1024;

const ADMIN = '/api/v1/clerk/admin';

/** The account routes every clerk has, also while the password must still be changed. */
export const accountRoutes = {
  account: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/account',
    audience: 'clerk',
    summary: 'The account of this session: role, offices, whether the password must be changed.',
    answers: { 200: json(ClerkAccount, 'The account.') },
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/v1/clerk/password',
    audience: 'clerk',
    summary: 'Sets a new password (needs the current one); ends the other sessions of the account.',
    body: PasswordChange,
    answers: { 204: empty('Changed.') },
    errors: [403],
  }),
} as const;

/**
 * The municipality's administration. Every route needs the session of a clerk with the role
 * admin; every change is written to the audit log in the same transaction.
 */
export const adminRoutes = {
  municipality: defineRoute({
    method: 'GET',
    path: `${ADMIN}/municipality`,
    audience: 'admin',
    summary: 'The municipality’s settings.',
    answers: { 200: json(Municipality, 'The settings.') },
  }),
  setMunicipality: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/municipality`,
    audience: 'admin',
    summary: 'Changes the municipality’s settings (its name).',
    body: MunicipalitySettings,
    answers: { 200: json(Municipality, 'Changed.') },
  }),
  offices: defineRoute({
    method: 'GET',
    path: `${ADMIN}/offices`,
    audience: 'admin',
    summary: 'The live offices with their keys.',
    answers: { 200: json(OfficeList, 'The offices.') },
  }),
  createOffice: defineRoute({
    method: 'POST',
    path: `${ADMIN}/offices`,
    audience: 'admin',
    summary: 'Creates an office with its first public key (RSA-4096, RSA-OAEP-256).',
    body: OfficeCreate,
    answers: { 201: json(Office, 'Created.') },
    errors: [409],
  }),
  updateOffice: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/offices/:officeId`,
    audience: 'admin',
    summary: 'Changes an office’s name, address, phone, email, opening and video hours.',
    params: OfficeParams,
    body: OfficeFields,
    answers: { 200: json(Office, 'Changed.') },
    errors: [404],
  }),
  addOfficeKey: defineRoute({
    method: 'POST',
    path: `${ADMIN}/offices/:officeId/keys`,
    audience: 'admin',
    summary: 'Adds a public key; it becomes current and the previous current key is retired.',
    params: OfficeParams,
    body: OfficeKeyAdd,
    answers: { 201: json(Office, 'Added.') },
    errors: [404, 409],
  }),
  removeOfficeKey: defineRoute({
    method: 'POST',
    path: `${ADMIN}/offices/:officeId/keys/:kid/remove`,
    audience: 'admin',
    summary: 'Removes a retired key for which no application waits to be completed.',
    params: OfficeKeyParams,
    answers: { 200: json(Office, 'Removed.') },
    errors: [404, 409],
  }),
  clerks: defineRoute({
    method: 'GET',
    path: `${ADMIN}/clerks`,
    audience: 'admin',
    summary: 'The clerk accounts.',
    answers: { 200: json(ClerkAccountList, 'The accounts.') },
  }),
  inviteClerk: defineRoute({
    method: 'POST',
    path: `${ADMIN}/clerks`,
    audience: 'admin',
    summary: 'Creates an account with an initial password that must be changed at the first login.',
    body: ClerkInvite,
    answers: { 201: json(Invitation, 'Invited; the initial password is shown only now.') },
    errors: [409],
  }),
  updateClerk: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/clerks/:username`,
    audience: 'admin',
    summary: 'Changes an account’s name, role or offices.',
    params: ClerkParams,
    body: ClerkUpdate,
    answers: { 200: json(ClerkAccount, 'Changed.') },
    errors: [404, 409],
  }),
  disableClerk: defineRoute({
    method: 'POST',
    path: `${ADMIN}/clerks/:username/disable`,
    audience: 'admin',
    summary: 'Disables an account: its sessions end at once, it cannot log in.',
    params: ClerkParams,
    answers: { 200: json(ClerkAccount, 'Disabled.') },
    errors: [404, 409],
  }),
  enableClerk: defineRoute({
    method: 'POST',
    path: `${ADMIN}/clerks/:username/enable`,
    audience: 'admin',
    summary: 'Enables a disabled account again.',
    params: ClerkParams,
    answers: { 200: json(ClerkAccount, 'Enabled.') },
    errors: [404],
  }),
  resetClerkPassword: defineRoute({
    method: 'POST',
    path: `${ADMIN}/clerks/:username/reset-password`,
    audience: 'admin',
    summary: 'A new initial password that must be changed; the account’s sessions end.',
    params: ClerkParams,
    answers: { 200: json(Invitation, 'Reset; the initial password is shown only now.') },
    errors: [404],
  }),
  categories: defineRoute({
    method: 'GET',
    path: `${ADMIN}/categories`,
    audience: 'admin',
    summary: 'The live categories of the start page, in their order.',
    answers: { 200: json(CategoryList, 'The categories.') },
  }),
  putCategory: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/categories/:categoryId`,
    audience: 'admin',
    summary: 'Creates or changes a category of the start page (name, icon, order).',
    params: CategoryParams,
    body: CategoryFields,
    answers: { 200: json(Category, 'Changed.'), 201: json(Category, 'Created.') },
  }),
  services: defineRoute({
    method: 'GET',
    path: `${ADMIN}/services`,
    audience: 'admin',
    summary: 'The live services.',
    answers: { 200: json(ServiceList, 'The services.') },
  }),
  putService: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/services/:serviceId`,
    audience: 'admin',
    summary: 'Creates or changes a service description (German required, further languages optional).',
    params: ServiceParams,
    body: ServiceFields,
    answers: { 200: json(Service, 'Changed.'), 201: json(Service, 'Created.') },
  }),
  withdrawService: defineRoute({
    method: 'POST',
    path: `${ADMIN}/services/:serviceId/withdraw`,
    audience: 'admin',
    summary: 'Withdraws a service: terminals delete it at their next sync.',
    params: ServiceParams,
    answers: { 204: empty('Withdrawn.') },
    errors: [404],
  }),
  publishForm: defineRoute({
    method: 'POST',
    path: `${ADMIN}/services/:serviceId/forms`,
    audience: 'admin',
    summary: 'Publishes a form (FIM importer output or JSON) as the next version of its id for the service.',
    params: ServiceParams,
    body: FormDefinition,
    answers: { 201: json(PublishedForm, 'Published; version is the number the hub gave it.') },
    errors: [404],
  }),
  withdrawForm: defineRoute({
    method: 'POST',
    path: `${ADMIN}/forms/:formId/withdraw`,
    audience: 'admin',
    summary: 'Withdraws every version of a form; applications already filled in are still accepted.',
    params: FormParams,
    answers: { 204: empty('Withdrawn.') },
    errors: [404],
  }),
  audit: defineRoute({
    method: 'GET',
    path: `${ADMIN}/audit`,
    audience: 'admin',
    summary: 'Audit log entries, oldest first, filtered by actor, action, target prefix and time.',
    query: AuditQuery,
    answers: { 200: json(AuditList, 'The entries.') },
  }),
  auditJsonLines: defineRoute({
    method: 'GET',
    path: `${ADMIN}/audit.jsonl`,
    audience: 'admin',
    summary: 'The filtered audit log as JSON lines (one entry per line), for archiving.',
    query: AuditQuery,
    answers: { 200: text('application/x-ndjson', 'One JSON entry per line.') },
  }),
  auditCsv: defineRoute({
    method: 'GET',
    path: `${ADMIN}/audit.csv`,
    audience: 'admin',
    summary: 'The filtered audit log as CSV with a header row, for spreadsheets.',
    query: AuditQuery,
    answers: { 200: text('text/csv', 'RFC 4180 CSV; before and after as JSON cells.') },
  }),
} as const;

/** What the IT provider does for a municipality it runs. */
export const adminProviderRoutes = {
  createAdmin: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/admins',
    audience: 'provider',
    summary: 'Creates a municipal admin with an initial password that must be changed at first login.',
    query: TenantQuery,
    body: AdminInvite,
    answers: { 201: json(Invitation, 'Created; the initial password is shown only now.') },
    errors: [403, 409],
  }),
} as const;
