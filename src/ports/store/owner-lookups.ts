/** What Slack answered for an owner (an email, a handle, a user group), kept until it expires. */
export interface OwnerLookups {
  /** The cached answer while `now` is before its expiry; null once it is not, or for an owner never looked up. */
  getOwnerLookup(ownerKey: string, now: string): Promise<string | null>;
  /** Keeps an answer until `expiresAt`, replacing any earlier one. */
  setOwnerLookup(ownerKey: string, data: string, expiresAt: string): Promise<void>;
}
