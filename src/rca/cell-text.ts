import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * Table cells and list items carry text for people, so what the bot writes must read back exactly.
 * `encodeCellText` escapes everything inline markdown or a GFM table would interpret;
 * `decodeCellText` undoes it on the raw source of a cell (backslash escapes, `<br>`, character references).
 */

const ESCAPED = /[\\`*_[\]<>|~&#!]/g;

export function encodeCellText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const escaped = normalized.replace(ESCAPED, (ch) => `\\${ch}`).replace(/\n/g, '<br>');
  return escaped.replace(/^\s+|\s+$/g, (run) => [...run].map((ch) => `&#${ch.codePointAt(0)};`).join(''));
}

const DECODE = /\\([!-/:-@[-`{-~])|<br\s*\/?>|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/** Where a decoding starts: most cells hold none of these, and are only trimmed. */
const DECODABLE = /[\\<&]/;

export function decodeCellText(raw: string): string {
  if (!DECODABLE.test(raw)) return raw.trim();
  return raw.trim().replace(DECODE, (match, escaped: string | undefined, reference: string | undefined) => {
    if (escaped !== undefined) return escaped;
    if (reference === undefined) return '\n';
    return decodeReference(reference) ?? match;
  });
}

/** The character a reference names (`#32`, `#x20`, `nbsp`: what follows `&`), or undefined for an unknown name. */
export function decodeReference(reference: string): string | undefined {
  if (reference.startsWith('#')) {
    const hex = reference[1] === 'x' || reference[1] === 'X';
    const code = Number.parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  }
  const named = decodeNamedCharacterReference(reference);
  return named === false ? undefined : named;
}

/** Plain text of a cell for matching: decoded, with emphasis and code markers dropped. */
export function plainCellText(raw: string): string {
  const text = /[*_`]/.test(raw) ? raw.replace(/(?<!\\)(\*\*|__|`)/g, '') : raw;
  return decodeCellText(text).trim();
}
