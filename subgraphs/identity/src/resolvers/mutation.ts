import type { IdentityContext } from '../context';
import type { MutationResolvers } from '../generated/resolvers-types';
import { clientError, type OrganizationRole, type Principal, type UserPrincipal } from '@partnergraph/core';
import { createApiCredential, exchangeClientCredentials, revokeApiCredential } from '../api-credentials';
import { confirmMfaEnrolmentFromLink, startMfaEnrolmentFromLink } from '../enrolment-links';
import { acceptUserInvitation, approvePartner, invite, startInvitationMfaEnrolment } from '../invitations';
import { confirmMfa, enrollMfa } from '../mfa-enrolment';
import { setOrganizationMfaRequirement } from '../mfa-requirement';
import { revokePartnerAccess, setPartnerAccess } from '../partner-access';
import { createPartnerAccount, startPartnerAccountMfaEnrolment } from '../partner-accounts';
import { decidePartnerIdChange, requestPartnerIdChange } from '../partner-id-changes';
import { openSession, refreshSession, signIn } from '../sign-in';
import { UserAccountEntity } from '../user-account';

export const Mutation: MutationResolvers = {
  async signIn(_parent, input, context) {
    const session = await signIn(context.database, context.tokens, context.secrets, input, {
      logger: context.logger,
      enrolUrl: context.mfaEnrolmentUrl,
      logsLinks: !context.emailDelivered,
    });
    context.signedIn.userId = session.user.id;
    return session;
  },

  setPartnerAccess(_parent, change, { database, principal }) {
    return setPartnerAccess(database, signedInUser(principal), change);
  },

  revokePartnerAccess(_parent, { partnerOrganizationId }, context) {
    return revokePartnerAccess(context.database, signedInUser(context.principal), partnerOrganizationId);
  },

  inviteUser(_parent, { email, role }, context) {
    return inviteInto(context, { kind: 'USER', email, role });
  },

  inviteCustomer(_parent, { email }, context) {
    return inviteInto(context, { kind: 'CUSTOMER', email, role: null });
  },

  async acceptUserInvitation(_parent, input, context) {
    const { userId, recoveryCodes } = await acceptUserInvitation(context.database, context.secrets, input);
    const user = await context.database.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: userId });
    context.signedIn.userId = user.id;
    const session = await openSession(context.database, context.tokens, user, { mfa: recoveryCodes !== null });
    return { ...session, recoveryCodes };
  },

  startInvitationMfaEnrolment(_parent, { token }, { database, secrets }) {
    return startInvitationMfaEnrolment(database, secrets, token);
  },

  startPartnerAccountMfaEnrolment(_parent, { adminEmail }, { database, secrets }) {
    return startPartnerAccountMfaEnrolment(database, secrets, adminEmail);
  },

  startMfaEnrolmentFromLink(_parent, { token }, { database, secrets }) {
    return startMfaEnrolmentFromLink(database, secrets, token);
  },

  confirmMfaEnrolmentFromLink(_parent, { token, totpCode }, { database, secrets }) {
    return confirmMfaEnrolmentFromLink(database, secrets, token, totpCode);
  },

  setOrganizationMfaRequirement(_parent, { required }, { database, principal }) {
    return setOrganizationMfaRequirement(database, signedInUser(principal), required);
  },

  async refreshSession(_parent, { refreshToken }, context) {
    const session = await refreshSession(context.database, context.tokens, refreshToken);
    context.signedIn.userId = session.user.id;
    return session;
  },

  createApiCredential(_parent, input, { database, principal }) {
    return createApiCredential(database, signedInUser(principal), input);
  },

  revokeApiCredential(_parent, { id }, { database, principal }) {
    return revokeApiCredential(database, signedInUser(principal), id);
  },

  exchangeClientCredentials(_parent, { clientId, clientSecret }, { database, tokens }) {
    return exchangeClientCredentials(database, tokens, clientId, clientSecret);
  },

  async createPartnerAccount(_parent, input, context) {
    const session = await createPartnerAccount(context.database, context.tokens, context.secrets, input);
    context.signedIn.userId = session.user.id;
    return session;
  },

  requestPartnerIdChange(_parent, input, { database, principal }) {
    return requestPartnerIdChange(database, signedInUser(principal), input);
  },

  decidePartnerIdChange(_parent, input, { database, principal }) {
    return decidePartnerIdChange(database, signedInOperator(principal).operatorId, input);
  },

  enrollMfa(_parent, _args, { database, secrets, principal }) {
    return enrollMfa(database, secrets, signedInUser(principal));
  },

  confirmMfa(_parent, { totpCode }, { database, secrets, principal }) {
    return confirmMfa(database, secrets, signedInUser(principal), totpCode);
  },

  approvePartner(_parent, { token }, context) {
    return approvePartner(context.database, signedInUser(context.principal), token);
  },
};

async function inviteInto(
  context: IdentityContext,
  request: { kind: 'USER' | 'CUSTOMER'; email: string; role: OrganizationRole | null },
) {
  const inviter = signedInUser(context.principal);
  const organization = await context.loaders.organizationById.load(inviter.organizationId);
  if (!organization) throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return invite(
    context.database,
    { logger: context.logger, acceptUrl: context.invitationAcceptUrl, logsLinks: !context.emailDelivered },
    inviter,
    { ...request, organizationName: organization.name },
  );
}

type OperatorPrincipal = Extract<Principal, { kind: 'operator' }>;

/** The shield lets only signed-in users through to these resolvers; this narrows the type and guards a rule mistake. */
function signedInUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return principal;
}

/** The same, for what only platform operators do. */
function signedInOperator(principal: Principal): OperatorPrincipal {
  if (principal.kind !== 'operator') throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return principal;
}
