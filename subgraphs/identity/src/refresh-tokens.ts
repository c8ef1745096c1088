import { randomUUID } from 'node:crypto';
import { EntitySchema, type EntityManager } from 'typeorm';
import { clientError } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { ANONYMOUS_ACTOR, recordAuditEvents } from './audit-log';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';

/** A refresh token as stored: only its hash; `mfa` whether the session it continues was opened with a second factor. */
export interface RefreshToken {
  tokenHash: string;
  familyId: string;
  userId: string;
  mfa: boolean;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export const RefreshTokenEntity = new EntitySchema<RefreshToken>({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  columns: {
    tokenHash: { name: 'token_hash', type: 'text', primary: true },
    familyId: { name: 'family_id', type: 'uuid' },
    userId: { name: 'user_id', type: 'uuid' },
    mfa: { type: 'boolean' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    usedAt: { name: 'used_at', type: 'timestamptz', nullable: true },
    revokedAt: { name: 'revoked_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});

const LIFETIME_DAYS = 30;

/** A new refresh token in `familyId` (a new family at sign-in); only its hash is stored. */
export async function issueRefreshToken(
  manager: EntityManager,
  userId: string,
  mfa: boolean,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newOpaqueToken();
  await manager.getRepository(RefreshTokenEntity).insert({
    tokenHash: hashOpaqueToken(token),
    familyId,
    userId,
    mfa,
    // By the database's clock, as spendRefreshToken judges expiry.
    expiresAt: () => `now() + make_interval(days => ${LIFETIME_DAYS})`,
  });
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
  // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
  const [spent] = await selectRows(
    database.dataSource,
    RefreshTokenEntity,
    (columns) => `WITH spent AS (
       UPDATE identity.refresh_token SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       RETURNING *
     )
     SELECT ${columns} FROM spent`,
    [hash],
  );
  if (spent) return spent;
  if (await revokeFamilyOfSpent(database, hash)) throw clientError('REFRESH_TOKEN_REUSED', 'That refresh token was already used; every session from that sign-in has been ended.');
  throw clientError('REFRESH_TOKEN_INVALID', 'That refresh token is not valid or has expired; sign in again.');
}

/** What revoking a family answers: whose it was, and how many of its tokens were still standing. */
interface RevokedFamily {
  userId: string;
  organizationId: string;
  ended: number;
}

/** Revokes the family of a spent token, if `hash` is one; true when it is. */
async function revokeFamilyOfSpent(database: Database, hash: string): Promise<boolean> {
  return database.dataSource.transaction(async (manager) => {
    const [family] = await manager.query<RevokedFamily[]>(
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
    );
    if (!family) return false;
    if (family.ended > 0) {
      await recordAuditEvents(manager, [
        { organizationId: family.organizationId, action: 'REFRESH_TOKEN_REUSED', actor: ANONYMOUS_ACTOR, details: { userId: family.userId } },
      ]);
    }
    return true;
  });
}
