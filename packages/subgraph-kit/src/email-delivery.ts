import { types } from 'node:util';
import { createTransport } from 'nodemailer';
import type { Logger } from '@partnergraph/core';
import type { Database } from './database';

/**
 * Delivers a subgraph's email outbox table (identity.email_outbox,
 * subscriptions.email_outbox) over SMTP. Each batch is one transaction that
 * claims due rows with `FOR UPDATE SKIP LOCKED`, sends them one by one and
 * marks each sent (or records the failed attempt) before committing, so
 * replicas running side by side never claim, and never send, the same row.
 * Delivery is still at least once, as with any SMTP client: a process killed
 * between the server's acceptance and the commit, or a reply lost after the
 * server accepted, sends that email again on a later round.
 */

export interface RetryPolicy {
  /** Attempts per email, the first included; then it is left unsent for good. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface EmailDeliveryOptions {
  database: Database;
  /** The schema-qualified outbox table: to_address, subject, body, created_at, sent_at, attempts, last_error, next_attempt_at. */
  outboxTable: string;
  logger: Logger;
  /** `smtp://` or `smtps://`, with credentials if the server wants them. */
  smtpUrl: string;
  from: string;
  pollIntervalMs: number;
  /** Rows claimed per transaction. */
  batchSize?: number;
  retry?: RetryPolicy;
}

export interface BatchOutcome {
  claimed: number;
  sent: number;
  failed: number;
}

export interface EmailDelivery {
  /** Delivers what is due now, then polls every pollIntervalMs. */
  start(): void;
  /** Stops polling; the batch in flight finishes the email it is sending, commits, and then this resolves. */
  stop(): Promise<void>;
  /** One batch, in one transaction; for tests and one-off runs. */
  deliverBatch(): Promise<BatchOutcome>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };
const DEFAULT_BATCH_SIZE = 10;
const ERROR_LENGTH = 1000;
/** nodemailer's codes for a server that cannot be reached or talked to at all; the rest of the batch waits for the next round. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL']);

interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

/** With isNativeError, not instanceof: nodemailer passes on socket errors, which come from another realm under jest. */
function isConnectionError(error: unknown): boolean {
  return types.isNativeError(error) && 'code' in error && typeof error.code === 'string' && CONNECTION_ERRORS.has(error.code);
}

export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.firstDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
}

const QUALIFIED_TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

export function createEmailDelivery(options: EmailDeliveryOptions): EmailDelivery {
  const { database, logger, from, outboxTable } = options;
  if (!QUALIFIED_TABLE.test(outboxTable)) throw new Error(`not a schema-qualified table name: ${outboxTable}`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const transport = createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const inFlight = new Set<Promise<unknown>>();
  let polling = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  async function recordFailure(query: (sql: string, parameters: unknown[]) => Promise<unknown>, email: OutboxEmail, error: unknown) {
    const attempt = email.attempts + 1;
    const message = (types.isNativeError(error) ? error.message : String(error)).slice(0, ERROR_LENGTH);
    const givingUp = attempt >= retry.maxAttempts;
    const delaySeconds = givingUp ? null : retryDelayMs(retry, attempt) / 1000;
    await query(
      `UPDATE ${outboxTable}
       SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = CASE WHEN $3::float8 IS NULL THEN NULL ELSE clock_timestamp() + make_interval(secs => $3::float8) END
       WHERE id = $1`,
      [email.id, message, delaySeconds],
    );
    if (givingUp) logger.error('email not sent; giving up', { outboxId: email.id, attempts: attempt, error: message });
    else logger.warn('email not sent; will retry', { outboxId: email.id, attempts: attempt, retryInSeconds: delaySeconds, error: message });
  }

  function deliverBatch(): Promise<BatchOutcome> {
    return track(
      database.dataSource.transaction(async (manager) => {
        const query = (sql: string, parameters: unknown[]) => manager.query<unknown>(sql, parameters);
        const emails = await manager.query<OutboxEmail[]>(
          `SELECT id, to_address AS "to", subject, body, attempts
           FROM ${outboxTable}
           WHERE sent_at IS NULL AND attempts < $1 AND (next_attempt_at IS NULL OR next_attempt_at <= now())
           ORDER BY created_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED`,
          [retry.maxAttempts, batchSize],
        );
        const outcome: BatchOutcome = { claimed: emails.length, sent: 0, failed: 0 };
        for (const email of emails) {
          if (stopped) break;
          try {
            await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.body });
          } catch (error) {
            outcome.failed += 1;
            await recordFailure(query, email, error);
            if (isConnectionError(error)) break;
            continue;
          }
          await query(
            `UPDATE ${outboxTable} SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL
             WHERE id = $1`,
            [email.id],
          );
          outcome.sent += 1;
          logger.info('email sent', { outboxId: email.id, attempts: email.attempts + 1 });
        }
        return outcome;
      }),
    );
  }

  /** Batch after batch while they come back full and all sent; failures wait for the next round. */
  async function poll(): Promise<void> {
    try {
      while (polling) {
        const { claimed, sent } = await deliverBatch();
        if (claimed < batchSize || sent < claimed) break;
      }
    } catch (error) {
      logger.error('email delivery failed', { error });
    }
    if (polling) timer = setTimeout(() => void track(poll()), options.pollIntervalMs).unref();
  }

  return {
    start() {
      if (polling || stopped) return;
      polling = true;
      void track(poll());
    },
    async stop() {
      polling = false;
      stopped = true;
      clearTimeout(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      transport.close();
    },
    deliverBatch,
  };
}
