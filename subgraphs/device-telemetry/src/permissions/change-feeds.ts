import { allow, rule, type IRules } from 'graphql-shield';
import type { DeviceTelemetryContext } from '../context';

/**
 * People and API clients with at least one organization to read (a user
 * always has their own); the feed then holds only those organizations'
 * changes. Anonymous callers, the collector and operators are refused without
 * asking identity.
 */
const mayFollowChanges = rule({ cache: 'no_cache' })(
  async (_parent, _args, { principal, readableOrganizations }: DeviceTelemetryContext) =>
    (principal.kind === 'user' || principal.kind === 'api-client') && (await readableOrganizations()).length > 0,
);

export const changeFeedPermissions: Record<string, Record<string, IRules>> = {
  Query: {
    inventoryChanges: mayFollowChanges,
    incidentChanges: mayFollowChanges,
  },
  // Reached only through the checked feeds. The device and incident resolve to null when the caller may not see
  // them, and their own type rules guard their fields.
  InventoryChangePage: { '*': allow },
  InventoryChange: { '*': allow },
  IncidentChangePage: { '*': allow },
  IncidentChange: { '*': allow },
};
