import type { NudgeLedger } from '#src/ports.ts';

/** `NudgeLedger` in memory, as `KyselyNudgeLedger` keeps it: each (incident, period) goes to one caller. */
export class MemoryNudgeLedger implements NudgeLedger {
  readonly claims = new Map<string, string>();

  async claimNudge(incidentId: string, slot: string, at: string): Promise<boolean> {
    const key = `${incidentId}\u0000${slot}`;
    if (this.claims.has(key)) return false;
    this.claims.set(key, at);
    return true;
  }
}
