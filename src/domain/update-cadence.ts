/** `30m`, `1h`, `4h`, `1d` → minutes; null for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})\s*(m|min|h|d)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const n = Number(match[1]);
  if (n === 0) return null;
  return match[2] === 'd' ? n * 1440 : match[2] === 'h' ? n * 60 : n;
}

/** Minutes between status updates for a severity (`incident.updateEvery`), or null for none. */
export function cadenceFor(severity: string, updateEvery: Readonly<Record<string, string>>): number | null {
  const every = updateEvery[severity];
  return every === undefined ? null : parseDuration(every);
}

/** Whether updates are still expected: not once the incident is mitigated (or further) or resolved. */
export function expectsUpdates(status: string, statuses: readonly string[]): boolean {
  return statuses.indexOf(status) < Math.max(1, statuses.length - 2);
}

const MINUTE = 60_000;

/**
 * The start of the missed period `now` is in, when an update is overdue: the due time (the last
 * update's "next update", or the last update or declaration plus the cadence), then one cadence later
 * for each period that passed with no update. Null while nothing is due. One nudge per such slot.
 */
export function dueNudgeSlot(input: {
  lastAt: string;
  nextAt: string | null;
  cadenceMinutes: number;
  now: Date;
}): string | null {
  const due = input.nextAt ? Date.parse(input.nextAt) : Date.parse(input.lastAt) + input.cadenceMinutes * MINUTE;
  const now = input.now.getTime();
  if (Number.isNaN(due) || now < due) return null;
  const period = input.cadenceMinutes * MINUTE;
  return new Date(due + Math.floor((now - due) / period) * period).toISOString();
}
