import type { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import type { StoreLifecycle } from '#src/ports.ts';

export interface Readiness {
  ready: boolean;
  checks: { store: boolean; slack: boolean; rcaRemote: boolean };
  problems?: string[];
}

/** `/readyz`: ready while the store answers and Slack is connected. */
export function readiness(options: {
  store: Pick<StoreLifecycle, 'ping'>;
  connection: { connected: boolean };
  clone: Pick<SimpleGitRcaRepository, 'state'>;
}): () => Promise<Readiness> {
  return async () => {
    const storeOk = await options.store.ping().then(
      () => true,
      () => false,
    );
    const slack = options.connection.connected;
    // An unreachable RCA remote is reported, not a reason to stop taking events: drafts wait in the clone.
    const rcaRemote = options.clone.state.remote !== 'unreachable';
    const problems = [...(storeOk ? [] : ['store unreachable']), ...(slack ? [] : ['slack disconnected'])];
    return {
      ready: storeOk && slack,
      checks: { store: storeOk, slack, rcaRemote },
      ...(problems.length ? { problems } : {}),
    };
  };
}
