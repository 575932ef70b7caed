import type { ParsedActionItem, Problem } from './rca-document.ts';

/** Where an item came from: a table row, a task-list item (with a checkbox), or a plain list item. */
export type ItemKind = 'row' | 'task' | 'plain';

export interface ActionItemCollector {
  /** Reads one item; what it reports goes with the item, so an item left out reports nothing. */
  add(kind: ItemKind, read: (problems: Problem[]) => ParsedActionItem | null): void;
  problem(problem: Problem): void;
  /** Ends the section (at a heading, or at the end of the file). */
  flush(): void;
}

/**
 * Collects the action items of one heading's section in file order, for the full parser and the fast
 * scanner alike. A section that uses checkboxes keeps its plain bullets as notes: there, only the
 * boxes are action items.
 */
export function createActionItemCollector(items: ParsedActionItem[], problems: Problem[]): ActionItemCollector {
  let pending: { kind: ItemKind; item: ParsedActionItem | null; problems: Problem[] }[] = [];
  let tasks = false;
  return {
    add(kind, read) {
      if (kind === 'row' && pending.length === 0) {
        // Nothing waits to be kept or left out before it: a row goes straight in.
        const item = read(problems);
        if (item) items.push(item);
        return;
      }
      const reported: Problem[] = [];
      const item = read(reported);
      if (kind === 'task' && item) tasks = true;
      pending.push({ kind, item, problems: reported });
    },
    problem(problem) {
      pending.push({ kind: 'row', item: null, problems: [problem] });
    },
    flush() {
      for (const entry of pending) {
        if (entry.kind === 'plain' && tasks) continue;
        if (entry.item) items.push(entry.item);
        problems.push(...entry.problems);
      }
      pending = [];
      tasks = false;
    },
  };
}
