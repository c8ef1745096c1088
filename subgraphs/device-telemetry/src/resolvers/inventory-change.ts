import { mayReadDevice } from '../access';
import type { InventoryChangeResolvers } from '../generated/resolvers-types';

export const InventoryChange: InventoryChangeResolvers = {
  /**
   * The device as it is now, checked against its own organization's decision:
   * null once deleted, or when the caller may no longer see it (access
   * revoked, equipment no longer monitored).
   */
  async device(change, _args, { loaders, access }) {
    const device = await loaders.deviceById.load(change.deviceId);
    if (device === null) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? device : null;
  },
};
