import { calendarDay } from '#domain/calendar-day.ts';
import { itemKeys } from '#domain/plan-reminders.ts';
import { pathInPrivateRepo } from '#domain/private-incident.ts';
import { addDaysTo } from '#domain/reminder-policy.ts';
import { markActionItemDone } from '#rca/mark-done.ts';
import { closeTrackerIssue } from './close-tracker-issue.ts';
import type { CompleteActionItemDeps, Outcome, SnoozeReminderDeps } from './deps.ts';
import { fail, ok } from './deps.ts';

export interface ItemRef {
  file: string;
  key: string;
}

/**
 * "Done" on a reminder: marks the row done in its RCA through a commit that changes that row only, in
 * the repository the item lives in (the private incidents' own one for a `privateRepoFile` name).
 */
export async function completeActionItem(
  deps: CompleteActionItemDeps,
  ref: ItemRef,
  by: string,
): Promise<Outcome<string>> {
  const inPrivate = pathInPrivateRepo(ref.file);
  const target = inPrivate === null ? deps.rca : deps.rca.privateRepo;
  if (target === null)
    return fail(
      "this item is in the private incidents' repository, which is no longer set (incident.private.repo, RCA_PRIVATE_REPO); mark it done there by hand.",
    );
  const path = inPrivate ?? ref.file;
  const label = inPrivate === null ? path : `${path} of the private incidents' repository`;
  return target.exclusive(async () => {
    await target.repo.pull();
    const source = await target.repo.readFile(path);
    if (source === null) return fail(`${label} is no longer in the repository.`);
    // The key the reminder named, among the file's keys as the planner made them (repeated texts numbered).
    let keys: string[] | undefined;
    const isTheItem = (_action: string, index: number, actions: readonly string[]) => {
      keys ??= itemKeys(ref.file, actions);
      return keys[index] === ref.key;
    };
    const marked = markActionItemDone(source, isTheItem, {
      actionItemHeadings: deps.config.rca.actionItemHeadings,
    });
    if (!marked.ok) return fail(marked.reason);
    const name = (await deps.chat.userName(by)) ?? by;
    const outcome = await target.repo.commitFile(
      path,
      marked.text,
      `Mark action item done in ${path}:${marked.line} (by ${name})`,
    );
    if (!outcome.committed) return fail(`I could not commit the change: ${outcome.reason}`);
    const where = outcome.pushed ? '' : ' (committed locally; I will push it when the repository answers)';
    const closed = await closeTrackerIssue(deps, marked.text, marked.line);
    return ok(`Marked done in ${label} line ${marked.line}${where}.${closed} No more reminders for it.`);
  });
}

/** "Snooze": no reminder for this item until the given number of days have passed. */
export async function snoozeReminder(deps: SnoozeReminderDeps, ref: ItemRef, days: number): Promise<string> {
  const until = addDaysTo(calendarDay(deps.clock.now(), deps.config.reminders.timeZone), days);
  await deps.store.setSnooze(ref.key, until);
  return until;
}
