import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '#adapters/store/create-store.ts';
import { KyselyMessageLog } from '#adapters/store/kysely-message-log.ts';
import { KyselyNudgeLedger } from '#adapters/store/kysely-nudge-ledger.ts';
import { KyselyTrackerLinks } from '#adapters/store/kysely-tracker-links.ts';
import { KyselyUserNames } from '#adapters/store/kysely-user-names.ts';
import { KyselyWebhookOutbox } from '#adapters/store/kysely-webhook-outbox.ts';
import type { IncidentStore, MessageLog, NudgeLedger, UserNameCache } from '#src/ports.ts';
import type { TrackerLinks } from '#src/ports/action-tracker.ts';
import type { WebhookOutbox } from '#src/ports/webhook-outbox.ts';
import { buildActionItem, buildIncident } from './build-incident.ts';
import { buildTimelineEntry } from './build-timeline-entry.ts';
import { MemoryMessageLog } from './memory-message-log.ts';
import { MemoryNudgeLedger } from './memory-nudge-ledger.ts';
import { createMemoryStore } from './memory-store.ts';
import { MemoryTrackerLinks } from './memory-tracker-links.ts';
import { MemoryUserNameCache } from './memory-user-name-cache.ts';
import { MemoryWebhookOutbox } from './memory-webhook-outbox.ts';

interface Ports {
  store: IncidentStore;
  messages: MessageLog;
  names: UserNameCache;
  nudges: NudgeLedger;
  links: TrackerLinks;
  outbox: WebhookOutbox;
}

async function kysely(): Promise<Ports> {
  const store = createSqliteStore(':memory:');
  await store.migrate();
  return {
    store,
    messages: new KyselyMessageLog('sqlite', store.db),
    names: new KyselyUserNames(store.db),
    nudges: new KyselyNudgeLedger(store.db),
    links: new KyselyTrackerLinks(store.db),
    outbox: new KyselyWebhookOutbox(store.db, 'sqlite'),
  };
}

function memory(): Ports {
  const store = createMemoryStore();
  const names = new MemoryUserNameCache();
  return {
    store,
    messages: new MemoryMessageLog(store, names),
    names,
    nudges: new MemoryNudgeLedger(),
    links: new MemoryTrackerLinks(),
    outbox: new MemoryWebhookOutbox(),
  };
}

/** Runs the same script on the Kysely store (SQLite) and on the in-memory twins; they must answer alike. */
async function sameAnswers(script: (ports: Ports) => Promise<unknown[]>): Promise<unknown[]> {
  const real = await kysely();
  const expected = await script(real);
  await real.store.close();
  expect(await script(memory())).toEqual(expected);
  return expected;
}

