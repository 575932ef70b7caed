/**
 * The event inbox: an event is written here before Slack is acknowledged, so an acked event survives
 * a crash, and a redelivery (same event id) is recognised.
 */
export interface EventInbox {
  /** Says whether the event is new: true for exactly one caller per event id, across replicas and restarts. */
  recordEvent(eventId: string, body: string, receivedAt: string): Promise<boolean>;
  /** The event was handled: it is no longer pending, and its body is not kept. */
  completeEvent(eventId: string): Promise<void>;
  /** The events recorded and never completed (to replay after a restart), oldest received first. */
  pendingEvents(): Promise<{ eventId: string; body: string }[]>;
}
