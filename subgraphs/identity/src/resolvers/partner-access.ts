import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { PartnerAccessEventResolvers, PartnerAccessResolvers } from '../generated/resolvers-types';

export const PartnerAccess: PartnerAccessResolvers = {
  partner: (grant, _args, { loaders }) => loadReferenced(loaders.organizationById, grant.partnerOrganizationId),
  customer: (grant, _args, { loaders }) => loadReferenced(loaders.organizationById, grant.customerOrganizationId),
  grantedAt: (grant) => grant.grantedAt.toISOString(),
};

export const PartnerAccessEvent: PartnerAccessEventResolvers = {
  partner: (event, _args, { loaders }) => loadReferenced(loaders.organizationById, event.partnerOrganizationId),
  actor: (event, _args, { loaders }) =>
    event.actorUserId === null ? null : loaders.userById.load(event.actorUserId),
  at: (event) => event.at.toISOString(),
};
