import { Redis, type Result } from 'ioredis';
import type { Logger } from '@partnergraph/core';
import type { RateLimitStore } from './rate-limit';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** Answers 0 when the request is counted, else the milliseconds until it would be. */
    takeRate(key: string, intervalMs: number, burstMs: number): Result<number, Context>;
  }
}

/**
 * gcraStep (rate-limit.ts) in one Lua script, so that reading and writing a
 * key's TAT is atomic however many gateways share the server, on Redis's clock
 * so that theirs need not agree. Integer milliseconds throughout.
 */
const TAKE_RATE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
tat = tat + interval
if tat - burst > now then return tat - burst - now end
redis.call('SET', KEYS[1], tat, 'PX', tat - now)
return 0
`;

/** How long a request waits for Redis before the limiter lets it through. */
const COMMAND_TIMEOUT_MS = 500;

/** The store shared by every gateway that sets REDIS_URL: exact counts across replicas. */
export function createRedisRateLimitStore(options: { url: string; logger: Logger }): RateLimitStore {
  const redis = new Redis(options.url, {
    keyPrefix: 'partnergraph:rate-limit:',
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', (error: Error) => options.logger.warn('the rate limit store (Redis) is unreachable', { error }));
  redis.defineCommand('takeRate', { numberOfKeys: 1, lua: TAKE_RATE });
  return {
    async take(key, rate) {
      const retryAfterMs = await redis.takeRate(key, rate.intervalMs, rate.burstMs);
      return retryAfterMs === 0 ? { allowed: true } : { allowed: false, retryAfterMs };
    },
    async close() {
      redis.disconnect();
    },
  };
}
