import { allow, type IRules } from 'graphql-shield';
import { organizationRule } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from './access';
import type { Device } from './device';
import type { Sensor } from './sensor';

const mayReadThisDevice = organizationRule(
  (device: Device) => device.organizationId,
  (decision, _principal, device) => mayReadDevice(decision, device),
);

/** Rules per type and field; anything not listed is denied (see applyShield). */
export const permissions: Record<string, IRules> = {
  Organization: {
    // The key the gateway already holds.
    id: allow,
    devices: organizationRule((organization: { id: string }) => organization.id, (decision) => decision.read),
  },
  // Reached only through Organization.devices, which is checked.
  DeviceConnection: allow,
  PageInfo: allow,
  Device: mayReadThisDevice,
  Sensor: organizationRule((sensor: Sensor) => sensor.organizationId, (decision) => decision.read),
};
