import { broadcastChannels } from '#domain/broadcast-channels.ts';
import { renderChannelTopic } from '#domain/channel-topic.ts';
import { type Incident, isPrivate } from '#domain/incident.ts';
import { existenceChannels, PRIVATE_EXISTENCE_LINE } from '#domain/private-incident.ts';
import { ChannelArchivedError } from '#src/ports/channel-archived-error.ts';
import type { ChatMessage, PostRefusal } from '#src/ports.ts';
import type { Deps } from '#use-cases/deps.ts';
import { describeNotPosted } from '#use-cases/describe-not-posted.ts';
import { buildAnnouncement, buildSummary } from './blocks/build-summary.ts';
import { slackError } from './slack-chat.ts';

/**
 * Keeps an incident's pinned summary in step with it: posted and pinned the first time (with the
 * announcement), updated in place after every change, and the channel topic follows. In an archived
 * channel Slack changes nothing any more: the summary stays as it was, and that is logged, not thrown.
 */
export async function refreshSummary(deps: Deps, incidentId: string): Promise<void> {
  try {
    await refresh(deps, incidentId);
  } catch (error) {
    if (!(error instanceof ChannelArchivedError)) throw error;
    deps.log.info(
      { incidentId, channel: error.channelId },
      'the incident channel is archived; its pinned summary stays as it was',
    );
  }
}

async function refresh(deps: Deps, incidentId: string): Promise<void> {
  const incident = await deps.store.getIncident(incidentId);
  if (!incident?.channelId) return;
  const review = deps.rca?.review;
  const saved = review ? await review.records.get(incident.id) : null;
  const message = buildSummary(
    incident,
    deps.config,
    review && saved?.number != null && saved.url
      ? { noun: review.requests.noun, number: saved.number, url: saved.url, state: saved.state }
      : null,
  );
  if (incident.summaryTs === null) {
    const { ts } = await deps.chat.post(incident.channelId, message);
    // The announcement takes its place in the channel's queue of posts before anything else can
    // follow the incident there (its RCA link), even while Slack answers 429s.
    const announced = Promise.all(
      announcementsOf(incident, deps.config.incident).map(({ channel, message }) =>
        deps.chat.post(channel, message).then(
          () => null,
          (error: unknown): PostRefusal => {
            deps.log.warn({ err: error, channel }, 'could not announce the incident');
            return { channel, reason: slackError(error) ?? 'slack_unreachable' };
          },
        ),
      ),
    );
    await deps.store.updateIncident(incident.id, { summaryTs: ts });
    await deps.chat.pin(incident.channelId, ts);
    // Told once, here: the announcement is only ever tried with the first summary.
    const notPosted = describeNotPosted((await announced).filter((r) => r !== null));
    if (notPosted)
      await deps.chat.post(incident.channelId, { text: `This incident was not announced everywhere.\n${notPosted}` });
    return;
  }
  await deps.chat.update(incident.channelId, incident.summaryTs, message);
  // The purpose was set at declaration and does not change; the topic follows severity and status.
  await deps.chat.setTopicAndPurpose(incident.channelId, renderChannelTopic(incident));
}

/**
 * What the broadcast channels hear of a new incident: its announcement, or for a private one nothing
 * (`incident.private.announce: none`) or a line without title, severity or link (`existence`).
 */
function announcementsOf(incident: Incident, config: Deps['config']['incident']) {
  const to = (channels: string[], message: ChatMessage) => channels.map((channel) => ({ channel, message }));
  if (!isPrivate(incident)) return to(broadcastChannels(incident.severity, config), buildAnnouncement(incident));
  return config.private.announce === 'existence' ? to(existenceChannels(config), { text: PRIVATE_EXISTENCE_LINE }) : [];
}
