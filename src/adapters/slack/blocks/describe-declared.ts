import type { InviteRefusal } from '#src/ports.ts';
import { describeNotInvited } from '#use-cases/describe-not-invited.ts';

/** What the declarer is told: where the incident is, and in the same message who is not in it. */
export function describeDeclared(channelId: string, declaredBy: string, refused: InviteRefusal[]): string {
  const declarerIn = !refused.some((r) => r.userId === declaredBy);
  const notInvited = describeNotInvited(refused);
  return [
    `Declared <#${channelId}>.${declarerIn ? ' I invited you there.' : ''}`,
    ...(notInvited ? [notInvited] : []),
  ].join('\n');
}
