/**
 * A configured channel as a person reads it in Slack: an ID (`C0123ABCD`) as a mention, `<#C0123ABCD>`;
 * a name (`#announce` or `announce`, which chat.postMessage takes too) as `#announce`, since a mention
 * needs the ID and `<#announce>` shows as broken text.
 */
export function renderChannel(channel: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(channel) ? `<#${channel}>` : `#${channel.replace(/^#/, '')}`;
}
