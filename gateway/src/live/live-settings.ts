/** The live transports' limits and timings (LIVE_* settings, docs/operations.md). */
export interface LiveSettings {
  /** LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: per WebSocket connection. */
  maxSubscriptionsPerConnection: number;
  /** LIVE_MAX_SUBSCRIPTIONS_PER_CALLER: per user, API client, collector or operator, at each gateway. */
  maxSubscriptionsPerCaller: number;
  /** LIVE_CONNECTION_INIT_TIMEOUT_MS: a WebSocket must send connection_init within this. */
  connectionInitTimeoutMs: number;
  /** LIVE_KEEPALIVE_MS: the gateway pings every WebSocket this often and closes one whose pong does not come back. */
  keepAliveMs: number;
  /** LIVE_SLOW_SUBSCRIBER_MS: a subscriber that has not taken an event within this is disconnected (SUBSCRIBER_TOO_SLOW). */
  slowSubscriberMs: number;
  /** LIVE_MIN_INTERVAL_MS: at least this long between two runs of a subscription's feed. */
  minIntervalMs: number;
  /** LIVE_POLL_INTERVAL_MS: at most this long between two runs, notified or not. */
  pollIntervalMs: number;
  /** LIVE_DATABASE_URL: the PostgreSQL whose LISTEN/NOTIFY wakes subscriptions; none: timers alone. */
  databaseUrl: string | undefined;
}
