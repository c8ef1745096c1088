import { allow, type IRules } from 'graphql-shield';

/**
 * Rules per type and field; anything not listed is denied (see applyShield).
 * Until sign-in lands (issue #3), every caller the gateway vouches for may read
 * the organization directory; issue #3 replaces these with the access matrix.
 */
export const permissions: Record<string, IRules> = {
  Query: { organizations: allow, organization: allow },
  Organization: allow,
  OrganizationConnection: allow,
  PageInfo: allow,
};
