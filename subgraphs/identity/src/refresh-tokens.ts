import { randomUUID } from 'node:crypto';
import { clientError } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { ANONYMOUS_ACTOR, recordAuditEvents, type SqlRunner } from './audit-log';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';

const LIFETIME_DAYS = 30;

/** A new refresh token in `familyId` (a new family at sign-in); only its hash is stored. */
export async function issueRefreshToken(
  sql: SqlRunner,
  userId: string,
  mfa: boolean,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newOpaqueToken();
  await sql.query(
    `INSERT INTO identity.refresh_token (token_hash, family_id, user_id, mfa, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [hashOpaqueToken(token), familyId, userId, mfa, LIFETIME_DAYS],
  );
  return token;
}

/**
 * Spends a refresh token (each works once) and says whose it was. A token
 * presented again has been copied: the whole family is revoked, the thief's
 * copy and the owner's current token alike, and both must sign in again.
 * The audit log records that once, when sessions were actually ended.
 */
export async function spendRefreshToken(database: Database, token: string): Promise<{ userId: string; mfa: boolean; familyId: string }> {
  const hash = hashOpaqueToken(token);
  const [[spent]] = (await database.dataSource.query(
    `UPDATE identity.refresh_token SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
     RETURNING user_id AS "userId", mfa, family_id AS "familyId"`,
    [hash],
  )) as [{ userId: string; mfa: boolean; familyId: string }[], number];
  if (spent) return spent;
  if (await revokeFamilyOfSpent(database, hash)) throw clientError('REFRESH_TOKEN_REUSED', 'That refresh token was already used; every session from that sign-in has been ended.');
  throw clientError('REFRESH_TOKEN_INVALID', 'That refresh token is not valid or has expired; sign in again.');
}

/** Revokes the family of a spent token, if `hash` is one; true when it is. */
async function revokeFamilyOfSpent(database: Database, hash: string): Promise<boolean> {
  return database.dataSource.transaction(async (manager) => {
    const [family] = (await manager.query(
      `WITH family AS (
         SELECT family_id, user_id FROM identity.refresh_token WHERE token_hash = $1 AND used_at IS NOT NULL
       ), ended AS (
         UPDATE identity.refresh_token SET revoked_at = now()
         WHERE family_id = (SELECT family_id FROM family) AND revoked_at IS NULL
         RETURNING 1
       )
       SELECT family.user_id AS "userId", account.organization_id AS "organizationId", (SELECT count(*)::int FROM ended) AS ended
       FROM family JOIN identity.user_account account ON account.id = family.user_id`,
      [hash],
    )) as { userId: string; organizationId: string; ended: number }[];
    if (!family) return false;
    if (family.ended > 0) {
      await recordAuditEvents(manager, [
        { organizationId: family.organizationId, action: 'REFRESH_TOKEN_REUSED', actor: ANONYMOUS_ACTOR, details: { userId: family.userId } },
      ]);
    }
    return true;
  });
}
