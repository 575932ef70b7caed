import type { IndexedFile } from './plan-reminders.ts';
import { digestGroup } from './reminder-policy.ts';

export interface DigestItem {
  file: string;
  title: string;
  action: string;
  due: string | null;
}

export type DigestGroups = Record<'overdue' | 'soon' | 'open', DigestItem[]>;

/** A team's open items for its weekly digest (the owner cell names the team), overdue, due soon or open. */
export function digestGroups(files: readonly IndexedFile[], team: string, today: string): DigestGroups {
  const groups: DigestGroups = { overdue: [], soon: [], open: [] };
  const name = team.toLowerCase();
  for (const file of files) {
    for (const item of file.items) {
      if (item.done || item.owner?.trim().toLowerCase() !== name) continue;
      const entry = { file: file.path, title: file.title ?? file.path, action: item.action, due: item.due };
      groups[item.due ? digestGroup(item.due, today) : 'open'].push(entry);
    }
  }
  return groups;
}
