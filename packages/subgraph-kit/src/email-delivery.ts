import { types } from 'node:util';
import { createTransport } from 'nodemailer';
import type { Logger } from '@partnergraph/core';
import type { Database } from './database';
import { OutboxEmailEntity, type OutboxEmail } from './email-outbox';
import { selectRows } from './table-rows';

/**
 * Delivers a subgraph's email outbox table (identity.email_outbox,
 * subscriptions.email_outbox) over SMTP, recording each email before and
 * after the SMTP hand-off, each in its own statement:
 *
 * 1. claim: one statement marks due rows `sending_started_at` and counts the
 *    attempt (`FOR UPDATE SKIP LOCKED`, so replicas never claim the same row);
 * 2. send, with the Message-ID `<outbox-id@partnergraph.local>`, the same on
 *    every attempt;
 * 3. record the outcome: `sent_at`, or the refusal and its backoff; claimed
 *    rows the batch did not get to are released uncounted.
 *
 * An outcome that cannot be recorded (the database went away after the SMTP
 * server accepted) is kept in memory and recorded before anything else is
 * claimed, so this worker never sends it again. A row whose mark stands
 * longer than the lease (the process died between claim and record) is
 * claimed again once the lease has expired and sent with the same
 * Message-ID, counted as a further attempt: docs/operations.md's Email section states
 * the window exactly.
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
  /** The schema-qualified outbox table, whose rows OutboxEmailEntity maps (email-outbox.ts). */
  outboxTable: string;
  logger: Logger;
  /** `smtp://` or `smtps://`, with credentials if the server wants them. */
  smtpUrl: string;
  from: string;
  pollIntervalMs: number;
  /** Rows claimed per batch. */
  batchSize?: number;
  retry?: RetryPolicy;
  /** How long a claimed row's attempt may stay without an outcome before another round may claim it again. */
  sendingLeaseMs?: number;
}

export interface BatchOutcome {
  claimed: number;
  sent: number;
  failed: number;
}

export interface EmailDelivery {
  /** Delivers what is due now, then polls every pollIntervalMs. */
  start(): void;
  /** Stops polling; the batch in flight finishes the email it is sending, records it, releases the rest, and then this resolves. */
  stop(): Promise<void>;
  /** One batch: outcomes not yet recorded first, then claim, send, record; for tests and one-off runs. */
  deliverBatch(): Promise<BatchOutcome>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };
const DEFAULT_BATCH_SIZE = 10;
/** Ten minutes: far longer than a batch takes (ten emails, each under nodemailer's 30 s socket timeout, is at most five). */
export const DEFAULT_SENDING_LEASE_MS = 600_000;
/** The domain of every outbox email's Message-ID. */
export const MESSAGE_ID_DOMAIN = 'partnergraph.local';
const ERROR_LENGTH = 1000;
/** nodemailer's codes for a server that cannot be reached or talked to at all; the rest of the batch waits for the next round. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL']);

/** An email this worker claimed; `attempts`, counted by the claim, is this attempt's number. */
interface ClaimedEmail extends Pick<OutboxEmail, 'id' | 'toAddress' | 'subject' | 'body' | 'attempts'> {
  /** An earlier attempt was claimed and never recorded (its lease expired). */
  resumed: boolean;
}

/** What became of a claimed email, to be written to its row. */
type Outcome =
  | { kind: 'sent' }
  | { kind: 'refused'; message: string; delaySeconds: number | null }
  | { kind: 'released' };

