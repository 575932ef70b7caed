/** Finds the configured severity a person meant: `P2`, `p2`, `sev2`, `SEV-2` and `2` all name P2. */
export function matchSeverity(input: string, severities: readonly string[]): string | null {
  const token = input
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const exact = severities.find((s) => s.toLowerCase().replace(/[\s_-]/g, '') === token);
  if (exact) return exact;
  const number = /^(?:sev|p|s)?(\d{1,2})$/.exec(token)?.[1];
  if (number === undefined) return null;
  return severities.find((s) => new RegExp(`(?:^|\\D)0*${Number(number)}$`).test(s)) ?? null;
}

export function matchOne(input: string, allowed: readonly string[]): string | null {
  const token = input.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === token) ?? null;
}
