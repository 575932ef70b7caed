/**
 * Slack refused a write because the channel is archived (or frozen): nothing in it can change any
 * more, so a retry would fail the same way. The `Chat` port throws it from posts, updates and topics.
 */
export class ChannelArchivedError extends Error {
  readonly code = 'CHANNEL_ARCHIVED';

  constructor(
    readonly channelId: string,
    options?: { cause?: unknown },
  ) {
    super(`The channel ${channelId} is archived; nothing can be posted or changed in it.`, options);
  }
}
