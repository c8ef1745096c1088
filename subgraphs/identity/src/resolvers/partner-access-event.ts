import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { PartnerAccessEventResolvers } from '../generated/resolvers-types';

export const PartnerAccessEvent: PartnerAccessEventResolvers = {
  partner: (event, _args, { loaders }) => loadReferenced(loaders.organizationById, event.partnerOrganizationId),
  actor: (event, _args, { loaders }) =>
    event.actorUserId === null ? null : loaders.userById.load(event.actorUserId),
  at: (event) => event.at.toISOString(),
};
