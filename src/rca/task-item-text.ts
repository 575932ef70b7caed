const TASK = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\]\s+/;

/** The text of a task-list item from its source lines, the checkbox taken off. */
export function taskItemText(lines: string[]): { text: string; checked: boolean } | null {
  const first = lines[0] ?? '';
  const match = TASK.exec(first);
  if (!match) return null;
  const text = [first.slice(match[0].length), ...lines.slice(1).map((l) => l.trim())].join(' ').trim();
  return { text, checked: match[1] !== ' ' };
}

export function isTaskLine(line: string): boolean {
  return TASK.test(line);
}
