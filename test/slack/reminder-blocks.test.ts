import { describe, expect, it } from 'vitest';
import { buildReminderMessage, REMINDER_ACTIONS } from '#adapters/slack/reminders/reminder-blocks.ts';
import { itemKey, type PlannedItem } from '#domain/plan-reminders.ts';
import { checkBlockKit } from '#emulator/block-kit-rules.ts';

function planned(action: string, file = 'RCAs/2025-04-07-cache.md'): PlannedItem {
  return {
    key: itemKey(file, action),
    file,
    title: 'Cache invalidation bug',
    line: 12,
    action,
    owner: '@ana',
    due: '2025-05-01',
    stage: 'week',
    skipped: [],
  };
}

type Block = { type: string; elements?: { action_id?: string; value?: string; text?: unknown }[] };

describe('buildReminderMessage', () => {
  it('gives each item Done and Snooze buttons whose value names its file and key', () => {
    const item = planned('Add a cache TTL');
    const message = buildReminderMessage('@ana', [item], '2025-04-24', (p) => p);
    const actions = (message.blocks as Block[]).filter((b) => b.type === 'actions');

    expect(actions).toHaveLength(1);
    expect(actions[0]!.elements!.map((e) => e.action_id)).toEqual([
      REMINDER_ACTIONS.done,
      REMINDER_ACTIONS.snoozeDay,
      REMINDER_ACTIONS.snoozeWeek,
    ]);
    for (const button of actions[0]!.elements!)
      expect(JSON.parse(button.value!)).toEqual({ f: item.file, k: item.key });
  });

  it('says what to do, instead of buttons that could not find it, for an item too long for a button value', () => {
    const long = planned(`Rewrite ${'the invalidation path '.repeat(120)}`);
    const short = planned('Add a cache TTL');
    const message = buildReminderMessage('@ana', [long, short], '2025-04-24', (p) => p);
    const blocks = message.blocks as Block[];

    expect(checkBlockKit('message', message)).toEqual([]);
    expect(blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
    expect(JSON.stringify(blocks[2])).toContain('too long for the Done and Snooze buttons');
    expect(JSON.parse(blocks.find((b) => b.type === 'actions')!.elements![0]!.value!)).toEqual({
      f: short.file,
      k: short.key,
    });
  });
});
