import { parseArgs } from 'node:util';
import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { seedDemoDevices, type DemoDevice, type SensorType } from '@partnergraph/device-telemetry/demo-seed';
import { MAX_READINGS_PER_BATCH } from '@partnergraph/device-telemetry/ingest';
import { identityStorage } from '@partnergraph/identity';
import { seedDemoGrants, seedDemoOrganizations, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { ConfigError, createLogger, type Logger } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { migrateAll, seedDemoDataIfEmpty, withDatabase } from './database-setup';
import { DEMO_CUSTOMERS, DEMO_PARTNER, demoId } from './demo-data';
import { openLocalDatabase } from './local-database';
import { runCommand } from './run-command';
import { readStackConfig } from './stack-config';
import {
  conditionOfMessage,
  readingTimes,
  REACTIVATION_WINDOW_MS,
  simulateTelemetry,
  type SimulatedIncident,
  type SimulatedSensor,
  type SimulationOptions,
  type TrackedIncident,
} from './telemetry-simulation';
import { writeSimulation, type SimulationTotals } from './telemetry-writer';

/**
 * `npm run simulate`: realistic telemetry written through ingest, so the
 * rollups fill as they would in production. By default it continues the demo
 * customers' readings from the newest one stored (or from `--days` ago) up to
 * now. With `--customers`, `--devices` or `--sensors` it builds a data set
 * for benchmarks instead: that many customers (granted to Northwind), devices
 * per customer and sensors per device, with `--days` of readings up to now.
 * `--seed` makes a run repeatable. Migrates, and seeds the demo data into an
 * empty database, first.
 */
const USAGE =
  'usage: npm run simulate -- [--customers N --devices N --sensors N] [--days N] [--interval-minutes N] [--seed N]';

/** The benchmark size of issue #5 for whatever is not given. */
const SIZE_DEFAULTS = { customers: 50, devices: 40, sensors: 6, days: 30 };
const SENSOR_TYPES: readonly { type: SensorType; unit: string }[] = [
  { type: 'TEMPERATURE', unit: '°C' },
  { type: 'HUMIDITY', unit: '%RH' },
  { type: 'LOAD', unit: '%' },
  { type: 'BATTERY_RUNTIME', unit: 'min' },
  { type: 'INPUT_VOLTAGE', unit: 'V' },
  { type: 'OUTPUT_POWER', unit: 'kW' },
];
const DEVICE_TYPES: readonly DemoDevice['type'][] = ['UPS', 'RACK_PDU', 'COOLING', 'SENSOR_HUB'];
const PROGRESS_EVERY_MS = 2000;

interface Options {
  size: { customers: number; devices: number; sensors: number } | null;
  days: number | null;
  intervalMinutes: number;
  seed: number;
}

function parseOptions(argv: readonly string[]): Options {
  const names = ['customers', 'devices', 'sensors', 'days', 'interval-minutes', 'seed'] as const;
  let values: Partial<Record<(typeof names)[number], string>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<(typeof names)[number], { type: 'string' }>,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError([`${error instanceof Error ? error.message : String(error)}`, USAGE]);
  }
  const problems: string[] = [];
  const number = (name: (typeof names)[number], minimum: number): number | null => {
    const text = values[name];
    if (text === undefined) return null;
    const parsed = Number(text);
    if (!Number.isSafeInteger(parsed) || parsed < minimum) {
      problems.push(`--${name} must be a whole number of at least ${minimum}, not "${text}"`);
      return null;
    }
    return parsed;
  };
  const customers = number('customers', 1);
  const devices = number('devices', 1);
  const sensors = number('sensors', 1);
  const days = number('days', 1);
  const intervalMinutes = number('interval-minutes', 1) ?? 5;
  const seed = number('seed', 0) ?? 1;
  if (problems.length > 0) throw new ConfigError([...problems, USAGE]);
  const sized = ['customers', 'devices', 'sensors'].some((name) => values[name as (typeof names)[number]] !== undefined);
  return {
    size: sized
      ? {
          customers: customers ?? SIZE_DEFAULTS.customers,
          devices: devices ?? SIZE_DEFAULTS.devices,
          sensors: sensors ?? SIZE_DEFAULTS.sensors,
        }
      : null,
    days,
    intervalMinutes,
    seed,
  };
}

