import { describe, expect, it } from 'vitest';
import { reminderDone, reminderSnoozeDay, reminderSnoozeWeek } from '#adapters/slack/listeners/reminder-buttons.ts';
import { REMINDER_ACTIONS } from '#adapters/slack/reminders/reminder-blocks.ts';
import { itemKey } from '#domain/plan-reminders.ts';
import { buildBlockAction } from '../../helpers/build-block-action.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { rcaWithActions } from '../../helpers/rca-files.ts';

const PATH = 'RCAs/2030-03-01-db.md';
const key = itemKey(PATH, 'Add an alert');
const value = JSON.stringify({ f: PATH, k: key });

function arrange() {
  const bed = buildDeps();
  bed.memoryRepo!.edit(PATH, rcaWithActions('DB outage', [['Add an alert', '<@UBOB>', '2030-04-10']]));
  return { bed, ctx: buildListenerContext(bed).ctx };
}

describe('the reminder buttons', () => {
  it('Done marks the row done and answers in the reminder thread', async () => {
    const { bed, ctx } = arrange();
    const { args, answers } = buildBlockAction({
      actionId: REMINDER_ACTIONS.done,
      value,
      channelId: 'DBOB',
      messageTs: '1901784600.000200',
    });

    await reminderDone(ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(await bed.repo.readFile(PATH)).toContain('~~Add an alert~~');
    expect(bed.chat.posts).toEqual([
      expect.objectContaining({
        channelId: 'DBOB',
        threadTs: '1901784600.000200',
        message: { text: expect.stringMatching(/^✅ Marked done in RCAs\/2030-03-01-db\.md line \d+\./) },
      }),
    ]);
  });

  it('Done says why it did not mark an item that is already done', async () => {
    const { bed, ctx } = arrange();
    await reminderDone(ctx)(buildBlockAction({ actionId: REMINDER_ACTIONS.done, value }).args);

    await reminderDone(ctx)(buildBlockAction({ actionId: REMINDER_ACTIONS.done, value }).args);

    expect(bed.chat.posts[1]?.message.text).toBe('I did not mark it done: That action item is already marked done.');
  });

  it('Snooze holds the reminders a day or a week', async () => {
    const { bed, ctx } = arrange();

    await reminderSnoozeDay(ctx)(buildBlockAction({ actionId: REMINDER_ACTIONS.snoozeDay, value }).args);
    const afterDay = new Map(await bed.store.listSnoozes());
    await reminderSnoozeWeek(ctx)(buildBlockAction({ actionId: REMINDER_ACTIONS.snoozeWeek, value }).args);

    expect(afterDay.get(key)).toBe('2030-04-08');
    expect((await bed.store.listSnoozes()).get(key)).toBe('2030-04-14');
    expect(bed.chat.posts.map((p) => p.message.text)).toEqual([
      '😴 Snoozed: no reminder for this one before 2030-04-08.',
      '😴 Snoozed: no reminder for this one before 2030-04-14.',
    ]);
  });

  it('Snooze says so in the thread when the snooze could not be saved', async () => {
    const { bed, ctx } = arrange();
    bed.store.setSnooze = async () => {
      throw new Error('database is locked');
    };

    await reminderSnoozeDay(ctx)(buildBlockAction({ actionId: REMINDER_ACTIONS.snoozeDay, value }).args);

    expect(bed.chat.posts.map((p) => p.message.text)).toEqual([
      expect.stringMatching(
        /^Sorry, snoozing the reminder did not work \(reference \w+; .*Please try again in a moment\.$/,
      ),
    ]);
    expect(bed.logs.map((l) => l.msg)).toContain('snoozing the reminder failed');
  });

  it('acks and ignores a button whose value it cannot read', async () => {
    const { bed, ctx } = arrange();
    const { args, answers } = buildBlockAction({ actionId: REMINDER_ACTIONS.done, value: 'not json' });

    await reminderDone(ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(bed.chat.posts).toEqual([]);
    expect(bed.memoryRepo!.commits).toEqual([]);
  });
});
