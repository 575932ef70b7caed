import type { ParsedActionItem } from './rca-document.ts';

/** `OPS-123`, or a link to an issue page (GitHub, Jira's /browse/, Linear's /issue/). */
const TICKET_IN_TEXT = /\b[A-Z][A-Z0-9]{1,9}-\d+\b|https?:\/\/\S+\/(?:issues|browse|issue)\/[\w-]+/;

/**
 * The ticket an action item already carries: what the readers took from its Ticket/Issue/Bug/Jira
 * cell or list-item fields (a markdown link gives its address), else an `ABC-123` or issue link in its
 * text. Null when it has none, so one may be opened for it.
 */
export function ticketOf(item: Pick<ParsedActionItem, 'action' | 'ticket'>): string | null {
  return item.ticket ?? TICKET_IN_TEXT.exec(item.action)?.[0] ?? null;
}
