/** Tables of live calls shared by hub instances (migration 0029). Times are ISO strings. */
export interface LiveCallTables {
  live_calls: LiveCallRow;
  call_clerks: CallClerkRow;
  call_terminals: { terminal_id: string; name: string; instance_id: string | null; conn_id: string | null };
  call_signals: {
    id: string;
    call_id: string;
    recipient_kind: 'terminal' | 'clerk';
    recipient: string;
    /** The message as JSON, exactly as it goes to the socket. */
    body: string;
    created_at: string;
  };
  call_instances: { id: string; seen_at: string };
}

export interface LiveCallRow {
  id: string;
  terminal_id: string;
  terminal_name: string;
  office_id: string;
  service_id: string | null;
  locale: string;
  queued_at: string;
  /** Kept across transfers, so a handed-on citizen keeps their place in time. */
  waiting_since: string;
  state: 'waiting' | 'active';
  /** 1: transferred calls go to the front of the queue. */
  front: number;
  clerk: string | null;
  last_clerk: string | null;
  offered_to: string | null;
  transferred_by: string | null;
  accepted_at: string | null;
  transfers: number;
  queue_deadline: string | null;
  offer_deadline: string | null;
  terminal_gone_at: string | null;
  clerk_gone_at: string | null;
}

export interface CallClerkRow {
  username: string;
  display_name: string;
  office_ids: string;
  presence: 'available' | 'away';
  /** The instance holding the clerk's socket; null while the clerk is away. */
  instance_id: string | null;
  conn_id: string | null;
  /** A clerk without socket is forgotten (with their presence) after this. */
  forget_at: string | null;
}
