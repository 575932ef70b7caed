import { buildChannelName, withSuffix } from '#domain/channel-name.ts';
import { renderChannelTopic } from '#domain/channel-topic.ts';
import type { Incident } from '#domain/incident.ts';
import type { InviteRefusal } from '#src/ports.ts';
import type { DeclareIncidentDeps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';
import { recordChange } from './record-change.ts';

export interface DeclareRequest {
  title: string;
  severity: string | null;
  declaredBy: string;
  summary?: string;
  services?: string[];
  /** A private channel, and nothing about the incident outside it (see `incident.private`). */
  private?: boolean;
  /** Unique per request (Slack's trigger id), so a redelivered command declares once. */
  requestKey: string;
}

export interface DeclaredIncident {
  incident: Incident;
  /** People Slack would not add to the channel; the declare went on without them. */
  notInvited: InviteRefusal[];
}

/** `-2` … `-9` first; after that a suffix from the incident's id, which no other incident shares. */
const COUNTED_ATTEMPTS = 9;
const MAX_NAME_ATTEMPTS = 14;

/**
 * Declares an incident: creates its channel (a suffix on `name_taken`), stores the incident with it,
 * sets topic and purpose, invites the declarer and the responders, and records the declaration on the
 * timeline. When Slack creates no channel nothing is stored, and the message says what Slack refused.
 * It goes on whatever the invites do: the people Slack refused come back in `notInvited`.
 */
export async function declareIncident(
  deps: DeclareIncidentDeps,
  request: DeclareRequest,
): Promise<Outcome<DeclaredIncident>> {
  const { config } = deps;
  const title = request.title.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (title === '') return fail('Give the incident a title, like `/incident declare sev2 Checkout latency`.');
  const now = deps.clock.now();
  const incident: Incident = {
    id: deps.ids.next('inc'),
    title,
    severity: request.severity ?? config.incident.defaultSeverity,
    status: config.incident.statuses[0]!,
    channelId: null,
    channelName: null,
    summaryTs: null,
    declaredBy: request.declaredBy,
    declaredAt: now.toISOString(),
    resolvedAt: null,
    roles: { [config.incident.roles[0]!]: request.declaredBy },
    services: request.services ?? [],
    summary: request.summary ?? '',
    rootCause: '',
    impact: '',
    resolution: '',
    rcaPath: null,
    ...(request.private ? { private: true } : {}),
  };

  const base = buildChannelName(title, {
    prefix: config.incident.channelPrefix,
    date: config.incident.channelDate ? now.toISOString().slice(0, 10) : null,
  });
  let channel: { id: string; name: string } | null = null;
  let refusal: string | null = null;
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS && !channel && refusal === null; attempt += 1) {
    const name =
      attempt === 1
        ? base
        : attempt <= COUNTED_ATTEMPTS
          ? withSuffix(base, attempt)
          : withSuffix(base, Number.parseInt(incident.id.replace(/[^0-9a-f]/g, '').slice(-6) || '0', 16) + attempt);
    const result = await deps.chat.createChannel(name, { isPrivate: request.private === true });
    if (result.ok) channel = result;
    else if (result.error === 'refused') refusal = result.reason;
    else if (result.error !== 'name_taken') break;
  }
  if (!channel) {
    deps.log.error({ incidentId: incident.id, base, refusal }, 'could not create an incident channel');
    const why = refusal ?? `every name from #${base} on is taken. Try a different title.`;
    return fail(`I could not create a channel for "${title}", so nothing was declared: ${why}`);
  }
  // Stored only now: an incident Slack gave no channel is never left behind, open and unreachable.
  incident.channelId = channel.id;
  incident.channelName = channel.name;
  await deps.store.createIncident(incident);
  await recordChange(deps, incident.id, `declared:${incident.id}`, 'declared', {
    to: `${title} (${incident.severity})`,
    byId: request.declaredBy,
  });

  await deps.chat.setTopicAndPurpose(
    channel.id,
    renderChannelTopic(incident),
    `Incident: ${title}. Declared by <@${request.declaredBy}>. /incident help`,
  );
  const notInvited = await deps.chat.invite(channel.id, [request.declaredBy, ...config.incident.responders]);
  if (notInvited.length > 0) deps.log.warn({ incidentId: incident.id, notInvited }, 'some people could not be invited');
  await deps.onIncidentChanged(incident.id);
  return ok({ incident: (await deps.store.getIncident(incident.id)) ?? incident, notInvited });
}
