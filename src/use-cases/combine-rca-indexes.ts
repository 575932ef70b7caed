import type { PlannedItem, ReminderPlan } from '#domain/plan-reminders.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';

/**
 * The main RCA repository's index and that of the private incidents' own repository
 * (`incident.private.repo`) as one, the private one naming its files by `privateRepoFile` (see
 * `RcaIndex`'s `rename`), so an item's ledger key, snooze and buttons say which repository it lives
 * in. Both refresh together; each answer is the main one's followed by the private one's, as a
 * query over the two lists of files one after the other would give.
 */
export function combineRcaIndexes(main: ActionItemIndex, privateRepo: ActionItemIndex | null): ActionItemIndex {
  if (privateRepo === null) return main;
  return {
    async refresh() {
      const [ours, theirs] = await Promise.all([main.refresh(), privateRepo.refresh()]);
      return { files: ours.files + theirs.files, parsed: ours.parsed + theirs.parsed };
    },
    async plan(request) {
      const [ours, theirs] = await Promise.all([main.plan(request), privateRepo.plan(request)]);
      return mergePlans(ours, theirs);
    },
    async digest(team, today) {
      const [ours, theirs] = await Promise.all([main.digest(team, today), privateRepo.digest(team, today)]);
      return {
        overdue: [...ours.overdue, ...theirs.overdue],
        soon: [...ours.soon, ...theirs.soon],
        open: [...ours.open, ...theirs.open],
      };
    },
    async ownedBy(me, owners) {
      const [ours, theirs] = await Promise.all([main.ownedBy(me, owners), privateRepo.ownedBy(me, owners)]);
      return [...ours, ...theirs];
    },
  };
}

/** Each owner's items, the first plan's before the second's; owners in the order they were first met. */
function mergePlans(first: ReminderPlan, second: ReminderPlan): ReminderPlan {
  const reminders = new Map<string, PlannedItem[]>();
  for (const plan of [first, second])
    for (const [owner, items] of plan.reminders) reminders.set(owner, [...(reminders.get(owner) ?? []), ...items]);
  return { reminders, needsAttention: [...first.needsAttention, ...second.needsAttention] };
}
