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
  releaseReminder(itemKey: string, stage: string): Promise<void>;
  setSnooze(itemKey: string, untilDay: string): Promise<void>;
  listSnoozes(): Promise<Map<string, string>>;
}
