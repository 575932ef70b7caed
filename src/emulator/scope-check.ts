import type { MethodSpec } from './api-reference.ts';

/** The kind of conversation a call is about, which decides the family of scope it needs. */
export type ConversationKind = 'public' | 'private' | 'im';

/**
 * Slack's scopes come in one family per conversation kind: `channels:*` for public channels, `groups:*` for
 * private ones, `im:*` for direct messages (https://docs.slack.dev/reference/scopes; each conversations.*
 * method lists one scope of each family, e.g. conversations.history: groups:history, im:history, mpim:history,
 * channels:history in api-ref). A call about a private channel needs a `groups:` scope whatever `channels:`
 * scopes the app has. Answers what Slack puts in `missing_scope`: `needed` and `provided`.
 */
export function missingScope(
  spec: MethodSpec,
  granted: readonly string[],
  kind: ConversationKind | null,
): { needed: string; provided: string } | null {
  if (spec.botScopes.length === 0) return null;
  const family = kind ? spec.botScopes.filter((s) => s.startsWith(FAMILY[kind])) : [];
  const accepted = family.length > 0 ? family : spec.botScopes;
  if (accepted.some((s) => granted.includes(s))) return null;
  return { needed: accepted.join(','), provided: granted.join(',') };
}

const FAMILY: Record<ConversationKind, string> = { public: 'channels:', private: 'groups:', im: 'im:' };

/**
 * The scope each message event subscription needs: message.channels channels:history, message.groups
 * groups:history, message.im im:history (https://docs.slack.dev/reference/events/message.channels,
 * /message.groups, /message.im).
 */
export const MESSAGE_SUBSCRIPTIONS: Record<ConversationKind, { event: string; scope: string }> = {
  public: { event: 'message.channels', scope: 'channels:history' },
  private: { event: 'message.groups', scope: 'groups:history' },
  im: { event: 'message.im', scope: 'im:history' },
};

const KIND_OF_CHANNEL_TYPE: Record<string, ConversationKind> = { channel: 'public', group: 'private', im: 'im' };

/**
 * Whether Slack sends this event to an app with these subscriptions (`events`, manifest `bot_events`) and
 * scopes: a message event by its `channel_type` (message.channels, message.groups, message.im), the others by
 * their type. Unset events: every event.
 */
export function subscribesTo(app: { events?: string[]; scopes?: string[] }, event: Record<string, unknown>): boolean {
  if (!app.events) return true;
  if (event['type'] !== 'message') return app.events.includes(String(event['type']));
  const kind = KIND_OF_CHANNEL_TYPE[String(event['channel_type'])] ?? 'public';
  const { event: subscription, scope } = MESSAGE_SUBSCRIPTIONS[kind];
  return app.events.includes(subscription) && (!app.scopes || app.scopes.includes(scope));
}
