import { mayReadDevice } from '../access';
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

  sensors(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.sensorsByDevice.load(device.id);
  },

  organization(device: DeviceRow) {
    return { id: device.organizationId };
  },
};
