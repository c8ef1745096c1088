import { allow, type IRules } from 'graphql-shield';

/**
 * Rules per type and field; anything not listed is denied (see applyShield).
 * Until sign-in lands (issue #3), every caller the gateway vouches for may read
 * subscription licences; issue #3 replaces these with the access matrix.
 */
export const permissions: Record<string, IRules> = {
  Organization: allow,
  SubscriptionLicense: allow,
};
