import type { SubscriptionsContext } from '../context';

/** Identity owns organizations; this subgraph only adds fields to them. */
export const Organization = {
  __resolveReference(reference: { id: string }) {
    return { id: reference.id };
  },

  subscriptions(organization: { id: string }, _args: unknown, { loaders }: SubscriptionsContext) {
    return loaders.licensesByOrganization.load(organization.id);
  },
};
