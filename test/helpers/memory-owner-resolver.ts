import type { OwnerResolver, OwnerTarget } from '#src/ports.ts';

/**
 * `OwnerResolver` in memory: `<@U…>` is that person, other owners as arranged in `owners` (null: no
 * one in Slack), and an owner in `failing` throws, as a Slack lookup that failed does.
 */
export class MemoryOwnerResolver implements OwnerResolver {
  readonly owners = new Map<string, OwnerTarget[] | null>();
  readonly failing = new Map<string, Error>();
  readonly asked: string[] = [];

  async resolve(owner: string): Promise<OwnerTarget[] | null> {
    this.asked.push(owner);
    const error = this.failing.get(owner);
    if (error) throw error;
    if (this.owners.has(owner)) return this.owners.get(owner) ?? null;
    const mention = /^<@([UW][A-Z0-9]+)>$/.exec(owner);
    return mention ? [{ kind: 'user', id: mention[1]! }] : null;
  }
}
