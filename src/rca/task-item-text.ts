const TASK = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\]\s+/;
const MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]*/;

/** The text of a task-list item from its source lines, the checkbox taken off. */
export function taskItemText(lines: string[]): { text: string; checked: boolean } | null {
  const first = lines[0] ?? '';
  const match = TASK.exec(first);
  if (!match) return null;
  return { text: joinLines(first.slice(match[0].length), lines), checked: match[1] !== ' ' };
}

/** The text of a list item's first paragraph from its source lines, the marker taken off. */
export function listItemText(lines: string[]): string {
  const first = lines[0] ?? '';
  return joinLines(first.slice(MARKER.exec(first)?.[0].length ?? 0), lines);
}

function joinLines(first: string, lines: string[]): string {
  return [first, ...lines.slice(1).map((l) => l.trim())].join(' ').trim();
}

export function isTaskLine(line: string): boolean {
  return TASK.test(line);
}
