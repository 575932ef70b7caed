import { describe, expect, it } from 'vitest';
import { nudgeDueUpdates } from '#use-cases/nudge-due-updates.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';
import { MemoryNudgeLedger } from '../helpers/memory-nudge-ledger.ts';
import { MemoryUpdatePublisher } from '../helpers/memory-update-publisher.ts';

describe('nudgeDueUpdates', () => {
  it('nudges the lead once per missed period', async () => {
    const bed = buildDeps({ now: '2030-04-07T10:10:00.000Z' });
    await buildOpenIncident(bed, { severity: 'P2', roles: { lead: 'UCAT' } });
    const publisher = new MemoryUpdatePublisher();
    const ledger = new MemoryNudgeLedger();

    const first = await nudgeDueUpdates(bed.deps, publisher, ledger);
    const again = await nudgeDueUpdates(bed.deps, publisher, ledger);
    bed.clock.set('2030-04-07T11:05:00.000Z');
    const nextPeriod = await nudgeDueUpdates(bed.deps, publisher, ledger);

    expect([first, again, nextPeriod]).toEqual([1, 0, 1]);
    expect(publisher.nudges).toEqual([
      { incidentId: 'inc-1', userId: 'UCAT', dueAt: '2030-04-07T10:00:00.000Z' },
      { incidentId: 'inc-1', userId: 'UCAT', dueAt: '2030-04-07T11:00:00.000Z' },
    ]);
  });

  it('nudges the other incidents when one nudge is refused (an archived channel), and logs it', async () => {
    const bed = buildDeps({ now: '2030-04-07T10:10:00.000Z' });
    await buildOpenIncident(bed, { id: 'inc-1', channelId: 'CARCHIVED', roles: { lead: 'UCAT' } });
    await buildOpenIncident(bed, { id: 'inc-2', channelId: 'COPEN', roles: { lead: 'UDAN' } });
    const publisher = new MemoryUpdatePublisher();
    const nudge = publisher.nudge.bind(publisher);
    publisher.nudge = async (incident, userId, dueAt) => {
      if (incident.channelId === 'CARCHIVED') throw new Error('An API error occurred: is_archived');
      await nudge(incident, userId, dueAt);
    };

    const sent = await nudgeDueUpdates(bed.deps, publisher, new MemoryNudgeLedger());

    expect(sent).toBe(1);
    expect(publisher.nudges.map((n) => n.incidentId)).toEqual(['inc-2']);
    expect(bed.logs.some((l) => l.msg === 'could not nudge for a status update')).toBe(true);
  });

  it('waits for the next update an update said', async () => {
    const bed = buildDeps({ now: '2030-04-07T10:10:00.000Z' });
    await buildOpenIncident(bed);
    await bed.store.addTimelineEntry({
      incidentId: 'inc-1',
      key: 'update:V1',
      kind: 'update',
      at: '2030-04-07T09:50:00.000Z',
      sortKey: '1901785800.000000',
      authorId: 'UANA',
      authorName: null,
      text: 'Status update: looking',
      permalink: null,
      pending: false,
      detail: { to: '2030-04-07T10:20:00.000Z' },
    });

    expect(await nudgeDueUpdates(bed.deps, new MemoryUpdatePublisher(), new MemoryNudgeLedger())).toBe(0);
  });

  it('nudges no one for a mitigated incident or a severity without a cadence', async () => {
    const bed = buildDeps({ now: '2030-04-08T10:00:00.000Z' });
    await buildOpenIncident(bed, { status: 'mitigated' });
    await buildOpenIncident(bed, { id: 'inc-2', channelId: 'CINC2', severity: 'P4' });
    const publisher = new MemoryUpdatePublisher();

    expect(await nudgeDueUpdates(bed.deps, publisher, new MemoryNudgeLedger())).toBe(0);
    expect(publisher.nudges).toEqual([]);
  });
});
