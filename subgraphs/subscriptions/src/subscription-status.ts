import type { SubscriptionLicense } from './subscription-license';

export type SubscriptionStatus = 'TRIAL' | 'ACTIVE' | 'EXPIRING' | 'EXPIRED';

/** A licence counts as expiring when it ends within this many days of today, today included. */
const EXPIRING_WITHIN_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Derived, never stored: the same licence changes status as the days pass. Dates are ISO dates (YYYY-MM-DD). */
export function subscriptionStatus(license: Pick<SubscriptionLicense, 'trial' | 'endsOn'>, today: string): SubscriptionStatus {
  // ISO dates parse as UTC midnight, so the difference is a whole number of days.
  const daysLeft = (Date.parse(license.endsOn) - Date.parse(today)) / DAY_MS;
  if (daysLeft < 0) return 'EXPIRED';
  if (license.trial) return 'TRIAL';
  return daysLeft <= EXPIRING_WITHIN_DAYS ? 'EXPIRING' : 'ACTIVE';
}
