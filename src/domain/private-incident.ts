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

/** Whether an RCA file sits in the private incidents' folder (`incident.private.rcaDir`) of the main repository. */
export function isPrivateRcaPath(path: string, rcaDir: string): boolean {
  const dir = rcaDir.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return path === dir || path.startsWith(`${dir}/`);
}
