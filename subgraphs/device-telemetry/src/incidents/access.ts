import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import type { Incident } from '../incident';

/**
 * An incident exists for the caller when its organization lets them read and
 * its device is one they can see: partners never see incidents of unmonitored
 * equipment. The decision is the incident's own organization's, never one a
 * client named.
 */
export async function mayReadIncident(
  incident: Pick<Incident, 'organizationId' | 'deviceId'>,
  { loaders, access }: Pick<DeviceTelemetryContext, 'loaders' | 'access'>,
): Promise<boolean> {
  const device = await loaders.deviceById.load(incident.deviceId);
  if (device === null || device.organizationId !== incident.organizationId) return false;
  return mayReadDevice(await access.load(incident.organizationId), device);
}
