import type { IdentityContext } from '../context';
import { revokePartnerAccess, setPartnerAccess } from '../partner-access';
import { signIn, type SignInInput } from '../sign-in';
import { signedInUser } from './signed-in-user';

export const Mutation = {
  async signIn(_parent: unknown, input: SignInInput, context: IdentityContext) {
    const session = await signIn(context.database, context.tokens, input);
    context.signedInUserId = session.user.id;
    return session;
  },

  setPartnerAccess(
    _parent: unknown,
    change: { partnerOrganizationId: string; administrator: boolean; apiDeviceData: boolean },
    { database, principal }: IdentityContext,
  ) {
    return setPartnerAccess(database, signedInUser(principal), change);
  },

  revokePartnerAccess(_parent: unknown, { partnerOrganizationId }: { partnerOrganizationId: string }, context: IdentityContext) {
    return revokePartnerAccess(context.database, signedInUser(context.principal), partnerOrganizationId);
  },
};
