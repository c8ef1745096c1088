import type { IdentityContext } from '../context';
import { signIn, type SignInInput } from '../sign-in';

export const Mutation = {
  async signIn(_parent: unknown, input: SignInInput, context: IdentityContext) {
    const session = await signIn(context.database, context.tokens, input);
    context.signedInUserId = session.user.id;
    return session;
  },
};
