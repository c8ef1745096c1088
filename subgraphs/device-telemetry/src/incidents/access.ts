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

/** The incident with this id as it is now, for a feed's change or event: null once deleted, or when the caller may no longer see it. */
export async function incidentAsItIsNow(incidentId: string, context: Pick<DeviceTelemetryContext, 'loaders' | 'access'>): Promise<Incident | null> {
  const incident = await context.loaders.incidentById.load(incidentId);
  if (incident === null) return null;
  return (await mayReadIncident(incident, context)) ? incident : null;
}
