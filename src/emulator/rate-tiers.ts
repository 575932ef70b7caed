import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Each method's tier as Slack's Java SDK records it (rate-tiers/SOURCES.md): `Tier2`, `SpecialTier_…`. */
const TIERS = JSON.parse(
  readFileSync(fileURLToPath(new URL('rate-tiers/rate_limit_tiers.json', import.meta.url)), 'utf8'),
) as Record<string, string>;

/**
 * Calls a minute for each tier, "applied on a per API method per app per workspace basis"
 * (https://docs.slack.dev/apis/web-api/rate-limits): Tier 1 "1+ per minute", Tier 2 "20+", Tier 3 "50+",
 * Tier 4 "100+". The emulator holds each method to the figure Slack guarantees; the bursts Slack may tolerate
 * above it are not promised, so a bot cannot count on them. Tier 1's "small amount of burst behavior is
 * tolerated" is the one burst the emulator grants (3 calls), so that a restart's second connection is not
 * refused outright.
 */
const PER_MINUTE: Record<string, number> = { Tier1: 3, Tier2: 20, Tier3: 50, Tier4: 100 };
/** The api-ref's spelling of the same tiers, for methods the Java SDK's list lacks. */
const API_REF_TIER: Record<string, string> = { t1: 'Tier1', t2: 'Tier2', t3: 'Tier3', t4: 'Tier4' };

/**
 * chat.postMessage: "generally allows posting one message per second per channel, while also maintaining a
 * workspace-wide limit"; "Posting messages: 1 per second. Short bursts >1 allowed."
 * (https://docs.slack.dev/apis/web-api/rate-limits). A bucket of 3 per channel, refilled at one a second.
 */
const POST_BURST = 3;

/** Slack's per-method rate limits; answers the seconds to wait (Retry-After) when a call is over its limit. */
export class RateTiers {
  private readonly windows = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  tierOf(method: string, apiRefTier: string): string {
    return TIERS[method] ?? API_REF_TIER[apiRefTier] ?? 'Tier3';
  }

  /** Counts a call; null when it is within its limit, else the seconds until it would be. */
  take(method: string, apiRefTier: string, channel: string | undefined, now = Date.now()): number | null {
    const tier = this.tierOf(method, apiRefTier);
    if (tier === 'SpecialTier_chat_postMessage') return this.takePost(channel ?? '', now);
    // Other special tiers ("Rate limiting conditions are unique for methods with this tier", same page) are held
    // to Tier 4, the most generous published one.
    const limit = PER_MINUTE[tier] ?? PER_MINUTE['Tier4']!;
    const window = (this.windows.get(method) ?? []).filter((t) => now - t < 60_000);
    this.windows.set(method, window);
    if (window.length >= limit) return Math.max(1, Math.ceil((60_000 - (now - window[0]!)) / 1000));
    window.push(now);
    return null;
  }

  private takePost(channel: string, now: number): number | null {
    const bucket = this.buckets.get(channel) ?? { tokens: POST_BURST, at: now };
    bucket.tokens = Math.min(POST_BURST, bucket.tokens + (now - bucket.at) / 1000);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil(1 - bucket.tokens));
    bucket.tokens -= 1;
    return null;
  }
}
