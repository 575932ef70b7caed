/**
 * The vocabulary Block Kit rules are written in: each finding is one line of Slack's
 * `response_metadata.messages`, `[ERROR] <what> [json-pointer:<where>]`.
 *
 * Slack's wording, as recorded in real answers:
 * - "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]" (chat.postMessage, a
 *   3,001-character section text; quoted in slackapi/java-slack-sdk#1017 and many bot issues)
 * - "[ERROR] no more than 100 items allowed [json-pointer:/channel_ids]" (src/emulator/api-ref/…/
 *   admin.conversations.bulkArchive.json, an example answer of Slack's own reference)
 * - "[ERROR] missing required field: type [json-pointer:/view]" (../shared/slack/cassettes/spec/fixtures/
 *   slack/web/views_open_error.yml, a recorded views.open answer)
 * Findings Slack's recorded answers do not show (duplicates, unknown types, number ranges) use the same
 * frame with plain words.
 */
export class BlockKitFindings {
  readonly lines: string[] = [];

  add(pointer: string, problem: string): void {
    this.lines.push(`[ERROR] ${problem} [json-pointer:${pointer}]`);
  }

  /** A string of at most `max` characters (and at least `min`, when given). Absent is fine. */
  text(pointer: string, value: unknown, max: number, min = 0): void {
    if (value === undefined) return;
    if (typeof value !== 'string') {
      this.add(pointer, 'expected a string');
      return;
    }
    // Slack does not document whether it counts code points or UTF-16 units; UTF-16 units are never fewer,
    // so counting them never accepts a text Slack would refuse.
    const length = value.length;
    if (length > max) this.add(pointer, `must be less than ${max + 1} characters`);
    if (length < min) this.add(pointer, `must be more than ${min - 1} characters`);
  }

  /** An array of at most `max` items (and at least `min`); returns its items, or [] when it is not one. */
  items(pointer: string, value: unknown, max: number, min = 0): unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.add(pointer, 'expected an array');
      return [];
    }
    if (value.length > max) this.add(pointer, `no more than ${max} items allowed`);
    if (value.length < min) this.add(pointer, `must provide at least ${min} items`);
    return value;
  }

  /** A whole number from `min` to `max`. Absent is fine. */
  integer(pointer: string, value: unknown, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(pointer, 'expected an integer');
      return;
    }
    if (value < min || value > max) this.add(pointer, `must be between ${min} and ${max}`);
  }

  /** An object; reports a missing required one at its parent, as Slack does. */
  object(pointer: string, value: unknown, required = false): Record<string, unknown> | null {
    if (value === undefined) {
      if (required) {
        const cut = pointer.lastIndexOf('/');
        this.add(pointer.slice(0, cut) || '/', `missing required field: ${pointer.slice(cut + 1)}`);
      }
      return null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(pointer, 'expected an object');
      return null;
    }
    return value as Record<string, unknown>;
  }

  /**
   * A text object: `plain_text` or `mrkdwn` (only `plain_text` where `plainOnly`), its `text` from 1 to
   * `max` characters. https://docs.slack.dev/reference/block-kit/composition-objects/text-object
   * ("The minimum length is 1 and maximum length is 3000 characters"; fields that say so are shorter).
   */
  textObject(pointer: string, value: unknown, max: number, options: { required?: boolean; plainOnly?: boolean } = {}) {
    const object = this.object(pointer, value, options.required);
    if (!object) return;
    const allowed = options.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(String(object['type']))) {
      this.add(`${pointer}/type`, `must be ${allowed.map((t) => `"${t}"`).join(' or ')}`);
    }
    if (object['text'] === undefined) this.add(pointer, 'missing required field: text');
    this.text(`${pointer}/text`, object['text'], max, 1);
  }

  /** An identifier (`block_id`, `action_id`): at most 255 characters and unique in `seen`. */
  identifier(pointer: string, value: unknown, seen: Set<string>): void {
    if (value === undefined) return;
    this.text(pointer, value, 255);
    if (typeof value !== 'string') return;
    if (seen.has(value)) this.add(pointer, `duplicate identifier "${value}": it must be unique`);
    seen.add(value);
  }
}
