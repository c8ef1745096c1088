import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { PartnerAccessResolvers } from '../generated/resolvers-types';

export const PartnerAccess: PartnerAccessResolvers = {
  partner: (grant, _args, { loaders }) => loadReferenced(loaders.organizationById, grant.partnerOrganizationId),
  customer: (grant, _args, { loaders }) => loadReferenced(loaders.organizationById, grant.customerOrganizationId),
  grantedAt: (grant) => grant.grantedAt.toISOString(),
};
