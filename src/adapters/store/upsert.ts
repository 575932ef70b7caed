import { type Insertable, type Kysely, sql } from 'kysely';

/** Kysely over one table of any columns: the two statements below are the same for every table. */
type AnyTable = Kysely<{ table: Record<string, unknown> }>;

type Rows<Table> = Insertable<Table> | Insertable<Table>[];

const asList = <T>(rows: T | T[]): T[] => (Array.isArray(rows) ? rows : [rows]);

/** Inserts the rows; a row whose key is taken sets that row's other columns to its own values instead. */
export async function upsert<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Rows<DB[T]>,
  key: (keyof DB[T] & string)[],
): Promise<void> {
  const list = asList(rows) as Record<string, unknown>[];
  if (list.length === 0) return;
  const others = Object.keys(list[0]!).filter((column) => !(key as string[]).includes(column));
  await (db as unknown as AnyTable)
    .insertInto(table as 'table')
    .values(list)
    .onConflict((oc) =>
      oc.columns(key).doUpdateSet(Object.fromEntries(others.map((column) => [column, sql.ref(`excluded.${column}`)]))),
    )
    .execute();
}

/** Inserts the rows whose key is free and leaves the others as they are; says whether any went in. */
export async function insertIfAbsent<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Rows<DB[T]>,
  key: (keyof DB[T] & string)[],
): Promise<boolean> {
  const list = asList(rows) as Record<string, unknown>[];
  if (list.length === 0) return false;
  const result = await (db as unknown as AnyTable)
    .insertInto(table as 'table')
    .values(list)
    .onConflict((oc) => oc.columns(key).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
