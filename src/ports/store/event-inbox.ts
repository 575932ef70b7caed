/**
 * The event inbox: an event is written here before Slack is acknowledged, so an acked event survives
 * a crash, and a redelivery (same event id) is recognised.
 */
export interface EventInbox {
  /** Says whether the event is new. */
  recordEvent(eventId: string, body: string, receivedAt: string): Promise<boolean>;
  completeEvent(eventId: string): Promise<void>;
  pendingEvents(): Promise<{ eventId: string; body: string }[]>;
}
