import { IsNull, LessThan, Or } from 'typeorm';
import { clientError, type AccessTokenIssuer, type SecretBox } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { ANONYMOUS_ACTOR, recordAuditEvents, type AuditRecord, type SignInFailure, type SignInSecondFactor } from './audit-log';
import { hashPassword, verifyPassword } from './credentials/password';
import { verifyTotp } from './credentials/totp';
import { sendEnrolmentLink, type EnrolmentLinkMailer } from './enrolment-links';
import { openTotpSecret } from './credentials/totp-secrets';
import { useRecoveryCode } from './mfa-enrolment';
import { mfaEnrolmentRequired, organizationRequiresMfa } from './mfa-requirement';
import { issueRefreshToken, spendRefreshToken } from './refresh-tokens';
import { UserAccountEntity, type UserAccount } from './user-account';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string | null;
  /** One of the account's recovery codes, in place of a TOTP code. */
  recoveryCode?: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserAccount;
  /** The ten recovery codes of an account that enrolled in opening this session (shown this once); else absent or null. */
  recoveryCodes?: string[] | null;
}

/**
 * Compared against when the email is unknown, so an unknown email costs as much
 * time as a wrong password. Made on first use, not when the module loads.
 */
let unknownUserHash: Promise<string> | undefined;

/**
 * Password, then the TOTP code when the account has one enrolled. Every
 * failure counts; the fifth in a row locks the account for 15 minutes. A TOTP
 * code is accepted at most once: its time step must be newer than the last one
 * accepted, and that check and the update are one statement, so two sign-ins
 * racing with the same code cannot both win.
 *
 * The audit log records each counted failure of a known account (and the
 * failure that locks it) and each success with its session. Nothing is
 * recorded for an unknown email (it concerns no organization), an attempt
 * while locked, or a missing TOTP code (neither counts as a failure): so
 * anonymous callers cannot grow the log without bound.
 *
 * A user who must have a second factor (mfa-requirement.ts) and has none gets
 * no session: the right password emails them an enrolment link instead
 * (enrolment-links.ts, at most one live at a time) and MFA_ENROLMENT_REQUIRED.
 */
export async function signIn(
  database: Database,
  tokens: AccessTokenIssuer,
  secrets: SecretBox,
  input: SignInInput,
  enrolmentLinks: EnrolmentLinkMailer,
  now = new Date(),
): Promise<Session> {
  const users = database.dataSource.getRepository(UserAccountEntity);
  const user = await users.findOneBy({ email: input.email.trim().toLowerCase() });
  if (!user) {
    await verifyPassword(input.password, await (unknownUserHash ??= hashPassword('not a password of anyone')));
    throw clientError('INVALID_CREDENTIALS', 'The email or password is wrong.');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    throw clientError('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again later.', { retryAfterSeconds });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await recordFailure(database, user, 'WRONG_PASSWORD', now);
    throw clientError('INVALID_CREDENTIALS', 'The email or password is wrong.');
  }
  if (user.totpSecret === null && (await organizationRequiresMfa(database.dataSource.manager, user.organizationId))) {
    await sendEnrolmentLink(database, enrolmentLinks, user);
    throw mfaEnrolmentRequired('Your organization requires an authenticator app: we have emailed you a link to set it up, then sign in with its code.');
  }
  if (user.totpSecret && input.recoveryCode && !input.totpCode) {
    if (!(await useRecoveryCode(database, user, input.recoveryCode))) {
      await recordFailure(database, user, 'WRONG_RECOVERY_CODE', now);
      throw clientError('INVALID_MFA_CODE', 'That recovery code is wrong or was already used.');
    }
  } else if (user.totpSecret) {
    if (!input.totpCode) throw clientError('MFA_CODE_REQUIRED', 'Enter the code from your authenticator app.');
    const counter = verifyTotp(openTotpSecret(secrets, user.id, 'totp_secret', user.totpSecret), input.totpCode.trim(), now);
    if (counter === null || !(await acceptTotpStep(database, user.id, counter))) {
      await recordFailure(database, user, 'WRONG_MFA_CODE', now);
      throw clientError('INVALID_MFA_CODE', 'The authenticator code is wrong or was already used.');
    }
  }
  await users.update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
  const secondFactor: SignInSecondFactor = user.totpSecret === null ? 'NONE' : input.totpCode ? 'TOTP' : 'RECOVERY_CODE';
  return openSession(database, tokens, user, {
    mfa: user.totpSecret !== null,
    audit: [
      {
        organizationId: user.organizationId,
        action: 'SIGN_IN_SUCCEEDED',
        actor: { kind: 'USER', id: user.id },
        details: { userId: user.id, secondFactor },
      },
    ],
  });
}

