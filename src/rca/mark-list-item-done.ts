import type { ParsedActionItem } from './rca-document.ts';

const MARKER = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)/;
const HEAD_MARK = /^(?:✅|✔️?|☑️?|DONE\b|\[(?:done|Done|DONE)\]|\((?:done|Done|DONE)\))[ \t:–—-]*/u;
const TAIL_MARK = /[ \t]*(?:[-–—][ \t]*)?(?:✅|✔️?|☑️?|DONE|\[(?:done|Done|DONE)\]|\((?:done|Done|DONE)\))$/u;

type Style = { at: 'start' | 'end'; mark: string };

/**
 * Marks a plain list item done the way the file's other done items are marked (a ✅ or DONE before
 * or after the text), else with a ✅ after the marker. `reads` says whether the changed file reads the
 * item as done with its action unchanged; a style that does not is not used.
 */
export function markListItemDone(
  lines: string[],
  item: ParsedActionItem,
  items: ParsedActionItem[],
  reads: (text: string) => boolean,
): string[] | null {
  const styles = [...authorStyles(lines, items), { at: 'start', mark: '✅ ' } as Style];
  for (const style of styles) {
    const changed = apply(lines, item.line - 1, style);
    if (changed && reads(changed.join('\n'))) return changed;
  }
  return null;
}

/** How the file's done list items carry their mark, most used first. */
function authorStyles(lines: string[], items: ParsedActionItem[]): Style[] {
  const counts = new Map<string, { style: Style; n: number }>();
  for (const done of items) {
    if (!done.done) continue;
    const line = lines[done.line - 1] ?? '';
    const marker = MARKER.exec(line);
    if (!marker || /^\[[ xX]\]/.test(line.slice(marker[0].length))) continue;
    const text = line.slice(marker[0].length);
    const head = HEAD_MARK.exec(text);
    const tail = TAIL_MARK.exec(text);
    const style: Style | null = head
      ? { at: 'start', mark: head[0].endsWith(' ') || head[0].endsWith(':') ? head[0] : `${head[0]} ` }
      : tail
        ? { at: 'end', mark: tail[0] }
        : null;
    if (!style) continue;
    const key = `${style.at}:${style.mark}`;
    counts.set(key, { style, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.style);
}

function apply(lines: string[], index: number, style: Style): string[] | null {
  const line = lines[index]!;
  const marker = MARKER.exec(line);
  if (!marker) return null;
  const changed = [...lines];
  if (style.at === 'start') {
    changed[index] = `${marker[0]}${style.mark}${line.slice(marker[0].length)}`;
    return changed;
  }
  // At the end of the item's first paragraph: its last line before a blank line or another block.
  let last = index;
  while (last + 1 < lines.length && /^\s+\S/.test(lines[last + 1]!) && !MARKER.test(lines[last + 1]!)) last += 1;
  changed[last] = `${changed[last]!.trimEnd()}${style.mark}`;
  return changed;
}
