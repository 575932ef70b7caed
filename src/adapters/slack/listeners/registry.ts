import type { App } from '@slack/bolt';
import { DECLARE_MODAL_ID } from '../blocks/declare-modal.ts';
import { RESOLVE_MODAL_ID } from '../blocks/resolve-modal.ts';
import { POST_UPDATE_ACTION } from '../blocks/build-update-nudge.ts';
import { UPDATE_MODAL_ID } from '../blocks/update-modal.ts';
import { REMINDER_ACTIONS } from '../reminders/reminder-blocks.ts';
import { ADD_TO_TIMELINE, addToTimelineShortcut } from './add-to-timeline-shortcut.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { declareModalSubmitted } from './declare-modal-submitted.ts';
import { incidentCommand } from './incident-command.ts';
import type { ListenerContext } from './listener-context.ts';
import { messageChanged } from './message-changed.ts';
import { reactionAdded } from './reaction-added.ts';
import { reactionRemoved } from './reaction-removed.ts';
import { reminderDone, reminderSnoozeDay, reminderSnoozeWeek } from './reminder-buttons.ts';
import { resolveModalSubmitted } from './resolve-modal-submitted.ts';
import { updateButton } from './update-button.ts';
import { updateModalSubmitted } from './update-modal-submitted.ts';

/**
 * Everything the bot listens to, in one table: `registerListeners` wires it into Bolt, and the manifest
 * test checks `manifest.yml` declares exactly these.
 */
export const LISTENERS = {
  commands: { '/incident': incidentCommand },
  events: {
    reaction_added: reactionAdded,
    reaction_removed: reactionRemoved,
    message: messageChanged,
    app_home_opened: appHomeOpened,
  },
  shortcuts: { [ADD_TO_TIMELINE]: addToTimelineShortcut },
  views: {
    [DECLARE_MODAL_ID]: declareModalSubmitted,
    [RESOLVE_MODAL_ID]: resolveModalSubmitted,
    [UPDATE_MODAL_ID]: updateModalSubmitted,
  },
  actions: {
    [REMINDER_ACTIONS.done]: reminderDone,
    [REMINDER_ACTIONS.snoozeDay]: reminderSnoozeDay,
    [REMINDER_ACTIONS.snoozeWeek]: reminderSnoozeWeek,
    [POST_UPDATE_ACTION]: updateButton,
  },
} as const;

export function registerListeners(app: App, ctx: ListenerContext, extra: Partial<ExtraListeners> = {}): void {
  for (const [name, make] of Object.entries(LISTENERS.commands)) app.command(name, make(ctx));
  for (const [name, make] of Object.entries({ ...LISTENERS.events, ...extra.events }))
    app.event(name, make(ctx) as never);
  for (const [id, make] of Object.entries(LISTENERS.shortcuts)) app.shortcut(id, make(ctx) as never);
  for (const [id, make] of Object.entries(LISTENERS.views)) app.view(id, make(ctx) as never);
  for (const [id, make] of Object.entries({ ...LISTENERS.actions, ...extra.actions }))
    app.action(id, make(ctx) as never);
}

export interface ExtraListeners {
  events: Record<string, (ctx: ListenerContext) => unknown>;
  actions: Record<string, (ctx: ListenerContext) => unknown>;
}
