import type { Incident } from './incident.ts';

/** An incident channel's topic, set at declaration and after every change: `P2 · investigating · Checkout latency`. */
export function renderChannelTopic(incident: Pick<Incident, 'severity' | 'status' | 'title'>): string {
  return `${incident.severity} · ${incident.status} · ${incident.title}`;
}
