/**
 * The start of a CommonMark HTML block, from a line with its container's indentation taken off.
 * Types 1 to 5 (`<script>`, `<!-- -->`, `<? ?>`, `<!DOCTYPE>`, CDATA) run until a line holding
 * their end marker; types 6 and 7 (block tags such as `<details>`, then any lone complete tag such
 * as `<br>`) run until a blank line. Only types 1 to 6 may interrupt a paragraph.
 * See https://spec.commonmark.org/0.31.2/#html-blocks
 */
export interface HtmlBlockStart {
  /** The pattern of the line that closes the block, or null when a blank line closes it. */
  end: RegExp | null;
  interruptsParagraph: boolean;
}

const RAW = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const ATTRIBUTE = String.raw`[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const LONE_TAG = new RegExp(
  String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$`,
);

const STARTS: { start: RegExp; end: RegExp | null; interruptsParagraph: boolean }[] = [
  { start: RAW, end: /<\/(?:script|pre|style|textarea)>/i, interruptsParagraph: true },
  { start: /^<!--/, end: /-->/, interruptsParagraph: true },
  { start: /^<\?/, end: /\?>/, interruptsParagraph: true },
  { start: /^<![A-Za-z]/, end: />/, interruptsParagraph: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true },
  { start: BLOCK_TAG, end: null, interruptsParagraph: true },
  { start: LONE_TAG, end: null, interruptsParagraph: false },
];

export function htmlBlockStart(content: string): HtmlBlockStart | null {
  if (!content.startsWith('<')) return null;
  for (const { start, end, interruptsParagraph } of STARTS) {
    if (start.test(content)) return { end, interruptsParagraph };
  }
  return null;
}
