import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBlockKit } from '#emulator/block-kit-rules.ts';

const text = (n: number) => 'a'.repeat(n);

describe('checkBlockKit, over many lengths and counts', () => {
  it('accepts a section text up to 3,000 characters and refuses any longer, at that text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), (n) => {
        const lines = checkBlockKit('message', {
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text(n) } }],
        });

        expect(lines).toEqual(
          n <= 3000 ? [] : ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
        );
      }),
      { numRuns: 300 },
    );
  });

  it('accepts up to 50 blocks in a message and 100 in a modal, and refuses one more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.constantFrom('message', 'modal', 'home' as const),
        (n, surface) => {
          const blocks = Array.from({ length: n }, () => ({ type: 'divider' }));
          const limit = surface === 'message' ? 50 : 100;
          const title = { type: 'plain_text', text: 'T' };

          const lines = checkBlockKit(surface, surface === 'modal' ? { blocks, title } : { blocks });

          const root = surface === 'message' ? '' : '/view';
          expect(lines).toEqual(
            n <= limit ? [] : [`[ERROR] no more than ${limit} items allowed [json-pointer:${root}/blocks]`],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses exactly the options past 100, the texts past 75 and the values past 150', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.integer({ min: 1, max: 100 }), value: fc.integer({ min: 0, max: 200 }) }), {
          maxLength: 120,
        }),
        (options) => {
          const element = {
            type: 'static_select',
            action_id: 'pick',
            options: options.map((o) => ({ text: { type: 'plain_text', text: text(o.text) }, value: text(o.value) })),
          };

          const lines = checkBlockKit('message', { blocks: [{ type: 'actions', elements: [element] }] });

          const at = '/blocks/0/elements/0/options';
          const expected = [
            ...(options.length > 100 ? [`[ERROR] no more than 100 items allowed [json-pointer:${at}]`] : []),
            ...options.flatMap((o, i) => [
              ...(o.text > 75 ? [`[ERROR] must be less than 76 characters [json-pointer:${at}/${i}/text/text]`] : []),
              ...(o.value > 150 ? [`[ERROR] must be less than 151 characters [json-pointer:${at}/${i}/value]`] : []),
            ]),
          ];
          expect(lines).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
