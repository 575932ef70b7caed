import type { Logger } from 'pino';
import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import type { UpdateOutbox } from '#src/ports/update-outbox.ts';
import type { Chat, PostRefusal, StatusUpdate, UpdatePublisher } from '#src/ports.ts';
import { buildStatusUpdate } from '../blocks/build-status-update.ts';
import { buildUpdateNudge } from '../blocks/build-update-nudge.ts';
import { slackError } from '../slack-chat.ts';

/** Status updates and nudges as Slack messages. */
export class SlackUpdatePublisher implements UpdatePublisher {
  constructor(
    private readonly chat: Chat,
    private readonly config: BotConfig,
    private readonly log: Logger,
    readonly outbox: UpdateOutbox,
  ) {}

  async publish(incident: Incident, update: StatusUpdate, channels: string[]): Promise<PostRefusal[]> {
    const message = buildStatusUpdate(incident, update, this.config);
    const [own, ...broadcast] = channels;
    if (own) await this.chat.post(own, message);
    const answers = await Promise.all(
      broadcast.map((channel) =>
        this.chat.post(channel, message).then(
          () => null,
          (error: unknown): PostRefusal => {
            this.log.warn({ err: error, channel }, 'could not post the status update in a broadcast channel');
            return { channel, reason: slackError(error) ?? 'slack_unreachable' };
          },
        ),
      ),
    );
    return answers.filter((a) => a !== null);
  }

  async nudge(incident: Incident, userId: string, dueAt: string): Promise<void> {
    if (incident.channelId) await this.chat.post(incident.channelId, buildUpdateNudge(incident, userId, dueAt));
  }
}
