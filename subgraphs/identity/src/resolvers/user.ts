import { loadReferenced } from '@partnergraph/subgraph-kit';
import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference(reference, { loaders }) {
    return loaders.userById.load(reference.id);
  },
  organization(user, _args, { loaders }) {
    return loadReferenced(loaders.organizationById, user.organizationId);
  },
  mfaEnabled(user) {
    return user.totpSecret !== null;
  },
};
