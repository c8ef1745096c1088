import { mayReadDevice } from '../access';
import type { LocationResolvers } from '../generated/resolvers-types';

/** Shield checks every location against the access decision of its own organization. */
export const Location: LocationResolvers = {
  /** A location of an organization the caller may not read does not exist for them. */
  async __resolveReference(reference, { loaders, access }) {
    const location = await loaders.locationById.load(reference.id);
    if (!location) return null;
    return (await access.load(location.organizationId)).read ? location : null;
  },

  async parent(location, _args, { loaders }) {
    if (location.parentId === null) return null;
    const parent = await loaders.locationById.load(location.parentId);
    return parent?.organizationId === location.organizationId ? parent : null;
  },

  children(location, _args, { loaders }) {
    return loaders.childLocations.load({ organizationId: location.organizationId, parentId: location.id });
  },

  /** Devices hidden from the caller (unmonitored, for a partner) are left out. */
  async devices(location, _args, { loaders, access }) {
    const [devices, decision] = await Promise.all([
      loaders.devicesAtLocation.load({ organizationId: location.organizationId, parentId: location.id }),
      access.load(location.organizationId),
    ]);
    return devices.filter((device) => mayReadDevice(decision, device));
  },
};
