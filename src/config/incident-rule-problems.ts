/**
 * Rules across the lifecycle and status-update settings, on the raw `incident` section (checked even
 * when other fields are wrong): transitions and announcement severities name configured values.
 */
export function incidentRuleProblems(incident: unknown, defaults: unknown = undefined): string[] {
  if (typeof incident !== 'object' || incident === null) return [];
  return [...transitionProblems(incident), ...severityKeyProblems(incident), ...cadenceKeyProblems(incident, defaults)];
}

/**
 * `incident.updateEvery` keys name configured severities. A key config/default.yml gives, with its
 * value unchanged, is left alone: a team with other severities gets the defaults' P1–P3 in the merged
 * map without writing them, and they apply to no incident.
 */
function cadenceKeyProblems(incident: { severities?: unknown; updateEvery?: unknown }, defaults: unknown): string[] {
  const { severities, updateEvery } = incident;
  if (!Array.isArray(severities) || typeof updateEvery !== 'object' || updateEvery === null) return [];
  const inherited = (defaults as { updateEvery?: Record<string, unknown> } | undefined)?.updateEvery ?? {};
  return Object.entries(updateEvery)
    .filter(([key, value]) => !severities.includes(key) && inherited[key] !== value)
    .map(
      ([key]) =>
        `incident.updateEvery.${key}: "${key}" is not a severity (incident.severities is ${severities.join(', ')}); name one of those, or remove it`,
    );
}

/** `incident.transitions` may only name statuses from `incident.statuses`. */
function transitionProblems(incident: { statuses?: unknown; transitions?: unknown }): string[] {
  const { statuses, transitions } = incident;
  if (!Array.isArray(statuses) || typeof transitions !== 'object' || transitions === null) return [];
  const problems: string[] = [];
  const known = `expected one of ${statuses.join(', ')}`;
  for (const [from, to] of Object.entries(transitions)) {
    if (!statuses.includes(from)) problems.push(`incident.transitions.${from}: ${known}, found "${from}"`);
    if (!Array.isArray(to)) continue;
    to.forEach((status, i) => {
      if (!statuses.includes(status)) problems.push(`incident.transitions.${from}[${i}]: ${known}, found "${status}"`);
    });
  }
  return problems;
}

/** `incident.announcements[].minSeverity` may only name a configured severity. */
function severityKeyProblems(incident: { severities?: unknown; announcements?: unknown }) {
  const { severities } = incident;
  if (!Array.isArray(severities)) return [];
  const known = `expected one of ${severities.join(', ')}`;
  const problems: string[] = [];
  if (Array.isArray(incident.announcements)) {
    incident.announcements.forEach((a: { minSeverity?: unknown } | null, i) => {
      const min = a?.minSeverity;
      if (min !== undefined && !severities.includes(min)) {
        problems.push(`incident.announcements[${i}].minSeverity: ${known}, found "${String(min)}"`);
      }
    });
  }
  return problems;
}
