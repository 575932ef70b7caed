import { broadcastChannelsOf } from '#domain/private-incident.ts';
import type { PostRefusal, PushFailure } from '#src/ports.ts';
import type { Deps } from '#use-cases/deps.ts';
import { describeNotPosted } from '#use-cases/describe-not-posted.ts';
import type { DraftResult } from '#use-cases/draft-rca.ts';
import { draftRca } from '#use-cases/draft-rca.ts';
import { isRcaHeld, RCA_HELD_TEXT } from '#use-cases/private-rca-commit.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { slackError } from './slack-chat.ts';

/** Drafts the RCA and tells the incident channel (and the announcements channel) where it is. */
export async function draftAndAnnounceRca(deps: Deps, incidentId: string): Promise<void> {
  const incident = await deps.store.getIncident(incidentId);
  if (!incident?.channelId) return;
  if (await isRcaHeld(deps, incident)) {
    await deps.chat.post(incident.channelId, { text: RCA_HELD_TEXT });
    return;
  }
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
  const tickets = describeTickets(outcome.value);
  if (tickets) await deps.chat.post(incident.channelId, { text: tickets });
  const announcement = `📝 RCA draft for <#${incident.channelId}> (${escapeMrkdwn(incident.title)}): ${link(outcome.value)}${reviewLink(outcome.value, ', in review: ')}`;
  const refused: PostRefusal[] = [];
  for (const announcements of broadcastChannelsOf(incident, deps.config.incident)) {
    await deps.chat.post(announcements, { text: announcement }).catch((error: unknown) => {
      deps.log.warn({ err: error, channel: announcements }, 'could not post the RCA link to the announcements channel');
      refused.push({ channel: announcements, reason: slackError(error) ?? 'slack_unreachable' });
    });
  }
  // Told in the incident channel, which got the link, rather than only logged.
  const notPosted = describeNotPosted(refused);
  if (notPosted)
    await deps.chat.post(incident.channelId, { text: `The RCA link was not announced everywhere.\n${notPosted}` });
}

function link(result: DraftResult): string {
  return result.url ? `<${result.url}|${escapeMrkdwn(result.path)}>` : `\`${escapeMrkdwn(result.path)}\``;
}

function describe(result: DraftResult): string {
  const lines = [`📝 RCA draft ${result.pushed ? 'committed' : 'committed locally'}: ${link(result)}`];
  if (result.review) {
    const { noun, created } = result.review;
    lines.push(`${created ? 'Opened' : 'Updated'} ${reviewLink(result, `${noun} `)}: review the draft there.`);
  } else if (result.pullRequestUrl) lines.push(`Open a pull request: <${result.pullRequestUrl}|review the draft>`);
  if (result.reviewProblem) lines.push(`⚠️ ${escapeMrkdwn(result.reviewProblem)}`);
  if (!result.pushed) lines.push(PUSH_FAILURES[result.pushFailure ?? 'unreachable'](result));
  if (result.note) lines.push(result.note);
  return lines.join('\n');
}

/** Which tracker issues the draft opened, or what the tracker said; nothing when it had nothing to do. */
function describeTickets(result: DraftResult): string | null {
  if (!result.tickets) return null;
  const { tracker, created, problem } = result.tickets;
  if (problem) return `⚠️ ${escapeMrkdwn(problem)}`;
  if (created.length === 0) return null;
  const links = created.map((i) => (i.url ? `<${i.url}|${escapeMrkdwn(i.key)}>` : escapeMrkdwn(i.key)));
  return `🎫 Opened ${links.length} issue${links.length === 1 ? '' : 's'} in ${tracker} for the action items: ${links.join(', ')}`;
}

/** What each reason a push did not land means for people, and what happens next. */
const PUSH_FAILURES: Record<PushFailure, (r: DraftResult) => string> = {
  unreachable: (r) =>
    `The repository could not be reached (${said(r)}). The commit is kept and I will push it as soon as the repository answers.`,
  auth: (r) =>
    `The repository refused my credentials when I pushed \`${escapeMrkdwn(r.branch)}\` (${said(r)}). The commit is kept; ask whoever runs the bot to give its deploy key or RCA_REPO_TOKEN write access, and I will push it on the next retry.`,
  'not-found': (r) =>
    `The repository in RCA_REPO answered that it does not exist (${said(r)}). The commit is kept; ask whoever runs the bot to check RCA_REPO and the bot's access to it.`,
  refused: (r) =>
    `The repository refused the push to \`${escapeMrkdwn(r.branch)}\` (${said(r)}): a protected branch or a hook. The commit is kept and retried; allow the bot to push there, or set \`rca.strategy: branch\` to review drafts on a branch of their own.`,
  rejected: (r) =>
    `The repository kept moving while I pushed \`${escapeMrkdwn(r.branch)}\` (${said(r)}). The commit is kept and I will push it on the next retry.`,
  conflict: (r) =>
    `Someone changed \`${escapeMrkdwn(r.path)}\` on \`${escapeMrkdwn(r.branch)}\` while I was writing it. Their version is kept and mine was set aside; \`/incident rca\` drafts again from theirs.`,
};

/** `<url|pull request 12>` after a prefix, or nothing when no review was opened. */
function reviewLink(result: DraftResult, prefix: string): string {
  if (!result.review) return '';
  const { noun, number, url } = result.review;
  return `${prefix}<${url}|${noun === 'merge request' ? `!${number}` : `#${number}`}>`;
}

function said(result: DraftResult): string {
  return escapeMrkdwn(result.pushError ?? 'no message from git');
}
