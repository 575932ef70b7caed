import type { Logger } from 'pino';
import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import type { Chat, StatusUpdate, UpdatePublisher } from '#src/ports.ts';
import type { UpdateOutbox } from '#src/ports/update-outbox.ts';
import { buildStatusUpdate } from '../blocks/build-status-update.ts';
import { buildUpdateNudge } from '../blocks/build-update-nudge.ts';

/** Status updates and nudges as Slack messages. */
export class SlackUpdatePublisher implements UpdatePublisher {
  constructor(
    private readonly chat: Chat,
    private readonly config: BotConfig,
    private readonly log: Logger,
    readonly outbox: UpdateOutbox,
  ) {}

  async publish(incident: Incident, update: StatusUpdate, channels: string[]): Promise<void> {
    const message = buildStatusUpdate(incident, update, this.config);
    const [own, ...broadcast] = channels;
    if (own) await this.chat.post(own, message);
    await Promise.all(
      broadcast.map((channel) =>
        this.chat.post(channel, message).catch((error: unknown) => {
          this.log.warn({ err: error, channel }, 'could not post the status update; invite the bot to the channel');
        }),
      ),
    );
  }

  async nudge(incident: Incident, userId: string, dueAt: string): Promise<void> {
    if (incident.channelId) await this.chat.post(incident.channelId, buildUpdateNudge(incident, userId, dueAt));
  }
}
