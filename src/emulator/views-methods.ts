import { type Handler, json, SlackApiError, str } from './method-context.ts';

/** views.*: modals and the Home tab. */
export const VIEWS_METHODS: Record<string, Handler> = {
  'views.open': (args, ctx) => {
    const triggerId = str(args['trigger_id']);
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(triggerId)) throw new SlackApiError('invalid_trigger_id');
    const view = json<Record<string, unknown>>(args['view']);
    if (view?.['type'] !== 'modal') throw new SlackApiError('invalid_arguments');
    const userId = triggerId.split('.')[2] ?? '';
    const id = ctx.workspace.nextId('V');
    ctx.workspace.views.set(id, {
      id,
      userId: ctx.workspace.triggerUser(triggerId) ?? userId,
      view,
      type: 'modal',
    });
    return { view: { id, ...view } };
  },

  'views.publish': (args, ctx) => {
    const userId = str(args['user_id']);
    if (!ctx.workspace.users.has(userId)) throw new SlackApiError('user_not_found');
    const view = json<Record<string, unknown>>(args['view']);
    if (view?.['type'] !== 'home') throw new SlackApiError('invalid_arguments');
    const id = `home-${userId}`;
    ctx.workspace.views.set(id, { id, userId, view, type: 'home' });
    return { view: { id, ...view } };
  },
};
