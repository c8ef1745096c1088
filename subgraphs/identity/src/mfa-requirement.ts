import type { EntityManager } from 'typeorm';
import { clientError, type UserPrincipal } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { recordAuditEvents, userActor } from './audit-log';
import { OrganizationEntity, type Organization } from './organization';

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
export async function organizationRequiresMfa(manager: EntityManager, organizationId: string): Promise<boolean> {
  const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
  return organization !== null && mfaRequiredIn(organization);
}

/**
 * A customer admin requires MFA of their organization's users, or stops requiring it; a change is recorded in the
 * audit log (setting it to what it already is records nothing). Partners always require it: they cannot turn it off.
 */
export async function setOrganizationMfaRequirement(database: Database, admin: UserPrincipal, required: boolean): Promise<Organization> {
  return database.dataSource.transaction(async (manager) => {
    const [current] = await selectRows(
      manager,
      OrganizationEntity,
      (columns) => `SELECT ${columns} FROM identity.organization WHERE id = $1 FOR UPDATE`,
      [admin.organizationId],
    );
    if (!current) throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
    if (current.kind !== 'CUSTOMER') {
      throw clientError('BAD_USER_INPUT', 'Partner organizations always require multi-factor authentication.', { field: 'required' });
    }
    await manager.getRepository(OrganizationEntity).update({ id: admin.organizationId }, { requireMfa: required });
    const changed: Organization = { ...current, requireMfa: required };
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
