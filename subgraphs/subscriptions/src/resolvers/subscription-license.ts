import type { SubscriptionsContext } from '../context';
import type { SubscriptionLicense as License } from '../subscription-license';
import { subscriptionStatus } from '../subscription-status';

export const SubscriptionLicense = {
  __resolveReference(reference: { id: string }, { loaders }: SubscriptionsContext) {
    return loaders.licenseById.load(reference.id);
  },

  status(license: License) {
    // Today in UTC, so that every replica agrees whatever its time zone.
    return subscriptionStatus(license, new Date().toISOString().slice(0, 10));
  },
};
