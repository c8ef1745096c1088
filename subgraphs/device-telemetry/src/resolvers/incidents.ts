import { parsePageArgs } from '@partnergraph/subgraph-kit';
import type { AssessmentResolvers, DeviceResolvers, IncidentResolvers, MutationResolvers, OrganizationResolvers, Resolvers } from '../generated/resolvers-types';
import { acknowledgeable, acknowledgeIncident } from '../incidents/acknowledge';
import { mayReadIncident } from '../incidents/access';
import { assessmentScope, incidentsBySeverity, monitoringCoverage, upsHealth } from '../incidents/assessment';
import { isIncidentSortKey } from '../incidents/loaders';

/** Shield has checked that the caller may read the organization; the lists and counts leave out what they may not see. */
const Organization: OrganizationResolvers = {
  async incidents(organization, args, { loaders, access }) {
    const page = parsePageArgs(args, isIncidentSortKey);
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.organizationIncidentPages.load({
      organizationId: organization.id,
      includeUnmonitored: unmonitoredEquipment,
      page,
      filter: { open: args.open ?? null, severities: args.severities ?? null },
    });
  },

  async openIncidentCount(organization, _args, { loaders, access }) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.openIncidentCountByOrganization.load({ organizationId: organization.id, includeUnmonitored: unmonitoredEquipment });
  },

  async assessment(organization, { month }, { access }) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return assessmentScope(month, organization.id, unmonitoredEquipment);
  },
};

/** Shield has checked the device, so every incident on it is visible. */
const Device: DeviceResolvers = {
  incidents(device, args, { loaders }) {
    const page = parsePageArgs(args, isIncidentSortKey);
    return loaders.deviceIncidentPages.load({
      organizationId: device.organizationId,
      deviceId: device.id,
      page,
      filter: { open: args.open ?? null, severities: null },
    });
  },

  openIncidentCount(device, _args, { loaders }) {
    return loaders.openIncidentCountByDevice.load({ organizationId: device.organizationId, deviceId: device.id });
  },
};

const Incident: IncidentResolvers = {
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

/** Each figure is computed on read, in one statement, only when asked for. */
const Assessment: AssessmentResolvers = {
  monitoringCoverage(scope, _args, { database }) {
    return monitoringCoverage(database, scope);
  },

  incidentsBySeverity(scope, _args, { database }) {
    return incidentsBySeverity(database, scope);
  },

  upsHealth(scope, _args, { database, loaders }) {
    return upsHealth(database, loaders, scope);
  },
};

const Mutation: MutationResolvers = {
  async acknowledgeIncident(_parent, { incidentId, note }, context) {
    const allowed = await acknowledgeable(incidentId, context);
    if (allowed instanceof Error) throw allowed;
    const acknowledged = await acknowledgeIncident(context.database, allowed.incident, allowed.user, note ?? null);
    context.loaders.incidentById.clear(acknowledged.id).prime(acknowledged.id, acknowledged);
    return acknowledged;
  },
};

export const incidentResolvers: Resolvers = { Organization, Device, Incident, Assessment, Mutation };
