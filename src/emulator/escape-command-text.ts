import type { Workspace } from './workspace.ts';

/**
 * A slash command's text as Slack sends it for what a person typed, when the command escapes
 * (`should_escape: true` in the manifest, as `/incident` has): `&`, `<` and `>` as `&amp;`, `&lt;` and
 * `&gt;` (https://docs.slack.dev/messaging/formatting-message-text#escaping), and "channels, users, and
 * links typed with the slash command" as markup (the manifest schema's `should_escape`,
 * ../shared/slack/manifest-schema; https://docs.slack.dev/interactivity/implementing-slash-commands):
 * `#payments` as `<#C123|payments>` and `@ana` as `<@U123|ana>` where the workspace has them, a URL
 * as `<https://…>`. Slack's client turns a mention picked from its menu into the same markup.
 */
export function escapeCommandText(workspace: Workspace, typed: string): string {
  const entities = typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return entities.replace(
    /(^|[\s(])(?:#([a-z0-9_-]+)|@([\w.-]+)|(https?:\/\/[^\s<>]+))/g,
    (whole, before: string, channelName?: string, userName?: string, url?: string) => {
      if (url !== undefined) return `${before}<${url}>`;
      if (channelName !== undefined) {
        const channel = workspace.channelByName(channelName);
        return channel ? `${before}<#${channel.id}|${channelName}>` : whole;
      }
      const user = [...workspace.users.values()].find((u) => u.name === userName);
      return user ? `${before}<@${user.id}|${user.name}>` : whole;
    },
  );
}
