import { randomUUID } from 'node:crypto';
import { clientError } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';

const LIFETIME_DAYS = 30;

/** A new refresh token in `familyId` (a new family at sign-in); only its hash is stored. */
export async function issueRefreshToken(
  database: Database,
  userId: string,
  mfa: boolean,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newOpaqueToken();
  await database.dataSource.query(
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
  const [, revoked] = (await database.dataSource.query(
    `UPDATE identity.refresh_token SET revoked_at = coalesce(revoked_at, now())
     WHERE family_id = (SELECT family_id FROM identity.refresh_token WHERE token_hash = $1 AND used_at IS NOT NULL)`,
    [hash],
  )) as [unknown, number];
  if (revoked > 0) throw clientError('REFRESH_TOKEN_REUSED', 'That refresh token was already used; every session from that sign-in has been ended.');
  throw clientError('REFRESH_TOKEN_INVALID', 'That refresh token is not valid or has expired; sign in again.');
}
