import { mayViewSubscriptions } from '../access';
import { todayUtc } from '../calendar';
import type { SubscriptionsContext } from '../context';
import type { SubscriptionLicense as License } from '../subscription-license';
import { subscriptionStatus } from '../subscription-status';

export const SubscriptionLicense = {
  /** A licence the caller may not view does not exist for them. */
  async __resolveReference(reference: { id: string }, { loaders, access }: SubscriptionsContext) {
    const license = await loaders.licenseById.load(reference.id);
    if (!license) return null;
    return mayViewSubscriptions(await access.load(license.organizationId)) ? license : null;
  },

  status(license: License) {
    return subscriptionStatus(license, todayUtc());
  },

  organization(license: License) {
    return { id: license.organizationId };
  },
};
