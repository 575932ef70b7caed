import { DEFAULT_ACTION_ITEM_HEADINGS } from './action-item-headings.ts';
import { headingText } from './heading-text.ts';

/**
 * The letters and digits each configured heading must show, in order, for a heading to name it
 * (`actionitem` for "Action Items": the plural s is optional); null when a heading is not plain
 * ASCII, whose case rules are not worth re-deriving here.
 */
const stemsByHeadings = new Map<string, string[] | null>();

function stemsOf(headings: readonly string[]): string[] | null {
  const key = headings.join('\n');
  let stems = stemsByHeadings.get(key);
  if (stems === undefined) {
    stems = headings.every((heading) => /^[\x20-\x7e]*$/.test(heading))
      ? headings
          .map((heading) =>
            heading
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '')
              .replace(/s$/, ''),
          )
          .filter((stem) => stem !== '')
      : null;
    if (stemsByHeadings.size > 32) stemsByHeadings.clear();
    stemsByHeadings.set(key, stems);
  }
  return stems;
}

/**
 * Whether a markdown body may have a heading naming an action-items section, so a scan can leave a
 * file without one unread. Never false for a file the line walker would find such a heading in: a
 * heading's text is its line with link targets, emphasis marks and escapes taken out and character
 * references decoded (`headingText`), so its letters and digits, lowercased, appear in the body's with
 * link targets taken out, or with its lines read as `headingText` reads them; and a heading names the
 * section only when those contain a configured heading's. `test` is the matcher itself, tried first
 * on the raw text, since the headings of most files are written plainly.
 */
export function mayHoldActionItems(
  body: string,
  test: (text: string) => boolean,
  headings: readonly string[] = DEFAULT_ACTION_ITEM_HEADINGS,
): boolean {
  if (test(body)) return true;
  const stems = stemsOf(headings);
  if (stems === null) return true;
  if (stems.length === 0) return false;
  const letters = lettersOf(body);
  if (stems.some((stem) => letters.includes(stem))) return true;
  // A character reference (`Remedi&#97;tion`, `Next&nbsp;steps`) reads as the character it names.
  if (!REFERENCE.test(body)) return false;
  const decoded = body
    .split('\n')
    .map((line) => (line.includes('&') ? headingText(line) : line))
    .join('\n');
  const decodedLetters = lettersOf(decoded);
  return stems.some((stem) => decodedLetters.includes(stem));
}

const REFERENCE = /&(?:#[0-9]|#[xX][0-9a-fA-F]|[a-zA-Z][a-zA-Z0-9]*;)/;

function lettersOf(text: string): string {
  return (
    text
      .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      // The two non-ASCII letters a case-insensitive match takes for ASCII ones: the long s and the Kelvin sign.
      .replace(/\u017f/g, 's')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
  );
}
