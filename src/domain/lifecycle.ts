import { resolvedStatus } from './resolved-status.ts';

/**
 * Which statuses `/incident status` may go to from `from`. A status listed in `transitions` goes only
 * where it says; one that is not goes forward (any later status). Resolving is always allowed, through
 * `/incident resolve`, so the resolved status (the last one) is never refused here.
 */
export function allowedNext(
  from: string,
  statuses: readonly string[],
  transitions: Readonly<Record<string, readonly string[]>>,
): string[] {
  const resolved = resolvedStatus(statuses);
  const configured = transitions[from];
  const next = configured
    ? statuses.filter((s) => s !== from && configured.includes(s))
    : statuses.slice(statuses.indexOf(from) + 1);
  return next.includes(resolved) ? next : [...next, resolved];
}

/** Null when `from → to` is allowed; otherwise what to tell the person, with where they can go. */
export function refuseTransition(
  from: string,
  to: string,
  statuses: readonly string[],
  transitions: Readonly<Record<string, readonly string[]>>,
): string | null {
  const next = allowedNext(from, statuses, transitions);
  if (next.includes(to)) return null;
  const resolved = resolvedStatus(statuses);
  const choices = next.map((s) => (s === resolved ? `${s} (\`/incident resolve\`)` : `\`${s}\``));
  return `The status cannot go from ${from} to ${to}. From ${from} it can go to: ${choices.join(', ')}.`;
}
