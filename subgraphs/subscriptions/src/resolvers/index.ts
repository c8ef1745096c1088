import { Organization } from './organization';
import { SubscriptionLicense } from './subscription-license';

export const resolvers = { Organization, SubscriptionLicense };
