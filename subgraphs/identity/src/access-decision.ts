import { noAccess, type AccessDecision, type CreditAccess, type Principal, type UserPrincipal } from '@partnergraph/core';
import type { OrganizationKind } from './organization';
import type { ApiCredentialScope } from './api-credentials';
import type { PartnerGrant } from './partner-grant';

/**
 * The access matrix for one organization (`organization` null when it does
 * not exist). `grant` is the standing grant from
 * that organization to the principal's partner organization, if any.
 * Members see their own organization in full (viewers never write); partner
 * users need a standing grant and a session opened with MFA, see IP addresses
 * in full only with administrator access, and never see applications, jobs or
 * unmonitored equipment; a partner's own members see its credits (see
 * creditAccess); API clients need API device-data access, a credential
 * that stands and covers the customer (`credential`), and read only.
 */
export function decideAccess(
  principal: Principal,
  organizationId: string,
  organization: { kind: OrganizationKind } | null,
  grant: Pick<PartnerGrant, 'administrator' | 'apiDeviceData'> | null,
  credential: ApiCredentialScope | null = null,
): AccessDecision {
  if (!organization) return noAccess(organizationId);
  if (principal.kind === 'user' && principal.organizationId === organizationId) {
    return {
      organizationId,
      read: true,
      write: principal.role === 'ADMIN',
      acknowledgeIncidents: true,
      manageSubscriptions: principal.role === 'ADMIN',
      credits: creditAccess(principal, organization.kind),
      ipAddresses: 'FULL',
      applications: true,
      unmonitoredEquipment: true,
      apiDeviceData: false,
    };
  }
  if (organization.kind !== 'CUSTOMER' || !grant) return noAccess(organizationId);
  if (principal.kind === 'user') {
    if (!principal.mfa) return noAccess(organizationId);
    return {
      ...noAccess(organizationId),
      read: true,
      write: grant.administrator && principal.role === 'ADMIN',
      acknowledgeIncidents: grant.administrator && principal.role === 'ADMIN',
      manageSubscriptions: principal.role === 'ADMIN',
      ipAddresses: grant.administrator ? 'FULL' : 'LAST_TWO_SEGMENTS',
    };
  }
  if (principal.kind === 'api-client' && grant.apiDeviceData && credentialCovers(credential, organizationId)) {
    return { ...noAccess(organizationId), read: true, apiDeviceData: true };
  }
  return noAccess(organizationId);
}

/** Partners hold credits; spending them is for their admins, and like customer data it wants a session opened with MFA. */
function creditAccess(member: UserPrincipal, kind: OrganizationKind): CreditAccess {
  if (kind !== 'PARTNER' || !member.mfa) return 'NONE';
  return member.role === 'ADMIN' ? 'MANAGE' : 'VIEW';
}

/** An API credential that has not been revoked, and whose customer list (if any) names this customer. */
function credentialCovers(credential: ApiCredentialScope | null, customerOrganizationId: string): boolean {
  if (!credential?.active) return false;
  return credential.customerOrganizationIds === null || credential.customerOrganizationIds.includes(customerOrganizationId);
}

/** The organization whose grants count for a principal: a user's own, or an API client's partner. */
export function actingPartnerOf(principal: Principal): string | null {
  if (principal.kind === 'user') return principal.organizationId;
  if (principal.kind === 'api-client') return principal.partnerOrganizationId;
  return null;
}
