export interface IncidentsTable {
  id: string;
  title: string;
  severity: string;
  status: string;
  channel_id: string | null;
  channel_name: string | null;
  summary_ts: string | null;
  declared_by: string;
  declared_at: string;
  resolved_at: string | null;
  roles: string;
  services: string;
  summary: string;
  root_cause: string;
  impact: string;
  resolution: string;
  rca_path: string | null;
  is_private: number;
}

export interface TimelineEntriesTable {
  key: string;
  incident_id: string;
  kind: string;
  at: string;
  sort_key: string;
  author_id: string | null;
  author_name: string | null;
  text: string;
  permalink: string | null;
  pending: number;
  detail: string | null;
}

export interface ReactorsTable {
  message_key: string;
  user_id: string;
}

export interface EventsTable {
  event_id: string;
  body: string;
  received_at: string;
  done: number;
}

export interface ActionItemsTable {
  id: string;
  incident_id: string;
  priority: string | null;
  action: string;
  owner: string;
  due: string;
  done: number;
  created_at: string;
}

export interface RcaScanCacheTable {
  path: string;
  blob: string;
  data: string;
}

export interface ReminderLedgerTable {
  item_key: string;
  stage: string;
  /** When the stage was claimed (the column's name is older than the claim/delivery split). */
  sent_at: string;
  /** When the reminder went out; null while it is only claimed. */
  delivered_at: string | null;
}

export interface OwnerLookupsTable {
  owner_key: string;
  data: string;
  expires_at: string;
}

export interface SnoozesTable {
  item_key: string;
  until_day: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UpdateNudgesTable {
  incident_id: string;
  slot: string;
  claimed_at: string;
}

export interface Database {
  incidents: IncidentsTable;
  timeline_entries: TimelineEntriesTable;
  reactors: ReactorsTable;
  events: EventsTable;
  action_items: ActionItemsTable;
  rca_scan_cache: RcaScanCacheTable;
  reminder_ledger: ReminderLedgerTable;
  owner_lookups: OwnerLookupsTable;
  snoozes: SnoozesTable;
  settings: SettingsTable;
  update_nudges: UpdateNudgesTable;
}
