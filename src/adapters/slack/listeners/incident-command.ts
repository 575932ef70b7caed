import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import { HELP_TEXT, type IncidentCommand } from '#domain/incident-command.ts';
import { parseIncidentCommand } from '#domain/parse-incident-command.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import { acknowledgeIncident } from '#use-cases/acknowledge-incident.ts';
import { addActionItem } from '#use-cases/add-action-item.ts';
import { addNote } from '#use-cases/add-note.ts';
import { addPinnedThreads } from '#use-cases/add-pinned-threads.ts';
import { changeIncident, type IncidentChange } from '#use-cases/change-incident.ts';
import { declareIncident } from '#use-cases/declare-incident.ts';
import type { Outcome } from '#use-cases/deps.ts';
import { describeNotInvited } from '#use-cases/describe-not-invited.ts';
import { makeIncidentPrivate } from '#use-cases/make-incident-private.ts';
import { postStatusUpdate } from '#use-cases/post-status-update.ts';
import { markRcaAsked } from '#use-cases/private-rca-commit.ts';
import { reopenIncident } from '#use-cases/reopen-incident.ts';
import { resolveIncident } from '#use-cases/resolve-incident.ts';
import { setImpactStart } from '#use-cases/set-impact-start.ts';
import { visibleIncidents } from '#use-cases/visible-incidents.ts';
import { buildTimelineText } from '../blocks/build-timeline-text.ts';
import { buildDeclareModal } from '../blocks/declare-modal.ts';
import { describeDeclared } from '../blocks/describe-declared.ts';
import { ephemeral } from '../blocks/mrkdwn.ts';
import { buildNoticeModal } from '../blocks/notice-modal.ts';
import { renderOpenIncidentLine } from '../blocks/open-incident-line.ts';
import { buildResolveModal } from '../blocks/resolve-modal.ts';
import { buildUpdateModal } from '../blocks/update-modal.ts';
import { checkAllowed } from './check-allowed.ts';
import { formNotOpened } from './form-not-opened.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One run of `/incident`: answers through the ack while it can, through response_url after. */
class Call {
  private acked = false;
  readonly userId: string;
  readonly key: string;

  constructor(
    readonly ctx: ListenerContext,
    readonly args: Args,
  ) {
    this.userId = args.command.user_id;
    this.key = args.command.trigger_id;
  }

  get deps() {
    return this.ctx.deps;
  }

  /** Acks now, with nothing to show: anything slow (a Slack call, git) comes after this. */
  async ackNow(): Promise<void> {
    if (this.acked) return;
    this.acked = true;
    await this.args.ack();
  }

  async reply(text: string): Promise<void> {
    if (this.acked) {
      await this.args.respond(ephemeral(text));
      return;
    }
    this.acked = true;
    await this.args.ack(ephemeral(text));
  }

  /**
   * Opens a modal as the first Web API call after the ack (its trigger_id lasts 3 seconds), then runs
   * the checks that may be slow; a refusal replaces the form with what to do instead.
   */
  async openModalThenCheck(
    view: Record<string, unknown>,
    check: () => Promise<string | null>,
    instead: string,
  ): Promise<void> {
    await this.ackNow();
    let viewId: string | null;
    try {
      viewId = await this.deps.chat.openView(this.args.command.trigger_id, view);
    } catch (error) {
      // Slack would not open it (a trigger past its 3 seconds, or anything else): say so, and what does the same.
      await this.reply(formNotOpened(this.ctx, error, 'form', instead, 'command'));
      return;
    }
    const refusal = await check();
    if (refusal === null) return;
    if (viewId) await this.deps.chat.updateView(viewId, buildNoticeModal('Not allowed', refusal));
    else await this.reply(refusal);
  }

  async replyOutcome(outcome: Outcome<string> | Outcome<unknown>, fallback: string): Promise<void> {
    await this.reply(
      outcome.ok
        ? (outcome.message ?? (typeof outcome.value === 'string' ? outcome.value : fallback))
        : outcome.message,
    );
  }
}

