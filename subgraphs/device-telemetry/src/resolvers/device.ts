import type { DeviceTelemetryContext } from '../context';
import type { Device as DeviceRow } from '../device';

export const Device = {
  __resolveReference(reference: { id: string }, { loaders }: DeviceTelemetryContext) {
    return loaders.deviceById.load(reference.id);
  },

  sensors(device: DeviceRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.sensorsByDevice.load(device.id);
  },

  organization(device: DeviceRow) {
    return { id: device.organizationId };
  },
};
