import type { IdentityContext } from '../context';
import type { Invitation as InvitationRow } from '../invitations';

export const Invitation = {
  organization: (invitation: InvitationRow, _args: unknown, { loaders }: IdentityContext) =>
    loaders.organizationById.load(invitation.organizationId),
  expiresAt: (invitation: InvitationRow) => invitation.expiresAt.toISOString(),
};
