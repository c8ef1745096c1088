import { mayReadDevice } from '../access';
import type { Job as JobRow } from '../application';
import type { DeviceTelemetryContext } from '../context';
import type { Device as DeviceRow } from '../device';
import { visibleIpAddress } from '../ip-address';

export const Device = {
  /** A device the caller may not read (another tenant's, or unmonitored for a partner) does not exist for them. */
  async __resolveReference(reference: { id: string }, { loaders, access }: DeviceTelemetryContext) {
    const device = await loaders.deviceById.load(reference.id);
    if (!device) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? device : null;
  },

  async ipAddress(device: DeviceRow, _args: unknown, { access }: DeviceTelemetryContext) {
    if (device.ipAddress === null) return null;
    return visibleIpAddress(device.ipAddress, (await access.load(device.organizationId)).ipAddresses);
  },

  /** Null when the device it is part of is hidden from the caller (unmonitored, for a partner). */
  async parent(device: DeviceRow, _args: unknown, { loaders, access }: DeviceTelemetryContext) {
    if (device.parentDeviceId === null) return null;
    const [parent, decision] = await Promise.all([loaders.deviceById.load(device.parentDeviceId), access.load(device.organizationId)]);
    return parent?.organizationId === device.organizationId && mayReadDevice(decision, parent) ? parent : null;
  },

  /** Components hidden from the caller (unmonitored, for a partner) are left out. */
  async components(device: DeviceRow, _args: unknown, { loaders, access }: DeviceTelemetryContext) {
    const [components, decision] = await Promise.all([
      loaders.componentsOfDevice.load({ organizationId: device.organizationId, parentId: device.id }),
      access.load(device.organizationId),
    ]);
    return components.filter((component) => mayReadDevice(decision, component));
  },

  async location(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    if (device.locationId === null) return null;
    const location = await loaders.locationById.load(device.locationId);
    return location?.organizationId === device.organizationId ? location : null;
  },

  sensors(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.sensorsByDevice.load(device.id);
  },

  /** Shield lets only callers whose decision has `applications` (the customer's own users) this far. */
  applications(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.applicationsOfDevice.load({ organizationId: device.organizationId, parentId: device.id });
  },

  /** As applications. */
  jobs(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.jobsOfDevice.load({ organizationId: device.organizationId, parentId: device.id });
  },

  organization(device: DeviceRow) {
    return { id: device.organizationId };
  },
};

export const Job = {
  lastRunAt(job: JobRow) {
    return job.lastRunAt?.toISOString() ?? null;
  },
};
