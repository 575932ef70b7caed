import { type Kysely, Migrator, sql } from 'kysely';
import type { ActionItemRecord, Incident } from '#domain/incident.ts';
import type { TimelineEntry, TimelineKind } from '#domain/timeline-entry.ts';
import type { IncidentStore } from '#src/ports.ts';
import { GroupWriter } from './group-writer.ts';
import { migrationProvider } from './migrations.ts';
import type { Database, IncidentsTable, TimelineEntriesTable } from './schema.ts';

/**
 * The one `IncidentStore` implementation, over Kysely; `createSqliteStore` and `createPostgresStore`
 * give it its dialect. The same contract suite runs against both.
 */
export class KyselyIncidentStore implements IncidentStore {
  constructor(
    readonly kind: 'sqlite' | 'postgres',
    readonly db: Kysely<Database>,
    /** The PostgreSQL schema the tables live in, when not the default one. */
    readonly schema?: string,
    /**
     * The event inbox gets its own connections, so writing an event before its ack never waits behind
     * the listeners' queries.
     */
    private readonly inbox: Kysely<Database> = db,
  ) {}

  /** Channel → incident id never changes once set, so found ones are kept (misses are not). */
  private readonly channelIncidents = new Map<string, string>();

  async migrate(): Promise<void> {
    const { error } = await new Migrator({
      db: this.db,
      provider: migrationProvider,
      ...(this.schema ? { migrationTableSchema: this.schema } : {}),
    }).migrateToLatest();
    if (error) throw new Error(`Database migration failed: ${(error as Error).message}`, { cause: error });
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('events').select('event_id').limit(1).execute();
  }

  async close(): Promise<void> {
    if (this.inbox !== this.db) await this.inbox.destroy();
    await this.db.destroy();
  }

  private readonly localLocks = new Map<string, Promise<unknown>>();

