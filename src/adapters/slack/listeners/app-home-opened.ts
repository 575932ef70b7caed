import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { calendarDay } from '#domain/calendar-day.ts';
import { parseOwnerRef } from '#domain/owner-ref.ts';
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
    const files = ctx.index ? (await ctx.index.refresh()).files : [];
    const mine = files.flatMap((file) =>
      file.items
        .filter(
          (item) =>
            !item.done &&
            item.owner !== null &&
            isMine(item.owner, { userId, name, email }, deps.config.reminders.owners),
        )
        .map((item) => ({ ...item, file: file.path, title: file.title ?? file.path })),
    );
    const statuses = deps.config.incident.statuses;
    const all = await deps.store.listIncidents({ excludeStatus: resolvedStatus(statuses) });
    const open = await visibleIncidents(deps.chat, all, userId);
    await deps.chat.publishHome(userId, buildAppHome(mine, open, today));
  };
}

function isMine(
  owner: string,
  me: { userId: string; name: string | null; email: string | null },
  map: Record<string, string>,
): boolean {
  const ref = parseOwnerRef(owner, map);
  switch (ref.kind) {
    case 'user':
      return ref.id === me.userId;
    case 'email':
      return me.email !== null && ref.email === me.email.toLowerCase();
    case 'handle':
      return me.name !== null && ref.handle === me.name.toLowerCase();
    default:
      return false;
  }
}
