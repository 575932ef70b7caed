import { parseDueCell } from '#rca/parse-due-cell.ts';
import type { ParsedActionItem } from '#rca/rca-document.ts';
import { type StagePolicy, stageToSend } from './reminder-policy.ts';

export interface IndexedFile {
  path: string;
  blob: string;
  title: string | null;
  items: ParsedActionItem[];
}

export interface PlannedItem {
  key: string;
  file: string;
  title: string;
  line: number;
  action: string;
  owner: string;
  due: string;
  stage: string;
  skipped: string[];
}

export interface AttentionItem {
  key: string;
  file: string;
  title: string;
  line: number;
  action: string;
  owner: string | null;
  reason: string;
  stage: string;
}

export interface ReminderPlan {
  /** Per owner as written in the RCA, in file order. */
  reminders: Map<string, PlannedItem[]>;
  needsAttention: AttentionItem[];
}

/** An action item's identity: its file and its text, so editing one row never re-identifies the others. */
export function itemKey(path: string, action: string): string {
  return `${path}#${action.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/**
 * The keys of a file's action items, in file order (done ones included, so marking one done changes
 * no other's key): `itemKey`, and for the second and later items with the same text, that key with
 * `  #2`, `  #3`… after it. A key made from text never holds two spaces in a row (they are collapsed), so the
 * suffix names no other item; a file without repeated texts keeps the keys it always had.
 */
export function itemKeys(path: string, actions: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return actions.map((action) => {
    const key = itemKey(path, action);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}  #${count}`;
  });
}

/**
 * What a run on `today` sends, given the last completed run: open items with a stage in the window,
 * grouped by owner; items with no due date (or an unreadable one) go to "needs attention", and so do
 * items with no owner when a stage is due. Snoozed
 * items wait until their snooze ends, then get one reminder.
 */
export function planReminders(input: {
  files: readonly IndexedFile[];
  today: string;
  lastRun: string;
  policy: StagePolicy;
  snoozes: ReadonlyMap<string, string>;
}): ReminderPlan {
  const plan: ReminderPlan = { reminders: new Map(), needsAttention: [] };
  for (const file of input.files) {
    const title = file.title ?? file.path.split('/').pop()!.replace(/\.md$/i, '');
    const keys = itemKeys(
      file.path,
      file.items.map((item) => item.action),
    );
    for (const [k, item] of file.items.entries()) {
      if (item.done) continue;
      const key = keys[k]!;
      const base = { key, file: file.path, title, line: item.line, action: item.action };
      if (item.due === null) {
        // Never dropped: an item nobody can be reminded of on a date is shown to people once.
        plan.needsAttention.push({
          ...base,
          owner: item.owner,
          reason:
            item.dueText !== undefined
              ? unreadDue(item.dueText)
              : item.owner === null
                ? 'no owner and no due date are named'
                : 'no due date is named',
          stage: item.dueText !== undefined ? `attention-due:${item.dueText}` : 'attention-due:none',
        });
        continue;
      }
      const stage = stageFor(item.due, key, input);
      if (!stage) continue;
      if (item.owner === null) {
        plan.needsAttention.push({
          ...base,
          owner: null,
          reason: 'no owner is named',
          stage: `attention-owner:${stage.name}@${item.due}`,
        });
        continue;
      }
      const list = plan.reminders.get(item.owner) ?? [];
      list.push({ ...base, owner: item.owner, due: item.due, stage: stage.name, skipped: stage.skipped });
      plan.reminders.set(item.owner, list);
    }
  }
  return plan;
}

function stageFor(
  due: string,
  key: string,
  input: { today: string; lastRun: string; policy: StagePolicy; snoozes: ReadonlyMap<string, string> },
): { name: string; skipped: string[] } | null {
  const snoozedUntil = input.snoozes.get(key);
  if (snoozedUntil !== undefined && snoozedUntil > input.today) return null;
  const { send, skipped } = stageToSend(due, input.lastRun, input.today, input.policy);
  if (snoozedUntil !== undefined && snoozedUntil > input.lastRun && snoozedUntil <= input.today) {
    // The snooze ended in this window: one reminder now, even if the stage it hid has passed.
    return { name: send?.name ?? `snoozed-until-${snoozedUntil}`, skipped: skipped.map((s) => s.name) };
  }
  return send ? { name: send.name, skipped: skipped.map((s) => s.name) } : null;
}

/** Why a due date written in the file is not a date, as the readers and `scribe rca lint` say it. */
function unreadDue(text: string): string {
  const read = parseDueCell(text);
  const reason =
    read.due === null && read.reason !== undefined
      ? read.reason
      : `"${text}" could not be read; write it as YYYY-MM-DD`;
  return `due date ${reason}`;
}
