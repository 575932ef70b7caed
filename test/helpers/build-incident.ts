import type { ActionItemRecord, Incident } from '#domain/incident.ts';

/** An open incident with its channel, declared by UANA, who leads it; `overrides` say what differs. */
export function buildIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    title: 'Checkout latency',
    severity: 'P2',
    status: 'investigating',
    channelId: 'CINC1',
    channelName: 'inc-2030-04-07-checkout-latency',
    summaryTs: null,
    declaredBy: 'UANA',
    declaredAt: '2030-04-07T09:00:00.000Z',
    resolvedAt: null,
    roles: { lead: 'UANA' },
    services: [],
    summary: '',
    rootCause: '',
    impact: '',
    resolution: '',
    rcaPath: null,
    ...overrides,
  };
}

/** An open action item of `inc-1`, owned by UBOB, due a week after the default clock. */
export function buildActionItem(overrides: Partial<ActionItemRecord> = {}): ActionItemRecord {
  return {
    id: 'action:T1',
    incidentId: 'inc-1',
    priority: null,
    action: 'Add an alert on checkout p99',
    owner: '<@UBOB>',
    due: '2030-04-14',
    done: false,
    createdAt: '2030-04-07T09:30:00.000Z',
    ...overrides,
  };
}
