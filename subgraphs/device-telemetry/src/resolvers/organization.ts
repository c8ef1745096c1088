import { clientError } from '@partnergraph/core';
import { parsePageArgs, type PageArgs } from '@partnergraph/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers-types';
import type { DeviceType } from '../device';
import { isIpNetwork } from '../ip-address';
import { isDeviceSortKey, type DeviceListFilter, type DeviceOrder } from '../loaders';

export interface DeviceListArgs extends PageArgs {
  filter?: {
    types?: DeviceType[] | null;
    locationId?: string | null;
    monitored?: boolean | null;
    ipNetwork?: string | null;
  } | null;
  orderBy?: DeviceOrder | null;
}

/** Identity owns organizations; this subgraph only adds fields to them. Shield has checked that the caller may read it. */
export const Organization: OrganizationResolvers = {
  __resolveReference(reference) {
    return { id: reference.id };
  },

  /**
   * Unmonitored equipment is left out unless the caller may see it (so a
   * partner asking for `monitored: false` gets an empty page); filtering or
   * ordering by IP address only for callers who see addresses in full.
   */
  async devices(organization, args, { loaders, access }) {
    const order = args.orderBy ?? 'NAME';
    const filter: DeviceListFilter = {
      types: args.filter?.types ?? null,
      locationId: args.filter?.locationId ?? null,
      monitored: args.filter?.monitored ?? null,
      ipNetwork: args.filter?.ipNetwork ?? null,
    };
    const decision = await access.load(organization.id);
    if ((filter.ipNetwork !== null || order === 'IP_ADDRESS') && decision.ipAddresses !== 'FULL') {
      throw clientError('IP_ADDRESS_HIDDEN', 'You see IP addresses cut to their last two segments, so you may not filter or order by them.', {
        field: filter.ipNetwork !== null ? 'filter.ipNetwork' : 'orderBy',
      });
    }
    if (filter.ipNetwork !== null && !isIpNetwork(filter.ipNetwork)) {
      throw clientError('IP_NETWORK_INVALID', '"ipNetwork" is not an IP network such as 10.1.0.0/16 or 2001:db8::/32.', { field: 'filter.ipNetwork' });
    }
    const page = parsePageArgs(args, (parts) => isDeviceSortKey(order, parts));
    return loaders.devicePages.load({ organizationId: organization.id, page, order, filter, includeUnmonitored: decision.unmonitoredEquipment });
  },

  async deviceCount(organization, _args, { loaders, access }) {
    const [decision, counts] = await Promise.all([access.load(organization.id), loaders.deviceCounts.load(organization.id)]);
    return counts.monitored + (decision.unmonitoredEquipment ? counts.unmonitored : 0);
  },

  locations(organization, _args, { loaders }) {
    return loaders.sitesOfOrganization.load(organization.id);
  },
};
