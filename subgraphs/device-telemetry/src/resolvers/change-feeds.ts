import { mayReadDevice } from '../access';
import { parseChangePageArgs, selectChanges, type Change, type ChangePageArgs, type Feed } from '../change-feeds';
import type { DeviceTelemetryContext } from '../context';
import { mayReadIncident } from '../incidents/access';

interface InventoryChange extends Change {
  deviceId: string;
}

interface IncidentChange extends Change {
  incidentId: string;
}

/** One page of a feed over every organization the caller may read (identity asked once), in one statement. */
async function changePage(feed: Feed, args: ChangePageArgs, { database, readableOrganizations }: DeviceTelemetryContext) {
  const page = parseChangePageArgs(args);
  return selectChanges(database, feed, await readableOrganizations(), page);
}

const Query = {
  async inventoryChanges(_parent: unknown, args: ChangePageArgs, context: DeviceTelemetryContext) {
    const { changes, ...rest } = await changePage('INVENTORY', args, context);
    return { ...rest, changes: changes.map((change): InventoryChange => ({ ...change, deviceId: change.entityId })) };
  },

  async incidentChanges(_parent: unknown, args: ChangePageArgs, context: DeviceTelemetryContext) {
    const { changes, ...rest } = await changePage('INCIDENT', args, context);
    return { ...rest, changes: changes.map((change): IncidentChange => ({ ...change, incidentId: change.entityId })) };
  },
};

/**
 * The entity as it is now, checked against its own organization's decision:
 * null once deleted, or when the caller may no longer see it (access revoked,
 * equipment no longer monitored).
 */
const InventoryChange = {
  async device(change: InventoryChange, _args: unknown, { loaders, access }: DeviceTelemetryContext) {
    const device = await loaders.deviceById.load(change.deviceId);
    if (device === null) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? device : null;
  },
};

const IncidentChange = {
  async incident(change: IncidentChange, _args: unknown, context: DeviceTelemetryContext) {
    const incident = await context.loaders.incidentById.load(change.incidentId);
    if (incident === null) return null;
    return (await mayReadIncident(incident, context)) ? incident : null;
  },
};

export const changeFeedResolvers = { Query, InventoryChange, IncidentChange };
