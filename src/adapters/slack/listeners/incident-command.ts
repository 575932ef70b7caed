import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Incident } from '#domain/incident.ts';
import { HELP_TEXT, type IncidentCommand } from '#domain/incident-command.ts';
import { parseIncidentCommand } from '#domain/parse-incident-command.ts';
import { addActionItem } from '#use-cases/add-action-item.ts';
import { addNote } from '#use-cases/add-note.ts';
import { changeIncident } from '#use-cases/change-incident.ts';
import { declareIncident } from '#use-cases/declare-incident.ts';
import { resolveIncident } from '#use-cases/resolve-incident.ts';
import { buildTimelineText } from '../blocks/build-timeline-text.ts';
import { buildDeclareModal } from '../blocks/declare-modal.ts';
import { ephemeral, escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { buildResolveModal } from '../blocks/resolve-modal.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
interface Call {
  ctx: ListenerContext;
  args: Args;
  respond: RespondFn;
  userId: string;
  key: string;
}
type Handler<K extends IncidentCommand['kind']> = (
  call: Call,
  command: Extract<IncidentCommand, { kind: K }>,
) => Promise<void>;

/** Commands that act on the incident of the channel they are run in. */
type InChannel<K extends IncidentCommand['kind']> = (
  call: Call,
  command: Extract<IncidentCommand, { kind: K }>,
  incident: Incident,
) => Promise<void>;

function inIncidentChannel<K extends IncidentCommand['kind']>(handler: InChannel<K>): Handler<K> {
  return async (call, command) => {
    const incident = await call.ctx.deps.store.findIncidentByChannel(call.args.command.channel_id);
    if (!incident) {
      await call.args.ack(
        ephemeral(
          `This is not an incident channel. Run \`/incident ${command.kind}\` in the incident's channel; \`/incident list\` shows the open ones.`,
        ),
      );
      return;
    }
    await handler(call, command, incident);
  };
}

/** Acks at once (Slack wants an answer within 3 s), then does the work and answers the person. */
function thenRespond<K extends IncidentCommand['kind']>(work: InChannel<K>): Handler<K> {
  return inIncidentChannel<K>(async (call, command, incident) => {
    await call.args.ack();
    await work(call, command, incident);
  });
}

const say = async (
  call: Call,
  outcome: { ok: boolean; message?: string } & Partial<{ value: unknown }>,
  fallback: string,
) =>
  call.respond({
    response_type: 'ephemeral',
    text: outcome.message ?? (typeof outcome.value === 'string' ? outcome.value : fallback),
  });

const HANDLERS: { [K in IncidentCommand['kind']]: Handler<K> } = {
  help: async ({ args }) => {
    await args.ack(ephemeral(HELP_TEXT));
  },
  declare: async (call, { severity, title }) => {
    const { deps } = call.ctx;
    if (title === null) {
      await deps.chat.openView(
        call.args.command.trigger_id,
        buildDeclareModal(deps.config, call.args.command.channel_id),
      );
      await call.args.ack();
      return;
    }
    await call.args.ack(ephemeral(`Declaring *${escapeMrkdwn(title)}*…`));
    const outcome = await declareIncident(deps, {
      title,
      severity,
      declaredBy: call.userId,
      requestKey: call.key,
    });
    await call.respond(
      ephemeral(outcome.ok ? `Declared <#${outcome.value.channelId}>. I invited you there.` : outcome.message),
    );
  },
  severity: thenRespond(async (call, { severity }, incident) => {
    await say(
      call,
      await changeIncident(
        call.ctx.deps,
        incident,
        { kind: 'severity', severity },
        call.userId,
        `severity:${call.key}`,
      ),
      'Done.',
    );
  }),
  status: thenRespond(async (call, { status }, incident) => {
    await say(
      call,
      await changeIncident(call.ctx.deps, incident, { kind: 'status', status }, call.userId, `status:${call.key}`),
      'Done.',
    );
  }),
  role: thenRespond(async (call, { role, userId }, incident) => {
    await say(
      call,
      await changeIncident(call.ctx.deps, incident, { kind: 'role', role, userId }, call.userId, `role:${call.key}`),
      'Done.',
    );
  }),
  services: thenRespond(async (call, { services }, incident) => {
    await say(
      call,
      await changeIncident(
        call.ctx.deps,
        incident,
        { kind: 'services', services },
        call.userId,
        `services:${call.key}`,
      ),
      'Done.',
    );
  }),
  note: inIncidentChannel(async (call, { text }, incident) => {
    await addNote(call.ctx.deps, incident, text, call.userId, call.key);
    await call.args.ack(ephemeral('Added to the timeline.'));
  }),
  action: thenRespond(async (call, command, incident) => {
    const outcome = await addActionItem(call.ctx.deps, incident, command, call.userId, call.key);
    await say(call, outcome, 'Action item added.');
  }),
  timeline: inIncidentChannel(async (call, _command, incident) => {
    const entries = await call.ctx.deps.store.listTimeline(incident.id);
    await call.args.ack(ephemeral(buildTimelineText(incident.title, entries)));
  }),
  list: async (call) => {
    const statuses = call.ctx.deps.config.incident.statuses;
    const open = await call.ctx.deps.store.listIncidents({ excludeStatus: statuses[statuses.length - 1]! });
    const lines = open.map((i) => `• <#${i.channelId}> ${i.severity} · ${i.status} · ${escapeMrkdwn(i.title)}`);
    await call.args.ack(
      ephemeral(open.length === 0 ? 'No open incidents. 🎉' : `*Open incidents*\n${lines.join('\n')}`),
    );
  },
  resolve: inIncidentChannel(async (call, { resolution }, incident) => {
    const { deps } = call.ctx;
    if (resolution === null) {
      await deps.chat.openView(call.args.command.trigger_id, buildResolveModal(incident));
      await call.args.ack();
      return;
    }
    await call.args.ack();
    const outcome = await resolveIncident(deps, incident, call.userId, `resolved:${incident.id}`, { resolution });
    await call.respond(ephemeral(outcome.ok ? 'Resolved. The RCA draft follows in the channel.' : outcome.message));
  }),
  rca: thenRespond(async (call, _command, incident) => {
    if (!call.ctx.deps.onRcaRequested) {
      await call.respond(ephemeral('RCA drafts are not set up on this bot.'));
      return;
    }
    await call.ctx.deps.onRcaRequested(incident.id, call.userId);
    await call.respond(ephemeral('RCA draft requested.'));
  }),
};

/** `/incident …`: parses the text, then one handler per subcommand. */
export function incidentCommand(ctx: ListenerContext) {
  return async (args: Args): Promise<void> => {
    const { command } = args;
    const config = ctx.deps.config.incident;
    const parsed = parseIncidentCommand(command.text, {
      severities: config.severities,
      statuses: config.statuses,
      roles: config.roles,
    });
    if (!parsed.ok) {
      await args.ack(ephemeral(parsed.message));
      return;
    }
    const call: Call = { ctx, args, respond: args.respond, userId: command.user_id, key: command.trigger_id };
    try {
      await (HANDLERS[parsed.command.kind] as Handler<typeof parsed.command.kind>)(call, parsed.command as never);
    } catch (error) {
      const text = somethingWentWrong(ctx, error, `\`/incident ${parsed.command.kind}\``);
      await args.ack(ephemeral(text)).catch(() => args.respond(ephemeral(text)).catch(() => undefined));
    }
  };
}
