import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '@partnergraph/core';

/**
 * When to run a subscription's feed again. Subgraphs NOTIFY the channel
 * `partnergraph_live` in the transaction that commits a change, with the name
 * of the feed field it concerns (`incidentEventsFeed`), or `*` when access
 * changed (a grant or a credential revoked): every subscription runs again, so
 * one that lost its access ends at once. PostgreSQL delivers a notification to
 * every listening gateway, only after the commit. A timer backs this up: a
 * subscription also runs every `pollIntervalMs`, so a lost connection to
 * PostgreSQL delays events but loses none (the cursor is in the feed, not here).
 */
export const LIVE_CHANNEL = 'partnergraph_live';
export const EVERY_FEED = '*';

/** Why a wait ended. */
export type Wake = 'notified' | 'timer' | 'aborted';

export interface WakeUps {
  /** Starts listening for `feed` (and every feed) for one subscription, which stops it when it ends. */
  listen(feed: string): WakeUpListener;
  close(): Promise<void>;
}

export interface WakeUpListener {
  /**
   * Resolves when the feed is notified, after `ms`, or when `signal` aborts,
   * whichever is first; at once if it was notified since the last wait
   * returned. A subscription listens across its runs, so a change committed
   * while a run was reading (too late for that run) still wakes the next.
   */
  wait(ms: number, signal: AbortSignal): Promise<Wake>;
  stop(): void;
}

/** A listener for `feed` on `events`, where a wake-up source emits each notified feed's name (or EVERY_FEED). */
export function wakeUpListener(events: EventEmitter, feed: string): WakeUpListener {
  let notified = false;
  let wake: (() => void) | undefined;
  const onNotification = () => {
    notified = true;
    wake?.();
  };
  events.on(feed, onNotification);
  events.on(EVERY_FEED, onNotification);
  return {
    wait(ms, signal) {
      return new Promise((resolve) => {
        if (signal.aborted || notified) {
          resolve(signal.aborted ? 'aborted' : 'notified');
          notified = false;
          return;
        }
        const done = (why: Wake) => () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', aborted);
          wake = undefined;
          notified = false;
          resolve(why);
        };
        const aborted = done('aborted');
        const timer = setTimeout(done('timer'), ms);
        wake = done('notified');
        signal.addEventListener('abort', aborted, { once: true });
      });
    },
    stop() {
      events.off(feed, onNotification);
      events.off(EVERY_FEED, onNotification);
      wake?.();
    },
  };
}

function emitterWithoutLimit(): EventEmitter {
  const events = new EventEmitter();
  // One listener per open subscription: the per-connection and per-principal limits bound them, not this.
  events.setMaxListeners(0);
  return events;
}

/** Timers only: every subscription runs every pollIntervalMs. */
export function timerWakeUps(): WakeUps {
  const events = emitterWithoutLimit();
  return { listen: (feed) => wakeUpListener(events, feed), close: async () => {} };
}

/** LISTEN on LIVE_CHANNEL, reconnecting with a growing pause when the connection drops. */
export function postgresWakeUps(url: string, logger: Logger): WakeUps {
  const events = emitterWithoutLimit();
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const candidate = new pg.Client({ connectionString: url, application_name: 'partnergraph-gateway-live' });
    candidate.on('notification', (message) => {
      events.emit(message.payload || EVERY_FEED);
    });
    candidate.on('error', (error) => {
      logger.warn('live wake-ups: lost the PostgreSQL connection; subscriptions run on their timers until it is back', { error });
      reconnect(candidate);
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${LIVE_CHANNEL}`);
      if (closed) {
        await candidate.end();
        return;
      }
      client = candidate;
      retryMs = 250;
      // Whatever was notified while disconnected: run every subscription once.
      events.emit(EVERY_FEED);
    } catch (error) {
      logger.warn('live wake-ups: cannot LISTEN on PostgreSQL; retrying', { error, retryMs });
      reconnect(candidate);
    }
  };
  const reconnect = (failed: pg.Client): void => {
    failed.removeAllListeners('notification');
    void failed.end().catch(() => {});
    if (client === failed) client = undefined;
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };
  void connect();

  return {
    listen: (feed) => wakeUpListener(events, feed),
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
