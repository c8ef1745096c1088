import type { AuditActorResolvers } from '../generated/resolvers-types';

/** Resolved from the event itself: the actor's kind and id, and the log's organization. */
export const AuditActor: AuditActorResolvers = {
  kind: (event) => event.actorKind,
  async user(event, _args, { loaders }) {
    if (event.actorKind !== 'USER' || event.actorId === null) return null;
    const user = await loaders.userById.load(event.actorId);
    return user?.organizationId === event.organizationId ? user : null;
  },
  id: (event) => (event.actorKind === 'USER' ? null : event.actorId),
};
