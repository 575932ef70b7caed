/** Names for Slack's ids: `#channel` for a channel, `@name` for a person or a user group. */
export interface SlackNames {
  channel(id: string): string | undefined;
  user(id: string): string | undefined;
}

/**
 * Slack's markup as a terminal shows it: `<#C0123>` and `<#C0123|name>` → `#name`, `<@U0123>` → `@ana`,
 * `<!subteam^S0123|@sre>` → `@sre`, `<https://…|label>` → `label (https://…)`, `&lt;` → `<`.
 */
export function renderPlainText(text: string, names: SlackNames): string {
  return text
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `#${label || names.channel(id) || id}`)
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${label || names.user(id) || id}`)
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|@?([^>]*))?>/g, (_, id: string, label?: string) => `@${label || id}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
