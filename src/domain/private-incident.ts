import { type Announcement, broadcastChannels } from './broadcast-channels.ts';
import { type Incident, isPrivate } from './incident.ts';

interface BroadcastConfig {
  severities: readonly string[];
  announcements: readonly Announcement[];
  announcementsChannel: string;
}

/** The line `incident.private.announce: existence` posts: no title, severity, channel or link. */
export const PRIVATE_EXISTENCE_LINE =
  '🔒 A private incident was declared. Its channel is private; its responders were invited.';

/**
 * Where an incident's status updates and RCA link go besides its channel: the broadcast channels for a
 * public incident, nowhere for a private one (nothing about it leaves its channel).
 */
export function broadcastChannelsOf(incident: Pick<Incident, 'severity' | 'private'>, config: BroadcastConfig) {
  return isPrivate(incident) ? [] : broadcastChannels(incident.severity, config);
}

/**
 * Where a private incident's existence is announced (`incident.private.announce: existence`): only the
 * channels that hear of every incident whatever its severity, so which channels got the line says nothing
 * about its severity either.
 */
export function existenceChannels(config: BroadcastConfig): string[] {
  const channels = config.announcements.filter((a) => a.minSeverity === undefined).map((a) => a.channel);
  if (config.announcementsChannel !== '') channels.unshift(config.announcementsChannel);
  return [...new Set(channels)];
}

/**
 * How an RCA file of the private incidents' own repository (`incident.private.repo`) is named next to
 * the main repository's: a git path never starts with "/", so this never names a file of the main one,
 * and the reminder ledger, snoozes and buttons tell the two repositories apart by it.
 */
const PRIVATE_REPO_PREFIX = '/private-repo/';

/**
 * Where the private incidents' own repository keeps RCAs: `rca.dirs`, and `rcaDir` (their drafts)
 * unless it is inside one of them already, so a file is listed once.
 */
export function privateRepoDirs(dirs: readonly string[], rcaDir: string): string[] {
  const trim = (dir: string) => dir.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  const inside = dirs.some((dir) => trim(rcaDir) === trim(dir) || trim(rcaDir).startsWith(`${trim(dir)}/`));
  return inside ? [...dirs] : [...dirs, rcaDir];
}

/** The private incidents' own repository's share of the store's scan cache (see `scopeScanCache`). */
export const PRIVATE_REPO_SCOPE = 'private-repo';

/** The name of `path` of the private incidents' own repository, beside the main repository's paths. */
export function privateRepoFile(path: string): string {
  return `${PRIVATE_REPO_PREFIX}${path}`;
}

/** The path inside the private incidents' own repository that `file` names, or null for a main-repository path. */
export function pathInPrivateRepo(file: string): string | null {
  return file.startsWith(PRIVATE_REPO_PREFIX) ? file.slice(PRIVATE_REPO_PREFIX.length) : null;
}

/**
 * Whether an RCA file is a private incident's: in the private incidents' folder (`incident.private.rcaDir`)
 * of the main repository, or anywhere in their own repository (a `privateRepoFile` name).
 */
export function isPrivateRcaPath(path: string, rcaDir: string): boolean {
  if (pathInPrivateRepo(path) !== null) return true;
  const dir = rcaDir.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return path === dir || path.startsWith(`${dir}/`);
}
