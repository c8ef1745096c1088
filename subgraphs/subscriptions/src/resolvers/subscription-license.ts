import { mayViewSubscriptions } from '../access';
import { todayUtc } from '../calendar';
import type { SubscriptionLicenseResolvers } from '../generated/resolvers-types';
import { subscriptionStatus } from '../subscription-status';

export const SubscriptionLicense: SubscriptionLicenseResolvers = {
  /** A licence the caller may not view does not exist for them. */
  async __resolveReference(reference, { loaders, access }) {
    const license = await loaders.licenseById.load(reference.id);
    if (!license) return null;
    return mayViewSubscriptions(await access.load(license.organizationId)) ? license : null;
  },

  status(license) {
    return subscriptionStatus(license, todayUtc());
  },

  organization(license) {
    return { id: license.organizationId };
  },
};
