import { type Kysely, type Migration, sql } from 'kysely';

/**
 * A migration of plain SQL statements, run in order. Written as SQL rather than Kysely's schema builder
 * because every statement here reads the same on SQLite and PostgreSQL, and a table reads best as its
 * `create table`.
 */
export function ddl(...statements: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}
