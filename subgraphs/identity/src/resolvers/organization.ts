import type { IdentityContext } from '../context';

export const Organization = {
  __resolveReference(reference: { id: string }, { loaders }: IdentityContext) {
    return loaders.organizationById.load(reference.id);
  },
};
