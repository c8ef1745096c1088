import { Like } from 'typeorm';
import { clientError, displayedText, type AccessTokenIssuer, type SecretBox } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { recordAuditEvents } from './audit-log';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';
import { hashPassword, validateNewPassword } from './credentials/password';
import { mfaEnrolmentRequired } from './mfa-requirement';
import { OrganizationEntity } from './organization';
import { derivePartnerId, isValidPartnerId, PartnerIdError, withCollisionSuffix } from './partner-id';
import { offerPendingEnrolment, storeEnrolledTotp, takePendingEnrolment, type MfaEnrolmentOffer } from './pending-enrolment';
import { openSession, type Session } from './sign-in';
import { UserAccountEntity } from './user-account';

/**
 * A partner account: a PARTNER organization with its Partner ID and its first
 * admin. Until it is created the Partner ID is the applicant's to edit (the
 * suggestion below, or their own); afterwards it changes only through
 * requestPartnerIdChange and an operator's approval (partner-id-changes.ts).
 */
export interface NewPartnerAccount {
  organizationName: string;
  /** The Partner ID as the applicant edited it; omitted, the suggestion for the name. */
  partnerId?: string | null;
  admin: { email: string; displayName: string; password: string };
  /** From startPartnerAccountMfaEnrolment for the admin's email: the first admin enrols TOTP before the account exists. */
  mfaEnrolmentToken?: string | null;
  /** A current code from that enrolment's secret. */
  totpCode?: string | null;
}

/** The first step of creating a partner account: a TOTP secret for the first admin, and the token it is bound to. */
export interface PartnerAccountMfaEnrolment extends MfaEnrolmentOffer {
  enrolmentToken: string;
}

const MAX_NAME_LENGTH = 200;
const SUFFIXED_PREFIX_LENGTH = 18;
const UNIQUE_VIOLATION = '23505';
const MAX_ENROLMENT_TOKEN_LENGTH = 128;

/** The Partner ID a new partner of this name would get: derived from the name, with a numbered suffix if taken. */
export async function suggestPartnerId(database: Database, organizationName: string): Promise<string> {
  const base = partnerIdOrError(() => derivePartnerId(organizationName), 'organizationName');
  // Every ID a suffixed candidate could collide with starts with the base's first 18 characters (shortening for a
  // suffix keeps at least half of 40 minus the suffix); LIKE reads `_` as any character, which only widens the set.
  const rows = await database.dataSource
    .getRepository(OrganizationEntity)
    .find({ select: { id: true, partnerId: true }, where: { partnerId: Like(`${base.slice(0, SUFFIXED_PREFIX_LENGTH)}%`) } });
  return withCollisionSuffix(base, new Set(rows.flatMap((row) => (row.partnerId === null ? [] : [row.partnerId]))));
}

/**
 * Partner users have a second factor before any session, the first admin too: a sign-up form calls this with the
 * admin's email, shows the secret (or the otpauth URI as a QR code), and sends the enrolment token with a code from
 * the authenticator to createPartnerAccount. Valid 30 minutes; nothing else is created.
 */
export async function startPartnerAccountMfaEnrolment(database: Database, secrets: SecretBox, adminEmail: string): Promise<PartnerAccountMfaEnrolment> {
  const email = normaliseAdminEmail(adminEmail, 'email');
  const enrolmentToken = newOpaqueToken();
  const offer = await offerPendingEnrolment(database.dataSource.manager, secrets, {
    tokenHash: hashOpaqueToken(enrolmentToken),
    purpose: 'PARTNER_ACCOUNT',
    email,
  });
  return { ...offer, enrolmentToken };
}

/**
 * Creates the organization and its first admin together, recorded in its
 * audit log with the Partner ID it starts with, and signs the admin in with
 * MFA: a code from the secret startPartnerAccountMfaEnrolment offered for the
 * admin's email is required, and nothing is created without it (or with a
 * wrong one). The session carries the admin's recovery codes, this once.
 */
