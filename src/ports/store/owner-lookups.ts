/** What Slack answered for an owner (an email, a handle, a user group), kept until it expires. */
export interface OwnerLookups {
  /** The cached answer, unless expired. */
  getOwnerLookup(ownerKey: string, now: string): Promise<string | null>;
  setOwnerLookup(ownerKey: string, data: string, expiresAt: string): Promise<void>;
}
