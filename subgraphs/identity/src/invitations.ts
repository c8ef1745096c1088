import { EntitySchema, type EntityManager } from 'typeorm';
import { clientError, displayedText, type Logger, type OrganizationRole, type SecretBox, type UserPrincipal } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { partnerAccessEvents, recordAuditEvents } from './audit-log';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';
import { hashPassword, validateNewPassword } from './credentials/password';
import { mfaEnrolmentRequired, organizationRequiresMfa } from './mfa-requirement';
import { PartnerGrantEntity, type PartnerGrant } from './partner-grant';
import { offerPendingEnrolment, storeEnrolledTotp, takePendingEnrolment, type MfaEnrolmentOffer } from './pending-enrolment';
import { UserAccountEntity } from './user-account';

export type InvitationKind = 'USER' | 'CUSTOMER';

/** `role` is the invited user's (null for a customer invitation); the link's token is kept only as `tokenHash`. */
export interface Invitation {
  id: string;
  kind: InvitationKind;
  organizationId: string;
  email: string;
  role: OrganizationRole | null;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

export const InvitationEntity = new EntitySchema<Invitation>({
  name: 'Invitation',
  tableName: 'invitation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    kind: { type: 'text' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    email: { type: 'text' },
    role: { type: 'text', nullable: true },
    tokenHash: { name: 'token_hash', type: 'text', unique: true },
    invitedBy: { name: 'invited_by', type: 'uuid' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
    acceptedAt: { name: 'accepted_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});

const LIFETIME_DAYS: Record<InvitationKind, number> = { USER: 7, CUSTOMER: 30 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Mailer {
  logger: Logger;
  /** Where invitation links point: the portal page that accepts them. */
  acceptUrl: string;
  /** Without SMTP delivery (development) the link is logged, so someone can open it. */
  logsLinks: boolean;
}

function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised) || normalised.length > 254) {
    throw clientError('BAD_USER_INPUT', 'That is not an email address.', { field: 'email' });
  }
  return normalised;
}

/**
 * Records the invitation and its email in one statement; the link's token is
 * an opaque token kept only as its hash. Where the outbox is not delivered
 * (development), the link is logged.
 */
export async function invite(
  database: Database,
  mailer: Mailer,
  inviter: UserPrincipal,
  request: { kind: InvitationKind; email: string; role: OrganizationRole | null; organizationName: string },
): Promise<Invitation> {
  const email = normaliseEmail(request.email);
  const token = newOpaqueToken();
  const link = `${mailer.acceptUrl}?token=${token}`;
  const subject =
    request.kind === 'USER'
      ? `Join ${request.organizationName} on PartnerGraph`
      : `${request.organizationName} invites you to share your monitoring data`;
  const body = `${subject}.\n\nOpen this link within ${LIFETIME_DAYS[request.kind]} days; it works once:\n${link}\n`;
  const [invitation] = await selectRows(
    database.dataSource,
    InvitationEntity,
    (columns) => `WITH invited AS (
       INSERT INTO identity.invitation (kind, organization_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
       RETURNING *
     ), mailed AS (
       INSERT INTO identity.email_outbox (to_address, subject, body) SELECT email, $8, $9 FROM invited
     )
     SELECT ${columns} FROM invited`,
    [request.kind, inviter.organizationId, email, request.role, hashOpaqueToken(token), inviter.userId, LIFETIME_DAYS[request.kind], subject, body],
  );
  if (!invitation) throw new Error('the invitation insert returned no row');
  if (mailer.logsLinks) mailer.logger.info('email queued (no delivery configured)', { to: email, subject, link });
  else mailer.logger.info('email queued', { subject });
  return invitation;
}

/**
 * Marks the invitation used, once: the check and the update are one
 * statement, so two uses racing cannot both succeed. Whatever the caller then
 * writes happens in the same transaction, so a failure leaves it usable.
 */
async function consume<T>(
  database: Database,
  token: string,
  kind: InvitationKind,
  then: (invitation: Invitation, manager: EntityManager) => Promise<T>,
): Promise<T> {
  return database.dataSource.transaction(async (manager) => {
    const tokenHash = hashOpaqueToken(token);
    // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
    const [invitation] = await selectRows(
      manager,
      InvitationEntity,
      (columns) => `WITH accepted AS (
         UPDATE identity.invitation SET accepted_at = now()
         WHERE token_hash = $1 AND kind = $2 AND accepted_at IS NULL AND expires_at > now()
         RETURNING *
       )
       SELECT ${columns} FROM accepted`,
      [tokenHash, kind],
    );
    if (!invitation) {
      const found = await manager.getRepository(InvitationEntity).findOneBy({ tokenHash, kind });
      if (!found) throw clientError('INVITATION_NOT_FOUND', 'That invitation link is not valid.');
      throw found.acceptedAt !== null
        ? clientError('INVITATION_USED', 'That invitation has already been used.')
        : clientError('INVITATION_EXPIRED', 'That invitation has expired; ask for a new one.');
    }
    return then(invitation, manager);
  });
}

/** Beside an invitation read to start enrolment: whether it expired, by the database's clock as consume judges it. */
interface InvitationExpiry {
  expired: boolean;
}

/**
 * The first step of accepting a user invitation into an organization that requires MFA (a partner's, or a
 * customer's that chose to): a TOTP secret bound to the invitation, for the invited email. The invitation is not
 * used yet; acceptUserInvitation spends it with a code from this secret.
 */
export async function startInvitationMfaEnrolment(database: Database, secrets: SecretBox, token: string): Promise<MfaEnrolmentOffer> {
  return database.dataSource.transaction(async (manager) => {
    const [invitation] = await selectRows<Invitation, InvitationExpiry>(
      manager,
      InvitationEntity,
      (columns) => `SELECT ${columns}, expires_at <= now() AS expired FROM identity.invitation WHERE token_hash = $1 AND kind = 'USER'`,
      [hashOpaqueToken(token)],
    );
    if (!invitation) throw clientError('INVITATION_NOT_FOUND', 'That invitation link is not valid.');
    if (invitation.acceptedAt !== null) throw clientError('INVITATION_USED', 'That invitation has already been used.');
    if (invitation.expired) throw clientError('INVITATION_EXPIRED', 'That invitation has expired; ask for a new one.');
    return offerPendingEnrolment(manager, secrets, { tokenHash: hashOpaqueToken(token), purpose: 'INVITATION', email: invitation.email });
  });
}

/**
 * Joins the inviting organization with the invited role; returns the new user's id, and their recovery codes when
 * they enrolled. Where the organization requires MFA, `totpCode` must come from the secret
 * startInvitationMfaEnrolment offered: without it (MFA_ENROLMENT_REQUIRED) or with a wrong one, no user is created
 * and the invitation stays usable. Elsewhere a code is optional: sent, it enrols the new user all the same.
 */
export async function acceptUserInvitation(
  database: Database,
  secrets: SecretBox,
  input: { token: string; displayName: string; password: string; totpCode?: string | null },
): Promise<{ userId: string; recoveryCodes: string[] | null }> {
  const problem = validateNewPassword(input.password);
  if (problem) throw clientError('BAD_USER_INPUT', problem, { field: 'password' });
  const displayName = displayedText(input.displayName, 'displayName');
  if (displayName.length < 1 || displayName.length > 200) {
    throw clientError('BAD_USER_INPUT', 'The display name must be 1 to 200 characters.', { field: 'displayName' });
  }
  const passwordHash = await hashPassword(input.password);
  return consume(database, input.token, 'USER', async (invitation, manager) => {
    const totpCode = input.totpCode ?? null;
    if (totpCode === null && (await organizationRequiresMfa(manager, invitation.organizationId))) {
      throw mfaEnrolmentRequired('This organization requires an authenticator app: start with startInvitationMfaEnrolment, then send its code.');
    }
    const enrolled =
      totpCode === null
        ? null
        : await takePendingEnrolment(manager, secrets, { tokenHash: hashOpaqueToken(input.token), purpose: 'INVITATION', email: invitation.email }, totpCode);
    const [created] = await selectRows(
      manager,
      UserAccountEntity,
      (columns) => `INSERT INTO identity.user_account (organization_id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING ${columns}`,
      [invitation.organizationId, invitation.email, displayName, invitation.role, passwordHash],
    );
    if (!created) throw clientError('EMAIL_TAKEN', 'An account with that email already exists.');
    const recoveryCodes = enrolled === null ? null : await storeEnrolledTotp(manager, secrets, { id: created.id, organizationId: invitation.organizationId }, enrolled);
    return { userId: created.id, recoveryCodes };
  });
}

/**
 * A customer admin accepts a partner's invitation: the partner gets read-only
 * access (restored, with both flags off, if it had been revoked), recorded as
 * APPROVED with the admin as actor, and in both organizations' audit logs.
 */
export async function approvePartner(database: Database, approver: UserPrincipal, token: string): Promise<PartnerGrant> {
  return consume(database, token, 'CUSTOMER', async (invitation, manager) => {
    if (!isUuid(invitation.organizationId)) throw new Error('invitation without an organization');
    const [grant] = await selectRows(
      manager,
      PartnerGrantEntity,
      (columns) => `WITH granted AS (
         INSERT INTO identity.partner_grant (customer_organization_id, partner_organization_id)
         VALUES ($1, $2)
         ON CONFLICT (customer_organization_id, partner_organization_id) DO UPDATE
           SET administrator = false, api_device_data = false, granted_at = now(), revoked_at = NULL
           WHERE identity.partner_grant.revoked_at IS NOT NULL
         RETURNING *
       ), recorded AS (
         INSERT INTO identity.partner_grant_event
           (customer_organization_id, partner_organization_id, actor_user_id, action, administrator, api_device_data)
         SELECT customer_organization_id, partner_organization_id, $3, 'APPROVED', administrator, api_device_data FROM granted
       )
       SELECT ${columns} FROM granted`,
      [approver.organizationId, invitation.organizationId, approver.userId],
    );
    if (!grant) throw clientError('BAD_USER_INPUT', 'That partner already has access to your organization.');
    await recordAuditEvents(manager, partnerAccessEvents('PARTNER_ACCESS_GRANTED', approver, grant));
    return grant;
  });
}