export async function createPartnerAccount(
  database: Database,
  tokens: AccessTokenIssuer,
  secrets: SecretBox,
  input: NewPartnerAccount,
): Promise<Session> {
  const organizationName = displayedText(input.organizationName, 'organizationName');
  if (organizationName.length < 1 || organizationName.length > MAX_NAME_LENGTH) {
    throw clientError('BAD_USER_INPUT', `The organization name must be 1 to ${MAX_NAME_LENGTH} characters.`, { field: 'organizationName' });
  }
  const email = normaliseAdminEmail(input.admin.email, 'admin.email');
  const displayName = displayedText(input.admin.displayName, 'admin.displayName');
  if (displayName.length < 1 || displayName.length > 200) {
    throw clientError('BAD_USER_INPUT', 'The display name must be 1 to 200 characters.', { field: 'admin.displayName' });
  }
  const problem = validateNewPassword(input.admin.password);
  if (problem) throw clientError('BAD_USER_INPUT', problem, { field: 'admin.password' });
  const { mfaEnrolmentToken, totpCode } = input;
  if (!mfaEnrolmentToken || !totpCode) {
    throw mfaEnrolmentRequired('A partner admin enrols an authenticator first: call startPartnerAccountMfaEnrolment, then send its token and a code.');
  }
  if (mfaEnrolmentToken.length > MAX_ENROLMENT_TOKEN_LENGTH) {
    throw clientError('MFA_ENROLMENT_NOT_STARTED', 'That enrolment token is not one startPartnerAccountMfaEnrolment gave.');
  }

  const partnerId =
    input.partnerId == null ? await suggestPartnerId(database, organizationName) : requireValidPartnerId(input.partnerId, 'partnerId');
  const passwordHash = await hashPassword(input.admin.password);

  const { userId, recoveryCodes } = await database.dataSource.transaction(async (manager) => {
    const enrolled = await takePendingEnrolment(
      manager,
      secrets,
      { tokenHash: hashOpaqueToken(mfaEnrolmentToken), purpose: 'PARTNER_ACCOUNT', email },
      totpCode,
    );
    let organizationId: string;
    try {
      const [organization] = await selectRows(
        manager,
        OrganizationEntity,
        (columns) => `INSERT INTO identity.organization (name, kind, partner_id) VALUES ($1, 'PARTNER', $2) RETURNING ${columns}`,
        [organizationName, partnerId],
      );
      if (!organization) throw new Error('the organization insert returned no row');
      organizationId = organization.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw partnerIdTaken(partnerId);
      throw error;
    }
    const [user] = await selectRows(
      manager,
      UserAccountEntity,
      (columns) => `INSERT INTO identity.user_account (organization_id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, 'ADMIN', $4) ON CONFLICT (email) DO NOTHING RETURNING ${columns}`,
      [organizationId, email, displayName, passwordHash],
    );
    if (!user) throw clientError('EMAIL_TAKEN', 'An account with that email already exists.', { field: 'admin.email' });
    await recordAuditEvents(manager, [
      {
        organizationId,
        action: 'PARTNER_ACCOUNT_CREATED',
        actor: { kind: 'USER', id: user.id },
        details: { partnerIdChange: { requestId: null, previousPartnerId: null, partnerId } },
      },
    ]);
    return { userId: user.id, recoveryCodes: await storeEnrolledTotp(manager, secrets, { id: user.id, organizationId }, enrolled) };
  });
  const user = await database.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: userId });
  return { ...(await openSession(database, tokens, user, { mfa: true })), recoveryCodes };
}

function normaliseAdminEmail(value: string, field: string): string {
  const email = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw clientError('BAD_USER_INPUT', 'That is not an email address.', { field });
  }
  return email;
}

/** A Partner ID someone typed, trimmed, or PARTNER_ID_INVALID naming `field`. */
export function requireValidPartnerId(value: string, field: string): string {
  const partnerId = value.trim();
  if (!isValidPartnerId(partnerId)) throw invalidPartnerId(partnerId, field);
  return partnerId;
}

export function partnerIdTaken(partnerId: string) {
  return clientError('PARTNER_ID_TAKEN', `The Partner ID ${partnerId} belongs to another partner.`, { field: 'partnerId' });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

function invalidPartnerId(value: string, field: string) {
  return clientError(
    'PARTNER_ID_INVALID',
    `A Partner ID is 2 to 40 uppercase letters and digits in words joined by single underscores, such as ACME_INC; got ${JSON.stringify(value)}.`,
    { field },
  );
}

function partnerIdOrError(derive: () => string, field: string): string {
  try {
    return derive();
  } catch (error) {
    if (error instanceof PartnerIdError) throw clientError(error.code, error.message, { field });
    throw error;
  }
}
