import { clientError, type SecretBox, type UserPrincipal } from '@partnergraph/core';
import { IsNull } from 'typeorm';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { recordAuditEvents, userActor, type AuditAction, type AuditRecord } from './audit-log';
import { generateRecoveryCodes, hashRecoveryCode, RecoveryCodeEntity } from './credentials/recovery-codes';
import { generateTotpSecret, otpauthUri, verifyTotp } from './credentials/totp';
import { openTotpSecret, sealTotpSecret } from './credentials/totp-secrets';
import { UserAccountEntity } from './user-account';

const ISSUER = 'PartnerGraph';

/**
 * Starts TOTP enrolment: a fresh secret waits as pending until the user proves,
 * with a code, that their authenticator has it. Starting again replaces it.
 * The secret is stored sealed (credentials/totp-secrets.ts).
 */
export async function enrollMfa(
  database: Database,
  secrets: SecretBox,
  user: UserPrincipal,
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = generateTotpSecret();
  const row = await database.dataSource.transaction(async (manager) => {
    // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
    const [started] = await selectRows(
      manager,
      UserAccountEntity,
      (columns) => `WITH started AS (
         UPDATE identity.user_account SET totp_pending_secret = $2 WHERE id = $1 AND totp_secret IS NULL RETURNING *
       )
       SELECT ${columns} FROM started`,
      [user.userId, sealTotpSecret(secrets, user.userId, 'totp_pending_secret', secret)],
    );
    if (!started) throw clientError('BAD_USER_INPUT', 'Multi-factor authentication is already enrolled for this account.');
    await recordAuditEvents(manager, [mfaEvent('MFA_ENROLLED', user)]);
    return started;
  });
  return { secret, otpauthUri: otpauthUri({ secretBase32: secret, accountName: row.email, issuer: ISSUER }) };
}

/**
 * Confirms enrolment with a current code: the pending secret becomes the
 * account's, and ten one-time recovery codes are returned, this once; only
 * their hashes are kept. Sign-in asks for a code from then on.
 */
export async function confirmMfa(
  database: Database,
  secrets: SecretBox,
  user: UserPrincipal,
  code: string,
  now = new Date(),
): Promise<string[]> {
  return database.dataSource.transaction(async (manager) => {
    const [account] = await selectRows(
      manager,
      UserAccountEntity,
      (columns) => `SELECT ${columns} FROM identity.user_account WHERE id = $1 FOR UPDATE`,
      [user.userId],
    );
    if (!account?.totpPendingSecret) throw clientError('BAD_USER_INPUT', 'Start with enrollMfa: there is no enrolment to confirm.');
    const secret = openTotpSecret(secrets, user.userId, 'totp_pending_secret', account.totpPendingSecret);
    const counter = verifyTotp(secret, code.trim(), now);
    if (counter === null) throw clientError('INVALID_MFA_CODE', 'The authenticator code is wrong or has expired.');
    await manager
      .getRepository(UserAccountEntity)
      .update(
        { id: user.userId },
        { totpSecret: sealTotpSecret(secrets, user.userId, 'totp_secret', secret), totpPendingSecret: null, totpLastCounter: counter },
      );
    const codes = generateRecoveryCodes();
    const recoveryCodes = manager.getRepository(RecoveryCodeEntity);
    await recoveryCodes.delete({ userId: user.userId });
    await recoveryCodes.insert(codes.map((code) => ({ userId: user.userId, codeHash: hashRecoveryCode(code) })));
    await recordAuditEvents(manager, [mfaEvent('MFA_CONFIRMED', user)]);
    return codes;
  });
}

/** Spends one recovery code in place of a TOTP code, and records it; false when it is unknown or already spent. */
export async function useRecoveryCode(
  database: Database,
  user: { id: string; organizationId: string },
  code: string,
): Promise<boolean> {
  return database.dataSource.transaction(async (manager) => {
    const { affected } = await manager
      .getRepository(RecoveryCodeEntity)
      .update({ userId: user.id, codeHash: hashRecoveryCode(code), usedAt: IsNull() }, { usedAt: () => 'now()' });
    if (affected !== 1) return false;
    await recordAuditEvents(manager, [mfaEvent('MFA_RECOVERY_CODE_USED', { userId: user.id, organizationId: user.organizationId })]);
    return true;
  });
}

function mfaEvent(action: AuditAction, user: Pick<UserPrincipal, 'userId' | 'organizationId'>): AuditRecord {
  return { organizationId: user.organizationId, action, actor: userActor(user), details: { userId: user.userId } };
}
