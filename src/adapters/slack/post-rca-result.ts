import { broadcastChannels } from '#domain/broadcast-channels.ts';
import type { Deps } from '#use-cases/deps.ts';
import type { DraftResult } from '#use-cases/draft-rca.ts';
import { draftRca } from '#use-cases/draft-rca.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';

/** Drafts the RCA and tells the incident channel (and the announcements channel) where it is. */
export async function draftAndAnnounceRca(deps: Deps, incidentId: string): Promise<void> {
  const incident = await deps.store.getIncident(incidentId);
  if (!incident?.channelId) return;
  let outcome: Awaited<ReturnType<typeof draftRca>>;
  try {
    outcome = await draftRca(deps, incidentId);
  } catch (error) {
    deps.log.error({ err: error, incidentId }, 'RCA draft failed');
    outcome = {
      ok: false,
      message: `Something went wrong while committing the RCA draft (${(error as Error).message.split('\n')[0]}). It is kept; \`/incident rca\` tries again.`,
    };
  }
  if (!outcome.ok) {
    await deps.chat.post(incident.channelId, { text: `⚠️ ${outcome.message}` });
    return;
  }
  const text = describe(outcome.value);
  await deps.chat.post(incident.channelId, { text });
  const announcement = `📝 RCA draft for <#${incident.channelId}> (${escapeMrkdwn(incident.title)}): ${link(outcome.value)}`;
  for (const announcements of broadcastChannels(incident.severity, deps.config.incident)) {
    await deps.chat
      .post(announcements, { text: announcement })
      .catch((error) => deps.log.warn({ err: error }, 'could not post the RCA link to the announcements channel'));
  }
}

function link(result: DraftResult): string {
  return result.url ? `<${result.url}|${escapeMrkdwn(result.path)}>` : `\`${escapeMrkdwn(result.path)}\``;
}

function describe(result: DraftResult): string {
  const lines = [`📝 RCA draft ${result.pushed ? 'committed' : 'committed locally'}: ${link(result)}`];
  if (result.pullRequestUrl) lines.push(`Open a pull request: <${result.pullRequestUrl}|review the draft>`);
  if (!result.pushed) {
    lines.push(
      `The repository could not be reached (${escapeMrkdwn(result.pushError ?? 'unknown error')}). The commit is kept and I will push it as soon as the repository answers.`,
    );
  }
  if (result.note) lines.push(result.note);
  return lines.join('\n');
}
