import { clientError } from '@partnergraph/core';
import type { OrganizationResolvers } from '../generated/resolvers-types';
import { subscriptionStatus } from '../subscription-status';
import { todayUtc } from '../calendar';

const MAX_MOVEMENTS = 200;

/** Identity owns organizations; this subgraph only adds fields to them. */
export const Organization: OrganizationResolvers = {
  __resolveReference(reference) {
    return { id: reference.id };
  },

  /** All of an organization's licences come in one statement with every other organization's; `status` filters them here. */
  async subscriptions(organization, { status }, { loaders }) {
    const licenses = await loaders.licensesByOrganization.load(organization.id);
    if (!status) return licenses;
    const today = todayUtc();
    return licenses.filter((license) => status.includes(subscriptionStatus(license, today)));
  },

  creditBalance(organization, _args, { loaders }) {
    return loaders.creditBalanceOf.load(organization.id);
  },

  creditMovements(organization, { first }, { loaders }) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_MOVEMENTS) {
      throw clientError('BAD_USER_INPUT', `first is a whole number from 1 to ${MAX_MOVEMENTS}.`, { field: 'first' });
    }
    return loaders.creditMovements.load({ organizationId: organization.id, first });
  },
};
