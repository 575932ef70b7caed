import { type Handler, SlackApiError, str } from './method-context.ts';

/** auth.test, users.* and usergroups.*. */
export const USERS_METHODS: Record<string, Handler> = {
  'auth.test': (_args, ctx) => ({
    url: `https://${ctx.workspace.teamDomain}.slack.com/`,
    team: 'Emulated',
    user: 'incident-scribe',
    team_id: ctx.workspace.teamId,
    user_id: ctx.actor,
    bot_id: ctx.workspace.botId,
    is_enterprise_install: false,
  }),

  'users.info': (args, ctx) => {
    const user = ctx.workspace.users.get(str(args['user']));
    if (!user) throw new SlackApiError('user_not_found');
    return {
      user: {
        id: user.id,
        team_id: ctx.workspace.teamId,
        name: user.name,
        real_name: user.realName,
        is_bot: user.isBot,
        deleted: user.deleted ?? false,
        is_restricted: user.guest !== undefined,
        is_ultra_restricted: user.guest === 'single',
        tz: 'Europe/London',
        profile: { real_name: user.realName, display_name: user.name, email: user.email },
      },
    };
  },

  'users.list': (args, ctx) => {
    const all = [...ctx.workspace.users.values()];
    const start = Number(args['cursor'] || 0);
    const limit = Math.min(Number(args['limit'] || 100), 200);
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? String(start + limit) : '';
    return {
      members: page.map((u) => ({
        id: u.id,
        team_id: ctx.workspace.teamId,
        name: u.name,
        deleted: u.deleted ?? false,
        is_restricted: u.guest !== undefined,
        is_ultra_restricted: u.guest === 'single',
        real_name: u.realName,
        is_bot: u.isBot,
        profile: { real_name: u.realName, display_name: u.name, ...(u.email ? { email: u.email } : {}) },
      })),
      response_metadata: { next_cursor: next },
    };
  },

  'users.lookupByEmail': (args, ctx) => {
    const email = str(args['email']).toLowerCase();
    const user = [...ctx.workspace.users.values()].find((u) => u.email.toLowerCase() === email && email !== '');
    if (!user) throw new SlackApiError('users_not_found');
    // A test names the error Slack gives for this person's address; users.lookupByEmail documents
    // enterprise_is_restricted besides users_not_found (api-ref users.lookupByEmail.json).
    if (user.lookupError) throw new SlackApiError(user.lookupError);
    return USERS_METHODS['users.info']!({ user: user.id }, ctx);
  },

  'usergroups.users.list': (args, ctx) => {
    const group = ctx.workspace.usergroups.get(str(args['usergroup']));
    if (!group) throw new SlackApiError('no_such_subteam');
    return { users: group.users };
  },
};
