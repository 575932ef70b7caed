const get = (node: unknown, key: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;

const inside = (path: string, dir: string) => {
  const clean = (p: string) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return clean(path) === clean(dir) || clean(path).startsWith(`${clean(dir)}/`);
};

/**
 * `incident.private.rcaDir` in the main repository must sit inside one of `rca.dirs`, or the reminder
 * job and `scribe rca lint` never read the private RCAs: a warning, since the drafts still work.
 */
export function privateIncidentProblems(config: unknown): string[] {
  const settings = get(get(config, 'incident'), 'private');
  const rcaDir = get(settings, 'rcaDir');
  const dirs = get(get(config, 'rca'), 'dirs');
  if (typeof rcaDir !== 'string' || !Array.isArray(dirs) || get(settings, 'repo')) return [];
  if (dirs.some((dir) => typeof dir === 'string' && inside(rcaDir, dir))) return [];
  return [
    `incident.private.rcaDir: ${JSON.stringify(rcaDir)} is outside rca.dirs (${dirs.join(', ')}), so private incidents' action items get no reminders; put it inside one of them, such as ${dirs[0]}/private`,
  ];
}
