import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '@partnergraph/core';
import type { FeedOperation } from './feed-operation';
import type { WakeUps } from './wake-ups';

export interface FollowOptions {
  feed: FeedOperation;
  /** The subscription's own variables; the cursor is added to them for each run. */
  variables: Readonly<Record<string, unknown>>;
  /** Runs the feed query through the gateway as the subscriber, as an HTTP request would be run. */
  run: (variables: Record<string, unknown>) => Promise<FormattedExecutionResult>;
  wakeUps: WakeUps;
  /** At least this long between two runs: a feed that conflates (the newest reading per sensor) sends at most one event per key per interval. */
  minIntervalMs: number;
  /** At most this long between two runs, notified or not. */
  pollIntervalMs: number;
  /** When the subscriber's access token expires (ms since the epoch); renewing moves it. */
  expiresAt: () => number | null;
  signal: AbortSignal;
}

/** The last message of a subscription that ends for a reason of its own, with a code from the catalogue. */
export function endingError(code: ErrorCode, message: string): FormattedExecutionResult {
  return { errors: [{ message, extensions: { code, subscriptionEnded: true } }] };
}

function ended(errors: readonly GraphQLFormattedError[]): FormattedExecutionResult {
  return { errors: errors.map((error) => ({ ...error, extensions: { ...error.extensions, subscriptionEnded: true } })) };
}

/** The first look again after a notified run found nothing; then 100, 200, … up to the poll interval. */
const FIRST_RETRY_MS = 50;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * A subscription's events: the feed run as the subscriber from the cursor,
 * each event sent on its own, then the next run from the new cursor. Any error
 * a run answers (the subscriber's access revoked, the token refused) ends the
 * subscription with that error, as the same query would have been refused.
 */
export async function* followFeed(options: FollowOptions): AsyncGenerator<FormattedExecutionResult> {
  const { feed, signal } = options;
  // Listening before the first run: a change committed while a run reads wakes the next one instead of going unheard.
  const wakeUps = options.wakeUps.listen(feed.feedField);
  try {
    let cursor = feed.initialCursor;
    let startingScope: readonly string[] | undefined;
    // A feed hands on a commit only once every transaction older than it has ended (the change log's horizon, which
    // spans the whole PostgreSQL server), so a notified run may find nothing yet, and the transaction it waited for
    // notifies nobody when it ends: the subscription looks again soon, at growing intervals, not at the next poll.
    let retryMs = 0;
    while (!signal.aborted) {
      const expiresAt = options.expiresAt();
      if (expiresAt !== null && Date.now() >= expiresAt) {
        yield endingError('TOKEN_EXPIRED', 'The access token of this subscription expired; subscribe again with a new one, from the last cursor.');
        return;
      }
      const startedAt = Date.now();
      const result = await options.run({ ...options.variables, [feed.cursorVariable]: cursor });
      if (signal.aborted) return;
      if (result.errors?.length) {
        yield ended(result.errors);
        return;
      }
      const page = result.data?.[feed.responseKey] as { cursor: string; events?: unknown[]; scope?: string[] } | null | undefined;
      if (!page) {
        yield endingError('SERVICE_UNAVAILABLE', 'The live feed answered nothing; subscribe again from the last cursor.');
        return;
      }
      if (feed.scoped) {
        const scope = new Set(page.scope ?? []);
        startingScope ??= [...scope];
        if (startingScope.some((key) => !scope.has(key))) {
          yield endingError('SUBSCRIPTION_ACCESS_REVOKED', 'Access this subscription relied on was revoked or narrowed; it ended.');
          return;
        }
      }
      for (const event of page.events ?? []) {
        yield { data: { [feed.responseKey]: event } };
        if (signal.aborted) return;
      }
      cursor = page.cursor;
      const expiry = options.expiresAt();
      const untilExpiry = expiry === null ? Infinity : Math.max(0, expiry - Date.now());
      if ((page.events ?? []).length === 0) {
        const wake = await wakeUps.wait(Math.min(retryMs > 0 ? retryMs : options.pollIntervalMs, untilExpiry), signal);
        retryMs = wake === 'notified' ? FIRST_RETRY_MS : retryMs > 0 && retryMs * 2 < options.pollIntervalMs ? retryMs * 2 : 0;
      } else {
        retryMs = 0;
      }
      const sinceStart = Date.now() - startedAt;
      if (sinceStart < options.minIntervalMs) await sleep(Math.min(options.minIntervalMs - sinceStart, untilExpiry), signal);
    }
  } finally {
    wakeUps.stop();
  }
}
