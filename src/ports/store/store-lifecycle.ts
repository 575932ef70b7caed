/** Opening, checking and closing the database behind the store's roles. */
export interface StoreLifecycle {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
