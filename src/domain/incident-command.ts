/** What a person asked for with `/incident …`, once understood. */
export type IncidentCommand =
  | { kind: 'help' }
  | { kind: 'declare'; severity: string | null; title: string | null; private: boolean }
  /** Moves a public incident into a new private channel. */
  | { kind: 'private' }
  | { kind: 'severity'; severity: string }
  | { kind: 'status'; status: string }
  | { kind: 'role'; role: string; userId: string }
  | { kind: 'services'; services: string[] }
  | { kind: 'note'; text: string }
  | { kind: 'action'; text: string; owner: string | null; due: string | null; priority: string | null }
  | { kind: 'timeline' }
  | { kind: 'list' }
  | { kind: 'resolve'; resolution: string | null }
  /** `threads`: the replies of the pinned threads go on the timeline first (from the message log). */
  | { kind: 'rca'; threads: boolean }
  | { kind: 'reopen' }
  | { kind: 'ack' }
  | { kind: 'started'; time: string }
  | { kind: 'update'; text: string | null };

export type ParseResult = { ok: true; command: IncidentCommand } | { ok: false; message: string };

export interface CommandVocabulary {
  severities: readonly string[];
  statuses: readonly string[];
  roles: readonly string[];
}

export const HELP_TEXT = [
  '*/incident* commands:',
  '• `declare [--private] [severity] <title>`: declare an incident (no title opens a form); `--private` gives it a private channel',
  '• `private`: move this incident to a new private channel (its members are invited; nothing about it is announced; its RCA and action-item reminders stay private: reminders by DM only)',
  '• `severity <sev>` · `status <status>` · `lead @person` · `role <role> @person`',
  '• `services <a, b>` · `note <text>` · `action <text> owner:@person due:<date> [P1]`',
  '• `update <text>`: post a status update here and in the announcement channels (no text opens a form)',
  '• `ack` (I am on it) · `started <14:02 | 2025-04-07 14:02>` (when impact began) · `reopen` (a resolved incident)',
  '• `timeline` (only you see it) · `list` (open incidents) · `resolve [what fixed it]` · `rca [threads]` (draft the RCA now; `threads` adds the replies of pinned threads) · `help`',
].join('\n');
