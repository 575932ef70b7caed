/** `channel_id` for `channelId`: every column is named after its field. */
type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}`
  : S;

/** A table whose columns include one for every field of `Value`, so a field without a column fails to compile. */
export type ColumnsFor<Value> = { [K in keyof Value & string as SnakeCase<K>]-?: unknown };

/** Between a value and its row: fields ↔ columns by name (`channelId` ↔ `channel_id`). */
export interface RowMapping<Value, Row> {
  toRow(value: Value): Row;
  /** The columns a patch sets: one for each field it has. */
  toColumns(patch: Partial<Value>): Partial<Row>;
  fromRow(row: Row): Value;
}

interface Conversions<Value> {
  /** Booleans, stored as 1 and 0. */
  flags?: (keyof Value & string)[];
  /** Objects, stored as JSON text; an absent field is a null column and back. */
  json?: (keyof Value & string)[];
}

const toColumn = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toField = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** One row mapping for every table the store keeps values in, so no table spells its columns out twice. */
export function createRowMapping<Value extends object, Row extends ColumnsFor<Value>>(
  conversions: Conversions<Value> = {},
): RowMapping<Value, Row> {
  const flags = new Set<string>(conversions.flags);
  const json = new Set<string>(conversions.json);
  const columns = new Map<string, string>();
  const fields = new Map<string, string>();
  const columnOf = (field: string) => columns.get(field) ?? columns.set(field, toColumn(field)).get(field)!;
  const fieldOf = (column: string) => fields.get(column) ?? fields.set(column, toField(column)).get(column)!;

  const toColumns = (patch: Partial<Value>): Partial<Row> => {
    const row: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined && !json.has(field)) continue;
      if (flags.has(field)) row[columnOf(field)] = value ? 1 : 0;
      else if (json.has(field)) row[columnOf(field)] = value ? JSON.stringify(value) : null;
      else row[columnOf(field)] = value;
    }
    return row as Partial<Row>;
  };

  return {
    toColumns,
    toRow(value) {
      const row = toColumns(value) as Record<string, unknown>;
      for (const field of json) row[columnOf(field)] ??= null;
      return row as Row;
    },
    fromRow(row) {
      const value: Record<string, unknown> = {};
      for (const [column, stored] of Object.entries(row)) {
        const field = fieldOf(column);
        if (flags.has(field)) value[field] = stored === 1;
        else if (!json.has(field)) value[field] = stored;
        else if (stored !== null) value[field] = JSON.parse(stored as string);
      }
      return value as Value;
    },
  };
}
