import { renderMessage } from './render-objects.ts';
import type { SlackEmulator } from './slack-emulator.ts';
import type { Channel, Message, User, View } from './workspace.ts';

/**
 * The payloads Slack sends an app when a person acts: a slash command, a message shortcut, a button press, a
 * modal submission (https://docs.slack.dev/interactivity/slash-commands, /reference/interaction-payloads),
 * each with a fresh trigger_id and, where Slack gives one, a response_url back to the emulator.
 */
export function slashCommandPayload(
  slack: SlackEmulator,
  user: User,
  command: string,
  text: string,
  channelId: string,
) {
  const channel = slack.workspace.channels.get(channelId);
  return {
    token: 'verification-token-unused',
    team_id: slack.workspace.teamId,
    team_domain: slack.workspace.teamDomain,
    channel_id: channelId,
    channel_name: channel?.name ?? 'unknown',
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: slack.workspace.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl(slack),
    trigger_id: slack.workspace.newTrigger(user.id),
  };
}

export function messageActionPayload(
  slack: SlackEmulator,
  user: User,
  callbackId: string,
  channel: Channel,
  message: Message,
): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'verification-token-unused',
    action_ts: slack.workspace.nextTs(),
    team: { id: slack.workspace.teamId, domain: slack.workspace.teamDomain },
    user: { id: user.id, name: user.name, username: user.name, team_id: slack.workspace.teamId },
    channel: { id: channel.id, name: channel.name },
    callback_id: callbackId,
    trigger_id: slack.workspace.newTrigger(user.id),
    message_ts: message.ts,
    message: { ...renderMessage(message, { workspace: slack.workspace } as never) },
    response_url: responseUrl(slack),
  };
}

export function blockActionsPayload(
  slack: SlackEmulator,
  user: User,
  channel: Channel,
  message: Message,
  actionId: string,
): Record<string, unknown> {
  const found = findAction(message.blocks ?? [], actionId);
  if (!found) throw new Error(`no button "${actionId}" in message ${message.ts}`);
  return {
    type: 'block_actions',
    user: userPayload(slack, user),
    api_app_id: slack.workspace.appId,
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    trigger_id: slack.workspace.newTrigger(user.id),
    team: { id: slack.workspace.teamId, domain: slack.workspace.teamDomain },
    channel: { id: channel.id, name: channel.name },
    message: renderMessage(message, { workspace: slack.workspace } as never),
    response_url: responseUrl(slack),
    actions: [{ ...found.action, block_id: found.blockId, action_ts: slack.workspace.nextTs() }],
  };
}

export function viewSubmissionPayload(
  slack: SlackEmulator,
  user: User,
  view: View,
  values: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: slack.workspace.teamId, domain: slack.workspace.teamDomain },
    user: userPayload(slack, user),
    api_app_id: slack.workspace.appId,
    token: 'verification-token-unused',
    trigger_id: slack.workspace.newTrigger(user.id),
    view: {
      id: view.id,
      team_id: slack.workspace.teamId,
      type: 'modal',
      ...view.view,
      state: { values },
      hash: view.hash,
      app_id: slack.workspace.appId,
      bot_id: slack.workspace.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

function responseUrl(slack: SlackEmulator): string {
  return `http://127.0.0.1:${slack.port}/response/${crypto.randomUUID()}`;
}

/** The `user` object of an interaction payload. */
function userPayload(slack: SlackEmulator, user: User): Record<string, string> {
  return { id: user.id, username: user.name, name: user.name, team_id: slack.workspace.teamId };
}

function findAction(blocks: unknown[], actionId: string): { action: Record<string, unknown>; blockId: string } | null {
  for (const block of blocks as {
    block_id?: string;
    elements?: Record<string, unknown>[];
    accessory?: Record<string, unknown>;
  }[]) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element['action_id'] === actionId) return { action: element, blockId: block.block_id ?? 'block' };
    }
  }
  return null;
}
