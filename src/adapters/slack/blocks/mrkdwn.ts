/** Escapes text for Slack mrkdwn: only &, < and > are control characters there. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });
