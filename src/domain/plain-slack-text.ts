/**
 * Text a person typed, from the form Slack sends a slash command's text in. Slack always encodes `&`,
 * `<` and `>` as `&amp;`, `&lt;` and `&gt;` (https://docs.slack.dev/messaging/formatting-message-text#escaping),
 * and a command that escapes (the manifest's `should_escape: true`, which `/incident` needs for the user
 * ids of `lead @ana`) gets channels, people, groups and links as markup: `<#C123|payments>`,
 * `<@U123|ana>`, `<!subteam^S123|@oncall>`, `<!here>`, `<https://example.com>`,
 * `<http://example.com|example.com>` (https://docs.slack.dev/interactivity/implementing-slash-commands).
 * A title made of that markup would name a channel `inc-…-c123-payments` and read raw in a plain-text
 * header and in the RCA; this gives back what was typed: `#payments`, `@ana`, `@oncall`, `@here`, the
 * link as written. Message text comes in the same form (and the RCA draft reads its timeline through
 * this): a link written with other words than its address reads `words (address)`.
 */
export function plainSlackText(text: string): string {
  // Only Slack's own markup: a channel or person by id, a `!` command, or a link with a scheme (so a
  // `<tab>` typed into a form, which Slack does not escape, stays as it is).
  const unmarked = text.replace(/<((?:[#@][A-Z0-9]|!|[a-zA-Z][a-zA-Z0-9+.-]*:)[^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? '' : inner.slice(bar + 1);
    if (target.startsWith('#')) return `#${label || target.slice(1)}`;
    if (target.startsWith('@')) return `@${label || target.slice(1)}`;
    if (target.startsWith('!subteam^')) return label.startsWith('@') ? label : `@${label || 'group'}`;
    if (target.startsWith('!date^')) return label;
    if (target.startsWith('!')) return `@${label || target.slice(1)}`;
    const bare = target.replace(/^mailto:/, '');
    // A link Slack made of what was typed is labelled with it; a link someone wrote keeps its address.
    return label === '' || label === bare || label === target.replace(/^[a-z]+:\/\//, '')
      ? label || bare
      : `${label} (${bare})`;
  });
  return unmarked.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
