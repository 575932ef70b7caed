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
      {
        type: 'actions',
        block_id: `reminder-${shown.indexOf(item)}`,
        elements: [
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.done,
            text: { type: 'plain_text', text: 'Done' },
            style: 'primary',
            value: buttonValue(item),
          },
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.snoozeDay,
            text: { type: 'plain_text', text: 'Snooze 1 day' },
            value: buttonValue(item),
          },
          {
            type: 'button',
            action_id: REMINDER_ACTIONS.snoozeWeek,
            text: { type: 'plain_text', text: 'Snooze 1 week' },
            value: buttonValue(item),
          },
        ],
      },
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

/** Done and Snooze find the item by its file and key; a path too long for a button value is left out. */
function buttonValue(item: PlannedItem): string {
  const full = JSON.stringify({ f: item.file, k: item.key });
  return full.length <= LIMITS.buttonValue ? full : JSON.stringify({ k: item.key }).slice(0, LIMITS.buttonValue);
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
