import { EntitySchema, Raw, type EntityManager } from 'typeorm';
import { clientError, type SecretBox } from '@partnergraph/core';
import { selectRows } from '@partnergraph/subgraph-kit';
import { recordAuditEvents } from './audit-log';
import { generateRecoveryCodes, hashRecoveryCode, RecoveryCodeEntity } from './credentials/recovery-codes';
import { generateTotpSecret, otpauthUri, verifyTotp } from './credentials/totp';
import { openPendingTotpSecret, sealPendingTotpSecret, sealTotpSecret } from './credentials/totp-secrets';
import { UserAccountEntity } from './user-account';

/**
 * TOTP enrolment before an account exists: someone accepting a user invitation into an organization that requires
 * MFA, or creating a partner account, is offered a secret bound to a token (the invitation's, or an enrolment token
 * made for the sign-up), and the account is created only with a current code from it. Offers expire after
 * 30 minutes; a new offer for the same token replaces the last one.
 */
export type PendingEnrolmentPurpose = 'INVITATION' | 'PARTNER_ACCOUNT';

/** An offer as stored, keyed by the hash of the token it is bound to; `secret` sealed (credentials/totp-secrets.ts). */
export interface PendingMfaEnrolment {
  tokenHash: string;
  purpose: PendingEnrolmentPurpose;
  email: string;
  secret: string;
  expiresAt: Date;
}

export const PendingMfaEnrolmentEntity = new EntitySchema<PendingMfaEnrolment>({
  name: 'PendingMfaEnrolment',
  tableName: 'pending_mfa_enrolment',
  columns: {
    tokenHash: { name: 'token_hash', type: 'text', primary: true },
    purpose: { type: 'text' },
    email: { type: 'text' },
    secret: { type: 'text' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
  },
});

export interface MfaEnrolmentOffer {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** The same as an otpauth:// URI, for a QR code. */
  otpauthUri: string;
}

const ISSUER = 'PartnerGraph';
const LIFETIME_MINUTES = 30;

/** Offers a fresh secret for `tokenHash` (replacing any earlier offer), and clears expired offers. */
export async function offerPendingEnrolment(
  manager: EntityManager,
  secrets: SecretBox,
  offer: { tokenHash: string; purpose: PendingEnrolmentPurpose; email: string },
): Promise<MfaEnrolmentOffer> {
  const secret = generateTotpSecret();
  // Expired by the database's clock, as takePendingEnrolment judges them.
  await manager.getRepository(PendingMfaEnrolmentEntity).delete({ expiresAt: Raw((expiresAt) => `${expiresAt} <= now()`) });
  await manager.query(
    `INSERT INTO identity.pending_mfa_enrolment (token_hash, purpose, email, secret, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
     ON CONFLICT (token_hash) DO UPDATE SET purpose = EXCLUDED.purpose, email = EXCLUDED.email,
       secret = EXCLUDED.secret, expires_at = EXCLUDED.expires_at`,
    [offer.tokenHash, offer.purpose, offer.email, sealPendingTotpSecret(secrets, offer.tokenHash, secret), LIFETIME_MINUTES],
  );
  return { secret, otpauthUri: otpauthUri({ secretBase32: secret, accountName: offer.email, issuer: ISSUER }) };
}

/**
 * The offered secret and the time step `code` matched, the offer spent (in the caller's transaction, so a failure
 * after this leaves it offered). MFA_ENROLMENT_NOT_STARTED when there is no live offer for the token and email,
 * INVALID_MFA_CODE when the code does not match it.
 */
export async function takePendingEnrolment(
  manager: EntityManager,
  secrets: SecretBox,
  offer: { tokenHash: string; purpose: PendingEnrolmentPurpose; email: string },
  code: string,
  now = new Date(),
): Promise<{ secret: string; counter: number }> {
  const [pending] = await selectRows(
    manager,
    PendingMfaEnrolmentEntity,
    (columns) => `SELECT ${columns} FROM identity.pending_mfa_enrolment
     WHERE token_hash = $1 AND purpose = $2 AND email = $3 AND expires_at > now() FOR UPDATE`,
    [offer.tokenHash, offer.purpose, offer.email],
  );
  if (!pending) {
    throw clientError('MFA_ENROLMENT_NOT_STARTED', 'Start multi-factor enrolment first (or again: it expires after 30 minutes).');
  }
  const secret = openPendingTotpSecret(secrets, offer.tokenHash, pending.secret);
  const counter = verifyTotp(secret, code.trim(), now);
  if (counter === null) throw clientError('INVALID_MFA_CODE', 'The authenticator code is wrong or has expired.');
  await manager.getRepository(PendingMfaEnrolmentEntity).delete({ tokenHash: offer.tokenHash });
  return { secret, counter };
}

/**
 * Makes a confirmed secret the new account's second factor, with ten recovery codes (returned, this once; only
 * their hashes kept), recorded as MFA_CONFIRMED. The one place outside mfa-enrolment.ts that writes `totp_secret`.
 */
export async function storeEnrolledTotp(
  manager: EntityManager,
  secrets: SecretBox,
  user: { id: string; organizationId: string },
  enrolled: { secret: string; counter: number },
): Promise<string[]> {
  await manager
    .getRepository(UserAccountEntity)
    .update({ id: user.id }, { totpSecret: sealTotpSecret(secrets, user.id, 'totp_secret', enrolled.secret), totpLastCounter: enrolled.counter });
  const codes = generateRecoveryCodes();
  await manager.getRepository(RecoveryCodeEntity).insert(codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })));
  await recordAuditEvents(manager, [
    { organizationId: user.organizationId, action: 'MFA_CONFIRMED', actor: { kind: 'USER', id: user.id }, details: { userId: user.id } },
  ]);
  return codes;
}
