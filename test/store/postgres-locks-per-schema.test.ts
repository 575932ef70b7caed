import { describe, expect, it } from 'vitest';
import { postgresFactory } from '../helpers/stores.ts';

describe.skipIf(!postgresFactory.available)('PostgreSQL locks of stores in two schemas of one database', () => {
  it("are their own: one store holding 'reminders' does not keep the other's run from starting", async () => {
    const [{ store: ours }, { store: theirs }] = await Promise.all([
      postgresFactory.create(),
      postgresFactory.create(),
    ]);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = ours.withLock('reminders', async () => {
      started();
      await held;
    });
    await holding;

    expect(await theirs.tryWithLock('reminders', async () => 'ran')).toBe('ran');
    expect(await ours.tryWithLock('reminders', async () => 'ran')).toBeNull();
    release();
    await holder;
    await Promise.all([ours.close(), theirs.close()]);
  });
});
