import fc from 'fast-check';

/**
 * Property tests run from one fixed seed, so that a run of the suite (and CI) gives the same answer
 * every time; `FC_SEED=<number>` replays another, and `FC_SEED=random` explores new inputs. A
 * counterexample found while exploring becomes a named example in the test that found it.
 */
const requested = process.env['FC_SEED'];
const seed = requested === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(requested ?? 20261126);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${requested}".`);
fc.configureGlobal({ seed });
