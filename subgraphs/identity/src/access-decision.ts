import type { Principal } from '@partnergraph/core';
import type { OrganizationKind } from './organization';
import type { PartnerGrant } from './partner-grant';

export type IpVisibility = 'FULL' | 'LAST_TWO_SEGMENTS';

/** What a principal may do with one organization's data: the access matrix of DESIGN.md, for one row. */
export interface AccessDecision {
  organizationId: string;
  read: boolean;
  /** Manage: acknowledge incidents, redeem and manage subscriptions, and the like. */
  write: boolean;
  ipAddresses: IpVisibility;
  applications: boolean;
  unmonitoredEquipment: boolean;
  apiDeviceData: boolean;
}

const NOTHING = {
  read: false,
  write: false,
  ipAddresses: 'LAST_TWO_SEGMENTS',
  applications: false,
  unmonitoredEquipment: false,
  apiDeviceData: false,
} as const;

/**
 * The access matrix for one organization (`organization` null when it does
 * not exist). `grant` is the standing grant from
 * that organization to the principal's partner organization, if any.
 * Members see their own organization in full (viewers never write); partner
 * users need a standing grant and a session opened with MFA, see IP addresses
 * in full only with administrator access, and never see applications, jobs or
 * unmonitored equipment; API clients need API device-data access and read only.
 */
export function decideAccess(
  principal: Principal,
  organizationId: string,
  organization: { kind: OrganizationKind } | null,
  grant: Pick<PartnerGrant, 'administrator' | 'apiDeviceData'> | null,
): AccessDecision {
  if (!organization) return { organizationId, ...NOTHING };
  if (principal.kind === 'user' && principal.organizationId === organizationId) {
    return {
      organizationId,
      read: true,
      write: principal.role === 'ADMIN',
      ipAddresses: 'FULL',
      applications: true,
      unmonitoredEquipment: true,
      apiDeviceData: false,
    };
  }
  if (organization.kind !== 'CUSTOMER' || !grant) return { organizationId, ...NOTHING };
  if (principal.kind === 'user') {
    if (!principal.mfa) return { organizationId, ...NOTHING };
    return {
      organizationId,
      ...NOTHING,
      read: true,
      write: grant.administrator && principal.role === 'ADMIN',
      ipAddresses: grant.administrator ? 'FULL' : 'LAST_TWO_SEGMENTS',
    };
  }
  if (principal.kind === 'api-client' && grant.apiDeviceData) {
    return { organizationId, ...NOTHING, read: true, apiDeviceData: true };
  }
  return { organizationId, ...NOTHING };
}

/** The organization whose grants count for a principal: a user's own, or an API client's partner. */
export function actingPartnerOf(principal: Principal): string | null {
  if (principal.kind === 'user') return principal.organizationId;
  if (principal.kind === 'api-client') return principal.partnerOrganizationId;
  return null;
}