type Command<K extends IncidentCommand['kind']> = Extract<IncidentCommand, { kind: K }>;
type Handler<K extends IncidentCommand['kind']> = (call: Call, command: Command<K>) => Promise<void>;
type InChannel<K extends IncidentCommand['kind']> = (
  call: Call,
  command: Command<K>,
  incident: Incident,
) => Promise<void>;

/**
 * Commands that act on the incident of the channel they run in, by people in that channel. One that
 * opens a form (`modal`) opens it first and checks after, with the same check at submit.
 */
function inIncidentChannel<K extends IncidentCommand['kind']>(
  handler: InChannel<K>,
  options: {
    readOnly?: boolean;
    modal?: (command: Command<K>, incident: Incident, config: BotConfig) => Record<string, unknown> | null;
  } = {},
): Handler<K> {
  return async (call, command) => {
    const incident = await call.deps.store.findIncidentByChannel(call.args.command.channel_id);
    if (!incident) {
      await call.reply(
        `This is not an incident channel. Run \`/incident ${command.kind}\` in the incident's channel; \`/incident list\` shows the open ones.`,
      );
      return;
    }
    const view = options.modal?.(command, incident, call.deps.config) ?? null;
    if (view !== null) {
      await call.openModalThenCheck(
        view,
        () => checkAllowed(call.deps, call.userId, command.kind, incident),
        `\`/incident ${command.kind} <text>\``,
      );
      return;
    }
    if (!options.readOnly) {
      await call.ackNow();
      const refusal = await checkAllowed(call.deps, call.userId, command.kind, incident);
      if (refusal) {
        await call.reply(refusal);
        return;
      }
    }
    await handler(call, command, incident);
  };
}

const change = <K extends 'severity' | 'status' | 'role' | 'services'>(
  toChange: (command: Command<K>) => IncidentChange,
) =>
  inIncidentChannel<K>(async (call, command, incident) => {
    const wanted = toChange(command);
    const outcome = await changeIncident(call.deps, incident, wanted, call.userId, `${wanted.kind}:${call.key}`);
    await call.replyOutcome(outcome, 'Done.');
  });

