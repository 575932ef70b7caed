/**
 * A Slack user mention as it arrives in message text: `<@U123>`, or `<@U123|maria>` with the name
 * Slack adds in some payloads (W… for Enterprise Grid users). The one place this pattern is written.
 */
const USER_MENTION = String.raw`<@([UW][A-Z0-9]+)(?:\|[^>]*)?>`;
const WHOLE = new RegExp(`^${USER_MENTION}$`);

/** The user id when the whole of `text` is one mention (`<@U123|maria>` → `U123`), otherwise null. */
export function parseUserMention(text: string): string | null {
  return WHOLE.exec(text)?.[1] ?? null;
}

/** Every user id mentioned in `text`, in order, repeats included. */
export function userMentionIds(text: string): string[] {
  return [...text.matchAll(new RegExp(USER_MENTION, 'g'))].map((m) => m[1]!);
}

/** `text` with each user mention replaced by what `by` returns for its id. */
export function replaceUserMentions(text: string, by: (id: string) => string): string {
  return text.replace(new RegExp(USER_MENTION, 'g'), (_m, id: string) => by(id));
}