describe('the in-memory twins answer as the Kysely store does', () => {
  it('incident records: patches, filters, ordering, action items once per id', async () => {
    const answers = await sameAnswers(async ({ store }) => {
      await store.createIncident(buildIncident());
      await store.createIncident(
        buildIncident({ id: 'inc-0', channelId: 'C0', declaredAt: '2030-04-07T09:00:00.000Z' }),
      );
      await store.createIncident(
        buildIncident({ id: 'inc-2', channelId: 'C2', declaredAt: '2030-04-08T00:00:00.000Z' }),
      );
      const duplicate = await store.createIncident(buildIncident()).then(
        () => 'stored',
        () => 'refused',
      );
      await store.updateIncident('inc-1', {
        status: 'resolved',
        resolvedAt: '2030-04-07T11:00:00.000Z',
        roles: { lead: 'U2' },
      });
      await store.updateIncident('inc-2', { resolvedAt: null });
      await store.updateIncident('inc-404', { title: 'nobody' });
      await store.addActionItem(buildActionItem({ id: 'b', createdAt: '2030-04-07T09:00:00.000Z' }));
      await store.addActionItem(buildActionItem({ id: 'a', createdAt: '2030-04-07T09:00:00.000Z' }));
      await store.addActionItem(buildActionItem({ id: 'a', action: 'changed' }));
      return [
        duplicate,
        await store.getIncident('inc-1'),
        await store.findIncidentByChannel('C2'),
        await store.incidentIdForChannel('C0'),
        await store.incidentIdForChannel('CNONE'),
        (await store.listIncidents({})).map((i) => i.id),
        (await store.listIncidents({ excludeStatus: 'resolved' })).map((i) => i.id),
        await store.listActionItems('inc-1'),
      ];
    });
    expect(answers[0]).toBe('refused');
  });

  it('timeline and reactors: add unless there, empty patches, ordering, counts', async () => {
    await sameAnswers(async ({ store }) => {
      const first = await store.addTimelineEntry(buildTimelineEntry({ ts: '1901784600.000200' }));
      const again = await store.addTimelineEntry(buildTimelineEntry({ ts: '1901784600.000200', text: 'other' }));
      await store.addTimelineEntry(buildTimelineEntry({ ts: '1901784600.000100', detail: { from: 'a', to: 'b' } }));
      await store.addTimelineEntry(buildTimelineEntry({ key: 'note:1', kind: 'note', ts: '1901784600.000100' }));
      const updates = [
        await store.updateTimelineEntry('msg:CINC1:1901784600.000200', {
          text: 'edited',
          pending: true,
          authorId: null,
        }),
        await store.updateTimelineEntry('msg:CINC1:1901784600.000200', {}),
        await store.updateTimelineEntry('missing', { text: 'x' }),
      ];
      await store.addReactor('m', 'U1');
      await store.addReactor('m', 'U1');
      await store.addReactor('m', 'U2');
      const counts = [await store.removeReactor('m', 'U1'), await store.removeReactor('m', 'U9')];
      await store.clearReactors('m');
      counts.push(await store.removeReactor('m', 'U2'));
      return [
        first,
        again,
        updates,
        counts,
        await store.getTimelineEntry('msg:CINC1:1901784600.000200'),
        await store.listTimeline('inc-1'),
        await store.removeTimelineEntry('note:1'),
        await store.removeTimelineEntry('note:1'),
      ];
    });
  });

  it('inbox, ledger, snoozes, lookups, settings and the scan cache', async () => {
    await sameAnswers(async ({ store }) => {
      const events = [
        await store.recordEvent('E2', '{"b":1}', '2030-04-07T10:00:01.000Z'),
        await store.recordEvent('E1', '{"a":1}', '2030-04-07T10:00:01.000Z'),
        await store.recordEvent('E2', '{"b":2}', '2030-04-07T10:00:02.000Z'),
      ];
      await store.completeEvent('E1');
      const afterComplete = await store.recordEvent('E1', 'again', '2030-04-07T10:00:03.000Z');
      const claims = [
        await store.claimReminder('k', '7@2030-04-14', 't1'),
        await store.claimReminder('k', '7@2030-04-14', 't2'),
        await store.isReminderUnsent('k', '7@2030-04-14'),
      ];
      await store.markReminderSent('k', '7@2030-04-14', 't3');
      claims.push(await store.isReminderUnsent('k', '7@2030-04-14'), await store.isReminderUnsent('k', 'none'));
      await store.releaseReminder('k', '7@2030-04-14');
      claims.push(await store.claimReminder('k', '7@2030-04-14', 't4'));
      await store.setSnooze('k', '2030-04-10');
      await store.setSnooze('k', '2030-04-12');
      await store.setOwnerLookup('team', 'old', '2030-04-07T11:00:00.000Z');
      await store.setOwnerLookup('team', 'new', '2030-04-07T12:00:00.000Z');
      await store.setSetting('a', '1');
      await store.setSetting('a', '2');
      await store.saveScanEntries([
        { path: 'p1', blob: 'b1', data: '{}' },
        { path: 'p2', blob: 'b2', data: '{}' },
      ]);
      await store.saveScanEntries([{ path: 'p1', blob: 'b3', data: '{"x":1}' }]);
      await store.deleteScanPaths(['p2', 'none']);
      return [
        events,
        afterComplete,
        await store.pendingEvents(),
        claims,
        await store.listSnoozes(),
        await store.getOwnerLookup('team', '2030-04-07T11:30:00.000Z'),
        await store.getOwnerLookup('team', '2030-04-07T12:00:00.000Z'),
        await store.getSetting('a'),
        await store.getSetting('none'),
        await store.loadScanCache(),
      ];
    });
  });

  it('the message log: later versions win, replies, pins complete or pending, trimming', async () => {
    await sameAnswers(async ({ store, messages, names }) => {
      const m = (ts: string, version: string, extra = {}) => ({
        channelId: 'C1',
        ts,
        threadTs: '1.000001' as string | null,
        userId: 'U1' as string | null,
        text: `text ${version}`,
        deleted: false,
        version,
        ...extra,
      });
      await messages.record(m('1.000001', '1'));
      await messages.record(m('1.000002', '2'));
      await messages.record(m('1.000002', '4', { text: 'edited', threadTs: null, userId: null }));
      await messages.record(m('1.000002', '3', { text: 'stale' }));
      await messages.record(m('1.000003', '5', { deleted: true }));
      await names.setName('U1', 'one', '2030-04-08T00:00:00.000Z');
      const pin = (ts: string, reactorId: string) => ({
        incidentId: 'inc-1',
        key: `msg:C1:${ts}`,
        at: '2030-04-07T09:00:00.000Z',
        sortKey: ts,
        channelId: 'C1',
        ts,
        reactorId,
      });
      const pins = [
        await messages.pin(pin('1.000002', 'UA'), '2030-04-07T10:00:00.000Z'),
        await messages.pin(pin('1.000002', 'UB'), '2030-04-07T10:00:00.000Z'),
        await messages.pin(pin('1.000003', 'UA'), '2030-04-07T10:00:00.000Z'),
        await messages.pin(pin('9.000000', 'UA'), '2030-04-07T10:00:00.000Z'),
      ];
      const removed = await store.removeReactor('msg:C1:1.000002', 'UA');
      await messages.expireChannel('C1', '2030-04-10T00:00:00.000Z');
      const early = await messages.trim('2030-04-09T00:00:00.000Z');
      const replies = await messages.threadReplies('C1', '1.000001');
      const trimmed = await messages.trim('2030-04-10T00:00:00.000Z');
      return [
        await messages.get('C1', '1.000002'),
        pins,
        removed,
        await store.listTimeline('inc-1'),
        early,
        replies,
        trimmed,
        await messages.get('C1', '1.000001'),
        await names.getName('U1', '2030-04-08T00:00:00.000Z'),
      ];
    });
  });

  it('nudges once per period, and the first tracker link stays', async () => {
    await sameAnswers(async ({ nudges, links }) => {
      const claimed = [
        await nudges.claimNudge('inc-1', 's1', 't1'),
        await nudges.claimNudge('inc-1', 's1', 't2'),
        await nudges.claimNudge('inc-2', 's1', 't3'),
      ];
      await links.put('k', { key: 'OPS-1', url: null }, 't1');
      await links.put('k', { key: 'OPS-2', url: 'https://x' }, 't2');
      return [claimed, await links.get('k'), await links.get('none')];
    });
  });
});

