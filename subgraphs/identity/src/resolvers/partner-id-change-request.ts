import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { PartnerIdChangeRequestResolvers } from '../generated/resolvers-types';

export const PartnerIdChangeRequest: PartnerIdChangeRequestResolvers = {
  organization: (request, _args, { loaders }) => loadReferenced(loaders.organizationById, request.organizationId),
  requestedBy: (request, _args, { loaders }) => loaders.userById.load(request.requestedBy),
  requestedAt: (request) => request.requestedAt.toISOString(),
  decidedAt: (request) => request.decidedAt?.toISOString() ?? null,
};
