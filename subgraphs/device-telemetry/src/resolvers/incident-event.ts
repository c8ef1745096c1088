import type { IncidentEventResolvers } from '../generated/resolvers-types';
import { incidentAsItIsNow } from '../incidents/access';

export const IncidentEvent: IncidentEventResolvers = {
  incident: (event, _args, context) => incidentAsItIsNow(event.incidentId, context),
};
