import type { IncidentChangeResolvers } from '../generated/resolvers-types';
import { incidentAsItIsNow } from '../incidents/access';

export const IncidentChange: IncidentChangeResolvers = {
  incident: (change, _args, context) => incidentAsItIsNow(change.incidentId, context),
};
