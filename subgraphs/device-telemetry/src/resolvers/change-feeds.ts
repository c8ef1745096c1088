import { mayReadDevice } from '../access';
import { parseChangePageArgs, selectChanges, type ChangePageArgs, type Feed, type IncidentChange as IncidentChangeRow, type InventoryChange as InventoryChangeRow } from '../change-feeds';
import type { DeviceTelemetryContext } from '../context';
import type { IncidentChangeResolvers, InventoryChangeResolvers, QueryResolvers, Resolvers } from '../generated/resolvers-types';
import { mayReadIncident } from '../incidents/access';

/** One page of a feed over every organization the caller may read (identity asked once), in one statement. */
async function changePage(feed: Feed, args: ChangePageArgs, { database, readableOrganizations }: DeviceTelemetryContext) {
  const page = parseChangePageArgs(args);
  return selectChanges(database, feed, await readableOrganizations(), page);
}

const Query: QueryResolvers = {
  async inventoryChanges(_parent, args, context) {
    const { changes, ...rest } = await changePage('INVENTORY', args, context);
    return { ...rest, changes: changes.map((change): InventoryChangeRow => ({ ...change, deviceId: change.entityId })) };
  },

  async incidentChanges(_parent, args, context) {
    const { changes, ...rest } = await changePage('INCIDENT', args, context);
    return { ...rest, changes: changes.map((change): IncidentChangeRow => ({ ...change, incidentId: change.entityId })) };
  },
};

/**
 * The entity as it is now, checked against its own organization's decision:
 * null once deleted, or when the caller may no longer see it (access revoked,
 * equipment no longer monitored).
 */
const InventoryChange: InventoryChangeResolvers = {
  async device(change, _args, { loaders, access }) {
    const device = await loaders.deviceById.load(change.deviceId);
    if (device === null) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? device : null;
  },
};

const IncidentChange: IncidentChangeResolvers = {
  async incident(change, _args, context) {
    const incident = await context.loaders.incidentById.load(change.incidentId);
    if (incident === null) return null;
    return (await mayReadIncident(incident, context)) ? incident : null;
  },
};

export const changeFeedResolvers: Resolvers = { Query, InventoryChange, IncidentChange };
