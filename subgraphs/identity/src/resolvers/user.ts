import type { IdentityContext } from '../context';
import type { UserAccount } from '../user-account';

export const User = {
  __resolveReference(reference: { id: string }, { loaders }: IdentityContext) {
    return loaders.userById.load(reference.id);
  },
  organization(user: UserAccount, _args: unknown, { loaders }: IdentityContext) {
    return loaders.organizationById.load(user.organizationId);
  },
  mfaEnabled(user: UserAccount) {
    return user.totpSecret !== null;
  },
};
