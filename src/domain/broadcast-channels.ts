/** One place status updates of an incident go besides its channel. */
export interface Announcement {
  channel: string;
  /** The least severe severity announced there (e.g. P2: P1 and P2); none: all. */
  minSeverity?: string | undefined;
}

/**
 * The channels an incident of `severity` is announced in: `incident.announcements` whose minimum it
 * reaches, and the older single `incident.announcementsChannel`. Severities are ordered most severe first.
 */
export function broadcastChannels(
  severity: string,
  config: { severities: readonly string[]; announcements: readonly Announcement[]; announcementsChannel: string },
): string[] {
  const rank = config.severities.indexOf(severity);
  const channels = config.announcements
    .filter((a) => a.minSeverity === undefined || rank <= config.severities.indexOf(a.minSeverity))
    .map((a) => a.channel);
  if (config.announcementsChannel !== '') channels.unshift(config.announcementsChannel);
  return [...new Set(channels)];
}
