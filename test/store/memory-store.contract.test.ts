import { describe } from 'vitest';
import { createMemoryStore, type MemoryStore } from '../helpers/memory-store.ts';
import { describeBotStateContract } from './contracts/bot-state.contract.ts';
import { describeEventInboxContract } from './contracts/event-inbox.contract.ts';
import { describeIncidentRecordsContract } from './contracts/incident-records.contract.ts';
import { describeLocksContract } from './contracts/locks.contract.ts';
import { describeOwnerLookupsContract } from './contracts/owner-lookups.contract.ts';
import { describeReminderLedgerContract } from './contracts/reminder-ledger.contract.ts';
import type { ReopenableHandle } from './contracts/role-handle.ts';
import { describeScanCacheContract } from './contracts/scan-cache.contract.ts';
import { describeTimelineStoreContract } from './contracts/timeline-store.contract.ts';

/**
 * The in-memory twins the use-case tests run on keep the same contract as the Kysely store: a fresh store,
 * and "another handle on its data" is the same objects (memory has no second connection to open).
 */
async function open(): Promise<ReopenableHandle<MemoryStore>> {
  const store = createMemoryStore();
  const handle = { store, close: () => store.close() };
  return { ...handle, reopen: async () => handle };
}

describe("the in-memory store's roles", () => {
  const name = 'memory';
  describeIncidentRecordsContract(name, open);
  describeTimelineStoreContract(name, open);
  describeEventInboxContract(name, open);
  describeReminderLedgerContract(name, open);
  describeOwnerLookupsContract(name, open);
  describeScanCacheContract(name, open);
  describeBotStateContract(name, open);
  describeLocksContract(name, open);
});
