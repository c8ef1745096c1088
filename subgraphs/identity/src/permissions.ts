import { allow, rule, type IRules } from 'graphql-shield';
import type { IdentityContext } from './context';
import type { UserAccount } from './user-account';

/**
 * A user record is visible to that user only (issue #3 adds organization
 * admins), including in the session they have just opened. Not cached: the
 * answer depends on the parent, which shield's contextual cache ignores.
 */
const isThatUser = rule({ cache: 'no_cache' })(
  async (user: UserAccount, _args, { principal, signedInUserId }: IdentityContext) =>
    user.id === (principal.kind === 'user' ? principal.userId : signedInUserId),
);

/**
 * Rules per type and field; anything not listed is denied (see applyShield).
 * Until partner access grants land (issue #3), every caller the gateway vouches
 * for may read the organization directory; issue #3 replaces these with the
 * access matrix.
 */
export const permissions: Record<string, IRules> = {
  Query: { organizations: allow, organization: allow, viewer: allow },
  Mutation: { signIn: allow },
  Organization: allow,
  OrganizationConnection: allow,
  PageInfo: allow,
  Viewer: allow,
  Session: allow,
  User: isThatUser,
};
