import { clientError, type UserPrincipal } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { recordAuditEvents, userActor, type SqlRunner } from './audit-log';
import type { Organization } from './organization';

/**
 * Who must have a second factor before any session: every partner user (docs/access-model.md: partner access requires MFA), and
 * the users of a customer organization that chose to require it. Such a user enrols TOTP while joining (an
 * invitation, a new partner account: pending-enrolment.ts) or through an emailed link (enrolment-links.ts); signIn
 * and refreshSession open no session for them without it.
 */
export function mfaRequiredIn(organization: Pick<Organization, 'kind' | 'requireMfa'>): boolean {
  return organization.kind === 'PARTNER' || organization.requireMfa;
}

/** No session until the account has a second factor: `message` says how to get one. */
export function mfaEnrolmentRequired(message: string) {
  return clientError('MFA_ENROLMENT_REQUIRED', message);
}

/** Whether the users of this organization must have a second factor (false for an unknown id). */
export async function organizationRequiresMfa(sql: SqlRunner, organizationId: string): Promise<boolean> {
  const [organization] = (await sql.query(
    `SELECT kind, require_mfa AS "requireMfa" FROM identity.organization WHERE id = $1`,
    [organizationId],
  )) as Pick<Organization, 'kind' | 'requireMfa'>[];
  return organization !== undefined && mfaRequiredIn(organization);
}

/**
 * A customer admin requires MFA of their organization's users, or stops requiring it; a change is recorded in the
 * audit log (setting it to what it already is records nothing). Partners always require it: they cannot turn it off.
 */
export async function setOrganizationMfaRequirement(database: Database, admin: UserPrincipal, required: boolean): Promise<Organization> {
  return database.dataSource.transaction(async (manager) => {
    const [current] = (await manager.query(
      `SELECT kind, require_mfa AS "requireMfa" FROM identity.organization WHERE id = $1 FOR UPDATE`,
      [admin.organizationId],
    )) as Pick<Organization, 'kind' | 'requireMfa'>[];
    if (!current) throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
    if (current.kind !== 'CUSTOMER') {
      throw clientError('BAD_USER_INPUT', 'Partner organizations always require multi-factor authentication.', { field: 'required' });
    }
    const [[changed]] = (await manager.query(
      `UPDATE identity.organization SET require_mfa = $2 WHERE id = $1
       RETURNING id, name, kind, partner_id AS "partnerId", require_mfa AS "requireMfa", created_at AS "createdAt"`,
      [admin.organizationId, required],
    )) as [Organization[], number];
    if (!changed) throw new Error('the organization update returned no row');
    if (current.requireMfa !== required) {
      await recordAuditEvents(manager, [
        {
          organizationId: admin.organizationId,
          action: 'ORGANIZATION_MFA_REQUIREMENT_CHANGED',
          actor: userActor(admin),
          details: { requireMfa: required },
        },
      ]);
    }
    return changed;
  });
}
