import { type Insertable, type Kysely, sql } from 'kysely';

/** Kysely over one table of any columns: the two statements below are the same for every table. */
type AnyTable = Kysely<{ table: Record<string, unknown> }>;

type Rows<Table> = Insertable<Table> | Insertable<Table>[];

/** A table, its rows, and the columns of its key. */
type InsertArgs<DB, T extends keyof DB & string> = [
  db: Kysely<DB>,
  table: T,
  rows: Rows<DB[T]>,
  key: (keyof DB[T] & string)[],
];

async function insertRows<DB, T extends keyof DB & string>(
  [db, table, rows, key]: InsertArgs<DB, T>,
  onTakenKey: 'update' | 'keep',
): Promise<boolean> {
  const list = (Array.isArray(rows) ? rows : [rows]) as Record<string, unknown>[];
  if (list.length === 0) return false;
  const others = Object.keys(list[0]!).filter((column) => !(key as string[]).includes(column));
  const result = await (db as unknown as AnyTable)
    .insertInto(table as 'table')
    .values(list)
    .onConflict((oc) =>
      // A row of key columns alone has nothing else to set.
      onTakenKey === 'keep' || others.length === 0
        ? oc.columns(key).doNothing()
        : oc.columns(key).doUpdateSet(Object.fromEntries(others.map((c) => [c, sql.ref(`excluded.${c}`)]))),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Inserts the rows; a row whose key is taken sets that row's other columns to its own values instead. */
export async function upsert<DB, T extends keyof DB & string>(...args: InsertArgs<DB, T>): Promise<void> {
  await insertRows(args, 'update');
}

/** Inserts the rows whose key is free and leaves the others as they are; says whether any went in. */
export function insertIfAbsent<DB, T extends keyof DB & string>(...args: InsertArgs<DB, T>): Promise<boolean> {
  return insertRows(args, 'keep');
}
