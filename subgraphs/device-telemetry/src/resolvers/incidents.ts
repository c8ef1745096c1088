import { parsePageArgs, type PageArgs } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';
import type { Device as DeviceRow } from '../device';
import type { Incident as IncidentRow, IncidentSeverity } from '../incident';
import { acknowledgeable, acknowledgeIncident } from '../incidents/acknowledge';
import { mayReadIncident } from '../incidents/access';
import { assessmentScope, incidentsBySeverity, monitoringCoverage, upsHealth, type AssessmentScope } from '../incidents/assessment';
import { isIncidentSortKey } from '../incidents/loaders';

interface IncidentListArgs extends PageArgs {
  open?: boolean | null;
  severities?: IncidentSeverity[] | null;
}

/** Shield has checked that the caller may read the organization; the lists and counts leave out what they may not see. */
const Organization = {
  async incidents(organization: { id: string }, args: IncidentListArgs, { loaders, access }: DeviceTelemetryContext) {
    const page = parsePageArgs(args, isIncidentSortKey);
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.organizationIncidentPages.load({
      organizationId: organization.id,
      includeUnmonitored: unmonitoredEquipment,
      page,
      filter: { open: args.open ?? null, severities: args.severities ?? null },
    });
  },

  async openIncidentCount(organization: { id: string }, _args: unknown, { loaders, access }: DeviceTelemetryContext) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.openIncidentCountByOrganization.load({ organizationId: organization.id, includeUnmonitored: unmonitoredEquipment });
  },

  async assessment(organization: { id: string }, { month }: { month: string }, { access }: DeviceTelemetryContext) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return assessmentScope(month, organization.id, unmonitoredEquipment);
  },
};

/** Shield has checked the device, so every incident on it is visible. */
const Device = {
  incidents(device: DeviceRow, args: IncidentListArgs, { loaders }: DeviceTelemetryContext) {
    const page = parsePageArgs(args, isIncidentSortKey);
    return loaders.deviceIncidentPages.load({
      organizationId: device.organizationId,
      deviceId: device.id,
      page,
      filter: { open: args.open ?? null, severities: null },
    });
  },

  openIncidentCount(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.openIncidentCountByDevice.load({ organizationId: device.organizationId, deviceId: device.id });
  },
};

const Incident = {
  /** An incident the caller may not read (another tenant's, or on equipment hidden from them) does not exist for them. */
  async __resolveReference(reference: { id: string }, context: DeviceTelemetryContext) {
    const incident = await context.loaders.incidentById.load(reference.id);
    return incident !== null && (await mayReadIncident(incident, context)) ? incident : null;
  },

  device(incident: IncidentRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.deviceById.load(incident.deviceId);
  },

  raisedAt(incident: IncidentRow) {
    return incident.raisedAt.toISOString();
  },

  clearedAt(incident: IncidentRow) {
    return incident.clearedAt?.toISOString() ?? null;
  },

  acknowledgement(incident: IncidentRow) {
    if (incident.acknowledgedBy === null || incident.acknowledgedAt === null) return null;
    return { byUserId: incident.acknowledgedBy, note: incident.acknowledgementNote, at: incident.acknowledgedAt.toISOString() };
  },
};

/** Each figure is computed on read, in one statement, only when asked for. */
const Assessment = {
  monitoringCoverage(scope: AssessmentScope, _args: unknown, { database }: DeviceTelemetryContext) {
    return monitoringCoverage(database, scope);
  },

  incidentsBySeverity(scope: AssessmentScope, _args: unknown, { database }: DeviceTelemetryContext) {
    return incidentsBySeverity(database, scope);
  },

  upsHealth(scope: AssessmentScope, _args: unknown, { database, loaders }: DeviceTelemetryContext) {
    return upsHealth(database, loaders, scope);
  },
};

const Mutation = {
  async acknowledgeIncident(
    _parent: unknown,
    { incidentId, note }: { incidentId: string; note?: string | null },
    context: DeviceTelemetryContext,
  ) {
    const allowed = await acknowledgeable(incidentId, context);
    if (allowed instanceof Error) throw allowed;
    const acknowledged = await acknowledgeIncident(context.database, allowed.incident, allowed.user, note ?? null);
    context.loaders.incidentById.clear(acknowledged.id).prime(acknowledged.id, acknowledged);
    return acknowledged;
  },
};

export const incidentResolvers = { Organization, Device, Incident, Assessment, Mutation };
