import { CreateSubscriptionLicense1764300100000 } from './1764300100000-create-subscription-license';

/** In the order they apply. */
export const migrations = [CreateSubscriptionLicense1764300100000];
