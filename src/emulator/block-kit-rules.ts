import { BlockKitFindings } from './block-kit-check.ts';
import { checkElement } from './block-kit-elements.ts';

/** Where blocks are shown: a message (chat.*, response_url), a modal (views.open/update/push), the Home tab. */
export type BlockKitSurface = 'message' | 'modal' | 'home';

export interface BlockKitPayload {
  blocks?: unknown;
  text?: unknown;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  private_metadata?: unknown;
}

/**
 * Checks a payload against Slack's published Block Kit limits and answers the lines Slack puts in
 * `response_metadata.messages` when it refuses it (`[ERROR] must be less than 3001 characters
 * [json-pointer:/blocks/0/text/text]`); none when Slack would accept it. Views are pointed to under
 * `/view`, as views.open answers them. Pure: the emulator answers with it, and the bot's property tests
 * run what it builds through it.
 *
 * A message's `text` is not refused here: past 40,000 characters Slack truncates it and still posts
 * (https://api.slack.com/changelog/2018-04-truncating-really-long-messages); see `truncateMessageText`.
 */
export function checkBlockKit(surface: BlockKitSurface, payload: BlockKitPayload): string[] {
  const found = new BlockKitFindings();
  const root = surface === 'message' ? '' : '/view';
  if (surface === 'modal') {
    // https://docs.slack.dev/reference/views/modal-views: title "Must be a plain_text text element with a max
    // length of 24 characters" (required); close and submit "Max length of 24 characters"; "submit is required
    // when an input block is within the blocks array".
    found.textObject('/view/title', payload.title, 24, { required: true, plainOnly: true });
    found.textObject('/view/close', payload.close, 24, { plainOnly: true });
    found.textObject('/view/submit', payload.submit, 24, { plainOnly: true });
    const hasInput = Array.isArray(payload.blocks) && payload.blocks.some((b) => isObject(b) && b['type'] === 'input');
    if (hasInput && payload.submit === undefined) found.add('/view', 'missing required field: submit');
  }
  if (surface !== 'message') {
    // https://docs.slack.dev/reference/views/modal-views and /home-tab-views: private_metadata "Max length of
    // 3000 characters"; blocks required. A recorded answer: "[ERROR] must be less than 3001 characters
    // [json-pointer:/view/private_metadata]".
    found.text('/view/private_metadata', payload.private_metadata, 3000);
    if (payload.blocks === undefined) found.add('/view', 'missing required field: blocks');
  }
  // https://docs.slack.dev/reference/block-kit/blocks: "You can include up to 50 blocks in each message, and
  // 100 blocks in modals or Home tabs."
  const blocks = found.items(`${root}/blocks`, payload.blocks, surface === 'message' ? 50 : 100);
  const blockIds = new Set<string>();
  for (const [i, block] of blocks.entries()) checkBlock(found, `${root}/blocks/${i}`, block, blockIds);
  // https://docs.slack.dev/reference/block-kit/blocks/markdown-block: "The cumulative limit for all markdown
  // blocks in a single payload is 12,000 characters."
  let markdownLength = 0;
  for (const block of blocks) {
    if (isObject(block) && block['type'] === 'markdown' && typeof block['text'] === 'string') {
      markdownLength += block['text'].length;
    }
  }
  if (markdownLength > 12_000) {
    found.add(`${root}/blocks`, 'markdown blocks must be less than 12001 characters together');
  }
  return found.lines;
}

/** The most characters a message's `text` keeps; Slack truncates the rest (changelog cited above). */
export const MESSAGE_TEXT_LIMIT = 40_000;

type BlockCheck = (found: BlockKitFindings, pointer: string, block: Record<string, unknown>, ids: Set<string>) => void;

function checkBlock(found: BlockKitFindings, pointer: string, value: unknown, blockIds: Set<string>): void {
  const block = found.object(pointer, value, true);
  if (!block) return;
  // block_id: "Maximum length for this field is 255 characters. `block_id` should be unique for each message and
  // each iteration of a message." (@slack/types blocks.d.ts, Block; the same on every block's page)
  found.identifier(`${pointer}/block_id`, block['block_id'], blockIds);
  const type = block['type'];
  if (type === undefined) {
    found.add(pointer, 'missing required field: type');
    return;
  }
  const check = BLOCKS[String(type)];
  if (!check) {
    found.add(`${pointer}/type`, `unsupported block type "${String(type)}"`);
    return;
  }
  // action_id is unique within its block (@slack/types extensions.d.ts, Actionable).
  check(found, pointer, block, new Set<string>());
}

const none: BlockCheck = () => undefined;

/**
 * One check per documented block type (https://docs.slack.dev/reference/block-kit/blocks lists them, as does
 * node_modules/@slack/types/dist/block-kit/blocks.d.ts). A type Slack does not document is refused.
 */
