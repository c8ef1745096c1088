import type { AuditEventResolvers } from '../generated/resolvers-types';

export const AuditEvent: AuditEventResolvers = {
  at: (event) => event.at.toISOString(),
  actor: (event) => event,
  user: (event, _args, { loaders }) =>
    event.details.userId === undefined ? null : loaders.userById.load(event.details.userId),
  secondFactor: (event) => event.details.secondFactor ?? null,
  signInFailure: (event) => event.details.signInFailure ?? null,
  lockedUntil: (event) => event.details.lockedUntil ?? null,
  partnerAccess: (event) => event.details.partnerAccess ?? null,
  apiCredential: (event) => event.details.apiCredential ?? null,
  partnerIdChange: (event) => event.details.partnerIdChange ?? null,
  requireMfa: (event) => event.details.requireMfa ?? null,
};
