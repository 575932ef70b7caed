import { describe, expect, it } from 'vitest';
import { checkBlockKit, truncateMessageText } from '#emulator/block-kit-rules.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const x = (n: number) => 'x'.repeat(n);
const button = (fields: Record<string, unknown> = {}) => ({
  type: 'button',
  text: plain('Go'),
  action_id: 'go',
  ...fields,
});
const option = (text: string, value: string) => ({ text: plain(text), value });
const select = (options: unknown[]) => ({ type: 'static_select', action_id: 'pick', options });
const modal = (fields: Record<string, unknown> = {}) => ({
  title: plain('Declare'),
  blocks: [section('Hi')],
  ...fields,
});
const message = (...blocks: unknown[]) => checkBlockKit('message', { blocks });

describe('checkBlockKit', () => {
  it('accepts a message, a modal and a Home tab at their limits', () => {
    const fields = Array.from({ length: 10 }, () => mrkdwn(x(2000)));
    const full = [
      { type: 'header', text: plain(x(150)) },
      { type: 'section', text: mrkdwn(x(3000)), accessory: button({ text: plain(x(75)), value: x(2000) }) },
      { type: 'section', fields, block_id: x(255) },
      { type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) },
      { type: 'actions', elements: [select(Array.from({ length: 100 }, (_, i) => option(x(75), `${i}`.padEnd(150))))] },
      { type: 'divider' },
    ];

    expect(checkBlockKit('message', { blocks: full, text: 'fallback' })).toEqual([]);
    expect(
      checkBlockKit('modal', {
        title: plain(x(24)),
        submit: plain(x(24)),
        close: plain(x(24)),
        private_metadata: x(3000),
        blocks: [
          ...full,
          { type: 'input', label: plain('Notes'), element: { type: 'plain_text_input', max_length: 3000 } },
        ],
      }),
    ).toEqual([]);
    expect(checkBlockKit('home', { blocks: Array.from({ length: 100 }, () => section('s')) })).toEqual([]);
  });

  it('refuses a 51st block in a message and a 101st in a modal or Home tab', () => {
    expect(message(...Array.from({ length: 51 }, () => section('s')))).toEqual([
      '[ERROR] no more than 50 items allowed [json-pointer:/blocks]',
    ]);
    const blocks = Array.from({ length: 101 }, () => section('s'));
    expect(checkBlockKit('modal', modal({ blocks }))).toEqual([
      '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
    expect(checkBlockKit('home', { blocks })).toEqual([
      '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
  });

  it('refuses a header past 150 characters, and one that is not plain_text', () => {
    expect(message({ type: 'header', text: plain(x(151)) })).toEqual([
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    ]);
    expect(message({ type: 'header', text: mrkdwn('*h*') })).toEqual([
      '[ERROR] must be "plain_text" [json-pointer:/blocks/0/text/type]',
    ]);
  });

  it('refuses a section text past 3,000 characters, as Slack words it', () => {
    expect(message(section('ok'), section(x(3001)))).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]',
    ]);
  });

  it('refuses a section field past 2,000 characters and an 11th field', () => {
    expect(message({ type: 'section', fields: [mrkdwn('a'), mrkdwn(x(2001))] })).toEqual([
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/fields/1/text]',
    ]);
    expect(message({ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) })).toEqual([
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]',
    ]);
  });

  it('refuses an empty text and a section with neither text nor fields', () => {
    expect(message(section(''))).toEqual(['[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]']);
    expect(message({ type: 'section' })).toEqual([
      '[ERROR] missing required field: text or fields [json-pointer:/blocks/0]',
    ]);
  });

  it('refuses an 11th context element', () => {
    expect(message({ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) })).toEqual([
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/elements]',
    ]);
  });

  it('refuses a button text past 75 characters and a value past 2,000', () => {
    expect(message({ type: 'actions', elements: [button({ text: plain(x(76)), value: x(2001) })] })).toEqual([
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
    ]);
  });

  it('refuses action_id and block_id past 255 characters', () => {
    expect(message({ ...section('s'), block_id: x(256), accessory: button({ action_id: x(256) }) })).toEqual([
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/0/block_id]',
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/0/accessory/action_id]',
    ]);
  });

  it('refuses a block_id used twice on a surface, and an action_id used twice in a block', () => {
    expect(message({ ...section('a'), block_id: 'summary' }, { ...section('b'), block_id: 'summary' })).toEqual([
      '[ERROR] duplicate identifier "summary": it must be unique [json-pointer:/blocks/1/block_id]',
    ]);
    expect(message({ type: 'actions', elements: [button(), button()] })).toEqual([
      '[ERROR] duplicate identifier "go": it must be unique [json-pointer:/blocks/0/elements/1/action_id]',
    ]);
    expect(message({ type: 'actions', elements: [button()] }, { type: 'actions', elements: [button()] })).toEqual([]);
  });

  it('refuses an option text past 75 characters, a value past 150 and a 101st option', () => {
    const actions = (options: unknown[]) => ({ type: 'actions', elements: [select(options)] });
    expect(message(actions([option(x(76), x(151))]))).toEqual([
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/text/text]',
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]',
    ]);
    expect(message(actions(Array.from({ length: 101 }, (_, i) => option('o', `${i}`))))).toEqual([
      '[ERROR] no more than 100 items allowed [json-pointer:/blocks/0/elements/0/options]',
    ]);
  });

  it('refuses a mrkdwn option in a select menu, where checkboxes may have one', () => {
    const mrkdwnOption = { text: mrkdwn('*o*'), value: 'o' };

    expect(message({ type: 'actions', elements: [select([mrkdwnOption])] })).toEqual([
      '[ERROR] must be "plain_text" [json-pointer:/blocks/0/elements/0/options/0/text/type]',
    ]);
    expect(message({ type: 'actions', elements: [{ type: 'checkboxes', options: [mrkdwnOption] }] })).toEqual([]);
  });

  it('accepts every block type Slack documents', () => {
    const types = ['divider', 'rich_text', 'video', 'file', 'table', 'alert', 'card', 'carousel', 'container'];

    expect(message(...types.map((type) => ({ type })))).toEqual([]);
  });

  it('refuses a modal title, submit or close past 24 characters, and a modal without a title', () => {
    expect(checkBlockKit('modal', modal({ title: plain(x(25)), submit: plain(x(25)), close: plain(x(25)) }))).toEqual([
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
      '[ERROR] must be less than 25 characters [json-pointer:/view/close/text]',
      '[ERROR] must be less than 25 characters [json-pointer:/view/submit/text]',
    ]);
    expect(checkBlockKit('modal', { blocks: [] })).toEqual([
      '[ERROR] missing required field: title [json-pointer:/view]',
    ]);
  });

  it('refuses a modal with an input block and no submit button', () => {
    const input = { type: 'input', label: plain('Title'), element: { type: 'plain_text_input', action_id: 't' } };

    expect(checkBlockKit('modal', modal({ blocks: [input] }))).toEqual([
      '[ERROR] missing required field: submit [json-pointer:/view]',
    ]);
  });

  it('refuses a plain_text_input max_length above 3,000', () => {
    const input = { type: 'input', label: plain('Notes'), element: { type: 'plain_text_input', max_length: 3001 } };

    expect(checkBlockKit('modal', modal({ submit: plain('Save'), blocks: [input] }))).toEqual([
      '[ERROR] must be between 1 and 3000 [json-pointer:/view/blocks/0/element/max_length]',
    ]);
  });

  it('refuses private_metadata past 3,000 characters, as Slack words it', () => {
    expect(checkBlockKit('modal', modal({ private_metadata: x(3001) }))).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ]);
    expect(checkBlockKit('home', { blocks: [], private_metadata: x(3001) })).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ]);
  });

  it('refuses a block type Slack does not document, and blocks that are not an array', () => {
    expect(message({ type: 'banner' })).toEqual([
      '[ERROR] unsupported block type "banner" [json-pointer:/blocks/0/type]',
    ]);
    expect(checkBlockKit('message', { blocks: { type: 'section' } })).toEqual([
      '[ERROR] expected an array [json-pointer:/blocks]',
    ]);
  });

  it('does not refuse a long message text: Slack keeps 40,000 characters and warns', () => {
    expect(checkBlockKit('message', { text: x(40_001) })).toEqual([]);

    expect(truncateMessageText(x(40_000))).toEqual({ text: x(40_000) });
    const cut = truncateMessageText(x(40_001));
    expect(cut.text).toHaveLength(40_000);
    expect(cut.warning).toMatch(/^\[WARN\] Your message was truncated but still posted/);
  });
});
