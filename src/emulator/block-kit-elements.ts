import type { BlockKitFindings } from './block-kit-check.ts';

/**
 * Block elements and the composition objects inside them, with the limits Slack documents for each.
 * Sources: https://docs.slack.dev/reference/block-kit/block-elements (one page per element) and the JSDoc
 * of node_modules/@slack/types/dist/block-kit/block-elements.d.ts and composition-objects.d.ts.
 */
export function checkElement(found: BlockKitFindings, pointer: string, value: unknown, actionIds: Set<string>): void {
  const element = found.object(pointer, value, true);
  if (!element) return;
  // action_id: "Should be unique among all other action_ids in the containing block. Maximum length for this
  // field is 255 characters." (@slack/types extensions.d.ts, Actionable)
  found.identifier(`${pointer}/action_id`, element['action_id'], actionIds);
  // placeholder: "Maximum length for the text in this field is 150 characters." (every menu and input element)
  found.textObject(`${pointer}/placeholder`, element['placeholder'], 150, { plainOnly: true });
  checkConfirm(found, `${pointer}/confirm`, element['confirm']);
  const check = ELEMENTS[String(element['type'])];
  if (check) check(found, pointer, element);
}

type ElementCheck = (found: BlockKitFindings, pointer: string, element: Record<string, unknown>) => void;

const SELECT: ElementCheck = (found, pointer, element) => {
  // "Maximum number of options is 100" / "Maximum number of option groups is 100"
  // (https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element)
  const options = found.items(`${pointer}/options`, element['options'], 100);
  for (const [i, option] of options.entries()) checkOption(found, `${pointer}/options/${i}`, option, true);
  const groups = found.items(`${pointer}/option_groups`, element['option_groups'], 100);
  for (const [i, group] of groups.entries()) checkOptionGroup(found, `${pointer}/option_groups/${i}`, group);
  if (element['initial_option'] !== undefined)
    checkOption(found, `${pointer}/initial_option`, element['initial_option'], true);
  const initial = found.items(`${pointer}/initial_options`, element['initial_options'], 100);
  for (const [i, option] of initial.entries()) checkOption(found, `${pointer}/initial_options/${i}`, option, true);
};

/** A list of at most `max` options (checkboxes and radio buttons: 10; overflow: 5). */
const optionList =
  (max: number, min: number, plainOnly: boolean): ElementCheck =>
  (found, pointer, element) => {
    const options = found.items(`${pointer}/options`, element['options'], max, min);
    for (const [i, option] of options.entries()) checkOption(found, `${pointer}/options/${i}`, option, plainOnly);
  };

const ELEMENTS: Record<string, ElementCheck> = {
  // https://docs.slack.dev/reference/block-kit/block-elements/button-element: text "Maximum length for the text
  // in this field is 75 characters", value "Maximum length for this field is 2000 characters", url 3000,
  // accessibility_label 75.
  button: (found, pointer, element) => {
    found.textObject(`${pointer}/text`, element['text'], 75, { required: true, plainOnly: true });
    found.text(`${pointer}/value`, element['value'], 2000);
    found.text(`${pointer}/url`, element['url'], 3000);
    found.text(`${pointer}/accessibility_label`, element['accessibility_label'], 75);
  },
  static_select: SELECT,
  multi_static_select: SELECT,
  // https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element and radio-button-element:
  // "A maximum of 10 options are allowed."
  checkboxes: optionList(10, 0, false),
  radio_buttons: optionList(10, 0, false),
  // https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element: "Maximum number of options
  // is 5, minimum is 1."
  overflow: optionList(5, 1, true),
  // https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element: min_length "between 0
  // and 3000, inclusive", max_length "between 1 and 3000, inclusive".
  plain_text_input: (found, pointer, element) => {
    found.integer(`${pointer}/min_length`, element['min_length'], 0, 3000);
    found.integer(`${pointer}/max_length`, element['max_length'], 1, 3000);
  },
  // https://docs.slack.dev/reference/block-kit/block-elements/image-element: alt_text 2000, image_url 3000.
  image: (found, pointer, element) => {
    found.text(`${pointer}/alt_text`, element['alt_text'], 2000);
    found.text(`${pointer}/image_url`, element['image_url'], 3000);
  },
};

/**
 * https://docs.slack.dev/reference/block-kit/composition-objects/option-object: text "Maximum length for the
 * `text` in this field is 75 characters", value "Maximum length for this field is 150 characters" (older
 * @slack/types JSDoc says 75; Slack's page is the authority), description 75, url 3000; "Overflow, select, and
 * multi-select menus can only use plain_text objects, while radio buttons and checkboxes can use mrkdwn".
 */
function checkOption(found: BlockKitFindings, pointer: string, value: unknown, plainOnly: boolean): void {
  const option = found.object(pointer, value, true);
  if (!option) return;
  found.textObject(`${pointer}/text`, option['text'], 75, { required: true, plainOnly });
  if (option['value'] === undefined) found.add(pointer, 'missing required field: value');
  found.text(`${pointer}/value`, option['value'], 150);
  found.textObject(`${pointer}/description`, option['description'], 75);
  found.text(`${pointer}/url`, option['url'], 3000);
}

/** https://docs.slack.dev/reference/block-kit/composition-objects/option-group-object: label 75, 100 options. */
function checkOptionGroup(found: BlockKitFindings, pointer: string, value: unknown): void {
  const group = found.object(pointer, value, true);
  if (!group) return;
  found.textObject(`${pointer}/label`, group['label'], 75, { required: true, plainOnly: true });
  const options = found.items(`${pointer}/options`, group['options'], 100);
  for (const [i, option] of options.entries()) checkOption(found, `${pointer}/options/${i}`, option, true);
}

/**
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object: title 100, text
 * 300, confirm 30, deny 30 (also in @slack/types composition-objects.d.ts, ConfirmationDialog).
 */
function checkConfirm(found: BlockKitFindings, pointer: string, value: unknown): void {
  const confirm = found.object(pointer, value);
  if (!confirm) return;
  found.textObject(`${pointer}/title`, confirm['title'], 100, { plainOnly: true });
  found.textObject(`${pointer}/text`, confirm['text'], 300);
  found.textObject(`${pointer}/confirm`, confirm['confirm'], 30, { plainOnly: true });
  found.textObject(`${pointer}/deny`, confirm['deny'], 30, { plainOnly: true });
}
