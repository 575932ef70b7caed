import { describe } from 'vitest';
import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import { noteSkipped, STORE_FACTORIES, type StoreFactory } from '../helpers/stores.ts';
import { describeBotStateContract } from './contracts/bot-state.contract.ts';
import { describeEventInboxContract } from './contracts/event-inbox.contract.ts';
import { describeIncidentRecordsContract } from './contracts/incident-records.contract.ts';
import { describeLocksContract } from './contracts/locks.contract.ts';
import { describeOwnerLookupsContract } from './contracts/owner-lookups.contract.ts';
import { describeReminderLedgerContract } from './contracts/reminder-ledger.contract.ts';
import type { ReopenableHandle, RoleHandle } from './contracts/role-handle.ts';
import { describeScanCacheContract } from './contracts/scan-cache.contract.ts';
import { describeTimelineStoreContract } from './contracts/timeline-store.contract.ts';

const handle = (store: KyselyIncidentStore): RoleHandle<KyselyIncidentStore> => ({ store, close: () => store.close() });

/** A fresh migrated store, and further handles on its data (each its own pools: another replica). */
async function open(factory: StoreFactory): Promise<ReopenableHandle<KyselyIncidentStore>> {
  const { store, reopen } = await factory.create();
  return { ...handle(store), reopen: async () => handle(reopen()) };
}

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`the Kysely store's roles on ${factory.name}`, () => {
    const name = `Kysely (${factory.name})`;
    const make = () => open(factory);
    describeIncidentRecordsContract(name, make);
    describeTimelineStoreContract(name, make);
    describeEventInboxContract(name, make);
    describeReminderLedgerContract(name, make);
    describeOwnerLookupsContract(name, make);
    describeScanCacheContract(name, make);
    describeBotStateContract(name, make);
    describeLocksContract(name, async () => {
      const opened = await make();
      // On SQLite the data belongs to one process, so its locks are that process's: no replica to ask.
      return factory.name === 'postgres' ? { ...opened, otherReplica: opened.reopen } : opened;
    });
  });
}
