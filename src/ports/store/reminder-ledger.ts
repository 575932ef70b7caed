/** Which reminder stages went out for which item, and the items people snoozed. */
export interface ReminderLedger {
  /**
   * Claims a reminder stage for an item: true for exactly one caller, across restarts and replicas.
   * The claim stays "unsent" until `markReminderSent`.
   */
  claimReminder(itemKey: string, stage: string, at: string): Promise<boolean>;
  /** The reminder went out: its claim is done. */
  markReminderSent(itemKey: string, stage: string, at: string): Promise<void>;
  /** Whether a claim exists that was never marked sent (its run stopped between claim and send). */
  isReminderUnsent(itemKey: string, stage: string): Promise<boolean>;
  /** Drops a claim (its reminder could not go out), so a later run can claim the stage again. */
  releaseReminder(itemKey: string, stage: string): Promise<void>;
  /** No reminders for the item until `untilDay` (`YYYY-MM-DD`); a later snooze replaces an earlier one. */
  setSnooze(itemKey: string, untilDay: string): Promise<void>;
  /** Item key → the day its snooze ends. */
  listSnoozes(): Promise<Map<string, string>>;
}
