import { parsePageArgs, withDecision } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { DeviceResolvers } from '../generated/resolvers-types';
import { isIncidentSortKey } from '../incidents/loaders';
import { visibleIpAddress } from '../ip-address';

export const Device: DeviceResolvers = {
  /** A device the caller may not read (another tenant's, or unmonitored for a partner) does not exist for them. */
  async __resolveReference(reference, { loaders, access }) {
    const device = await loaders.deviceById.load(reference.id);
    if (!device) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? device : null;
  },

  ipAddress(device, _args, { access }) {
    const { ipAddress } = device;
    if (ipAddress === null) return null;
    return withDecision(access, device.organizationId, (decision) => visibleIpAddress(ipAddress, decision.ipAddresses));
  },

  /** Null when the device it is part of is hidden from the caller (unmonitored, for a partner). */
  async parent(device, _args, { loaders, access }) {
    if (device.parentDeviceId === null) return null;
    const [parent, decision] = await Promise.all([loaders.deviceById.load(device.parentDeviceId), access.load(device.organizationId)]);
    return parent?.organizationId === device.organizationId && mayReadDevice(decision, parent) ? parent : null;
  },

  /** Components hidden from the caller (unmonitored, for a partner) are left out. */
  async components(device, _args, { loaders, access }) {
    const [components, decision] = await Promise.all([
      loaders.componentsOfDevice.load({ organizationId: device.organizationId, parentId: device.id }),
      access.load(device.organizationId),
    ]);
    return components.filter((component) => mayReadDevice(decision, component));
  },

  async location(device, _args, { loaders }) {
    if (device.locationId === null) return null;
    const location = await loaders.locationById.load(device.locationId);
    return location?.organizationId === device.organizationId ? location : null;
  },

  sensors(device, _args, { loaders }) {
    return loaders.sensorsByDevice.load(device.id);
  },

  /** Shield lets only callers whose decision has `applications` (the customer's own users) this far. */
  applications(device, _args, { loaders }) {
    return loaders.applicationsOfDevice.load({ organizationId: device.organizationId, parentId: device.id });
  },

  /** As applications. */
  jobs(device, _args, { loaders }) {
    return loaders.jobsOfDevice.load({ organizationId: device.organizationId, parentId: device.id });
  },

  /** Shield has checked the device, so every incident on it is visible. */
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

  organization(device) {
    return { id: device.organizationId };
  },
};