/** The Message-ID of an outbox email: derived from its row, the same on every attempt, so receivers can tell a repeat. */
export function outboxMessageId(outboxId: string): string {
  return `<${outboxId}@${MESSAGE_ID_DOMAIN}>`;
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

  const sendingLeaseSeconds = (options.sendingLeaseMs ?? DEFAULT_SENDING_LEASE_MS) / 1000;
  /** Outcomes the database did not take (it was unreachable), by row id: recorded before anything is claimed again. */
  const unrecorded = new Map<string, { attempts: number; outcome: Outcome }>();

  /** Writes one outcome; `attempts` names the claim, so a refusal or release never touches a row claimed again since. */
  async function write(id: string, attempts: number, outcome: Outcome): Promise<void> {
    if (outcome.kind === 'sent') {
      await database.dataSource.query(
        `UPDATE ${outboxTable} SET sent_at = clock_timestamp(), sending_started_at = NULL, last_error = NULL, next_attempt_at = NULL
         WHERE id = $1 AND sent_at IS NULL`,
        [id],
      );
    } else if (outcome.kind === 'refused') {
      await database.dataSource.query(
        `UPDATE ${outboxTable}
         SET sending_started_at = NULL, last_error = $3,
             next_attempt_at = CASE WHEN $4::float8 IS NULL THEN NULL ELSE clock_timestamp() + make_interval(secs => $4::float8) END
         WHERE id = $1 AND attempts = $2 AND sent_at IS NULL`,
        [id, attempts, outcome.message, outcome.delaySeconds],
      );
    } else {
      await database.dataSource.query(
        `UPDATE ${outboxTable} SET sending_started_at = NULL, attempts = attempts - 1 WHERE id = $1 AND attempts = $2 AND sent_at IS NULL`,
        [id, attempts],
      );
    }
  }

  /** Records an outcome, or keeps it for the next round when the database does not take it; false then. */
  async function record(email: Pick<ClaimedEmail, 'id' | 'attempts'>, outcome: Outcome): Promise<boolean> {
    try {
      await write(email.id, email.attempts, outcome);
      return true;
    } catch (error) {
      unrecorded.set(email.id, { attempts: email.attempts, outcome });
      logger.error('email outcome not recorded; kept to record before the next claim', { outboxId: email.id, outcome: outcome.kind, error });
      return false;
    }
  }

  /** Throws while the database still refuses: nothing is claimed before every kept outcome is recorded. */
  async function recordKeptOutcomes(): Promise<void> {
    for (const [id, { attempts, outcome }] of unrecorded) {
      await write(id, attempts, outcome);
      unrecorded.delete(id);
      logger.info('email outcome recorded late', { outboxId: id, outcome: outcome.kind });
    }
  }

  function refusal(email: ClaimedEmail, error: unknown): Outcome {
    const message = (types.isNativeError(error) ? error.message : String(error)).slice(0, ERROR_LENGTH);
    const givingUp = email.attempts >= retry.maxAttempts;
    const delaySeconds = givingUp ? null : retryDelayMs(retry, email.attempts) / 1000;
    if (givingUp) logger.error('email not sent; giving up', { outboxId: email.id, attempts: email.attempts, error: message });
    else logger.warn('email not sent; will retry', { outboxId: email.id, attempts: email.attempts, retryInSeconds: delaySeconds, error: message });
    return { kind: 'refused', message, delaySeconds };
  }

  /** Claimed rows the batch did not send (stopped, server unreachable, database gone): not an attempt. */
  async function release(emails: ClaimedEmail[]): Promise<void> {
    for (const email of emails) await record(email, { kind: 'released' });
  }

  async function claim(): Promise<ClaimedEmail[]> {
    const rows = await selectRows<OutboxEmail, Pick<ClaimedEmail, 'resumed'>>(
      database.dataSource,
      OutboxEmailEntity,
      (columns) => `WITH due AS (
         SELECT id, sending_started_at IS NOT NULL AS resumed
         FROM ${outboxTable}
         WHERE sent_at IS NULL AND attempts < $1 AND (next_attempt_at IS NULL OR next_attempt_at <= now())
           AND (sending_started_at IS NULL OR sending_started_at <= clock_timestamp() - make_interval(secs => $3::float8))
         ORDER BY created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${outboxTable} AS outbox
       SET sending_started_at = clock_timestamp(), attempts = outbox.attempts + 1
       FROM due WHERE outbox.id = due.id
       RETURNING ${columns}, due.resumed`,
      [retry.maxAttempts, batchSize, sendingLeaseSeconds],
      'outbox',
    );
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(({ id, toAddress, subject, body, attempts, resumed }) => ({ id, toAddress, subject, body, attempts, resumed }));
  }

  function deliverBatch(): Promise<BatchOutcome> {
    return track(
      (async () => {
        await recordKeptOutcomes();
        const emails = await claim();
        const outcome: BatchOutcome = { claimed: emails.length, sent: 0, failed: 0 };
        for (const [index, email] of emails.entries()) {
          if (stopped) {
            await release(emails.slice(index));
            break;
          }
          if (email.resumed) {
            logger.warn('email sent again after an attempt with no recorded outcome; same Message-ID', { outboxId: email.id, attempts: email.attempts });
          }
          try {
            await transport.sendMail({ from, to: email.toAddress, subject: email.subject, text: email.body, messageId: outboxMessageId(email.id) });
          } catch (error) {
            outcome.failed += 1;
            const recorded = await record(email, refusal(email, error));
            if (isConnectionError(error) || !recorded) {
              await release(emails.slice(index + 1));
              break;
            }
            continue;
          }
          outcome.sent += 1;
          logger.info('email sent', { outboxId: email.id, attempts: email.attempts });
          // The database is gone: send no more until it takes this outcome.
          if (!(await record(email, { kind: 'sent' }))) {
            await release(emails.slice(index + 1));
            break;
          }
        }
        return outcome;
      })(),
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
      try {
        await recordKeptOutcomes();
      } catch (error) {
        logger.error('email outcomes left unrecorded at stop; those sent are sent again after the lease, same Message-ID', {
          outboxIds: [...unrecorded.keys()].join(','),
          error,
        });
      }
    },
    deliverBatch,
  };
}
