import type { IRules } from 'graphql-shield';
import { rulesFromPolicy } from '@partnergraph/subgraph-kit';
import { deviceTelemetryFieldPolicy } from '../field-policy';
import type { Location } from '../location';
import { mayFollowChanges } from './change-feeds';
import { mayAcknowledgeIncidentInArguments, mayReadThisIncident } from './incidents';
import { mayReadThisDevice, mayReadThisDevicesApplications } from './inventory';
import { mayFollowSensorsInArguments, mayReadThisSensor, maySetThresholdsOfSensorInArguments } from './readings';

/** Rules per type and field, built from the field policy; anything it does not list is denied (see applyShield). */
export const permissions: Record<string, IRules> = rulesFromPolicy(deviceTelemetryFieldPolicy, {
  owners: {
    Organization: (organization: { id: string }) => organization.id,
    // Every location, however reached (Organization.locations, Device.location, parent, children, `_entities`).
    Location: (location: Location) => location.organizationId,
  },
  // Devices, and the sensors and incidents on them, exist only where the device is monitored or the caller may see
  // unmonitored equipment.
  ownerChecks: {
    Device: { read: mayReadThisDevice, applications: mayReadThisDevicesApplications },
    Sensor: { read: mayReadThisSensor },
    Incident: { read: mayReadThisIncident },
  },
  fieldChecks: {
    'Query.inventoryChanges': mayFollowChanges,
    'Query.incidentChanges': mayFollowChanges,
    'Query.incidentEventsFeed': mayFollowChanges,
    'Subscription.incidentEvents': mayFollowChanges,
    'Query.sensorReadingsFeed': mayFollowSensorsInArguments,
    'Subscription.sensorReadings': mayFollowSensorsInArguments,
    'Mutation.acknowledgeIncident': mayAcknowledgeIncidentInArguments,
    'Mutation.setSensorThresholds': maySetThresholdsOfSensorInArguments,
  },
});
