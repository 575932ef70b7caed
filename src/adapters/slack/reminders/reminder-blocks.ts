import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import { describeDue } from '#domain/reminder-policy.ts';
import type { ChatMessage } from '#src/ports.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';

export const REMINDER_ACTIONS = {
  done: 'reminder_done',
  snoozeDay: 'reminder_snooze_1d',
  snoozeWeek: 'reminder_snooze_1w',
} as const;

/** Block Kit allows 50 blocks a message: two per item and a header leave room for 23 items. */
const MAX_ITEMS = 23;

export function fileLink(path: string, webUrl: string, branch: string): string {
  return webUrl
    ? `<${webUrl.replace('{branch}', branch).replace('{path}', path)}|${escapeMrkdwn(path)}>`
    : `\`${escapeMrkdwn(path)}\``;
}

/** One message for one owner: each item with its incident, due date and Done / Snooze buttons. */
export function buildReminderMessage(
  owner: string,
  items: PlannedItem[],
  today: string,
  link: (path: string) => string,
): ChatMessage {
  const shown = items.slice(0, MAX_ITEMS);
  const blocks: unknown[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `⏰ *Action items for ${escapeMrkdwn(owner)}* (${items.length})` },
    },
  ];
  for (const item of shown) {
    const value = JSON.stringify({ f: item.file, k: item.key }).slice(0, 2000);
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${escapeMrkdwn(item.action).slice(0, 1500)}*\n${escapeMrkdwn(item.title).slice(0, 300)} · ${link(item.file)}\nDue ${item.due}: *${describeDue(item.due, today)}*`,
        },
      },
      {
        type: 'actions',
        block_id: `reminder-${shown.indexOf(item)}`,
        elements: [
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.done,
            text: { type: 'plain_text', text: 'Done' },
            style: 'primary',
            value,
          },
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.snoozeDay,
            text: { type: 'plain_text', text: 'Snooze 1 day' },
            value,
          },
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.snoozeWeek,
            text: { type: 'plain_text', text: 'Snooze 1 week' },
            value,
          },
        ],
      },
    );
  }
  if (items.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${items.length - shown.length} more; see the App Home tab.` }],
    });
  }
  const text =
    `Action items for ${owner}: ${items.map((i) => `${i.action} (${describeDue(i.due, today)})`).join('; ')}`.slice(
      0,
      3000,
    );
  return { text, blocks };
}

export function buildNeedsAttention(items: AttentionItem[], link: (path: string) => string): ChatMessage {
  const lines = items.map(
    (i) =>
      `• ${link(i.file)} line ${i.line}: *${escapeMrkdwn(i.action).slice(0, 200)}* (owner: ${escapeMrkdwn(i.owner ?? 'none')}): ${escapeMrkdwn(i.reason)}`,
  );
  const text = `⚠️ These action items need attention: I cannot remind anyone of them.\n${lines.join('\n')}`;
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current.length + line.length > 2900) {
      chunks.push(current);
      current = '';
    }
    current += `${current ? '\n' : ''}${line}`;
  }
  if (current) chunks.push(current);
  return {
    text: text.slice(0, 3000),
    blocks: chunks.slice(0, 50).map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } })),
  };
}
