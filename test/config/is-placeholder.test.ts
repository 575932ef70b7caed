import { expect, it } from 'vitest';
import { isPlaceholder } from '#config/is-placeholder.ts';

it("recognises example values, not real tokens that happen to hold an example's word", () => {
  const placeholders = [
    'xoxb-',
    'xapp-',
    'xoxb-your-token',
    'your_token_here',
    '<signing secret>',
    '…',
    'changeme',
    'xxxx',
  ];
  const real = ['xoxb-1234-5678-AbCyourXz', 'xapp-1-A0-123-abcdef', 'emulated-signing-secret', '8f2c0e1d9b7a6c5d'];

  expect(placeholders.filter((v) => !isPlaceholder(v))).toEqual([]);
  expect(real.filter(isPlaceholder)).toEqual([]);
});