  /**
   * Runs `task` while holding a named lock: a PostgreSQL advisory lock shared by every replica, or (on
   * SQLite, one process) a lock in this process.
   */
  async withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.localLocks.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      if (this.kind !== 'postgres') return task();
      return this.db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(hashtext(${name}))`.execute(conn);
        try {
          return await task();
        } finally {
          await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(conn);
        }
      });
    });
    const settled = run.catch(() => undefined);
    this.localLocks.set(name, settled);
    try {
      return await run;
    } finally {
      if (this.localLocks.get(name) === settled) this.localLocks.delete(name);
    }
  }

  /** Takes a named lock only if it is free right now; null when another replica holds it. */
  async tryWithLock<T>(name: string, task: () => Promise<T>): Promise<T | null> {
    if (this.kind !== 'postgres') return this.withLock(name, task);
    return this.db.connection().execute(async (conn) => {
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${name})) as ok`.execute(conn);
      if (!rows[0]?.ok) return null;
      try {
        return await task();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(conn);
      }
    });
  }

  async incidentIdForChannel(channelId: string): Promise<string | null> {
    const cached = this.channelIncidents.get(channelId);
    if (cached !== undefined) return cached;
    const row = await this.db
      .selectFrom('incidents')
      .select('id')
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    if (row) this.channelIncidents.set(channelId, row.id);
    return row?.id ?? null;
  }

  async createIncident(incident: Incident): Promise<void> {
    await this.db.insertInto('incidents').values(toIncidentRow(incident)).execute();
  }

  async updateIncident(id: string, patch: Partial<Omit<Incident, 'id'>>): Promise<void> {
    const row = toIncidentRow({ ...EMPTY_INCIDENT, ...patch, id }) as Partial<IncidentsTable>;
    const changed = Object.fromEntries(
      Object.entries(row).filter(([column]) => Object.hasOwn(patch, COLUMN_TO_FIELD[column] ?? '')),
    );
    if (Object.keys(changed).length === 0) return;
    await this.db.updateTable('incidents').set(changed).where('id', '=', id).execute();
    // An incident that moved (`/incident private`) no longer answers for its old channel.
    if (patch.channelId !== undefined)
      for (const [channel, incident] of this.channelIncidents)
        if (incident === id) this.channelIncidents.delete(channel);
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromIncidentRow(row) : null;
  }

  async findIncidentByChannel(channelId: string): Promise<Incident | null> {
    const row = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? fromIncidentRow(row) : null;
  }

  async listIncidents(filter: { excludeStatus?: string }): Promise<Incident[]> {
    let query = this.db.selectFrom('incidents').selectAll().orderBy('declared_at', 'desc').orderBy('id');
    if (filter.excludeStatus !== undefined) query = query.where('status', '!=', filter.excludeStatus);
    return (await query.execute()).map(fromIncidentRow);
  }

  async addTimelineEntry(entry: TimelineEntry): Promise<boolean> {
    const result = await this.db
      .insertInto('timeline_entries')
      .values(toEntryRow(entry))
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async updateTimelineEntry(
    key: string,
    patch: Partial<Pick<TimelineEntry, 'text' | 'authorId' | 'authorName' | 'permalink' | 'pending'>>,
  ): Promise<boolean> {
    const set: Partial<TimelineEntriesTable> = {};
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.authorId !== undefined) set.author_id = patch.authorId;
    if (patch.authorName !== undefined) set.author_name = patch.authorName;
    if (patch.permalink !== undefined) set.permalink = patch.permalink;
    if (patch.pending !== undefined) set.pending = patch.pending ? 1 : 0;
    if (Object.keys(set).length === 0) return false;
    const result = await this.db.updateTable('timeline_entries').set(set).where('key', '=', key).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async removeTimelineEntry(key: string): Promise<boolean> {
    const result = await this.db.deleteFrom('timeline_entries').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async getTimelineEntry(key: string): Promise<TimelineEntry | null> {
    const row = await this.db.selectFrom('timeline_entries').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? fromEntryRow(row) : null;
  }

  async listTimeline(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.db
      .selectFrom('timeline_entries')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('sort_key')
      .orderBy('key')
      .execute();
    return rows.map(fromEntryRow);
  }

  async addReactor(messageKey: string, userId: string): Promise<void> {
    await this.db
      .insertInto('reactors')
      .values({ message_key: messageKey, user_id: userId })
      .onConflict((oc) => oc.columns(['message_key', 'user_id']).doNothing())
      .execute();
  }

  async removeReactor(messageKey: string, userId: string): Promise<number> {
    await this.db.deleteFrom('reactors').where('message_key', '=', messageKey).where('user_id', '=', userId).execute();
    const row = await this.db
      .selectFrom('reactors')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('message_key', '=', messageKey)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async clearReactors(messageKey: string): Promise<void> {
    await this.db.deleteFrom('reactors').where('message_key', '=', messageKey).execute();
  }

  /** Inbox writes are grouped: many events arriving together cost one statement, not one each. */
  private readonly eventWriter = new GroupWriter<{ eventId: string; body: string; receivedAt: string }, boolean>(
    async (items) => {
      const unique = [...new Map(items.map((i) => [i.eventId, i])).values()];
      const inserted = await this.inbox
        .insertInto('events')
        .values(unique.map((i) => ({ event_id: i.eventId, body: i.body, received_at: i.receivedAt, done: 0 })))
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .execute();
      const fresh = new Set(inserted.map((r) => r.event_id));
      // Within one batch the first copy of an id is the new one; any later copy is a duplicate.
      return items.map((item) => {
        const isNew = fresh.delete(item.eventId);
        return isNew;
      });
    },
  );

  private readonly completer = new GroupWriter<string, void>(async (ids) => {
    await this.db
      .updateTable('events')
      .set({ done: 1, body: '' })
      .where('event_id', 'in', [...new Set(ids)])
      .execute();
    return ids.map(() => undefined);
  });

  async recordEvent(eventId: string, body: string, receivedAt: string): Promise<boolean> {
    return this.eventWriter.submit({ eventId, body, receivedAt });
  }

  async completeEvent(eventId: string): Promise<void> {
    await this.completer.submit(eventId);
  }

  async pendingEvents(): Promise<{ eventId: string; body: string }[]> {
    const rows = await this.inbox
      .selectFrom('events')
      .select(['event_id', 'body'])
      .where('done', '=', 0)
      .orderBy('received_at')
      .orderBy('event_id')
      .execute();
    return rows.map((r) => ({ eventId: r.event_id, body: r.body }));
  }

  async loadScanCache(): Promise<{ path: string; blob: string; data: string }[]> {
    return this.db.selectFrom('rca_scan_cache').select(['path', 'blob', 'data']).execute();
  }

  async saveScanEntries(entries: { path: string; blob: string; data: string }[]): Promise<void> {
    // A cold scan writes thousands of rows: in batches of one statement each, not one transaction,
    // because on SQLite a transaction holds the only connection, and the inbox writes that Slack's
    // acks wait for would queue behind all of it. Each row stands alone (a file's yield at a blob).
    for (let i = 0; i < entries.length; i += 50) {
      // Let other events in between batches: on SQLite each batch runs synchronously.
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await this.db
        .insertInto('rca_scan_cache')
        .values(entries.slice(i, i + 50))
        .onConflict((oc) =>
          oc.column('path').doUpdateSet((eb) => ({ blob: eb.ref('excluded.blob'), data: eb.ref('excluded.data') })),
        )
        .execute();
    }
  }

  async deleteScanPaths(paths: string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += 500) {
      await this.db
        .deleteFrom('rca_scan_cache')
        .where('path', 'in', paths.slice(i, i + 500))
        .execute();
    }
  }

  async claimReminder(itemKey: string, stage: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('reminder_ledger')
      .values({ item_key: itemKey, stage, sent_at: at })
      .onConflict((oc) => oc.columns(['item_key', 'stage']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async markReminderSent(itemKey: string, stage: string, at: string): Promise<void> {
    await this.db
      .updateTable('reminder_ledger')
      .set({ delivered_at: at })
      .where('item_key', '=', itemKey)
      .where('stage', '=', stage)
      .where('delivered_at', 'is', null)
      .execute();
  }

  async isReminderUnsent(itemKey: string, stage: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('reminder_ledger')
      .select('delivered_at')
      .where('item_key', '=', itemKey)
      .where('stage', '=', stage)
      .executeTakeFirst();
    return row !== undefined && row.delivered_at === null;
  }

  async getOwnerLookup(ownerKey: string, now: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('owner_lookups')
      .select(['data', 'expires_at'])
      .where('owner_key', '=', ownerKey)
      .executeTakeFirst();
    return row && row.expires_at > now ? row.data : null;
  }

  async setOwnerLookup(ownerKey: string, data: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('owner_lookups')
      .values({ owner_key: ownerKey, data, expires_at: expiresAt })
      .onConflict((oc) => oc.column('owner_key').doUpdateSet({ data, expires_at: expiresAt }))
      .execute();
  }

  async releaseReminder(itemKey: string, stage: string): Promise<void> {
    await this.db.deleteFrom('reminder_ledger').where('item_key', '=', itemKey).where('stage', '=', stage).execute();
  }

  async setSnooze(itemKey: string, untilDay: string): Promise<void> {
    await this.db
      .insertInto('snoozes')
      .values({ item_key: itemKey, until_day: untilDay })
      .onConflict((oc) => oc.column('item_key').doUpdateSet({ until_day: untilDay }))
      .execute();
  }

  async listSnoozes(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('snoozes').selectAll().execute();
    return new Map(rows.map((r) => [r.item_key, r.until_day]));
  }

  async getSetting(key: string): Promise<string | null> {
    return (
      (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
    );
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async addActionItem(item: ActionItemRecord): Promise<void> {
    await this.db
      .insertInto('action_items')
      .values({
        id: item.id,
        incident_id: item.incidentId,
        priority: item.priority,
        action: item.action,
        owner: item.owner,
        due: item.due,
        done: item.done ? 1 : 0,
        created_at: item.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async listActionItems(incidentId: string): Promise<ActionItemRecord[]> {
    const rows = await this.db
      .selectFrom('action_items')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      priority: r.priority,
      action: r.action,
      owner: r.owner,
      due: r.due,
      done: r.done === 1,
      createdAt: r.created_at,
    }));
  }
}

const EMPTY_INCIDENT: Omit<Incident, 'id'> = {
  title: '',
  severity: '',
  status: '',
  channelId: null,
  channelName: null,
  summaryTs: null,
  declaredBy: '',
  declaredAt: '',
  resolvedAt: null,
  roles: {},
  services: [],
  summary: '',
  rootCause: '',
  impact: '',
  resolution: '',
  rcaPath: null,
};

const COLUMN_TO_FIELD: Record<string, keyof Incident> = {
  title: 'title',
  severity: 'severity',
  status: 'status',
  channel_id: 'channelId',
  channel_name: 'channelName',
  summary_ts: 'summaryTs',
  declared_by: 'declaredBy',
  declared_at: 'declaredAt',
  resolved_at: 'resolvedAt',
  roles: 'roles',
  services: 'services',
  summary: 'summary',
  root_cause: 'rootCause',
  impact: 'impact',
  resolution: 'resolution',
  rca_path: 'rcaPath',
  is_private: 'private',
};

function toIncidentRow(incident: Incident): IncidentsTable {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    channel_id: incident.channelId,
    channel_name: incident.channelName,
    summary_ts: incident.summaryTs,
    declared_by: incident.declaredBy,
    declared_at: incident.declaredAt,
    resolved_at: incident.resolvedAt,
    roles: JSON.stringify(incident.roles),
    services: JSON.stringify(incident.services),
    summary: incident.summary,
    root_cause: incident.rootCause,
    impact: incident.impact,
    resolution: incident.resolution,
    rca_path: incident.rcaPath,
    is_private: incident.private ? 1 : 0,
  };
}

function fromIncidentRow(row: IncidentsTable): Incident {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    channelId: row.channel_id,
    channelName: row.channel_name,
    summaryTs: row.summary_ts,
    declaredBy: row.declared_by,
    declaredAt: row.declared_at,
    resolvedAt: row.resolved_at,
    roles: JSON.parse(row.roles) as Record<string, string>,
    services: JSON.parse(row.services) as string[],
    summary: row.summary,
    rootCause: row.root_cause,
    impact: row.impact,
    resolution: row.resolution,
    rcaPath: row.rca_path,
    ...(row.is_private === 1 ? { private: true } : {}),
  };
}

function toEntryRow(entry: TimelineEntry): TimelineEntriesTable {
  return {
    key: entry.key,
    incident_id: entry.incidentId,
    kind: entry.kind,
    at: entry.at,
    sort_key: entry.sortKey,
    author_id: entry.authorId,
    author_name: entry.authorName,
    text: entry.text,
    permalink: entry.permalink,
    pending: entry.pending ? 1 : 0,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
}

function fromEntryRow(row: TimelineEntriesTable): TimelineEntry {
  return {
    incidentId: row.incident_id,
    key: row.key,
    kind: row.kind as TimelineKind,
    at: row.at,
    sortKey: row.sort_key,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    permalink: row.permalink,
    pending: row.pending === 1,
    ...(row.detail ? { detail: JSON.parse(row.detail) as TimelineEntry['detail'] } : {}),
  };
}
