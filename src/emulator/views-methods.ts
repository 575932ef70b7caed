import { type CallContext, checkedView, type Handler, SlackApiError, str } from './method-context.ts';
import type { View } from './workspace.ts';

/** views.*: modals and the Home tab, with the view checked against Block Kit (method-context checkedView). */
export const VIEWS_METHODS: Record<string, Handler> = {
  'views.open': (args, ctx) => {
    const view = checkedView(args, 'modal');
    const userId = exchange(ctx, str(args['trigger_id']));
    return { view: render(ctx, save(ctx, { id: ctx.workspace.nextId('V'), userId, view, type: 'modal' })) };
  },

  // push_limit_reached: "the max push limit has been reached for views. Currently the limit is 3." (api-ref
  // views.push.json); the first modal plus two pushed ones make three.
  'views.push': (args, ctx) => {
    const view = checkedView(args, 'modal');
    const userId = exchange(ctx, str(args['trigger_id']));
    const open = [...ctx.workspace.views.values()].filter((v) => v.type === 'modal' && v.userId === userId);
    if (open.length === 0) throw new SlackApiError('not_found');
    if (open.length >= 3) throw new SlackApiError('push_limit_reached');
    return { view: render(ctx, save(ctx, { id: ctx.workspace.nextId('V'), userId, view, type: 'modal' })) };
  },

  // not_found: "the given `view_id` or `external_id` doesn't exist"; hash_conflict: "the provided `hash` doesn't
  // match the current stored value" (api-ref views.update.json).
  'views.update': (args, ctx) => {
    const view = checkedView(args, 'modal');
    const id = str(args['view_id']);
    const externalId = str(args['external_id']);
    const current = [...ctx.workspace.views.values()].find(
      (v) =>
        v.type === 'modal' &&
        ((id !== '' && v.id === id) || (externalId !== '' && v.view['external_id'] === externalId)),
    );
    if (!current) throw new SlackApiError('not_found');
    if (args['hash'] !== undefined && str(args['hash']) !== current.hash) throw new SlackApiError('hash_conflict');
    return { view: render(ctx, save(ctx, { ...current, view })) };
  },

  'views.publish': (args, ctx) => {
    const userId = str(args['user_id']);
    if (!ctx.workspace.users.has(userId)) throw new SlackApiError('user_not_found');
    const view = checkedView(args, 'home');
    const id = `home-${userId}`;
    const current = ctx.workspace.views.get(id);
    if (current && args['hash'] !== undefined && str(args['hash']) !== current.hash) {
      throw new SlackApiError('hash_conflict');
    }
    return { view: render(ctx, save(ctx, { id, userId, view, type: 'home' })) };
  },
};

/** Exchanges the call's trigger (see Workspace.exchangeTrigger); answers the person the modal opens for. */
function exchange(ctx: CallContext, triggerId: string): string {
  // invalid_trigger_id: 'The expected format for the trigger_id argument is "132456.7890123.abcdef".'
  if (!/^\d+\.\d+\.[0-9a-f]+$/.test(triggerId)) throw new SlackApiError('invalid_trigger_id');
  const outcome = ctx.workspace.exchangeTrigger(triggerId, Date.now());
  if (outcome !== 'ok') throw new SlackApiError(outcome);
  return ctx.workspace.triggerUser(triggerId) ?? '';
}

/** Stores a view with a fresh hash, as Slack does on every change. */
function save(ctx: CallContext, view: Omit<View, 'hash'> & { hash?: string }): View {
  const saved: View = { ...view, hash: `${Date.now()}.${ctx.workspace.nextId('h')}` };
  ctx.workspace.views.set(saved.id, saved);
  return saved;
}

function render(ctx: CallContext, view: View): Record<string, unknown> {
  return { id: view.id, team_id: ctx.workspace.teamId, ...view.view, hash: view.hash, app_id: ctx.workspace.appId };
}
