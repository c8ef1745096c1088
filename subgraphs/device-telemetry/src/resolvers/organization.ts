import { isUuid, parsePageArgs, type PageArgs } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';

/** Identity owns organizations; this subgraph only adds fields to them. */
export const Organization = {
  __resolveReference(reference: { id: string }) {
    return { id: reference.id };
  },

  /** Shield has checked that the caller may read this organization; unmonitored equipment is left out unless they may see it. */
  async devices(organization: { id: string }, args: PageArgs, { loaders, access }: DeviceTelemetryContext) {
    const page = parsePageArgs(args, (key) => key.length === 2 && isUuid(key[1] ?? ''));
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.devicePages.load({ organizationId: organization.id, page, includeUnmonitored: unmonitoredEquipment });
  },
};
