import type { ParsedActionItem } from '#rca/rca-document.ts';
import { parseOwnerRef } from './owner-ref.ts';
import type { IndexedFile } from './plan-reminders.ts';

/** Who is asking: their Slack id, and the name and email Slack knows them by (either may be unknown). */
export interface ItemOwner {
  userId: string;
  name: string | null;
  email: string | null;
}

/** An open action item and the RCA it is in. */
export type OwnedItem = ParsedActionItem & { file: string; title: string };

/**
 * The open action items whose owner cell names `me`: by mention, by email or by handle, through
 * `owners` (reminders.owners) as the reminders read it. What the App Home tab lists.
 */
export function ownedItems(files: readonly IndexedFile[], me: ItemOwner, owners: Record<string, string>): OwnedItem[] {
  return files.flatMap((file) =>
    file.items
      .filter((item) => !item.done && item.owner !== null && isMine(item.owner, me, owners))
      .map((item) => ({ ...item, file: file.path, title: file.title ?? file.path })),
  );
}

function isMine(owner: string, me: ItemOwner, map: Record<string, string>): boolean {
  const ref = parseOwnerRef(owner, map);
  switch (ref.kind) {
    case 'user':
      return ref.id === me.userId;
    case 'email':
      return me.email !== null && ref.email === me.email.toLowerCase();
    case 'handle':
      return me.name !== null && ref.handle === me.name.toLowerCase();
    default:
      return false;
  }
}
