import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { InvitationResolvers } from '../generated/resolvers-types';

export const Invitation: InvitationResolvers = {
  organization: (invitation, _args, { loaders }) => loadReferenced(loaders.organizationById, invitation.organizationId),
  expiresAt: (invitation) => invitation.expiresAt.toISOString(),
};
