/** Escapes text for Slack mrkdwn: only &, < and > are control characters there. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Block Kit's limit for a section's text. */
export function fitSection(text: string, max = 3000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });
