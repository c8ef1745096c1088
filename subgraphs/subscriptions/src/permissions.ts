import { rule, type IRules } from 'graphql-shield';
import { rulesFromPolicy, type AccessCheckedContext } from '@partnergraph/subgraph-kit';
import { mayManageSubscriptions } from './access';
import type { SubscriptionsContext } from './context';
import { subscriptionsFieldPolicy } from './field-policy';
import type { SubscriptionLicense } from './subscription-license';

/** Rules read arguments, so none is cached: identity's decisions are already loaded once per request. */
const managesCustomerInArguments = rule({ cache: 'no_cache' })(
  async (_parent, { customerId }: { customerId: string }, { access }: AccessCheckedContext) =>
    mayManageSubscriptions(await access.load(customerId)),
);

/** The licence in `subscriptionId` exists and the caller manages its customer; an unknown licence is refused the same way. */
const managesLicenseInArguments = rule({ cache: 'no_cache' })(
  async (_parent, { subscriptionId }: { subscriptionId: string }, { access, loaders }: SubscriptionsContext) => {
    const license = await loaders.licenseById.load(subscriptionId);
    return license !== null && mayManageSubscriptions(await access.load(license.organizationId));
  },
);

/** Rules per type and field, built from the field policy; anything it does not list is denied (see applyShield). */
export const permissions: Record<string, IRules> = rulesFromPolicy(subscriptionsFieldPolicy, {
  owners: {
    Organization: (organization: { id: string }) => organization.id,
    SubscriptionLicense: (license: SubscriptionLicense) => license.organizationId,
  },
  // manageSubscriptions of the customer the arguments name.
  fieldChecks: {
    'Mutation.redeemLicenseKey': managesCustomerInArguments,
    'Mutation.activateSubscription': managesCustomerInArguments,
    'Mutation.renewSubscription': managesLicenseInArguments,
    'Mutation.amendSubscription': managesLicenseInArguments,
  },
});
