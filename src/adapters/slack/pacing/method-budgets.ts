/**
 * How often Slack lets an app call each method it uses, per workspace: the method's rate tier from
 * Slack's method reference (docs.slack.dev/reference/methods, "Rate limits"; the same tiers as
 * java-slack-sdk's rate_limit_tiers.json) and the tiers' per-minute figures from
 * docs.slack.dev/apis/web-api/rate-limits (Tier 1: 1+, Tier 2: 20+, Tier 3: 50+, Tier 4: 100+).
 */
const PER_MINUTE = { t1: 1, t2: 20, t3: 50, t4: 100 } as const;
type Tier = keyof typeof PER_MINUTE;

const TIERS: Record<string, Tier> = {
  'conversations.create': 't2',
  'conversations.setTopic': 't2',
  'conversations.setPurpose': 't2',
  'conversations.invite': 't3',
  'conversations.members': 't4',
  'conversations.replies': 't3',
  'conversations.info': 't3',
  'conversations.open': 't3',
  'chat.update': 't3',
  'chat.postEphemeral': 't4',
  'pins.add': 't2',
  'reactions.add': 't3',
  'reactions.remove': 't2',
  'users.info': 't4',
  'users.list': 't2',
  'users.lookupByEmail': 't3',
  'usergroups.users.list': 't2',
  'views.open': 't4',
  'views.update': 't4',
  'views.push': 't4',
  'views.publish': 't4',
  // Special tiers other than chat.postMessage "are unique for methods with this tier"; held to Tier 4.
  'auth.test': 't4',
  'chat.getPermalink': 't4',
};

/**
 * Special tiers: `chat.postMessage` is limited per channel, "generally one message per second" with
 * short bursts allowed (docs.slack.dev/reference/methods/chat.postMessage), so it has no method budget.
 * `apps.connections.open` belongs to the Socket Mode client, which retries it on its own schedule.
 */
export const PER_CHANNEL_METHODS = new Set(['chat.postMessage']);
const UNPACED = new Set(['apps.connections.open']);

/** Calls a method may start per minute, or null when the bot never needs to hold it back. */
export function methodBudget(method: string): number | null {
  if (UNPACED.has(method) || PER_CHANNEL_METHODS.has(method)) return null;
  return PER_MINUTE[TIERS[method] ?? 't3'];
}