interface Plan {
  description: string;
  simulation: SimulationOptions;
}

/** The demo customers' monitored sensors, from the newest stored reading (or `days` ago) to now, resuming open alarms. */
async function planDemo(database: Database, options: Options, now: Date): Promise<Plan> {
  const organizationIds = DEMO_CUSTOMERS.map((customer) => customer.id);
  const sensors = await database.dataSource.query<SimulatedSensor[]>(
    `SELECT sensor.id, sensor.organization_id AS "organizationId", sensor.device_id AS "deviceId", sensor.type
     FROM telemetry.sensor JOIN telemetry.device ON device.id = sensor.device_id
     WHERE sensor.organization_id = ANY($1::uuid[]) AND device.organization_id = ANY($1::uuid[]) AND device.monitored
     ORDER BY sensor.organization_id, sensor.device_id, sensor.id`,
    [organizationIds],
  );
  if (sensors.length === 0) throw new Error('the database has no demo devices to simulate; run `npm run seed` on an empty database first');
  const [{ newest }] = await database.dataSource.query<[{ newest: Date | null }]>(
    'SELECT max(at) AS newest FROM telemetry.reading WHERE organization_id = ANY($1::uuid[])',
    [organizationIds],
  );
  const from = newest ? new Date(newest.getTime() + 1) : new Date(now.getTime() - (options.days ?? 2) * 86_400_000);
  return {
    description: `the ${DEMO_CUSTOMERS.length} demo customers' ${sensors.length} sensors, ${newest ? `after the newest reading (${newest.toISOString()})` : `from ${from.toISOString()}`}`,
    simulation: {
      sensors,
      from,
      to: now,
      intervalMinutes: options.intervalMinutes,
      seed: options.seed,
      batchSize: MAX_READINGS_PER_BATCH,
      tracked: await trackedIncidents(database, sensors, from),
    },
  };
}

/** Incidents the simulation may still clear or reactivate: open ones, and ones cleared within the reactivation window. */
async function trackedIncidents(database: Database, sensors: readonly SimulatedSensor[], from: Date): Promise<TrackedIncident[]> {
  const rows = await database.dataSource.query<SimulatedIncident[]>(
    `SELECT id, organization_id AS "organizationId", device_id AS "deviceId", severity, message, raised_at AS "raisedAt",
            cleared_at AS "clearedAt", reactivation_count AS "reactivationCount"
     FROM telemetry.incident
     WHERE organization_id = ANY($1::uuid[]) AND device_id = ANY($2::uuid[]) AND (cleared_at IS NULL OR cleared_at >= $3)
     ORDER BY raised_at`,
    [[...new Set(sensors.map((sensor) => sensor.organizationId))], [...new Set(sensors.map((sensor) => sensor.deviceId))], new Date(from.getTime() - REACTIVATION_WINDOW_MS)],
  );
  return rows.flatMap((incident) => {
    for (const sensor of sensors) {
      if (sensor.deviceId !== incident.deviceId) continue;
      const condition = conditionOfMessage(sensor.type, incident.message);
      if (condition) return [{ sensorId: sensor.id, conditionKey: condition.key, incident }];
    }
    return [];
  });
}

/**
 * Benchmark customers, granted to Northwind (read-only with API access), with
 * their devices and sensors. Ids are derived from numbered names, so a later
 * run reuses the customers, devices and sensors an earlier one made.
 */
