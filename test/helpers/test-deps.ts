import pino from 'pino';
import { loadConfig } from '#config/load-config.ts';
import type { Deps } from '#use-cases/deps.ts';
import { FakeChat } from './fake-chat.ts';

/**
 * A port the test did not give: any use of it throws, naming it, so a test that reaches it says what
 * to pass instead of failing somewhere later.
 */
export function notGiven<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      if (key === 'then') return undefined;
      throw new Error(`This test gave Deps no ${name} (it used ${name}.${String(key)}): pass one to testDeps.`);
    },
  });
}

/**
 * A complete `Deps` for calling a use case or a listener directly: what the test passes, and otherwise
 * a FakeChat, a fixed clock, counting ids, the default settings, a silent log, callbacks that do
 * nothing, no webhooks and no tracker; `rca` and `messages` must be passed by a test that uses them.
 */
export function testDeps(given: Partial<Deps> & Pick<Deps, 'store'>): Deps {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  let n = 0;
  return {
    chat: new FakeChat(),
    clock: { now: () => new Date('2030-04-07T10:00:00Z') },
    ids: {
      next: (prefix) => {
        n += 1;
        return `${prefix}-${n}`;
      },
    },
    config: loaded.config,
    log: pino({ level: 'silent' }),
    onIncidentChanged: async () => undefined,
    onRcaRequested: async () => undefined,
    rca: notGiven('rca'),
    messages: notGiven('messages'),
    events: null,
    tracker: null,
    ...given,
  };
}
