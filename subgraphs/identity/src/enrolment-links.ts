import { clientError, type Logger, type UserPrincipal } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';
import { confirmMfa, enrollMfa } from './mfa-enrolment';
import type { MfaEnrolmentOffer } from './pending-enrolment';
import type { UserAccount } from './user-account';

/**
 * An existing user who must have a second factor (mfa-requirement.ts) but has none gets no session from signIn:
 * the right password emails them a single-use link instead, valid 24 hours. Holding the link they start enrolment
 * (a secret), confirm it with a code, and then sign in with password and code. Only the link token's hash is
 * stored. At most one link per user is live at a time: sign-ins while one is live email nothing more.
 */
export const LINK_LIFETIME_HOURS = 24;
const MAX_TOKEN_LENGTH = 128;

export interface EnrolmentLinkMailer {
  logger: Logger;
  /** The portal page enrolment links point to. */
  enrolUrl: string;
  /** Without SMTP delivery (development) the link is logged, so someone can open it. */
  logsLinks: boolean;
}

/** Emails `user` an enrolment link, unless one sent earlier is still live; true when one was queued now. */
export async function sendEnrolmentLink(database: Database, mailer: EnrolmentLinkMailer, user: UserAccount): Promise<boolean> {
  const token = newOpaqueToken();
  const link = `${mailer.enrolUrl}?token=${token}`;
  const subject = 'Set up multi-factor authentication for PartnerGraph';
  const body =
    `${subject}.\n\nYour organization requires an authenticator app before you can sign in. ` +
    `Open this link within ${LINK_LIFETIME_HOURS} hours; it works once:\n${link}\n`;
  const queued = await database.dataSource.transaction(async (manager) => {
    // The user's row lock serializes sign-ins racing to send the first link.
    await manager.query('SELECT 1 FROM identity.user_account WHERE id = $1 FOR UPDATE', [user.id]);
    const [live] = (await manager.query(
      'SELECT 1 FROM identity.mfa_enrolment_link WHERE user_id = $1 AND used_at IS NULL AND expires_at > now() LIMIT 1',
      [user.id],
    )) as unknown[];
    if (live) return false;
    await manager.query(
      `WITH linked AS (
         INSERT INTO identity.mfa_enrolment_link (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(hours => $3))
       )
       INSERT INTO identity.email_outbox (to_address, subject, body) VALUES ($4, $5, $6)`,
      [user.id, hashOpaqueToken(token), LINK_LIFETIME_HOURS, user.email, subject, body],
    );
    return true;
  });
  if (!queued) return false;
  if (mailer.logsLinks) mailer.logger.info('email queued (no delivery configured)', { to: user.email, subject, link });
  else mailer.logger.info('email queued', { subject });
  return true;
}

/** The first step with a link: a fresh TOTP secret for the link's user (starting again replaces it). */
export async function startMfaEnrolmentFromLink(database: Database, token: string): Promise<MfaEnrolmentOffer> {
  const holder = await usableLink(token, (sql, parameters) => database.dataSource.query(sql, parameters));
  return enrollMfa(database, holder);
}

/**
 * The second step: a current code confirms enrolment and spends the link; the ten recovery codes are returned.
 * A wrong code leaves the link usable. The link's row stays locked until enrolment commits, so the link works once.
 */
export async function confirmMfaEnrolmentFromLink(database: Database, token: string, code: string): Promise<string[]> {
  return database.dataSource.transaction(async (manager) => {
    // Only the link's row: confirmMfa locks the user's row in its own transaction.
    const holder = await usableLink(token, (sql, parameters) => manager.query(sql, parameters), 'FOR UPDATE OF link');
    const codes = await confirmMfa(database, holder, code);
    await manager.query('UPDATE identity.mfa_enrolment_link SET used_at = now() WHERE token_hash = $1', [hashOpaqueToken(token)]);
    return codes;
  });
}

/** The user a live link is for, as the principal the enrolment functions take; the link's own error when it is not live. */
async function usableLink(
  token: string,
  query: (sql: string, parameters: unknown[]) => Promise<unknown>,
  lock = '',
): Promise<UserPrincipal> {
  if (token.length > MAX_TOKEN_LENGTH) throw linkNotFound();
  const [link] = (await query(
    `SELECT link.used_at IS NOT NULL AS used, link.expires_at <= now() AS expired,
            account.id AS "userId", account.organization_id AS "organizationId", account.role
     FROM identity.mfa_enrolment_link link JOIN identity.user_account account ON account.id = link.user_id
     WHERE link.token_hash = $1 ${lock}`,
    [hashOpaqueToken(token)],
  )) as { used: boolean; expired: boolean; userId: string; organizationId: string; role: UserPrincipal['role'] }[];
  if (!link) throw linkNotFound();
  if (link.used) throw clientError('MFA_ENROLMENT_LINK_USED', 'That enrolment link has already been used; sign in with your code.');
  if (link.expired) throw clientError('MFA_ENROLMENT_LINK_EXPIRED', 'That enrolment link has expired; sign in again to get a new one.');
  return { kind: 'user', userId: link.userId, organizationId: link.organizationId, role: link.role, mfa: false };
}

function linkNotFound() {
  return clientError('MFA_ENROLMENT_LINK_NOT_FOUND', 'That enrolment link is not valid.');
}
