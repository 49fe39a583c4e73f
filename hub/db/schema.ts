import type { ColumnType, Generated, Kysely } from 'kysely';
import type { SubmissionStatus } from '../../protocol/submission.js';
import type { DeliveryTables } from './delivery-schema.js';
import type { FleetTables } from './fleet-schema.js';
import type { LiveCallTables } from './call-schema.js';

/**
 * Column types shared by SQLite and PostgreSQL. Times are ISO 8601 UTC strings made with
 * toISOString(): they sort correctly as text on both dialects, so no query depends on a
 * dialect's date functions. JSON documents are text for the same reason.
 */
type IsoTime = string;
type JsonText = string;

/** A content document as the protocol describes it, plus what a delta sync needs. */
export interface ContentDocumentTable {
  /** The municipality's ARS (tenants.id); the primary key is (tenant_id, id). */
  tenant_id: string;
  id: string;
  /** Author's order, so the snapshot lists items as the editor arranged them. */
  position: number;
  document: JsonText;
  updated_at: IsoTime;
  deleted_at: IsoTime | null;
}

/** Every version of a form stays, so a terminal's queued submission for an old version still lands. */
export interface FormTable extends ContentDocumentTable {
  version: number;
  office_id: string;
}

/** One row per tenant: what that municipality's content as a whole is at the moment. */
export interface ContentMetaTable {
  tenant_id: string;
  revision: string;
  municipality: JsonText;
  updated_at: IsoTime;
}

/** A municipality on this hub (migration 0027), identified by its Amtlicher Regionalschlüssel. */
export interface TenantTable {
  id: string;
  name: string;
  created_at: IsoTime;
}

