/**
 * Rules across the lifecycle and status-update settings, on the raw `incident` section (checked even
 * when other fields are wrong): transitions and announcement severities name configured values.
 */
export function incidentRuleProblems(incident: unknown): string[] {
  if (typeof incident !== 'object' || incident === null) return [];
  return [...transitionProblems(incident), ...severityKeyProblems(incident)];
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

/**
 * `incident.announcements[].minSeverity` may only name a configured severity. (`incident.updateEvery`
 * keys are not checked: the defaults' P1–P3 stay in the merged map of a team with other severities.)
 */
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