describe('the webhook outbox twin', () => {
  it('enqueues once, leases due rows to one owner, counts attempts and gives up', async () => {
    await sameAnswers(async ({ outbox }) => {
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      const d = (id: string, createdAt: string) => ({ id, url: 'https://hook', event: 'status', body: id, createdAt });
      await outbox.enqueue([
        d('a', '2030-04-07T10:00:00Z'),
        d('b', '2030-04-07T10:00:01Z'),
        d('c', '2030-04-07T11:00:00Z'),
      ]);
      await outbox.enqueue([{ ...d('a', '2030-04-07T10:00:00Z'), body: 'again' }]);
      const first = byId(await outbox.claimDue('r1', '2030-04-07T10:30:00Z', '2030-04-07T10:31:00Z', 10));
      const whileLeased = await outbox.claimDue('r2', '2030-04-07T10:30:30Z', '2030-04-07T10:32:00Z', 10);
      await outbox.markDelivered('a', '2030-04-07T10:30:40Z');
      await outbox.markFailed('b', 'x'.repeat(600), '2030-04-07T10:40:00Z', '2030-04-07T10:30:40Z');
      const beforeRetry = await outbox.claimDue('r2', '2030-04-07T10:35:00Z', '2030-04-07T10:36:00Z', 10);
      const retry = byId(await outbox.claimDue('r2', '2030-04-07T12:00:00Z', '2030-04-07T12:01:00Z', 1));
      await outbox.markFailed(retry[0]!.id, 'gone', null, '2030-04-07T12:00:10Z');
      const afterLease = byId(await outbox.claimDue('r3', '2030-04-07T12:02:00Z', '2030-04-07T12:03:00Z', 10));
      return [first, whileLeased, beforeRetry, retry, afterLease, await outbox.pendingCount()];
    });
  });
});
