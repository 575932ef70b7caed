import { describe, expect, it } from 'vitest';
import { cacheUserNames } from '#adapters/store/cache-user-names.ts';
import { MemoryUserNameCache } from '../helpers/memory-user-name-cache.ts';

describe('cacheUserNames', () => {
  it('asks Slack once for a name, then answers from the cache until it expires', async () => {
    const asked: string[] = [];
    const slack = {
      userName: async (id: string) => {
        asked.push(id);
        return `name of ${id}`;
      },
    };
    let now = new Date('2030-04-07T10:00:00Z');
    const names = cacheUserNames(slack, new MemoryUserNameCache(), { now: () => now }, 24);

    const first = await names.userName('UANA');
    const second = await names.userName('UANA');
    now = new Date('2030-04-08T10:00:01Z');
    const third = await names.userName('UANA');

    expect([first, second, third]).toEqual(['name of UANA', 'name of UANA', 'name of UANA']);
    expect(asked).toEqual(['UANA', 'UANA']);
  });
});
