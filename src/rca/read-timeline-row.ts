import { decodeCellText, plainCellText } from './cell-text.ts';
import type { TimelineRow } from './rca-document.ts';

const LINK_SUFFIX = /(?:^| )\[↗\]\(<?([^()<>\s]+)>?\)$/;
const AUTHOR_SUFFIX = /(?:^| )— \*((?:[^*\\]|\\.)+)\*$/;

/**
 * A timeline row as the bot writes it: `escaped event — *author* [↗](permalink)`; the author and the
 * link are optional, so the seed's plain `| 16:47 | Monitoring alert triggered |` reads too.
 */
export function readTimelineCell(timeCell: string, eventCell: string): TimelineRow | null {
  const time = plainCellText(timeCell);
  let raw = eventCell.trim();
  if (time === '' && raw === '') return null;
  const row: TimelineRow = { time, event: '' };
  const link = LINK_SUFFIX.exec(raw);
  if (link) {
    row.link = link[1]!;
    raw = raw.slice(0, link.index);
  }
  const author = AUTHOR_SUFFIX.exec(raw);
  if (author) {
    row.author = decodeCellText(author[1]!);
    raw = raw.slice(0, author.index);
  }
  row.event = decodeCellText(raw);
  return row;
}

const LIST_ROW =
  /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?((?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?)(?:\*\*|__)?\s*(?:[-–—:|]\s*)?(.+)$/;

/** `- 16:47 - Monitoring alert triggered`, the way some teams keep a timeline as a list. */
export function readTimelineListItem(line: string): TimelineRow | null {
  const match = LIST_ROW.exec(line);
  if (!match) return null;
  return { time: match[1]!.trim(), event: decodeCellText(match[2]!) };
}
