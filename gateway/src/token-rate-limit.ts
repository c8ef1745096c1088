import type { Logger } from '@partnergraph/core';
import { ratePerMinute, type RateLimitStore } from './rate-limit';

/**
 * The rate limit of `POST /oauth/token`: `perMinute` exchanges per client id
 * and, separately, per address (GCRA, as for GraphQL requests, in the same
 * store: Redis when REDIS_URL is set, so every gateway counts together).
 * Guessing one client's secret from many addresses, or many clients' from one
 * address, runs into one or the other. A store that fails lets the exchange
 * through and logs a warning.
 */
export interface TokenRateLimiter {
  /** Counts one exchange from `address`; the seconds to wait when it is refused. */
  takeAddress(address: string | undefined, requestId: string): Promise<number | undefined>;
  /** Counts one exchange for `clientId`; the seconds to wait when it is refused. */
  takeClient(clientId: string, requestId: string): Promise<number | undefined>;
}

export function createTokenRateLimiter(options: {
  perMinute: number;
  store: RateLimitStore;
  logger: Logger;
  /** Told of each refusal (the rate-limit metric). */
  onRefused?: () => void;
}): TokenRateLimiter {
  const rate = ratePerMinute(options.perMinute);
  const take = async (key: string, requestId: string): Promise<number | undefined> => {
    try {
      const decision = await options.store.take(key, rate);
      if (decision.allowed) return undefined;
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      options.onRefused?.();
      options.logger.info('token request refused', { requestId, code: 'RATE_LIMITED', key, retryAfterSeconds });
      return retryAfterSeconds;
    } catch (error) {
      options.logger.warn('rate limit store failed; token request let through', { requestId, error });
      return undefined;
    }
  };
  return {
    takeAddress: (address, requestId) => take(`oauth-token:address:${address ?? 'unknown'}`, requestId),
    takeClient: (clientId, requestId) => take(`oauth-token:client:${clientId}`, requestId),
  };
}
