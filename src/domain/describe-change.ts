import type { TimelineKind } from './timeline-entry.ts';

/** The words the timeline uses for changes it records by itself, one per kind. */
export const describeChange: Record<
  Exclude<TimelineKind, 'message' | 'note' | 'action' | 'update'>,
  (detail: { from?: string; to: string; role?: string; by: string }) => string
> = {
  declared: ({ to, by }) => `Incident declared by ${by}: ${to}`,
  severity: ({ from, to, by }) => `Severity changed from ${from} to ${to} by ${by}`,
  status: ({ from, to, by }) => `Status changed from ${from} to ${to} by ${by}`,
  role: ({ role, to, by }) => `${to} is now ${role} (set by ${by})`,
  services: ({ to, by }) => `Affected services set to ${to} by ${by}`,
  resolved: ({ by }) => `Incident resolved by ${by}`,
  started: ({ by }) => `Impact began (time set by ${by})`,
  acknowledged: ({ by }) => `Acknowledged by ${by}`,
  reopened: ({ to, by }) => `Incident reopened by ${by}, status ${to}`,
};
