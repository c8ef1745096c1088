import type { IdentityContext } from '../context';
import type { PartnerIdChangeRequest as Request } from '../partner-id-changes';

export const PartnerIdChangeRequest = {
  organization: (request: Request, _args: unknown, { loaders }: IdentityContext) => loaders.organizationById.load(request.organizationId),
  requestedBy: (request: Request, _args: unknown, { loaders }: IdentityContext) => loaders.userById.load(request.requestedBy),
  requestedAt: (request: Request) => request.requestedAt.toISOString(),
  decidedAt: (request: Request) => request.decidedAt?.toISOString() ?? null,
};
