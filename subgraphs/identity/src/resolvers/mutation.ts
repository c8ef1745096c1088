import type { IdentityContext } from '../context';
import { clientError, type OrganizationRole } from '@partnergraph/core';
import { createApiCredential, exchangeClientCredentials, revokeApiCredential } from '../api-credentials';
import { confirmMfaEnrolmentFromLink, startMfaEnrolmentFromLink } from '../enrolment-links';
import { acceptUserInvitation, approvePartner, invite, startInvitationMfaEnrolment } from '../invitations';
import { confirmMfa, enrollMfa } from '../mfa-enrolment';
import { setOrganizationMfaRequirement } from '../mfa-requirement';
import { revokePartnerAccess, setPartnerAccess } from '../partner-access';
import { createPartnerAccount, startPartnerAccountMfaEnrolment, type NewPartnerAccount } from '../partner-accounts';
import { decidePartnerIdChange, requestPartnerIdChange } from '../partner-id-changes';
import { openSession, refreshSession, signIn, type SignInInput } from '../sign-in';
import { UserAccountEntity } from '../user-account';
import { signedInOperator, signedInUser } from './signed-in-user';

export const Mutation = {
  async signIn(_parent: unknown, input: SignInInput, context: IdentityContext) {
    const session = await signIn(context.database, context.tokens, input, {
      logger: context.logger,
      enrolUrl: context.mfaEnrolmentUrl,
      logsLinks: !context.emailDelivered,
    });
    context.signedIn.userId = session.user.id;
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

  inviteUser(_parent: unknown, { email, role }: { email: string; role: OrganizationRole }, context: IdentityContext) {
    return inviteInto(context, { kind: 'USER', email, role });
  },

  inviteCustomer(_parent: unknown, { email }: { email: string }, context: IdentityContext) {
    return inviteInto(context, { kind: 'CUSTOMER', email, role: null });
  },

  async acceptUserInvitation(
    _parent: unknown,
    input: { token: string; displayName: string; password: string; totpCode?: string | null },
    context: IdentityContext,
  ) {
    const { userId, recoveryCodes } = await acceptUserInvitation(context.database, input);
    const user = await context.database.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: userId });
    context.signedIn.userId = user.id;
    const session = await openSession(context.database, context.tokens, user, { mfa: recoveryCodes !== null });
    return { ...session, recoveryCodes };
  },

  startInvitationMfaEnrolment(_parent: unknown, { token }: { token: string }, { database }: IdentityContext) {
    return startInvitationMfaEnrolment(database, token);
  },

  startPartnerAccountMfaEnrolment(_parent: unknown, { adminEmail }: { adminEmail: string }, { database }: IdentityContext) {
    return startPartnerAccountMfaEnrolment(database, adminEmail);
  },

  startMfaEnrolmentFromLink(_parent: unknown, { token }: { token: string }, { database }: IdentityContext) {
    return startMfaEnrolmentFromLink(database, token);
  },

  confirmMfaEnrolmentFromLink(_parent: unknown, { token, totpCode }: { token: string; totpCode: string }, { database }: IdentityContext) {
    return confirmMfaEnrolmentFromLink(database, token, totpCode);
  },

  setOrganizationMfaRequirement(_parent: unknown, { required }: { required: boolean }, { database, principal }: IdentityContext) {
    return setOrganizationMfaRequirement(database, signedInUser(principal), required);
  },

  async refreshSession(_parent: unknown, { refreshToken }: { refreshToken: string }, context: IdentityContext) {
    const session = await refreshSession(context.database, context.tokens, refreshToken);
    context.signedIn.userId = session.user.id;
    return session;
  },

  createApiCredential(
    _parent: unknown,
    input: { name: string; customerIds?: string[] | null },
    { database, principal }: IdentityContext,
  ) {
    return createApiCredential(database, signedInUser(principal), input);
  },

  revokeApiCredential(_parent: unknown, { id }: { id: string }, { database, principal }: IdentityContext) {
    return revokeApiCredential(database, signedInUser(principal), id);
  },

  exchangeClientCredentials(
    _parent: unknown,
    { clientId, clientSecret }: { clientId: string; clientSecret: string },
    { database, tokens }: IdentityContext,
  ) {
    return exchangeClientCredentials(database, tokens, clientId, clientSecret);
  },

  async createPartnerAccount(_parent: unknown, input: NewPartnerAccount, context: IdentityContext) {
    const session = await createPartnerAccount(context.database, context.tokens, input);
    context.signedIn.userId = session.user.id;
    return session;
  },

  requestPartnerIdChange(
    _parent: unknown,
    input: { partnerId: string; reason: string },
    { database, principal }: IdentityContext,
  ) {
    return requestPartnerIdChange(database, signedInUser(principal), input);
  },

  decidePartnerIdChange(
    _parent: unknown,
    input: { requestId: string; approve: boolean; note?: string | null },
    { database, principal }: IdentityContext,
  ) {
    return decidePartnerIdChange(database, signedInOperator(principal).operatorId, input);
  },

  enrollMfa(_parent: unknown, _args: unknown, { database, principal }: IdentityContext) {
    return enrollMfa(database, signedInUser(principal));
  },

  confirmMfa(_parent: unknown, { totpCode }: { totpCode: string }, { database, principal }: IdentityContext) {
    return confirmMfa(database, signedInUser(principal), totpCode);
  },

  approvePartner(_parent: unknown, { token }: { token: string }, context: IdentityContext) {
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
