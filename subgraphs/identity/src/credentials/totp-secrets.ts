import { clientError, UnknownSecretKeyError, type SecretBox } from '@partnergraph/core';

/** The two places a TOTP secret is kept: the enrolled one, and one waiting for its first code. */
export type TotpSecretColumn = 'totp_secret' | 'totp_pending_secret';

/** Where a value lives, sealed with it as associated data: a sealed secret does not open in another row or column. */
function location(userId: string, column: TotpSecretColumn): string {
  return `identity.user_account.${column}:${userId}`;
}

/**
 * Every TOTP secret is written through here: sealed (secret-box.ts) under the
 * current key of SECRET_ENCRYPTION_KEYS, for one column of one user's row.
 */
export function sealTotpSecret(secrets: SecretBox, userId: string, column: TotpSecretColumn, secretBase32: string): string {
  return secrets.seal(secretBase32, location(userId, column));
}

/**
 * The base32 secret from its stored form. A value from before encryption
 * (plain base32, which never holds a colon) is returned as stored, until the
 * re-encryption job (totp-secret-resealing.ts) has sealed it. A value sealed
 * under a key the configuration no longer holds is refused with
 * MFA_UNAVAILABLE; the job logs which keys are missing.
 */
export function openTotpSecret(secrets: SecretBox, userId: string, column: TotpSecretColumn, stored: string): string {
  if (secrets.keyIdOf(stored) === null) return stored;
  try {
    return secrets.open(stored, location(userId, column));
  } catch (error) {
    if (error instanceof UnknownSecretKeyError) {
      throw clientError(
        'MFA_UNAVAILABLE',
        'Your authenticator code cannot be checked right now: sign in with a recovery code, or try again later.',
      );
    }
    throw error;
  }
}

/** Where a secret offered before its account exists (pending-enrolment.ts) is kept: by the offer's token hash. */
function pendingLocation(tokenHash: string): string {
  return `identity.pending_mfa_enrolment.secret:${tokenHash}`;
}

/**
 * A secret offered before its account exists is sealed too. Offers live 30
 * minutes and are not re-encrypted: a key removed from SECRET_ENCRYPTION_KEYS
 * within 30 minutes of its last offer makes that offer unusable (start again).
 */
export function sealPendingTotpSecret(secrets: SecretBox, tokenHash: string, secretBase32: string): string {
  return secrets.seal(secretBase32, pendingLocation(tokenHash));
}

export function openPendingTotpSecret(secrets: SecretBox, tokenHash: string, stored: string): string {
  try {
    return secrets.open(stored, pendingLocation(tokenHash));
  } catch (error) {
    if (error instanceof UnknownSecretKeyError) {
      throw clientError('MFA_ENROLMENT_NOT_STARTED', 'Start multi-factor enrolment again: the offered secret can no longer be read.');
    }
    throw error;
  }
}

/** Whether a stored value should be sealed afresh under the current key: plain text, or sealed under an older key still held. */
export function needsResealing(secrets: SecretBox, stored: string): boolean {
  const keyId = secrets.keyIdOf(stored);
  return keyId === null || (keyId !== secrets.currentKeyId && secrets.keyIds.includes(keyId));
}
