import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import { pathInPrivateRepo } from '#domain/private-incident.ts';
import { renderRcaWebUrl } from '#domain/rca-web-url.ts';
import { describeDue } from '#domain/reminder-policy.ts';
import type { ChatMessage } from '#src/ports.ts';
import type { DigestGroups } from '#use-cases/send-digest.ts';
import { context, LIMITS, section } from '../blocks/block-kit.ts';
import { clampText, fitLines } from '../blocks/clamp-text.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';

export const REMINDER_ACTIONS = {
  done: 'reminder_done',
  snoozeDay: 'reminder_snooze_1d',
  snoozeWeek: 'reminder_snooze_1w',
} as const;

/** Block Kit allows 50 blocks a message: two per item and a header leave room for 23 items. */
const MAX_ITEMS = 23;

/**
 * An RCA file as a link into `rca.webUrl`; a file of the private incidents' own repository is named
 * without one (`rca.webUrl` points into the main repository).
 */
export function fileLink(path: string, webUrl: string, branch: string): string {
  const inPrivate = pathInPrivateRepo(path);
  if (inPrivate !== null) return `\`${escapeMrkdwn(inPrivate)}\` (private incidents' repository)`;
  const url = renderRcaWebUrl(webUrl, branch, path);
  return url ? `<${url}|${escapeMrkdwn(path)}>` : `\`${escapeMrkdwn(path)}\``;
}

/** One message for one owner: each item with its incident, due date and Done / Snooze buttons. */
export function buildReminderMessage(
  owner: string,
  items: PlannedItem[],
  today: string,
  link: (path: string) => string,
): ChatMessage {
  const shown = items.slice(0, MAX_ITEMS);
  const blocks: unknown[] = [section(`⏰ *Action items for ${clampText(escapeMrkdwn(owner), 200)}* (${items.length})`)];
  for (const item of shown) {
    blocks.push(
      section(
        `*${clampText(escapeMrkdwn(item.action), 1500)}*\n${clampText(escapeMrkdwn(item.title), 300)} · ${link(item.file)}\nDue ${item.due}: *${describeDue(item.due, today)}*`,
      ),
      reminderButtons(item, shown.indexOf(item)),
    );
  }
  if (items.length > shown.length) {
    blocks.push(context([`…and ${items.length - shown.length} more; see the App Home tab.`]));
  }
  const text =
    `Action items for ${owner}: ${items.map((i) => `${i.action} (${describeDue(i.due, today)})`).join('; ')}`.slice(
      0,
      3000,
    );
  return { text, blocks };
}

/**
 * The fallback channel's list, in as many sections as it takes (each line clamped to fit one); past
 * 50 blocks the rest is counted and `scribe remind --dry-run` lists them all.
 */
export function buildNeedsAttention(items: AttentionItem[], link: (path: string) => string): ChatMessage {
  const lines = items.map((i) =>
    clampText(
      `• ${link(i.file)} line ${i.line}: *${clampText(escapeMrkdwn(i.action), 200)}* (owner: ${clampText(escapeMrkdwn(i.owner ?? 'none'), 200)}): ${escapeMrkdwn(i.reason)}`,
      LIMITS.section - 100,
    ),
  );
  const heading = '⚠️ These action items need attention: I cannot remind anyone of them.';
  const chunks: string[][] = [[heading]];
  let size = heading.length;
  for (const line of lines) {
    if (size + line.length + 1 > LIMITS.section - 100) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1]!.push(line);
    size += line.length + 1;
  }
  const kept = chunks.slice(0, LIMITS.messageBlocks);
  if (kept.length < chunks.length) {
    const left = chunks.slice(kept.length).reduce((n, c) => n + c.length, 0);
    kept[kept.length - 1] = [
      fitLines(kept[kept.length - 1]!, LIMITS.section - 200),
      `…and ${left} more: \`scribe remind --dry-run\` lists them all.`,
    ];
  }
  return {
    text: clampText(`${heading}\n${lines.join('\n')}`, 3000),
    blocks: kept.map((chunk) => section(chunk.join('\n'))),
  };
}

/**
 * Done and Snooze find the item by its file and key, both in the button's value. An item whose path and
 * action do not fit in a value (Slack's 2,000 characters) gets no buttons but a line saying what to do,
 * rather than buttons that could not find it.
 */
function reminderButtons(item: PlannedItem, index: number): unknown {
  const value = JSON.stringify({ f: item.file, k: item.key });
  if (value.length > LIMITS.buttonValue)
    return context(['This item is too long for the Done and Snooze buttons: mark it done in its file.']);
  const button = (actionId: string, text: string, style?: 'primary') => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text },
    ...(style ? { style } : {}),
    value,
  });
  return {
    type: 'actions',
    block_id: `reminder-${index}`,
    elements: [
      button(REMINDER_ACTIONS.done, 'Done', 'primary'),
      button(REMINDER_ACTIONS.snoozeDay, 'Snooze 1 day'),
      button(REMINDER_ACTIONS.snoozeWeek, 'Snooze 1 week'),
    ],
  };
}

/** A team's weekly digest: overdue, due within a week, open; each group as many lines as fit. */
export function buildDigest(
  team: string,
  groups: DigestGroups,
  today: string,
  link: (path: string) => string,
): ChatMessage {
  const group = (title: string, items: DigestGroups['open']) => {
    const heading = `*${title}* (${items.length})`;
    const lines = items.map(
      (i) =>
        `• ${clampText(escapeMrkdwn(i.action), 150)} · ${link(i.file)}${i.due ? ` · ${describeDue(i.due, today)}` : ''}`,
    );
    const body =
      lines.length > 0
        ? fitLines(lines, LIMITS.section - heading.length - 1, 'the App Home tab lists yours')
        : '_none_';
    return `${heading}\n${body}`;
  };
  const title = `📋 *Weekly action items for ${clampText(escapeMrkdwn(team), 200)}*`;
  const texts = [
    title,
    group('Overdue', groups.overdue),
    group('Due within a week', groups.soon),
    group('Open', groups.open),
  ];
  return { text: title, blocks: texts.map(section) };
}