export interface TerminalTable {
  id: string;
  tenant_id: string;
  name: string;
  /** sha-256 hex of the terminal's bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: IsoTime;
  revoked_at: IsoTime | null;
}

export interface ClerkTable {
  username: string;
  tenant_id: string;
  display_name: string;
  password_hash: string;
  /** JSON array of office ids the clerk works for. */
  office_ids: JsonText;
  created_at: IsoTime;
  /** `<issuer>#<subject>` of a clerk who signs in through the municipality's OpenID provider. */
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'clerk' (of office_ids) or 'admin' (the municipality's administration); migration 0024. */
  role: Generated<string>;
  /** 1 after an invitation or reset: the account may only change its password until it does. */
  must_change_password: Generated<number>;
  /** Set when an admin disabled the account: its sessions are gone and it is refused everywhere. */
  disabled_at: Generated<IsoTime | null>;
}

/** A started OpenID Connect sign-in, until the provider sends the browser back (or it expires). */
export interface OidcLoginTable {
  state: string;
  /** sha-256 hex of the browser-binding cookie, so a sign-in cannot be finished in another browser. */
  binding_hash: string;
  code_verifier: string;
  nonce: string;
  expires_at: IsoTime;
}

/** Append-only (migration 0025): no code updates or deletes a row, and triggers refuse it. */
export interface AuditLogTable {
  id: string;
  /** The tenant the action concerned; null for hub-wide actions (a tenant created). */
  tenant_id: string | null;
  at: IsoTime;
  actor_kind: 'clerk' | 'provider';
  /** The clerk's username or the provider token's name. */
  actor: string;
  action: string;
  target: string;
  before: JsonText | null;
  after: JsonText | null;
}

export interface ClerkSessionTable {
  /** sha-256 hex of the cookie value. */
  token_hash: string;
  username: string;
  created_at: IsoTime;
  expires_at: IsoTime;
}

/** Login attempts not (yet) followed by a success, per key (account or address) and window. */
export interface LoginAttemptTable {
  /** account:<username> or address:<ip>. */
  key: string;
  window_started_at: IsoTime;
  attempts: number;
}

export interface SubmissionTable {
  id: string;
  tracking_code: string;
  form_id: string;
  form_version: number;
  service_id: string;
  office_id: string;
  terminal_id: string;
  locale: string;
  /** The office key (kid) the data and metadata are encrypted to. */
  key_id: string;
  /** The answers as JWE (compact): the hub cannot read them. */
  data_jwe: string;
  /** The metadata record (hashes of data and attachments) as JWE. */
  metadata_jwe: string;
  /** The clerk's short message to the citizen with the status (no personal data). */
  status_message: string;
  status_updated_at: string | null;
  /** sha-256 hex of the canonical request body: tells a replay from a conflicting reuse of the id. */
  body_hash: string;
  status: SubmissionStatus;
  /** As the terminal reported it (the citizen's time, may be offline and hours old). */
  submitted_at: string;
  received_at: IsoTime;
  /** JSON array of the attachment refs ({ id, length }) the submission listed; '[]' without. */
  attachments: JsonText;
}

/**
 * A sealed attachment (JWE compact, ASCII) arriving in chunks before its submission. Everything
 * before `received` is committed; `completed_at` is set once all `length` bytes are in and the
 * whole text was checked to be a JWE of the required algorithms.
 */
export interface AttachmentUploadTable {
  submission_id: string;
  attachment_id: string;
  terminal_id: string;
  length: number;
  received: number;
  created_at: IsoTime;
  completed_at: IsoTime | null;
}

/** One chunk of an upload, keyed by where it starts; the text is a slice of the JWE. */
export interface AttachmentChunkTable {
  submission_id: string;
  attachment_id: string;
  start: number;
  text: string;
  /** sha-256 hex of the chunk, so an identical resend is recognised without comparing text. */
  sha256: string;
}

/** One finished video call: times and outcome only, never media, chat or co-view content. */
export interface CallLogTable {
  call_id: string;
  office_id: string;
  service_id: string | null;
  terminal_id: string;
  clerk_username: string | null;
  queued_at: IsoTime;
  accepted_at: IsoTime | null;
  ended_at: IsoTime;
  end_reason: string;
  transfers: number;
}

/** A callback request or an appointment booking left at a terminal (possibly offline). */
export interface CallRequestTable {
  id: string;
  kind: 'callback' | 'appointment';
  office_id: string;
  service_id: string | null;
  terminal_id: string;
  locale: string;
  name: string;
  phone: string;
  note: string;
  slot: string | null;
  slot_confirmed: number | null;
  body_hash: string;
  created_at: string;
  received_at: IsoTime;
}

/** Crash loops and similar reports of kiosk shells (migration 0005). */
export interface ShellIncidentTable {
  id: string;
  terminal_id: string;
  kind: string;
  /** The report as JSON text (protocol/shell-incident.ts). */
  details: JsonText;
  occurred_at: string;
  received_at: IsoTime;
}

/** Applications a terminal holds in quarantine, envelope only (migration 0008). */
export interface TerminalQuarantineTable {
  terminal_id: string;
  submission_id: string;
  form_id: string;
  form_version: number;
  service_id: string;
  office_id: string | null;
  reason: string;
  quarantined_at: string;
  reported_at: IsoTime;
  retry_requested_at: IsoTime | null;
}

export interface QuarantineDiscardTable {
  terminal_id: string;
  submission_id: string;
  form_id: string;
  form_version: number;
  service_id: string;
  office_id: string | null;
  quarantine_reason: string;
  discard_reason: string;
  /** The clerk's username. */
  requested_by: string;
  requested_at: IsoTime;
  confirmed_at: IsoTime | null;
}

/** An alert the hub has open or told about recently (migration 0023); see hub/ops/alerts. */
export interface AlertStateTable {
  key: string;
  kind: string;
  /** JSON of the alert's subject: ids only (terminal, office, release version). */
  subject: JsonText;
  /** 1 while the condition holds. */
  active: number;
  count: number;
  since: IsoTime;
  /** What the last notice said: 'none', 'firing' or 'recovered'. */
  told: string;
  told_count: number;
  last_notice_at: IsoTime | null;
}

/** A retention period: an office's, or a form's (all versions), which wins over its office's. */
export interface RetentionRuleTable {
  /** The municipality the rule is of: a form id names a form only within its tenant. */
  tenant_id: string;
  scope: 'office' | 'form';
  target_id: string;
  days: number;
  updated_at: IsoTime;
}

/** One application the hub deleted under a retention rule: ids, times, the rule; no content. */
export interface DeletionLogTable {
  id: string;
  submission_id: string;
  office_id: string;
  form_id: string;
  form_version: number;
  attachment_count: number;
  status: string;
  processed_at: IsoTime;
  deleted_at: IsoTime;
  reason: 'retention';
  rule_scope: 'office' | 'form';
  rule_target_id: string;
  rule_days: number;
}

export interface Database extends FleetTables, DeliveryTables, LiveCallTables {
  offices: ContentDocumentTable;
  categories: ContentDocumentTable;
  life_situations: ContentDocumentTable;
  services: ContentDocumentTable;
  forms: FormTable;
  tenants: TenantTable;
  content_meta: ContentMetaTable;
  terminals: TerminalTable;
  clerks: ClerkTable;
  clerk_sessions: ClerkSessionTable;
  login_attempts: LoginAttemptTable;
  oidc_logins: OidcLoginTable;
  submissions: SubmissionTable;
  call_log: CallLogTable;
  call_requests: CallRequestTable;
  shell_incidents: ShellIncidentTable;
  attachment_uploads: AttachmentUploadTable;
  attachment_chunks: AttachmentChunkTable;
  terminal_quarantine: TerminalQuarantineTable;
  quarantine_discards: QuarantineDiscardTable;
  alert_state: AlertStateTable;
  retention_rules: RetentionRuleTable;
  deletion_log: DeletionLogTable;
  audit_log: AuditLogTable;
  shared_translations: SharedTranslationTable;
}

/** A shared translation (migration 0030): texts is the JSON of one language's texts. */
export interface SharedTranslationTable {
  kind: 'service' | 'form';
  subject_key: string;
  locale: string;
  origin: 'human' | 'machine';
  texts: string;
  updated_at: IsoTime;
}

export type HubKysely = Kysely<Database>;

/** Content tables whose rows have a plain id (forms have id + version). */
export type PlainContentTable = 'offices' | 'categories' | 'life_situations' | 'services';
