import { decisionFor, relationOf, type AccessDecision, type Principal } from '@partnergraph/core';
import type { OrganizationKind } from './organization';
import type { ApiCredentialScope } from './api-credentials';
import type { PartnerGrant } from './partner-grant';

/**
 * The access matrix for one organization (`organization` null when it does
 * not exist): how the principal stands to it (relationOf), then that column of
 * the table (access-policy.ts in core). `grant` is the standing grant from
 * that organization to the principal's partner organization, if any;
 * `credential` an API client's credential as it stands now;
 * `grantedByCallersOrganization` whether a customer user's organization ever
 * granted this partner organization access.
 */
export function decideAccess(
  principal: Principal,
  organizationId: string,
  organization: { kind: OrganizationKind } | null,
  grant: Pick<PartnerGrant, 'administrator' | 'apiDeviceData'> | null,
  credential: ApiCredentialScope | null = null,
  grantedByCallersOrganization = false,
): AccessDecision {
  const relation = relationOf(principal, organization && { id: organizationId, kind: organization.kind }, {
    grant,
    credential,
    grantedByCallersOrganization,
  });
  return decisionFor(organizationId, relation);
}
