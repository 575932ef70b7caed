/**
 * What a contract suite is given for each case: a fresh, empty implementation of one role, and a way
 * to let it go. The same suites run on the Kysely store (SQLite and PostgreSQL) and on in-memory twins.
 */
export interface RoleHandle<Role> {
  store: Role;
  close(): Promise<void>;
}

/** A role whose data outlives a handle: `reopen` is a second handle on the same data (a restart, or another replica). */
export interface ReopenableHandle<Role> extends RoleHandle<Role> {
  reopen(): Promise<RoleHandle<Role>>;
}
