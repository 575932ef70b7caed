/**
 * Splits one GFM table row into its raw cells. GFM splits on unescaped pipes only, even inside
 * code spans, so this is exact without an inline parser.
 */
export function splitTableRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !isEscapedAt(text, text.length - 1)) text = text.slice(0, -1);
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text[i] === '|') {
      cells.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  cells.push(text.slice(start).trim());
  return cells;
}

function isEscapedAt(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) slashes += 1;
  return slashes % 2 === 1;
}

/** `|---|:---:|` and friends: the line under a table's header. */
export function isDelimiterRow(line: string): boolean {
  const cells = splitTableRow(line);
  return line.includes('-') && cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}
