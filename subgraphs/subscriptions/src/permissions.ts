import { allow, type IRules } from 'graphql-shield';
import { organizationRule } from '@partnergraph/subgraph-kit';
import { mayViewSubscriptions } from './access';
import type { SubscriptionLicense } from './subscription-license';

/** Rules per type and field; anything not listed is denied (see applyShield). */
export const permissions: Record<string, IRules> = {
  Organization: {
    // The key the gateway already holds.
    id: allow,
    subscriptions: organizationRule((organization: { id: string }) => organization.id, mayViewSubscriptions),
  },
  SubscriptionLicense: organizationRule((license: SubscriptionLicense) => license.organizationId, mayViewSubscriptions),
};
