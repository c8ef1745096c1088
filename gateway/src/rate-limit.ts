import { HeaderMap } from '@apollo/server';
import { clientError, principalSubject, type Logger, type Principal } from '@partnergraph/core';

/**
 * A rate of `perMinute` requests, spread as GCRA (the generic cell rate
 * algorithm) spreads it: one request every `intervalMs`, with bursts of up to
 * `perMinute` requests after a quiet minute. A key's whole state is one
 * number, its theoretical arrival time (TAT): the instant its allowance would
 * be back to full.
 */
export interface Rate {
  intervalMs: number;
  /** How far ahead of now the TAT may run: the burst, as a duration. */
  burstMs: number;
}

export function ratePerMinute(perMinute: number): Rate {
  // Whole milliseconds, rounded up, so that the Redis script works in exact integers.
  const intervalMs = Math.ceil(60_000 / perMinute);
  return { intervalMs, burstMs: perMinute * intervalMs };
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Where the TATs live: one gateway's memory, or Redis shared by every gateway. */
export interface RateLimitStore {
  /** Counts one request against `key` if the rate allows it, atomically. */
  take(key: string, rate: Rate): Promise<RateDecision>;
  close(): Promise<void>;
}

/** One GCRA step: the decision, and the new TAT when the request is allowed. */
export function gcraStep(storedTat: number | undefined, now: number, rate: Rate): { decision: RateDecision; tat?: number } {
  const tat = Math.max(storedTat ?? now, now) + rate.intervalMs;
  const allowedAt = tat - rate.burstMs;
  if (allowedAt > now) return { decision: { allowed: false, retryAfterMs: allowedAt - now } };
  return { decision: { allowed: true }, tat };
}

/** The store of a single gateway (development, tests). Keys whose TAT has passed are dropped as the map grows. */
export function createMemoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const tats = new Map<string, number>();
  let sweepAt = 1024;
  return {
    async take(key, rate) {
      const at = now();
      const { decision, tat } = gcraStep(tats.get(key), at, rate);
      if (tat !== undefined) tats.set(key, tat);
      if (tats.size >= sweepAt) {
        for (const [stale, staleTat] of tats) if (staleTat <= at) tats.delete(stale);
        sweepAt = Math.max(1024, tats.size * 2);
      }
      return decision;
    },
    async close() {
      tats.clear();
    },
  };
}

/** Whose allowance a request spends: the principal's, or for anonymous callers the address they connect from. */
export function rateLimitKey(principal: Principal, address: string | undefined): string {
  return principal.kind === 'anonymous' ? `address:${address ?? 'unknown'}` : principalSubject(principal);
}

export interface RateLimiter {
  /** Throws RATE_LIMITED (HTTP 429 with Retry-After) when `key` has spent its allowance. */
  check(key: string, requestId: string): Promise<void>;
  /** Closes the store. */
  close(): Promise<void>;
}

/**
 * Per-principal rate limiting. A store that fails (Redis unreachable) lets the
 * request through and logs a warning: an outage of the limiter is not an
 * outage of the graph.
 */
export function createRateLimiter(options: {
  perMinute: number;
  store: RateLimitStore;
  logger: Logger;
  /** Told of each refusal (the rate-limit metric). */
  onRefused?: () => void;
}): RateLimiter {
  const rate = ratePerMinute(options.perMinute);
  return {
    async check(key, requestId) {
      let decision: RateDecision;
      try {
        decision = await options.store.take(key, rate);
      } catch (error) {
        options.logger.warn('rate limit store failed; request let through', { requestId, error });
        return;
      }
      if (decision.allowed) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      options.onRefused?.();
      options.logger.info('request refused', { requestId, code: 'RATE_LIMITED', key, retryAfterSeconds });
      throw clientError('RATE_LIMITED', `Too many requests: retry in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      });
    },
    close: () => options.store.close(),
  };
}
