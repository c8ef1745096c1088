import { clientError } from '@partnergraph/core';
import { parsePageArgs } from '@partnergraph/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers-types';
import { assessmentScope } from '../incidents/assessment';
import { isIncidentSortKey } from '../incidents/loaders';
import { isIpNetwork } from '../ip-address';
import { isDeviceSortKey, type DeviceListFilter } from '../loaders';

/**
 * Identity owns organizations; this subgraph only adds fields to them. Shield
 * has checked that the caller may read it; the lists and counts leave out what
 * they may not see.
 */
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

  async incidents(organization, args, { loaders, access }) {
    const page = parsePageArgs(args, isIncidentSortKey);
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.organizationIncidentPages.load({
      organizationId: organization.id,
      includeUnmonitored: unmonitoredEquipment,
      page,
      filter: { open: args.open ?? null, severities: args.severities ?? null },
    });
  },

  async openIncidentCount(organization, _args, { loaders, access }) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return loaders.openIncidentCountByOrganization.load({ organizationId: organization.id, includeUnmonitored: unmonitoredEquipment });
  },

  async assessment(organization, { month }, { access }) {
    const { unmonitoredEquipment } = await access.load(organization.id);
    return assessmentScope(month, organization.id, unmonitoredEquipment);
  },
};
