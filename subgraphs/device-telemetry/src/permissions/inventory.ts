import { allow, type IRules } from 'graphql-shield';
import { organizationRule } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { Device } from '../device';
import type { Location } from '../location';
import { mayReadThisSensor } from './readings';

/** The device's organization lets the caller read it, and it is monitored or the caller is the organization's own. */
export const mayReadThisDevice = organizationRule(
  (device: Device) => device.organizationId,
  (decision, _principal, device) => mayReadDevice(decision, device),
);

/**
 * The device's applications and jobs: only for callers whose decision has
 * `applications` (the customer's own users; never a partner user or an API
 * client), on every path that reaches a device, `_entities` included.
 */
const mayReadThisDevicesApplications = organizationRule(
  (device: Device) => device.organizationId,
  (decision, _principal, device) => mayReadDevice(decision, device) && decision.applications,
);

const readsOrganization = organizationRule((organization: { id: string }) => organization.id, (decision) => decision.read);

export const inventoryPermissions: Record<string, Record<string, IRules>> = {
  Organization: {
    // The key the gateway already holds.
    id: allow,
    devices: readsOrganization,
    deviceCount: readsOrganization,
    locations: readsOrganization,
  },
  // Reached only through Organization.devices, which is checked.
  DeviceConnection: { '*': allow },
  PageInfo: { '*': allow },
  Device: { '*': mayReadThisDevice, applications: mayReadThisDevicesApplications, jobs: mayReadThisDevicesApplications },
  // Every location, however reached (Organization.locations, Device.location, parent, children, `_entities`).
  Location: { '*': organizationRule((location: Location) => location.organizationId, (decision) => decision.read) },
  // Reachable solely through Device.applications and Device.jobs, whose own rule refuses every caller without
  // `applications` in their decision: neither type is an entity, nor returned by any other field.
  Application: { '*': allow },
  Job: { '*': allow },
  Sensor: { '*': mayReadThisSensor },
};
