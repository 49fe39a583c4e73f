/** Tables of the delivery routes and the FIT-Connect sender's journal (migration 0021). */

export type DeliveryKind = 'inbox' | 'fit-connect';

export interface OfficeDeliveryRouteTable {
  office_id: string;
  kind: DeliveryKind;
  destination_id: string | null;
  client_id: string | null;
  /** The office's FIT-Connect client secret; never leaves the hub (answers show only whether set). */
  client_secret: string | null;
  token_url: string | null;
  submission_api_url: string | null;
  /** LeiKa key of the public service, for serviceType in the submission announcement. */
  leika_key: string | null;
  service_name: string | null;
  /** The destination's encryption key (JWK JSON with x5c) as FIT-Connect last answered. */
  encryption_kid: string | null;
  encryption_jwk: string | null;
  key_fetched_at: string | null;
  updated_at: string;
}

/**
 * pending: stored, nothing sent yet. created: FIT-Connect answered the announcement with its
 * submissionId (kept, so a resume never announces again). submitted: data and metadata are in.
 * accepted / rejected: the receiving side's event. quarantined: cannot be delivered, with reason.
 */
export type DeliveryState = 'pending' | 'created' | 'submitted' | 'accepted' | 'rejected' | 'quarantined';

export interface FitConnectDeliveryTable {
  submission_id: string;
  office_id: string;
  destination_id: string;
  state: DeliveryState;
  fc_submission_id: string | null;
  fc_case_id: string | null;
  /** JSON array of our attachment ids already PUT to this FIT-Connect submission. */
  uploaded_attachments: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  quarantine_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryTables {
  office_delivery_routes: OfficeDeliveryRouteTable;
  fitconnect_deliveries: FitConnectDeliveryTable;
}
