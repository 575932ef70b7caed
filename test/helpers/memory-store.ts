import type { IncidentStore } from '#src/ports.ts';
import { MemoryBotState } from './memory-bot-state.ts';
import { MemoryEventInbox } from './memory-event-inbox.ts';
import { MemoryIncidentRecords } from './memory-incident-records.ts';
import { MemoryLocks } from './memory-locks.ts';
import { MemoryOwnerLookups } from './memory-owner-lookups.ts';
import { MemoryReminderLedger } from './memory-reminder-ledger.ts';
import { MemoryScanCache } from './memory-scan-cache.ts';
import { MemoryStoreLifecycle } from './memory-store-lifecycle.ts';
import { MemoryTimelineStore } from './memory-timeline-store.ts';

/** Each role's in-memory twin, to arrange and inspect state behind the composed store. */
export interface MemoryRoles {
  lifecycle: MemoryStoreLifecycle;
  records: MemoryIncidentRecords;
  timeline: MemoryTimelineStore;
  inbox: MemoryEventInbox;
  locks: MemoryLocks;
  scanCache: MemoryScanCache;
  ledger: MemoryReminderLedger;
  ownerLookups: MemoryOwnerLookups;
  botState: MemoryBotState;
}

export type MemoryStore = IncidentStore & { roles: MemoryRoles };

/** Every role of the store in memory, composed into one `IncidentStore` (a plain object) as the use cases take it. */
export function createMemoryStore(): MemoryStore {
  const roles: MemoryRoles = {
    lifecycle: new MemoryStoreLifecycle(),
    records: new MemoryIncidentRecords(),
    timeline: new MemoryTimelineStore(),
    inbox: new MemoryEventInbox(),
    locks: new MemoryLocks(),
    scanCache: new MemoryScanCache(),
    ledger: new MemoryReminderLedger(),
    ownerLookups: new MemoryOwnerLookups(),
    botState: new MemoryBotState(),
  };
  const { lifecycle, records, timeline, inbox, locks, scanCache, ledger, ownerLookups, botState } = roles;
  return {
    roles,
    kind: lifecycle.kind,
    migrate: () => lifecycle.migrate(),
    ping: () => lifecycle.ping(),
    close: () => lifecycle.close(),
    createIncident: (incident) => records.createIncident(incident),
    updateIncident: (id, patch) => records.updateIncident(id, patch),
    getIncident: (id) => records.getIncident(id),
    findIncidentByChannel: (channelId) => records.findIncidentByChannel(channelId),
    incidentIdForChannel: (channelId) => records.incidentIdForChannel(channelId),
    listIncidents: (filter) => records.listIncidents(filter),
    addActionItem: (item) => records.addActionItem(item),
    listActionItems: (incidentId) => records.listActionItems(incidentId),
    addTimelineEntry: (entry) => timeline.addTimelineEntry(entry),
    updateTimelineEntry: (key, patch) => timeline.updateTimelineEntry(key, patch),
    removeTimelineEntry: (key) => timeline.removeTimelineEntry(key),
    getTimelineEntry: (key) => timeline.getTimelineEntry(key),
    listTimeline: (incidentId) => timeline.listTimeline(incidentId),
    addReactor: (messageKey, userId) => timeline.addReactor(messageKey, userId),
    removeReactor: (messageKey, userId) => timeline.removeReactor(messageKey, userId),
    clearReactors: (messageKey) => timeline.clearReactors(messageKey),
    recordEvent: (eventId, body, receivedAt) => inbox.recordEvent(eventId, body, receivedAt),
    completeEvent: (eventId) => inbox.completeEvent(eventId),
    pendingEvents: () => inbox.pendingEvents(),
    withLock: (name, task) => locks.withLock(name, task),
    tryWithLock: (name, task) => locks.tryWithLock(name, task),
    loadScanCache: () => scanCache.loadScanCache(),
    saveScanEntries: (entries) => scanCache.saveScanEntries(entries),
    deleteScanPaths: (paths) => scanCache.deleteScanPaths(paths),
    claimReminder: (itemKey, stage, at) => ledger.claimReminder(itemKey, stage, at),
    markReminderSent: (itemKey, stage, at) => ledger.markReminderSent(itemKey, stage, at),
    isReminderUnsent: (itemKey, stage) => ledger.isReminderUnsent(itemKey, stage),
    releaseReminder: (itemKey, stage) => ledger.releaseReminder(itemKey, stage),
    setSnooze: (itemKey, untilDay) => ledger.setSnooze(itemKey, untilDay),
    listSnoozes: () => ledger.listSnoozes(),
    getOwnerLookup: (ownerKey, now) => ownerLookups.getOwnerLookup(ownerKey, now),
    setOwnerLookup: (ownerKey, data, expiresAt) => ownerLookups.setOwnerLookup(ownerKey, data, expiresAt),
    getSetting: (key) => botState.getSetting(key),
    setSetting: (key, value) => botState.setSetting(key, value),
  };
}
