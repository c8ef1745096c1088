import type { IdentityContext } from '../context';
import type { AuditPartnerAccessResolvers } from '../generated/resolvers-types';

/** An organization the caller may not know of (any longer) is null here, as on every other path. */
async function knownOrganization(id: string, { loaders, organizationVisibility }: IdentityContext) {
  return (await organizationVisibility.load(id)) ? loaders.organizationById.load(id) : null;
}

export const AuditPartnerAccess: AuditPartnerAccessResolvers = {
  partner: (access, _args, context) =>
    knownOrganization(access.partnerOrganizationId, context),
  customer: (access, _args, context) =>
    knownOrganization(access.customerOrganizationId, context),
};