async function planSize(databaseUrl: string, logger: Logger, options: Options, size: NonNullable<Options['size']>, now: Date): Promise<Plan> {
  const customers: DemoOrganization[] = Array.from({ length: size.customers }, (_, index) => {
    const name = `Benchmark Customer ${String(index + 1).padStart(4, '0')}`;
    return { id: demoId(`organization:${name}`), name, kind: 'CUSTOMER', partnerId: null };
  });
  await withDatabase(identityStorage, databaseUrl, logger, async (database) => {
    await seedDemoOrganizations(database, [DEMO_PARTNER, ...customers]);
    await seedDemoGrants(
      database,
      customers.map((customer) => ({
        customerOrganizationId: customer.id,
        partnerOrganizationId: DEMO_PARTNER.id,
        administrator: false,
        apiDeviceData: true,
      })),
    );
  });
  const sensors: SimulatedSensor[] = [];
  await withDatabase(deviceTelemetryStorage, databaseUrl, logger, async (database) => {
    for (const [customerIndex, customer] of customers.entries()) {
      const devices: DemoDevice[] = Array.from({ length: size.devices }, (_, deviceIndex) => {
        const name = `${customer.name} device ${String(deviceIndex + 1).padStart(4, '0')}`;
        const type = DEVICE_TYPES[deviceIndex % DEVICE_TYPES.length] ?? 'OTHER';
        return {
          id: demoId(`device:${name}`),
          organizationId: customer.id,
          name,
          make: 'APC',
          model: `${type} benchmark model`,
          serialNumber: `BM${String(customerIndex + 1).padStart(5, '0')}${String(deviceIndex + 1).padStart(5, '0')}`,
          firmwareRevision: '1.0',
          ipAddress: `10.${(customerIndex >> 8) & 255}.${customerIndex & 255}.${(deviceIndex % 254) + 1}`,
          type,
          monitored: true,
          sensors: Array.from({ length: size.sensors }, (__, sensorIndex) => ({
            id: demoId(`sensor:${name}:${sensorIndex}`),
            ...(SENSOR_TYPES[sensorIndex % SENSOR_TYPES.length] ?? { type: 'TEMPERATURE', unit: '°C' }),
          })),
        };
      });
      await seedDemoDevices(database, devices);
      for (const device of devices) {
        for (const sensor of device.sensors) sensors.push({ id: sensor.id, organizationId: customer.id, deviceId: device.id, type: sensor.type });
      }
    }
  });
  const days = options.days ?? SIZE_DEFAULTS.days;
  return {
    description: `${size.customers} customers × ${size.devices} devices × ${size.sensors} sensors, ${days === 1 ? '1 day' : `${days} days`}`,
    simulation: {
      sensors,
      from: new Date(now.getTime() - days * 86_400_000),
      to: now,
      intervalMinutes: options.intervalMinutes,
      seed: options.seed,
      batchSize: MAX_READINGS_PER_BATCH,
    },
  };
}

const count = (value: number): string => value.toLocaleString('en-US');
const say = (line: string): void => {
  process.stdout.write(`simulate: ${line}\n`);
};

runCommand('simulate', async () => {
  const options = parseOptions(process.argv.slice(2));
  const logger = createLogger({ level: 'info', format: 'text', fields: { service: 'simulate' } });
  const local = await openLocalDatabase(readStackConfig(process.env), logger, { reuseRunning: true });
  try {
    await migrateAll(local.url, logger);
    if (await seedDemoDataIfEmpty(local.url, logger)) say('seeded the demo data (with two days of readings) into the empty database');
    const now = new Date();
    const plan = options.size
      ? await planSize(local.url, logger, options, options.size, now)
      : await withDatabase(deviceTelemetryStorage, local.url, logger, (database) => planDemo(database, options, now));
    const { simulation } = plan;
    const expected = readingTimes(simulation.from, simulation.to, simulation.intervalMinutes).count * simulation.sensors.length;
    if (expected === 0) {
      say(`${plan.description}: nothing to add, the next reading is not due yet`);
      return;
    }
    say(`${plan.description}: ${count(expected)} readings every ${simulation.intervalMinutes} min, seed ${simulation.seed}`);
    const started = performance.now();
    let reported = started;
    const rate = (readings: number): string => count(Math.round(readings / Math.max((performance.now() - started) / 1000, 0.001)));
    const totals = await withDatabase(deviceTelemetryStorage, local.url, logger, (database) =>
      writeSimulation(database, simulateTelemetry(simulation), (progress: SimulationTotals) => {
        if (performance.now() - reported < PROGRESS_EVERY_MS) return;
        reported = performance.now();
        const percent = expected > 0 ? ((100 * progress.readings) / expected).toFixed(1) : '100.0';
        say(`${percent} % — ${count(progress.readings)} of ${count(expected)} readings, ${rate(progress.readings)} readings/s`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    say(
      `done: ${count(totals.recorded)} readings written, ${count(totals.duplicates)} duplicates; ` +
        `incidents: ${count(totals.raised)} raised, ${count(totals.cleared)} cleared, ${count(totals.reactivated)} reactivated; ` +
        `${seconds.toFixed(1)} s, ${rate(totals.readings)} readings/s`,
    );
  } finally {
    await local.stop();
  }
});