const BLOCKS: Record<string, BlockCheck> = {
  // https://docs.slack.dev/reference/block-kit/blocks/section-block: text "Minimum length for the text in this
  // field is 1 and maximum length is 3000 characters. This field is not required if a valid array of fields
  // objects is provided instead."; fields "Maximum number of items is 10. Maximum length for the text in each
  // item is 2000 characters."
  section: (found, pointer, block, actionIds) => {
    if (block['text'] === undefined && block['fields'] === undefined) {
      found.add(pointer, 'missing required field: text or fields');
    }
    found.textObject(`${pointer}/text`, block['text'], 3000);
    const fields = found.items(`${pointer}/fields`, block['fields'], 10);
    for (const [i, field] of fields.entries())
      found.textObject(`${pointer}/fields/${i}`, field, 2000, { required: true });
    if (block['accessory'] !== undefined) checkElement(found, `${pointer}/accessory`, block['accessory'], actionIds);
  },
  // https://docs.slack.dev/reference/block-kit/blocks/header-block: "Maximum length for the text in this field
  // is 150 characters." (plain_text only)
  header: (found, pointer, block) => {
    found.textObject(`${pointer}/text`, block['text'], 150, { required: true, plainOnly: true });
  },
  // https://docs.slack.dev/reference/block-kit/blocks/context-block: elements "Maximum number of items is 10."
  context: (found, pointer, block, actionIds) => {
    if (block['elements'] === undefined) {
      found.add(pointer, 'missing required field: elements');
      return;
    }
    const elements = found.items(`${pointer}/elements`, block['elements'], 10, 1);
    for (const [i, element] of elements.entries()) {
      const at = `${pointer}/elements/${i}`;
      if (isObject(element) && (element['type'] === 'plain_text' || element['type'] === 'mrkdwn')) {
        found.textObject(at, element, 3000);
      } else checkElement(found, at, element, actionIds);
    }
  },
  // https://docs.slack.dev/reference/block-kit/blocks/actions-block: "There is a maximum of 25 elements in each
  // action block."
  actions: (found, pointer, block, actionIds) => {
    if (block['elements'] === undefined) {
      found.add(pointer, 'missing required field: elements');
      return;
    }
    const elements = found.items(`${pointer}/elements`, block['elements'], 25, 1);
    for (const [i, element] of elements.entries()) checkElement(found, `${pointer}/elements/${i}`, element, actionIds);
  },
  // https://docs.slack.dev/reference/block-kit/blocks/input-block: label "Maximum length for the text in this
  // field is 2000 characters", hint 2000, element required.
  input: (found, pointer, block, actionIds) => {
    found.textObject(`${pointer}/label`, block['label'], 2000, { required: true, plainOnly: true });
    found.textObject(`${pointer}/hint`, block['hint'], 2000, { plainOnly: true });
    checkElement(found, `${pointer}/element`, block['element'], actionIds);
  },
  // https://docs.slack.dev/reference/block-kit/blocks/image-block: alt_text 2000, title 2000, image_url 3000.
  image: (found, pointer, block) => {
    found.text(`${pointer}/alt_text`, block['alt_text'], 2000);
    found.textObject(`${pointer}/title`, block['title'], 2000, { plainOnly: true });
    found.text(`${pointer}/image_url`, block['image_url'], 3000);
  },
  // https://docs.slack.dev/reference/block-kit/blocks/markdown-block: text required; the 12,000-character limit
  // holds for all markdown blocks together (checkBlockKit).
  markdown: (found, pointer, block) => {
    if (block['text'] === undefined) found.add(pointer, 'missing required field: text');
    found.text(`${pointer}/text`, block['text'], 12_000, 1);
  },
  // The other block types @slack/types declares (blocks.d.ts): accepted without checks of their own.
  divider: none,
  rich_text: none,
  video: none,
  file: none,
  table: none,
  data_table: none,
  context_actions: none,
  alert: none,
  card: none,
  carousel: none,
  container: none,
  plan: none,
  task_card: none,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A message's text as Slack keeps it, and the warning it answers when it cut it: "[WARN] Your message was
 * truncated but still posted. The `text` field accepts up to 40,000 characters." with `warnings:
 * ["message_truncated"]` (https://api.slack.com/changelog/2018-04-truncating-really-long-messages; it applies to
 * chat.postMessage, chat.postEphemeral and response URLs).
 */
export function truncateMessageText(text: string): { text: string; warning?: string } {
  if (text.length <= MESSAGE_TEXT_LIMIT) return { text };
  return {
    text: text.slice(0, MESSAGE_TEXT_LIMIT),
    warning: '[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.',
  };
}
