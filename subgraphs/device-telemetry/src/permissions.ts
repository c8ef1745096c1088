import type { IRules } from 'graphql-shield';
import { mergeByType } from './merge-by-type';
import { changeFeedPermissions } from './permissions/change-feeds';
import { incidentPermissions } from './permissions/incidents';
import { inventoryPermissions } from './permissions/inventory';
import { readingPermissions } from './permissions/readings';

/**
 * Rules per type and field, from each area of the subgraph; anything not
 * listed is denied (see applyShield). A type that several areas extend gives
 * its type-wide rule as `'*'` in its field map.
 */
export const permissions = mergeByType<IRules>([inventoryPermissions, readingPermissions, incidentPermissions, changeFeedPermissions]) as Record<
  string,
  IRules
>;