/**
 * A session for a user who has just proved who they are: an access token and a
 * refresh token, the first of a new family unless `familyId` continues one.
 * `audit` is recorded in the transaction that stores the refresh token.
 */
export async function openSession(
  database: Database,
  tokens: AccessTokenIssuer,
  user: UserAccount,
  options: { mfa: boolean; familyId?: string; audit?: readonly AuditRecord[] },
): Promise<Session> {
  const { accessToken, expiresIn } = await tokens.issueForUser({
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    mfa: options.mfa,
  });
  const refreshToken = await database.dataSource.transaction(async (manager) => {
    const issued = await issueRefreshToken(manager, user.id, options.mfa, options.familyId);
    await recordAuditEvents(manager, options.audit ?? []);
    return issued;
  });
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn, user };
}

/**
 * Trades a refresh token for a new session in the same family (role and organization read afresh). A session
 * opened without a second factor is not extended for a user who must have one (a partner's, or one of a customer
 * that requires MFA since): they sign in again, with their code, or enrol first.
 */
export async function refreshSession(database: Database, tokens: AccessTokenIssuer, refreshToken: string): Promise<Session> {
  const spent = await spendRefreshToken(database, refreshToken);
  const user = await database.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: spent.userId });
  if (!spent.mfa && (await organizationRequiresMfa(database.dataSource.manager, user.organizationId))) {
    if (user.totpSecret === null) throw mfaEnrolmentRequired('Your organization requires an authenticator app: sign in to receive a link to set it up.');
    throw clientError('REFRESH_TOKEN_INVALID', 'That session was opened without your authenticator code; sign in again with it.');
  }
  return openSession(database, tokens, user, { mfa: spent.mfa, familyId: spent.familyId });
}

async function acceptTotpStep(database: Database, userId: string, counter: number): Promise<boolean> {
  const { affected } = await database.dataSource
    .getRepository(UserAccountEntity)
    .update({ id: userId, totpLastCounter: Or(IsNull(), LessThan(counter)) }, { totpLastCounter: counter });
  return affected === 1;
}

/** The failures in a row this one makes: the first of a new run once a lock has expired. */
const COUNTED_FAILURES = 'CASE WHEN locked_until <= $3::timestamptz THEN 1 ELSE failed_sign_ins + 1 END';

/** Counts a failure and records it, with SIGN_IN_LOCKED too when it locks the account. */
async function recordFailure(database: Database, user: UserAccount, reason: SignInFailure, now: Date): Promise<void> {
  await database.dataSource.transaction(async (manager) => {
    // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
    const [counted] = await selectRows(
      manager,
      UserAccountEntity,
      (columns) => `WITH counted AS (
         UPDATE identity.user_account
         SET failed_sign_ins = ${COUNTED_FAILURES},
             locked_until = CASE WHEN ${COUNTED_FAILURES} >= $2 THEN $3::timestamptz + make_interval(mins => $4) END
         WHERE id = $1
         RETURNING *
       )
       SELECT ${columns} FROM counted`,
      [user.id, MAX_FAILED_SIGN_INS, now.toISOString(), LOCK_MINUTES],
    );
    const failed: AuditRecord = {
      organizationId: user.organizationId,
      action: 'SIGN_IN_FAILED',
      actor: ANONYMOUS_ACTOR,
      details: { userId: user.id, signInFailure: reason },
    };
    const lockedUntil = counted?.lockedUntil ?? null;
    await recordAuditEvents(
      manager,
      lockedUntil === null
        ? [failed]
        : [failed, { ...failed, action: 'SIGN_IN_LOCKED', details: { ...failed.details, lockedUntil: lockedUntil.toISOString() } }],
    );
  });
}
