import type { IncidentChangeResolvers } from '../generated/resolvers-types';
import { mayReadIncident } from '../incidents/access';

export const IncidentChange: IncidentChangeResolvers = {
  /** The incident as it is now: null once deleted, or when the caller may no longer see it (as InventoryChange.device). */
  async incident(change, _args, context) {
    const incident = await context.loaders.incidentById.load(change.incidentId);
    if (incident === null) return null;
    return (await mayReadIncident(incident, context)) ? incident : null;
  },
};
