import { EntitySchema, IsNull, Raw } from 'typeorm';
import { clientError, type Logger, type SecretBox, type UserPrincipal } from '@partnergraph/core';
import { selectRows, type Database, type Queryable } from '@partnergraph/subgraph-kit';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';
import { confirmMfa, enrollMfa } from './mfa-enrolment';
import type { MfaEnrolmentOffer } from './pending-enrolment';
import { UserAccountEntity, type UserAccount } from './user-account';

/**
 * An existing user who must have a second factor (mfa-requirement.ts) but has none gets no session from signIn:
 * the right password emails them a single-use link instead, valid 24 hours. Holding the link they start enrolment
 * (a secret), confirm it with a code, and then sign in with password and code. Only the link token's hash is
 * stored. At most one link per user is live at a time: sign-ins while one is live email nothing more.
 */
export const LINK_LIFETIME_HOURS = 24;
const MAX_TOKEN_LENGTH = 128;

/** A link as stored: only its token's hash, and when it was spent. */
export interface MfaEnrolmentLink {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export const MfaEnrolmentLinkEntity = new EntitySchema<MfaEnrolmentLink>({
  name: 'MfaEnrolmentLink',
  tableName: 'mfa_enrolment_link',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    userId: { name: 'user_id', type: 'uuid' },
    tokenHash: { name: 'token_hash', type: 'text', unique: true },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    usedAt: { name: 'used_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});

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
    const live = await manager.getRepository(MfaEnrolmentLinkEntity).existsBy({
      userId: user.id,
      usedAt: IsNull(),
      // Live by the database's clock, as usableLink judges it.
      expiresAt: Raw((expiresAt) => `${expiresAt} > now()`),
    });
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
export async function startMfaEnrolmentFromLink(database: Database, secrets: SecretBox, token: string): Promise<MfaEnrolmentOffer> {
  const holder = await usableLink(database.dataSource, token);
  return enrollMfa(database, secrets, holder);
}

/**
 * The second step: a current code confirms enrolment and spends the link; the ten recovery codes are returned.
 * A wrong code leaves the link usable. The link's row stays locked until enrolment commits, so the link works once.
 */
export async function confirmMfaEnrolmentFromLink(database: Database, secrets: SecretBox, token: string, code: string): Promise<string[]> {
  return database.dataSource.transaction(async (manager) => {
    // Only the link's row: confirmMfa locks the user's row in its own transaction.
    const holder = await usableLink(manager, token, 'FOR UPDATE OF link');
    const codes = await confirmMfa(database, secrets, holder, code);
    await manager.getRepository(MfaEnrolmentLinkEntity).update({ tokenHash: hashOpaqueToken(token) }, { usedAt: () => 'now()' });
    return codes;
  });
}

/** The user a live link is for, as the principal the enrolment functions take; the link's own error when it is not live. */
async function usableLink(sql: Queryable, token: string, lock = ''): Promise<UserPrincipal> {
  if (token.length > MAX_TOKEN_LENGTH) throw linkNotFound();
  const [link] = await selectRows<UserAccount, LinkState>(
    sql,
    UserAccountEntity,
    (columns) => `SELECT ${columns}, link.used_at IS NOT NULL AS used, link.expires_at <= now() AS expired
     FROM identity.mfa_enrolment_link link JOIN identity.user_account account ON account.id = link.user_id
     WHERE link.token_hash = $1 ${lock}`,
    [hashOpaqueToken(token)],
    'account',
  );
  if (!link) throw linkNotFound();
  if (link.used) throw clientError('MFA_ENROLMENT_LINK_USED', 'That enrolment link has already been used; sign in with your code.');
  if (link.expired) throw clientError('MFA_ENROLMENT_LINK_EXPIRED', 'That enrolment link has expired; sign in again to get a new one.');
  return { kind: 'user', userId: link.id, organizationId: link.organizationId, role: link.role, mfa: false };
}

/** Beside the link's user: whether the link was spent, or expired by the database's clock. */
interface LinkState {
  used: boolean;
  expired: boolean;
}

function linkNotFound() {
  return clientError('MFA_ENROLMENT_LINK_NOT_FOUND', 'That enrolment link is not valid.');
}
