import type { Logger, SecretBox } from '@partnergraph/core';
import type { BackgroundWork, Database } from '@partnergraph/subgraph-kit';
import { needsResealing, openTotpSecret, sealTotpSecret, type TotpSecretColumn } from './credentials/totp-secrets';

export const RESEAL_BATCH_SIZE = 100;
/** How often the job looks again once everything is sealed under the current key. */
export const RESEAL_INTERVAL_MS = 10 * 60_000;

const COLUMNS: readonly TotpSecretColumn[] = ['totp_secret', 'totp_pending_secret'];

/** A stored value to seal afresh: plain text, or sealed under one of the keys in $1 (held, but not current). */
const STALE = (column: TotpSecretColumn) => `(${column} NOT LIKE 'v1:%' OR split_part(${column}, ':', 2) = ANY($1::text[]))`;

export interface ResealingPass {
  resealed: number;
  /** Values sealed under key ids the configuration no longer holds, by key id: they cannot be opened. */
  underMissingKeys: Record<string, number>;
}

/**
 * One pass over identity.user_account: every TOTP secret in plain text or
 * under an older key is sealed afresh under the current key, in batches of
 * `batchSize` rows, each batch one transaction whose rows are locked
 * `FOR UPDATE SKIP LOCKED` (replicas running the same pass take different
 * rows, and a sign-in or enrolment holding a row is not waited for: the next
 * pass takes it). Logs its progress and, loudly, any values sealed under keys
 * no longer configured. Never logs a secret.
 */
export async function resealTotpSecrets(
  database: Database,
  secrets: SecretBox,
  logger: Logger,
  batchSize = RESEAL_BATCH_SIZE,
): Promise<ResealingPass> {
  const olderKeyIds = secrets.keyIds.filter((keyId) => keyId !== secrets.currentKeyId);
  let resealed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await database.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, totp_secret AS "totp_secret", totp_pending_secret AS "totp_pending_secret"
         FROM identity.user_account
         WHERE id > $2 AND (${COLUMNS.map(STALE).join(' OR ')})
         ORDER BY id
         LIMIT $3
         FOR UPDATE SKIP LOCKED`,
        [olderKeyIds, after, batchSize],
      )) as ({ id: string } & Record<TotpSecretColumn, string | null>)[];
      let changed = 0;
      for (const row of rows) {
        const sealed = resealedColumns(secrets, logger, row);
        if (sealed.totp_secret === row.totp_secret && sealed.totp_pending_secret === row.totp_pending_secret) continue;
        await manager.query('UPDATE identity.user_account SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1', [
          row.id,
          sealed.totp_secret,
          sealed.totp_pending_secret,
        ]);
        changed += 1;
      }
      return { rows: rows.length, changed, last: rows.at(-1)?.id };
    });
    resealed += batch.changed;
    if (batch.changed > 0) logger.info('sealed TOTP secrets under the current key', { keyId: secrets.currentKeyId, rows: batch.changed, total: resealed });
    if (batch.rows < batchSize || batch.last === undefined) break;
    after = batch.last;
  }
  const underMissingKeys = await countUnderMissingKeys(database, secrets);
  const missing = Object.keys(underMissingKeys);
  const left = await countStale(database, olderKeyIds);
  if (missing.length > 0) {
    logger.error(
      'TOTP secrets are sealed under keys SECRET_ENCRYPTION_KEYS does not hold: their users cannot sign in with a TOTP code (recovery codes still work) until those keys are back in the list, after the current one',
      { missingKeyIds: missing.join(','), values: Object.values(underMissingKeys).reduce((sum, count) => sum + count, 0) },
    );
  } else if (left > 0) {
    logger.info('TOTP secrets are left to seal under the current key (their rows were busy); the next pass takes them', { left });
  } else if (resealed > 0 || olderKeyIds.length > 0) {
    // With older keys configured, said on every pass: once every replica has said it, they can be removed.
    logger.info('every TOTP secret is sealed under the current key', { keyId: secrets.currentKeyId, resealed });
  }
  return { resealed, underMissingKeys };
}

/** Stored values still in plain text or under an older key. */
async function countStale(database: Database, olderKeyIds: readonly string[]): Promise<number> {
  const [row] = (await database.dataSource.query(
    `SELECT (${COLUMNS.map((column) => `count(*) FILTER (WHERE ${STALE(column)})`).join(' + ')})::int AS count FROM identity.user_account`,
    [olderKeyIds],
  )) as { count: number }[];
  return row?.count ?? 0;
}

function resealedColumns(
  secrets: SecretBox,
  logger: Logger,
  row: { id: string } & Record<TotpSecretColumn, string | null>,
): Record<TotpSecretColumn, string | null> {
  const result = { totp_secret: row.totp_secret, totp_pending_secret: row.totp_pending_secret };
  for (const column of COLUMNS) {
    const stored = row[column];
    if (stored === null || !needsResealing(secrets, stored)) continue;
    try {
      result[column] = sealTotpSecret(secrets, row.id, column, openTotpSecret(secrets, row.id, column, stored));
    } catch {
      logger.error('a stored TOTP secret does not open (altered, or moved from another row): left as it is', { userId: row.id, column });
    }
  }
  return result;
}

async function countUnderMissingKeys(database: Database, secrets: SecretBox): Promise<Record<string, number>> {
  const rows = (await database.dataSource.query(
    `SELECT key_id AS "keyId", count(*)::int AS count
     FROM (${COLUMNS.map((column) => `SELECT split_part(${column}, ':', 2) AS key_id FROM identity.user_account WHERE ${column} LIKE 'v1:%'`).join(' UNION ALL ')}) sealed
     WHERE key_id <> ALL($1::text[])
     GROUP BY key_id
     ORDER BY key_id`,
    [secrets.keyIds],
  )) as { keyId: string; count: number }[];
  return Object.fromEntries(rows.map((row) => [row.keyId, row.count]));
}

/**
 * Runs a pass when identity starts and every `intervalMs` after the last one
 * ended (so a key put first in the list is applied to every row without a
 * restart of each replica). stop() waits for a pass under way.
 */
export function startTotpSecretResealing(
  database: Database,
  secrets: SecretBox,
  logger: Logger,
  intervalMs = RESEAL_INTERVAL_MS,
): BackgroundWork {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = resealTotpSecrets(database, secrets, logger)
      .then(
        () => undefined,
        (error: unknown) => logger.error('sealing TOTP secrets under the current key failed; the next pass retries', { error }),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(run, intervalMs).unref();
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
