import type { Logger, SecretBox } from '@partnergraph/core';
import { selectRows, type BackgroundWork, type Database } from '@partnergraph/subgraph-kit';
import { needsResealing, openTotpSecret, sealTotpSecret, type TotpSecretColumn } from './credentials/totp-secrets';
import { UserAccountEntity, type UserAccount } from './user-account';

export const RESEAL_BATCH_SIZE = 100;
/** How often the job looks again once everything is sealed under the current key. */
export const RESEAL_INTERVAL_MS = 10 * 60_000;

const COLUMNS: readonly TotpSecretColumn[] = ['totp_secret', 'totp_pending_secret'];

/** The account's properties that hold the sealed values, by column (the column is part of what a value is sealed with). */
type SealedSecrets = Pick<UserAccount, 'totpSecret' | 'totpPendingSecret'>;
const PROPERTY: Record<TotpSecretColumn, keyof SealedSecrets> = { totp_secret: 'totpSecret', totp_pending_secret: 'totpPendingSecret' };

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
      const rows = await selectRows(
        manager,
        UserAccountEntity,
        (columns) => `SELECT ${columns}
         FROM identity.user_account
         WHERE id > $2 AND (${COLUMNS.map(STALE).join(' OR ')})
         ORDER BY id
         LIMIT $3
         FOR UPDATE SKIP LOCKED`,
        [olderKeyIds, after, batchSize],
      );
      let changed = 0;
      for (const row of rows) {
        const sealed = resealedSecrets(secrets, logger, row);
        if (sealed.totpSecret === row.totpSecret && sealed.totpPendingSecret === row.totpPendingSecret) continue;
        await manager.getRepository(UserAccountEntity).update({ id: row.id }, sealed);
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
  const [row] = await database.dataSource.query<{ count: number }[]>(
    `SELECT (${COLUMNS.map((column) => `count(*) FILTER (WHERE ${STALE(column)})`).join(' + ')})::int AS count FROM identity.user_account`,
    [olderKeyIds],
  );
  return row?.count ?? 0;
}

function resealedSecrets(secrets: SecretBox, logger: Logger, row: UserAccount): SealedSecrets {
  const result: SealedSecrets = { totpSecret: row.totpSecret, totpPendingSecret: row.totpPendingSecret };
  for (const column of COLUMNS) {
    const stored = row[PROPERTY[column]];
    if (stored === null || !needsResealing(secrets, stored)) continue;
    try {
      result[PROPERTY[column]] = sealTotpSecret(secrets, row.id, column, openTotpSecret(secrets, row.id, column, stored));
    } catch {
      logger.error('a stored TOTP secret does not open (altered, or moved from another row): left as it is', { userId: row.id, column });
    }
  }
  return result;
}

async function countUnderMissingKeys(database: Database, secrets: SecretBox): Promise<Record<string, number>> {
  const rows = await database.dataSource.query<{ keyId: string; count: number }[]>(
    `SELECT key_id AS "keyId", count(*)::int AS count
     FROM (${COLUMNS.map((column) => `SELECT split_part(${column}, ':', 2) AS key_id FROM identity.user_account WHERE ${column} LIKE 'v1:%'`).join(' UNION ALL ')}) sealed
     WHERE key_id <> ALL($1::text[])
     GROUP BY key_id
     ORDER BY key_id`,
    [secrets.keyIds],
  );
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
