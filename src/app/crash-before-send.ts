import type { ReminderNotifier } from '#use-cases/remind-action-items.ts';

/**
 * Test-only: with SCRIBE_TEST_CRASH_BEFORE_SEND=1 the process exits when the first reminder is about to
 * go out, after its ledger row was claimed, so a test can prove the next run still sends it.
 */
export function crashBeforeSend(notifier: ReminderNotifier): ReminderNotifier {
  if (process.env['SCRIBE_TEST_CRASH_BEFORE_SEND'] !== '1') return notifier;
  return {
    remind: () => process.exit(70),
    needsAttention: (channel, items) => notifier.needsAttention(channel, items),
  };
}
