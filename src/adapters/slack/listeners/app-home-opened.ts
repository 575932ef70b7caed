import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { calendarDay } from '#domain/calendar-day.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import { visibleIncidents } from '#use-cases/visible-incidents.ts';
import { buildAppHome } from '../blocks/build-app-home.ts';
import type { ListenerContext } from './listener-context.ts';

/** The App Home tab: the person's own open action items, and the open incidents. */
export function appHomeOpened(ctx: ListenerContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const { deps } = ctx;
    const userId = event.user;
    const [name, email] = await Promise.all([deps.chat.userName(userId), deps.chat.userEmail(userId)]);
    const today = calendarDay(deps.clock.now(), deps.config.reminders.timeZone);
    const index = ctx.index;
    if (index) await index.refresh();
    const mine = index ? await index.ownedBy({ userId, name, email }, deps.config.reminders.owners) : [];
    const statuses = deps.config.incident.statuses;
    const all = await deps.store.listIncidents({ excludeStatus: resolvedStatus(statuses) });
    const open = await visibleIncidents(deps.chat, all, userId);
    await deps.chat.publishHome(userId, buildAppHome(mine, open, today));
  };
}
