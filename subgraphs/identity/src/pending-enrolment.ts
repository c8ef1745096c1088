import { clientError } from '@partnergraph/core';
import { recordAuditEvents, type SqlRunner } from './audit-log';
import { generateRecoveryCodes, hashRecoveryCode } from './credentials/recovery-codes';
import { generateTotpSecret, otpauthUri, verifyTotp } from './credentials/totp';

/**
 * TOTP enrolment before an account exists: someone accepting a user invitation into an organization that requires
 * MFA, or creating a partner account, is offered a secret bound to a token (the invitation's, or an enrolment token
 * made for the sign-up), and the account is created only with a current code from it. Offers expire after
 * 30 minutes; a new offer for the same token replaces the last one.
 */
export type PendingEnrolmentPurpose = 'INVITATION' | 'PARTNER_ACCOUNT';

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
  sql: SqlRunner,
  offer: { tokenHash: string; purpose: PendingEnrolmentPurpose; email: string },
): Promise<MfaEnrolmentOffer> {
  const secret = generateTotpSecret();
  await sql.query('DELETE FROM identity.pending_mfa_enrolment WHERE expires_at <= now()', []);
  await sql.query(
    `INSERT INTO identity.pending_mfa_enrolment (token_hash, purpose, email, secret, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
     ON CONFLICT (token_hash) DO UPDATE SET purpose = EXCLUDED.purpose, email = EXCLUDED.email,
       secret = EXCLUDED.secret, expires_at = EXCLUDED.expires_at`,
    [offer.tokenHash, offer.purpose, offer.email, secret, LIFETIME_MINUTES],
  );
  return { secret, otpauthUri: otpauthUri({ secretBase32: secret, accountName: offer.email, issuer: ISSUER }) };
}

/**
 * The offered secret and the time step `code` matched, the offer spent (in the caller's transaction, so a failure
 * after this leaves it offered). MFA_ENROLMENT_NOT_STARTED when there is no live offer for the token and email,
 * INVALID_MFA_CODE when the code does not match it.
 */
export async function takePendingEnrolment(
  sql: SqlRunner,
  offer: { tokenHash: string; purpose: PendingEnrolmentPurpose; email: string },
  code: string,
  now = new Date(),
): Promise<{ secret: string; counter: number }> {
  const [pending] = (await sql.query(
    `SELECT secret FROM identity.pending_mfa_enrolment
     WHERE token_hash = $1 AND purpose = $2 AND email = $3 AND expires_at > now() FOR UPDATE`,
    [offer.tokenHash, offer.purpose, offer.email],
  )) as { secret: string }[];
  if (!pending) {
    throw clientError('MFA_ENROLMENT_NOT_STARTED', 'Start multi-factor enrolment first (or again: it expires after 30 minutes).');
  }
  const counter = verifyTotp(pending.secret, code.trim(), now);
  if (counter === null) throw clientError('INVALID_MFA_CODE', 'The authenticator code is wrong or has expired.');
  await sql.query('DELETE FROM identity.pending_mfa_enrolment WHERE token_hash = $1', [offer.tokenHash]);
  return { secret: pending.secret, counter };
}

/**
 * Makes a confirmed secret the new account's second factor, with ten recovery codes (returned, this once; only
 * their hashes kept), recorded as MFA_CONFIRMED. The one place outside mfa-enrolment.ts that writes `totp_secret`.
 */
export async function storeEnrolledTotp(
  sql: SqlRunner,
  user: { id: string; organizationId: string },
  enrolled: { secret: string; counter: number },
): Promise<string[]> {
  await sql.query('UPDATE identity.user_account SET totp_secret = $2, totp_last_counter = $3 WHERE id = $1', [
    user.id,
    enrolled.secret,
    enrolled.counter,
  ]);
  const codes = generateRecoveryCodes();
  await sql.query('INSERT INTO identity.recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])', [
    user.id,
    codes.map(hashRecoveryCode),
  ]);
  await recordAuditEvents(sql, [
    { organizationId: user.organizationId, action: 'MFA_CONFIRMED', actor: { kind: 'USER', id: user.id }, details: { userId: user.id } },
  ]);
  return codes;
}
