import { decodeCellText } from './cell-text.ts';
import { parseDueCell } from './parse-due-cell.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';

/*
 * An action item written as a list item: `- [ ] Add alert for X (@ana, due 2025-05-01, P1)`,
 * `1. Add alert for X — Ana, by 2025-05-01`, `- [P1] OPS-12: Add alert ✅`. The fields are taken off
 * the ends of the text (and out of a trailing group in parentheses), so what is left, the action,
 * is what the author wrote; an @mention inside the text names the owner when nothing else does.
 */

/** The date formats `parseDueCell` reads, for finding a date inside a sentence. */
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})`;
/**
 * When a due date is written as a time that is not a date (`Q3`, `next sprint`, `May 1` with no year): taken off the action
 * after `due`/`by`/`target`, read as no date, and warned about, so the item goes to needs attention.
 */
const VAGUE_DUE = String.raw`(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?![\d,])|Q[1-4](?:\s+'?\d{2,4})?|H[12](?:\s+\d{4})?|EO[DWMQY]|(?:next|this)\s+(?:sprint|week|month|quarter|release|year)|end\s+of\s+(?:the\s+)?(?:sprint|week|month|quarter|year))`;
/** A field's name starting the next sentence (`… Owner: Ana. Due: 2025-05-01.`): a free-text field ends before it. */
const NEXT_FIELD = String.raw`(?:[Dd]ue|[Pp]riority|[Pp]rio|[Oo]wners?|[Tt]icket|[Ss]tatus|ETA|[Dd]eadline)\b`;
/** `@ana`, a GitHub team `@acme/sre` whole, a Slack mention or a Slack user group. */
const MENTION = String.raw`(?:@[\w.-]*\w(?:/[\w.-]*\w)?|<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<!subteam\^S[A-Z0-9]+(?:\|[^>]*)?>)`;
/** `OPS-123`; not the names of standards that look like one (`UTF-8`, `SHA-256`). */
const TICKET_KEY = String.raw`(?!(?:UTF|SHA|ISO|AES|TLS|SSL|HTTP|IPV|COVID|MD|RSA|ECMA|IEEE|PEP|RFC|CVE)-)[A-Z][A-Z0-9]{1,9}-\d+`;
const LINK = String.raw`(?:\[[^\]]*\]\([^()\s]+\)|<https?://[^>\s]+>|https?://[^\s()<>]+)`;
const STRUCK = /^~~([\s\S]*)~~$/;
/**
 * An item whose words are struck through, with a note after them (`~~Page the team~~ — not needed`);
 * not `~~Old plan~~ new plan`, whose action still stands.
 */
const STRUCK_LEAD = /^~~[^~\s](?:[^~]*[^~\s])?~~(?=\s*(?:[—–:(]|-\s))/;
const NOT_A_NAME =
  /^(?:optional|ongoing|planned|pending|blocked|wip|later|in progress|not started|open|todo|tbd|n\/a|none)$/i;
/**
 * A person's or a team's name in `(Ana Lopez)` or `— SRE team`: up to three capitalised words, the last
 * of which may be `team`, `squad` or the like (`(Docker images etc)` is not a name).
 */
const NAME =
  /^\p{Lu}[\p{L}\p{M}\p{N}.'’&_-]*(?:\s\p{Lu}[\p{L}\p{M}\p{N}.'’&_-]*){0,2}(?:\s(?:team|squad|group|crew|on-?call|owners?))?$/u;

/** A team named as an owner label: `Platform team`, `SRE squad`. */
const TEAM_NAME = String.raw`\p{Lu}[\p{L}\p{N}&-]*(?:\s\p{Lu}[\p{L}\p{N}&-]*){0,2}\s(?:team|squad|group|crew|on-?call)`;

const TASKS_PRIORITY: Record<string, string> = {
  '🔺': 'highest',
  '⏫': 'high',
  '🔼': 'medium',
  '🔽': 'low',
  '⏬': 'lowest',
};

interface Fields {
  owner: string | null;
  due: string | null;
  dueText?: string;
  duePart?: string;
  priority: string | null;
  ticket?: string;
  done: boolean;
}

type Field = { owner: string } | { due: string } | { priority: string } | { ticket: string } | { done: true };

const DUE_WORD = new RegExp(
  `^(?:by|before|until|deadline:?|target(?:\\s+date)?:?|eta:?)\\s+(${DATE}|${VAGUE_DUE})$`,
  'i',
);
const DATE_ONLY = new RegExp(`^${DATE}$`);
const MENTION_ONLY = new RegExp(`^${MENTION}$`);
const TICKET = new RegExp(`^(?:(?:ticket|issue|jira|bug|tracked in|see):?\\s+)?(${TICKET_KEY}|${LINK})$`, 'i');

/** What one part of a group can be, tried in order: the first pattern that matches reads it. */
const PARTS: { pattern: RegExp; read: (m: RegExpExecArray) => Field | null }[] = [
  { pattern: /^due(?:\s+(?:on|by|date))?(?::\s*|\s+)(.+)$/i, read: (m) => ({ due: m[1]!.trim() }) },
  { pattern: DUE_WORD, read: (m) => ({ due: m[1]! }) },
  { pattern: DATE_ONLY, read: (m) => ({ due: m[0] }) },
  { pattern: MENTION_ONLY, read: (m) => ({ owner: m[0] }) },
  // An email address, as in tables and `Owner:` (the reminder finds the person by it).
  { pattern: /^(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, read: (m) => ({ owner: m[0].replace(/^mailto:/, '') }) },
  { pattern: /^(?:owners?|assignee|assigned to|dri|who)(?::\s*|\s+)(.+)$/i, read: (m) => ({ owner: m[1]!.trim() }) },
  { pattern: /^\[?(p\d)\]?$/i, read: (m) => ({ priority: m[1]!.toUpperCase() }) },
  {
    pattern: /^(?:priority|prio)(?::\s*|\s+)(\S+)$/i,
    read: (m) => ({ priority: /^p\d$/i.test(m[1]!) ? m[1]!.toUpperCase() : m[1]! }),
  },
  { pattern: /^\[?(critical|high|medium|low)\]?$/i, read: (m) => ({ priority: m[1]! }) },
  {
    pattern: /^(?:(?:status:?\s+)?(?:done|completed?|fixed|resolved|closed)|✅|✔️?|☑️?)$/iu,
    read: () => ({ done: true }),
  },
  { pattern: TICKET, read: (m) => ({ ticket: ticketOf(m[1]!) }) },
];

/** One part of a trailing group (`@ana`, `due 2025-05-01`, `P1`, `OPS-12`), or null for plain words. */
function readPart(part: string, names: boolean): Field | null {
  const text = part.trim();
  for (const { pattern, read } of PARTS) {
    const m = pattern.exec(text);
    if (m) return read(m);
  }
  return names && NAME.test(text) && !NOT_A_NAME.test(text) ? { owner: text } : null;
}

function ticketOf(raw: string): string {
  const link = /^\[[^\]]*\]\(([^()\s]+)\)$/.exec(raw) ?? /^<([^>]+)>$/.exec(raw);
  return link ? link[1]! : raw;
}

/** Reads a group of parts (`@ana, due Apr 2, 2025, P1`) into `fields`, or leaves it untouched and says false. */
function takeGroup(group: string, fields: Fields, names: boolean): boolean {
  const parts = group
    .split(/[,;](?!\s*\d{4}\b(?![-/.]\d))/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return false;
  const read = parts.map((p) => readPart(p, names));
  if (read.some((f) => f === null)) return false;
  const owners = read.filter((f) => f !== null && 'owner' in f).length;
  const dues = read.filter((f) => f !== null && 'due' in f).length;
  if (owners > 1 || dues > 1) return false;
  for (const field of read) apply(field!, fields);
  return true;
}

function apply(field: Field, fields: Fields): void {
  if ('owner' in field) fields.owner ??= field.owner;
  else if ('due' in field) fields.duePart ??= field.due;
  else if ('priority' in field) fields.priority ??= field.priority;
  else if ('ticket' in field) fields.ticket ??= field.ticket;
  else fields.done = true;
}

/** Patterns at the end of the text, each giving one field; tried until none matches. */
const TAIL: { pattern: RegExp; read: (m: RegExpExecArray, fields: Fields) => boolean }[] = [
  // First, so that `— due 2025-02-21 ✅` does not read the mark as part of the date.
  { pattern: /\s+(?:✅|✔️?|☑️?|:white_check_mark:|:heavy_check_mark:)$/u, read: markDone },
  // The Obsidian Tasks plugin's fields: `📅 2025-05-01` due, `✅ 2025-04-30` done on, ⏫ 🔼 🔽 priority.
  { pattern: new RegExp(`\\s+📅\\s*(${DATE})$`, 'u'), read: (m, f) => takeGroup(`due ${m[1]!}`, f, false) },
  { pattern: new RegExp(`\\s+✅\\s*${DATE}$`, 'u'), read: markDone },
  {
    pattern: /\s+(🔺|⏫|🔼|🔽|⏬)$/u,
    read: (m, f) => {
      f.priority ??= TASKS_PRIORITY[m[1]!]!;
      return true;
    },
  },
  { pattern: /\s*\(([^()]*)\)$/, read: (m, f) => takeGroup(m[1]!, f, true) },
  { pattern: /\s+[—–]\s+([^—–]+)$/, read: (m, f) => takeGroup(m[1]!, f, true) },
  // The last ` - ` only: `Add alerting - @nina - 2025-03-20` takes the date, then the owner.
  { pattern: /\s+--?\s+((?:(?!\s--?\s).)+)$/, read: (m, f) => takeGroup(m[1]!, f, false) },
  { pattern: /\s*\[([^[\]]*)\]$/, read: (m, f) => takeGroup(m[1]!, f, false) },
  {
    pattern: new RegExp(
      `[\\s,;]+((?:due(?:\\s+(?:on|by))?|by|before|target(?:\\s+date)?:?|deadline:?|eta:?)\\s+(?:${DATE}|${VAGUE_DUE})|due:\\s*(?:[^,;().]|\\.(?!\\s+${NEXT_FIELD}))+|due\\s+(?:tbd|tba|n/a|none|todo|unknown))$`,
      'i',
    ),
    read: (m, f) => takeGroup(m[1]!, f, false),
  },
  {
    pattern: new RegExp(
      `[\\s,;]+((?:(?:owner|assignee)s?:?\\s*)?${MENTION}|(?:owner|assignee)s?:\\s*(?:[^,;().]|\\.(?!\\s+${NEXT_FIELD})){1,40})$`,
      'i',
    ),
    read: (m, f) => takeGroup(m[1]!, f, false),
  },
  {
    pattern: new RegExp(
      `[\\s,;]+(\\[?[Pp]\\d\\]?|(?:[Pp]riority|[Pp]rio):?\\s+\\S+|${TICKET_KEY}|${LINK}|✅|✔️?|☑️?|DONE)$`,
      'u',
    ),
    read: (m, f) => takeGroup(m[1]!, f, false),
  },
];

/** Patterns at the start of the text: a priority, a ticket, a done mark. */
const HEAD: { pattern: RegExp; read: (m: RegExpExecArray, fields: Fields) => boolean }[] = [
  { pattern: /^(?:✅|✔️?|☑️?|DONE\b|\[(?:done|Done|DONE)\]|\((?:done|Done|DONE)\))[\s:–—-]*/u, read: markDone },
  { pattern: /^\[([^[\]]*)\](?!\()\s*:?\s*/, read: (m, f) => takeGroup(m[1]!, f, false) },
  { pattern: /^(p\d)(?::\s*|\s+[-–—]\s+|\s+)/i, read: (m, f) => takeGroup(m[1]!, f, false) },
  {
    pattern: new RegExp(`^(${TICKET_KEY}|\\[${TICKET_KEY}\\]\\([^()\\s]+\\))(?::\\s*|\\s+[-–—]\\s+)`),
    read: (m, f) => takeGroup(m[1]!, f, false),
  },
  // A linked ticket key needs no colon after it: `[OPS-12](https://…) Add the alert`.
  {
    pattern: new RegExp(`^(\\[${TICKET_KEY}\\]\\([^()\\s]+\\))\\s+`),
    read: (m, f) => takeGroup(m[1]!, f, false),
  },
  // The owner first, in bold, as a colon-led label: `**@liam**: upgrade the client`, `**Platform team**: …`.
  {
    pattern: new RegExp(`^\\*\\*(${MENTION}|${TEAM_NAME})\\*\\*:\\s+|^(${MENTION}):\\s+`, 'u'),
    read: (m, f) => {
      f.owner ??= m[1] ?? m[2]!;
      return true;
    },
  },
];

function markDone(_m: RegExpExecArray, fields: Fields): boolean {
  fields.done = true;
  return true;
}

function peel(body: string, rules: typeof TAIL, fields: Fields, fromEnd: boolean): string {
  let text = body;
  for (let changed = true; changed; ) {
    changed = false;
    for (const { pattern, read } of rules) {
      const m = pattern.exec(text);
      if (!m) continue;
      const rest = fromEnd ? text.slice(0, m.index) : text.slice(m[0].length);
      const cleaned = fromEnd ? rest.replace(/[\s,;:.]+$/, '') : rest;
      if (cleaned.trim() === '' || !read(m, fields)) continue;
      text = cleaned;
      changed = true;
      break;
    }
  }
  return text;
}

/**
 * A field written as a bullet of its own under the item, as Confluence and Notion pages do:
 * `   - Owner: @pat`, `   - Due: 2025-04-18`, `   - Ticket: BILL-301`.
 */
const DETAIL_FIELD =
  /^[ \t]{2,}[-*+][ \t]+((?:owners?|assignee|assigned to|dri|due(?: date)?|deadline|target|eta|priority|prio|ticket|issue|jira|bug|status)[ \t]*:[ \t]*\S.*?)[ \t]*$/i;

/**
 * The field bullets right under an item, from `from` (the line after its first paragraph, 0-based) on;
 * the full parser and the fast scanner both read them here, off the lines, so they agree.
 */
export function detailFieldsAt(lines: readonly string[], from: number): string[] {
  const found: string[] = [];
  for (let i = from; i < lines.length; i += 1) {
    const match = DETAIL_FIELD.exec(lines[i]!);
    if (!match) break;
    found.push(match[1]!.replace(/^(\w+(?: \w+)?)[ \t]*:[ \t]*/, '$1: '));
  }
  return found;
}

/**
 * One list item (its first paragraph's raw markdown, marker and checkbox taken off). `checked` is
 * the checkbox, or null when the item has none.
 */
export function readListItem(
  text: string,
  checked: boolean | null,
  line: number,
  problems: Problem[],
  details: readonly string[] = [],
): ParsedActionItem {
  const fields: Fields = { owner: null, due: null, priority: null, done: checked === true };
  const written = text.trim();
  // A sentence's full stop may follow the fields (`… Owner: Ana.`); it stays when nothing is taken.
  const bare = written.replace(/\.$/, '');
  const peeled = peel(bare, TAIL, fields, true);
  let body = peel(peeled === bare ? written : peeled, HEAD, fields, false).trim();
  const struck = STRUCK.exec(body);
  if (struck) {
    body = struck[1]!;
    fields.done = true;
  } else if (checked !== false && STRUCK_LEAD.test(body)) fields.done = true;
  // What the item's own text names comes first; a field bullet that is not read is a note, left alone.
  for (const detail of details) takeGroup(detail.replace(/[,;]/g, ' '), fields, false);
  if (fields.owner === null) fields.owner = new RegExp(`(?<![\\w@])${MENTION}`).exec(body)?.[0] ?? null;
  if (fields.duePart !== undefined) {
    const parsed = parseDueCell(fields.duePart);
    fields.due = parsed.due;
    if (parsed.due === null && 'reason' in parsed && parsed.reason !== undefined) {
      fields.dueText = fields.duePart;
      problems.push({ line, column: 1, severity: 'warning', message: `Due date ${parsed.reason}`, rule: 'due-date' });
    }
  }
  const item: ParsedActionItem = {
    priority: fields.priority,
    action: decodeCellText(body),
    owner: fields.owner === null ? null : decodeCellText(fields.owner),
    due: fields.due,
    done: fields.done,
    line,
  };
  if (fields.dueText !== undefined) item.dueText = fields.dueText;
  if (fields.ticket !== undefined) item.ticket = fields.ticket;
  return item;
}
