import { parseChangePageArgs, selectChanges, type ChangePageArgs, type IncidentChange, type InventoryChange } from '../change-feeds';
import type { Feed } from '../change-log';
import type { DeviceTelemetryContext } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import { selectIncidentEvents } from '../incident-events';
import { followedSensors } from '../readings/followed-sensors';
import { selectSensorReadings } from '../readings/live-feed';

/** One page of a feed over every organization the caller may read (identity asked once), in one statement. */
async function changePage(feed: Feed, args: ChangePageArgs, { database, readableOrganizations }: DeviceTelemetryContext) {
  const page = parseChangePageArgs(args);
  return selectChanges(database, feed, await readableOrganizations(), page);
}

export const Query: QueryResolvers = {
  async inventoryChanges(_parent, args, context) {
    const { changes, ...rest } = await changePage('INVENTORY', args, context);
    return { ...rest, changes: changes.map((change): InventoryChange => ({ ...change, deviceId: change.entityId })) };
  },

  async incidentChanges(_parent, args, context) {
    const { changes, ...rest } = await changePage('INCIDENT', args, context);
    return { ...rest, changes: changes.map((change): IncidentChange => ({ ...change, incidentId: change.entityId })) };
  },

  async incidentEventsFeed(_parent, args, { database, readableOrganizations }) {
    return selectIncidentEvents(database, await readableOrganizations(), args);
  },

  /** The shield checked the sensors with the same loaders: asking again costs no statement. */
  async sensorReadingsFeed(_parent, { sensorIds, after }, context) {
    const followed = await followedSensors(sensorIds, context);
    if (followed instanceof Error) throw followed;
    return selectSensorReadings(context.database, followed, after);
  },
};
