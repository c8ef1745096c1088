import type { Callers } from './callers';
import type { DataSetFacts } from './data-set';
import type { Caller, GraphQLBody } from './load-job';
import {
  DEVICE_PAGE,
  INVENTORY_PAGE,
  operationBody,
  ORGANIZATION_NAMES,
  PARTNER_DASHBOARD,
  RECORD_READINGS,
  REDEEM_LICENSE_KEY,
  SENSOR_YEAR,
} from './operations';
import type { VariablePool } from './rounds';
import { licenseKeyPool, NO_VARIABLES, readingsPool, READINGS_PER_SENSOR, SENSORS_PER_BATCH } from './variable-pools';
import { variableGenerator } from './variables';

/** Each operation of a run: who sends it, with which variables, and what differs from one to the next. */
export type OperationKey = 'dashboard' | 'organizations' | 'devicePage' | 'inventory' | 'sensorYear' | 'redeem' | 'ingest';

export interface OperationDefinition {
  key: OperationKey;
  title: string;
  body: GraphQLBody;
  caller: Caller;
  /** Variables generated per operation (see VariableSource). */
  generated: string[];
  variables: VariablePool;
  readingsPerOperation: number;
  /** For operations that write: what the capture sends first, so that the recorded request is not the first of its kind. */
  warmup?: GraphQLBody;
}

const DAY_MS = 86_400_000;

export const DASHBOARD_BODY: GraphQLBody = operationBody(PARTNER_DASHBOARD, 'PartnerDashboard');

/** Today's midnight (UTC) and the 365 days before it: whole days, which the rollups and the raw rows bucket alike. */
export function yearRange(now: number): { from: string; to: string } {
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  return { from: new Date(midnight - 365 * DAY_MS).toISOString(), to: new Date(midnight).toISOString() };
}

export async function defineOperations(options: {
  facts: DataSetFacts;
  callers: Callers;
  issueKeys(count: number): Promise<string[]>;
  now: number;
}): Promise<OperationDefinition[]> {
  const { facts, callers, now } = options;
  // Customer pages are the second benchmark customer's: the first one's first device holds the year sensor.
  const [firstCustomer, pageCustomer = firstCustomer] = facts.benchmarkCustomerIds;
  if (!firstCustomer || !pageCustomer) throw new Error('the data set has no benchmark customer');
  const customerAdmin = await callers.customerAdmin(pageCustomer);
  const yearAdmin = await callers.customerAdmin(facts.year.organizationId);
  // Start dates run from today (UTC): tomorrow stays valid if the run passes midnight.
  const startDate = new Date(now + DAY_MS).toISOString().slice(0, 10);
  // The captured writes are sent twice (a warm-up, then the recorded one), each with variables of its own.
  const [warmupKey, capturedKey] = await options.issueKeys(2);
  const redeem = (key: string | undefined): GraphQLBody => {
    if (key === undefined) throw new Error('the order system issued fewer licence keys than asked');
    return operationBody(REDEEM_LICENSE_KEY, 'RedeemLicenseKey', { key, customerId: firstCustomer, startDate });
  };
  // Whole minutes, 330 and 300 days ago: inside the default retention of 400 days, long before the data set's readings.
  const minute = Math.floor(now / 60_000) * 60_000;
  const captureReadingsFrom = minute - 330 * DAY_MS;
  const loadReadingsFrom = minute - 300 * DAY_MS;
  const captureReadings = variableGenerator({
    kind: 'readings',
    sensorIds: facts.ingestSensorIds,
    sensorsPerOperation: SENSORS_PER_BATCH,
    readingsPerSensor: READINGS_PER_SENSOR,
    // Before the load's own windows (see readingsPool), and within the readings' retention.
    firstInstantMs: captureReadingsFrom,
    spacingMs: 60_000,
  });
  // The generator's readings (variables.ts) are not checked against RecordReadingsMutationVariables.
  const ingest = (index: number): GraphQLBody => ({ query: RECORD_READINGS.toString(), operationName: 'RecordReadings', variables: captureReadings(index) ?? {} });
  const reads = { generated: [], variables: NO_VARIABLES, readingsPerOperation: 0 };
  return [
    { key: 'dashboard', title: 'partner dashboard', body: DASHBOARD_BODY, caller: callers.partnerAdmin, ...reads },
    {
      key: 'organizations',
      title: 'organization names',
      body: operationBody(ORGANIZATION_NAMES, 'OrganizationNames'),
      caller: callers.partnerAdmin,
      ...reads,
    },
    {
      key: 'devicePage',
      title: 'device page',
      body: operationBody(DEVICE_PAGE, 'DevicePage', {
        organizationId: pageCustomer,
        from: new Date(now - DAY_MS).toISOString(),
        to: new Date(now).toISOString(),
      }),
      caller: customerAdmin,
      ...reads,
    },
    {
      key: 'inventory',
      title: 'inventory page',
      body: operationBody(INVENTORY_PAGE, 'InventoryPage', { organizationId: pageCustomer }),
      caller: customerAdmin,
      ...reads,
    },
    {
      key: 'sensorYear',
      title: 'a year of one sensor',
      body: operationBody(SENSOR_YEAR, 'SensorYear', { organizationId: facts.year.organizationId, ...yearRange(now) }),
      caller: yearAdmin,
      ...reads,
    },
    {
      key: 'redeem',
      title: 'licence redemption',
      body: redeem(capturedKey),
      warmup: redeem(warmupKey),
      caller: callers.partnerAdmin,
      generated: ['customerId', 'key', 'startDate'],
      variables: licenseKeyPool({ issue: options.issueKeys, customerIds: facts.benchmarkCustomerIds, startDate }),
      readingsPerOperation: 0,
    },
    {
      key: 'ingest',
      title: 'telemetry ingest',
      body: ingest(1),
      warmup: ingest(0),
      caller: callers.collector,
      generated: ['readings'],
      variables: readingsPool(facts.ingestSensorIds, loadReadingsFrom),
      readingsPerOperation: SENSORS_PER_BATCH * READINGS_PER_SENSOR,
    },
  ];
}
