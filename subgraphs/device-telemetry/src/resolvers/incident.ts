import type { IncidentResolvers } from '../generated/resolvers-types';
import { mayReadIncident } from '../incidents/access';

export const Incident: IncidentResolvers = {
  /** An incident the caller may not read (another tenant's, or on equipment hidden from them) does not exist for them. */
  async __resolveReference(reference, context) {
    const incident = await context.loaders.incidentById.load(reference.id);
    return incident !== null && (await mayReadIncident(incident, context)) ? incident : null;
  },

  device(incident, _args, { loaders }) {
    return loaders.deviceById.load(incident.deviceId);
  },

  raisedAt(incident) {
    return incident.raisedAt.toISOString();
  },

  clearedAt(incident) {
    return incident.clearedAt?.toISOString() ?? null;
  },

  acknowledgement(incident) {
    if (incident.acknowledgedBy === null || incident.acknowledgedAt === null) return null;
    return { byUserId: incident.acknowledgedBy, note: incident.acknowledgementNote, at: incident.acknowledgedAt.toISOString() };
  },
};
