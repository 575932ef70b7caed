/**
 * Shortens text to at most `max` characters, ending in an ellipsis, where it is built for Block Kit.
 * It never cuts inside an escape (`&amp;`), a mention or link (`<@U1>`, `<https://…|name>`) or a
 * surrogate pair, so what remains still renders; Slack counts UTF-16 code units, as `length` does.
 */
export function clampText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ellipsis.length);
  const openAngle = text.lastIndexOf('<', cut - 1);
  if (openAngle !== -1 && text.indexOf('>', openAngle) >= cut) cut = openAngle;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 6 && text.indexOf(';', amp) >= cut) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}${ellipsis}`;
}

/**
 * As many whole lines as fit in `max` characters, then "…and N more" with where the rest can be seen;
 * a single line longer than the room is clamped itself.
 */
export function fitLines(lines: string[], max: number, elsewhere = ''): string {
  const more = (n: number) => `…and ${n} more${elsewhere ? ` (${elsewhere})` : ''}`;
  let out = '';
  for (const [i, line] of lines.entries()) {
    const room = max - (i === lines.length - 1 ? 0 : more(lines.length - i).length + 1);
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length <= room) {
      out = next;
      continue;
    }
    if (out === '') return clampText(line, max);
    return `${out}\n${more(lines.length - i)}`;
  }
  return out;
}
