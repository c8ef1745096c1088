import { rule, type IRules } from 'graphql-shield';
import { allows } from '@partnergraph/core';
import { rulesFromPolicy } from '@partnergraph/subgraph-kit';
import type { IdentityContext } from './context';
import { identityFieldPolicy } from './field-policy';
import type { Organization } from './organization';
import type { UserAccount } from './user-account';

/*
 * Rules whose answer depends on the parent object use `no_cache`: shield's
 * contextual cache keys on context and arguments only, so it would reuse one
 * parent's answer for the next. All rules are async and per request.
 */

/** knowOrganization, for id, name, kind and Partner ID: decided with the grants in both directions (organization-visibility.ts). */
const mayKnowThisOrganization = rule({ cache: 'no_cache' })(
  async (organization: Organization, _args, { organizationVisibility }: IdentityContext) =>
    organizationVisibility.load(organization.id),
);

/** A user record: that user's own (also in the session they have just opened), or manageUsers of its organization. */
const isThatUserOrManagesTheirOrganization = rule({ cache: 'no_cache' })(
  async (user: UserAccount, _args, { principal, signedIn, access }: IdentityContext) =>
    user.id === signedIn.userId ||
    (principal.kind === 'user' && user.id === principal.userId) ||
    allows('manageUsers', (await access.load(user.organizationId)).relation),
);

/** Rules per type and field, built from the field policy; anything it does not list is denied (see applyShield). */
export const permissions: Record<string, IRules> = rulesFromPolicy(identityFieldPolicy, {
  owners: { Organization: (organization: Organization) => organization.id },
  ownerChecks: {
    Organization: { knowOrganization: mayKnowThisOrganization },
    User: { manageUsers: isThatUserOrManagesTheirOrganization },
  },
});