const HANDLERS: { [K in IncidentCommand['kind']]: Handler<K> } = {
  help: (call) => call.reply(HELP_TEXT),
  declare: async (call, { severity, title, private: isPrivate }) => {
    const { deps } = call;
    if (title === null) {
      const view = buildDeclareModal(deps.config, call.args.command.channel_id, { private: isPrivate });
      await call.openModalThenCheck(
        view,
        () => checkAllowed(deps, call.userId, 'declare', null),
        '`/incident declare <severity> <title>`',
      );
      return;
    }
    await call.ackNow();
    const refusal = await checkAllowed(deps, call.userId, 'declare', null);
    if (refusal) {
      await call.reply(refusal);
      return;
    }
    const outcome = await declareIncident(deps, {
      title,
      severity,
      declaredBy: call.userId,
      requestKey: call.key,
      private: isPrivate,
    });
    await call.reply(
      outcome.ok
        ? describeDeclared(outcome.value.incident.channelId!, call.userId, outcome.value.notInvited)
        : outcome.message,
    );
  },
  severity: change(({ severity }) => ({ kind: 'severity', severity })),
  status: change(({ status }) => ({ kind: 'status', status })),
  role: change(({ role, userId }) => ({ kind: 'role', role, userId })),
  services: change(({ services }) => ({ kind: 'services', services })),
  note: inIncidentChannel(async (call, { text }, incident) => {
    await addNote(call.deps, incident, text, call.userId, call.key);
    await call.reply('Added to the timeline.');
  }),
  action: inIncidentChannel(async (call, command, incident) => {
    await call.replyOutcome(
      await addActionItem(call.deps, incident, command, call.userId, call.key),
      'Action item added.',
    );
  }),
  timeline: inIncidentChannel(
    async (call, _command, incident) => {
      await call.reply(buildTimelineText(incident.title, await call.deps.store.listTimeline(incident.id)));
    },
    { readOnly: true },
  ),
  list: async (call) => {
    const statuses = call.deps.config.incident.statuses;
    await call.ackNow();
    const all = await call.deps.store.listIncidents({ excludeStatus: resolvedStatus(statuses) });
    const open = await visibleIncidents(call.deps.chat, all, call.userId);
    const lines = open.map(renderOpenIncidentLine);
    await call.reply(open.length === 0 ? 'No open incidents. 🎉' : `*Open incidents*\n${lines.join('\n')}`);
  },
  resolve: inIncidentChannel(
    async (call, { resolution }, incident) => {
      const outcome = await resolveIncident(
        call.deps,
        incident,
        call.userId,
        `resolved:${incident.id}`,
        resolution === null ? {} : { resolution },
      );
      await call.reply(outcome.ok ? 'Resolved. The RCA draft follows in the channel.' : outcome.message);
    },
    { modal: ({ resolution }, incident) => (resolution === null ? buildResolveModal(incident) : null) },
  ),
  reopen: inIncidentChannel(async (call, _command, incident) => {
    await call.replyOutcome(await reopenIncident(call.deps, incident, call.userId, call.key), 'Reopened.');
  }),
  update: inIncidentChannel(
    async (call, { text }, incident) => {
      const input = { text: text ?? '', status: null, nextInMinutes: null };
      const outcome = await postStatusUpdate(call.deps, call.ctx.updates, incident, input, call.userId, call.key);
      await call.replyOutcome(outcome, 'Update posted.');
    },
    { modal: ({ text }, incident, config) => (text === null ? buildUpdateModal(incident, config) : null) },
  ),
  ack: inIncidentChannel(async (call, _command, incident) => {
    await call.replyOutcome(await acknowledgeIncident(call.deps, incident, call.userId), 'Acknowledged.');
  }),
  started: inIncidentChannel(async (call, { time }, incident) => {
    await call.replyOutcome(await setImpactStart(call.deps, incident, time, call.userId), 'Start time set.');
  }),
  private: inIncidentChannel(async (call, _command, incident) => {
    const outcome = await makeIncidentPrivate(call.deps, incident, call.userId, call.key);
    if (!outcome.ok) {
      await call.reply(outcome.message);
      return;
    }
    const notInvited = describeNotInvited(outcome.value.notInvited);
    await call.reply(
      [
        `Moved to the private channel <#${outcome.value.incident.channelId}>.`,
        ...(notInvited ? [notInvited] : []),
      ].join('\n'),
    );
  }),
  rca: inIncidentChannel(async (call, command, incident) => {
    const added = command.threads ? await addPinnedThreads(call.deps, incident, call.userId) : 0;
    await markRcaAsked(call.deps, incident);
    await call.deps.onRcaRequested(incident.id, call.userId);
    await call.reply(
      `${command.threads ? `${added} thread ${added === 1 ? 'reply' : 'replies'} added to the timeline. ` : ''}RCA draft requested; the link follows in the channel.`,
    );
  }),
};

/** `/incident …`: parses the text, then one handler per subcommand. */
export function incidentCommand(ctx: ListenerContext) {
  return async (args: Args): Promise<void> => {
    const config = ctx.deps.config.incident;
    const parsed = parseIncidentCommand(args.command.text, {
      severities: config.severities,
      statuses: config.statuses,
      roles: config.roles,
    });
    const call = new Call(ctx, args);
    if (!parsed.ok) {
      await call.reply(parsed.message);
      return;
    }
    try {
      await (HANDLERS[parsed.command.kind] as Handler<typeof parsed.command.kind>)(call, parsed.command as never);
    } catch (error) {
      await call.reply(somethingWentWrong(ctx, error, `\`/incident ${parsed.command.kind}\``)).catch(() => undefined);
    }
  };
}
