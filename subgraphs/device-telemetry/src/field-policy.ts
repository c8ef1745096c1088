import { allFields as all, type FieldPolicy } from '@partnergraph/core';

/**
 * How each field of the device-telemetry schema is governed (FieldPolicy in
 * core): the shield's rules are built from it (permissions/index.ts) and the
 * access-matrix test checks the supergraph's behaviour against it. Devices,
 * sensors and incidents of unmonitored equipment also need
 * unmonitoredEquipment: for everyone else they do not exist.
 */
export const deviceTelemetryFieldPolicy: FieldPolicy = {
  // The feeds hold only the changes of organizations the caller may read.
  Query: {
    inventoryChanges: { anyOrganization: 'read' },
    incidentChanges: { anyOrganization: 'read' },
    incidentEventsFeed: { anyOrganization: 'read' },
    // Of the organizations of the sensors it names, each sensor's device visible as Sensor's own read.
    sensorReadingsFeed: { target: 'read' },
  },
  // Served by the gateway, which follows each one's feed as the subscriber; a subgraph runs no subscription.
  Subscription: {
    incidentEvents: { anyOrganization: 'read' },
    sensorReadings: { target: 'read' },
  },
  Mutation: {
    recordReadings: { caller: 'recordReadings' },
    // The collector's ingest, as readings are.
    recordAlarms: { caller: 'recordReadings' },
    acknowledgeIncident: { target: 'acknowledgeIncidents' },
    setSensorThresholds: { target: 'write' },
  },
  Organization: {
    id: 'gateway-key',
    ...all('read', ['devices', 'deviceCount', 'locations', 'incidents', 'openIncidentCount', 'assessment']),
  },
  Location: all('read', ['id', 'name', 'kind', 'parent', 'children', 'devices']),
  Device: {
    ...all('read', [
      'id',
      'name',
      'make',
      'model',
      'serialNumber',
      'firmwareRevision',
      'type',
      'monitored',
      'parent',
      'components',
      'location',
      'warrantyEndsOn',
      'lastServicedOn',
      'nextServiceDueOn',
      'sensors',
      'incidents',
      'openIncidentCount',
      'organization',
    ]),
    ipAddress: { owner: 'read', cutWithout: 'fullIpAddresses' },
    applications: 'applications',
    jobs: 'applications',
  },
  Sensor: all('read', ['id', 'type', 'unit', 'device', 'latest', 'history', 'thresholds']),
  Incident: all('read', ['id', 'device', 'severity', 'message', 'raisedAt', 'clearedAt', 'reactivationCount', 'acknowledgement']),
  // Reached only through checked fields; the devices, sensors and incidents inside are checked as their own types.
  DeviceConnection: all('parent', ['nodes', 'pageInfo']),
  PageInfo: all('parent', ['hasNextPage', 'endCursor']),
  Reading: all('parent', ['at', 'value']),
  SensorHistory: all('parent', ['resolution', 'bucketSeconds', 'buckets']),
  HistoryBucket: all('parent', ['start', 'min', 'max', 'average', 'last', 'count']),
  IncidentConnection: all('parent', ['nodes', 'pageInfo']),
  Acknowledgement: all('parent', ['byUserId', 'note', 'at']),
  Assessment: all('parent', ['month', 'monitoringCoverage', 'incidentsBySeverity', 'upsHealth']),
  SeverityCount: all('parent', ['severity', 'count']),
  UpsHealth: all('parent', ['device', 'score', 'minBatteryRuntimeMinutes', 'averageLoadPercent', 'criticalIncidents']),
  // Reachable solely through Device.applications and Device.jobs: neither type is an entity, nor returned by any other field.
  Application: all('parent', ['id', 'name', 'version']),
  Job: all('parent', ['id', 'name', 'schedule', 'lastRunAt', 'lastStatus']),
  InventoryChangePage: all('parent', ['changes', 'nextCursor', 'hasMore']),
  InventoryChange: all('parent', ['operation', 'deviceId', 'device', 'at']),
  IncidentChangePage: all('parent', ['changes', 'nextCursor', 'hasMore']),
  IncidentChange: all('parent', ['operation', 'incidentId', 'incident', 'at']),
  IncidentEventPage: all('parent', ['cursor', 'events', 'hasMore', 'scope']),
  IncidentEvent: all('parent', ['cursor', 'kind', 'incidentId', 'incident', 'at']),
  SensorReadingPage: all('parent', ['cursor', 'events', 'scope']),
  SensorReadingEvent: all('parent', ['cursor', 'sensor', 'reading']),
  RecordReadingsResult: all('parent', ['recorded', 'duplicates']),
  RecordAlarmsResult: all('parent', ['raised', 'cleared', 'reactivated', 'duplicates']),
  SensorThresholds: all('parent', ['low', 'high', 'hysteresis']),
};
