/**
 * The status that means "resolved": the last of `incident.statuses` (the settings schema requires at
 * least two, so there always is one).
 */
export function resolvedStatus(statuses: readonly string[]): string {
  const last = statuses[statuses.length - 1];
  if (last === undefined) throw new Error('incident.statuses is empty; list at least two statuses in the settings');
  return last;
}
