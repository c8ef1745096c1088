import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '@partnergraph/core';
import { withDatabase } from '@partnergraph/scripts/database-setup';
import { dropDatabase, ensureDatabase } from '@partnergraph/scripts/embedded-postgres';
import { openLocalDatabase } from '@partnergraph/scripts/local-database';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';
import type { BenchEnvironment } from './config';

/**
 * The benchmark's data: a database of its own on the server `npm start`
 * would use (DATABASE_URL, or the embedded one), made afresh for every run
 * and filled by the simulator (`npm run simulate`), which writes through the
 * same ingest as recordReadings.
 */
export const BENCH_DATABASE = 'partnergraph_bench';

export interface BenchDatabase {
  url: string;
  /** The server's own URL, for the baseline's database beside this one. */
  serverUrl: string;
  /** Drops the benchmark's database (unless kept) and stops an embedded server this run started. */
  close(keep: boolean): Promise<void>;
}

export async function openBenchDatabase(environment: BenchEnvironment, logger: Logger): Promise<BenchDatabase> {
  const server = await openLocalDatabase(environment.stack, logger, { reuseRunning: true });
  await dropDatabase(server.url, BENCH_DATABASE);
  const url = await ensureDatabase(server.url, BENCH_DATABASE);
  return {
    url,
    serverUrl: server.url,
    async close(keep) {
      if (!keep) await dropDatabase(server.url, BENCH_DATABASE);
      await server.stop();
    },
  };
}

export interface DataSetSize {
  customers: number;
  devices: number;
  sensors: number;
  days: number;
}

/** The sizes the simulator is run with, in this order: each run grows the data set of the one before. */
export const DATA_SET_SIZES = {
  /** Where the dashboard's statement count is taken first. */
  small: { customers: 3, devices: 10, sensors: 6, days: 2 },
  /** The data set the load runs on: a dashboard of about 500 devices and a few hundred KB. */
  large: { customers: 10, devices: 50, sensors: 6, days: 2 },
  /** A year of 5-minute readings for the first benchmark customer's first sensor. */
  year: { customers: 1, devices: 1, sensors: 1, days: 366 },
} satisfies Record<string, DataSetSize>;

/**
 * A simulator run as `npm run simulate -- <size>` would make it, from this
 * repository or another tree of it (`root`: the baseline's); resolves with its closing line.
 */
export function simulate(environment: BenchEnvironment, databaseUrl: string, size: DataSetSize, root = REPOSITORY_ROOT): Promise<string> {
  const args = ['--customers', size.customers, '--devices', size.devices, '--sensors', size.sensors, '--days', size.days].map(String);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@partnergraph/source', join(root, 'scripts', 'src', 'simulate.ts'), ...args],
    { cwd: root, env: { ...environment.inherited, DATABASE_URL: databaseUrl, APOLLO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const done = lines.filter((line) => line.includes('done:')).pop();
      if (code === 0 && done) resolve(done.replace(/^simulate: /, ''));
      else reject(new Error(`npm run simulate -- ${args.join(' ')} failed:\n${lines.slice(-20).join('\n')}`));
    });
  });
}

const NO_STORAGE = { name: 'bench', schema: 'public', entities: [], migrations: [] };

/** Runs SQL on the benchmark's database (its own short-lived pool). */
export function query<T>(databaseUrl: string, logger: Logger, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return withDatabase(NO_STORAGE, databaseUrl, logger, (database) => database.dataSource.query<T[]>(sql, parameters));
}

export interface DataSize {
  customers: number;
  devices: number;
  sensors: number;
  readings: number;
  incidents: number;
  databaseBytes: number;
}

export async function measureDataSize(databaseUrl: string, logger: Logger): Promise<DataSize> {
  const [row] = await query<Record<keyof DataSize, string>>(
    databaseUrl,
    logger,
    `SELECT (SELECT count(*) FROM identity.organization WHERE kind = 'CUSTOMER') AS customers,
            (SELECT count(*) FROM telemetry.device) AS devices,
            (SELECT count(*) FROM telemetry.sensor) AS sensors,
            (SELECT count(*) FROM telemetry.reading) AS readings,
            (SELECT count(*) FROM telemetry.incident) AS incidents,
            pg_database_size(current_database()) AS "databaseBytes"`,
  );
  if (!row) throw new Error('the data size query returned nothing');
  return {
    customers: Number(row.customers),
    devices: Number(row.devices),
    sensors: Number(row.sensors),
    readings: Number(row.readings),
    incidents: Number(row.incidents),
    databaseBytes: Number(row.databaseBytes),
  };
}

/** The ids the operations need, read back from what the simulator wrote. */
export interface DataSetFacts {
  /** The simulator's benchmark customers, by name. */
  benchmarkCustomerIds: string[];
  /** The sensor with a year of readings, its organization and every sensor of its device. */
  year: { organizationId: string; sensorId: string; deviceSensorIds: string[] };
  /** Monitored sensors of the benchmark customers, apart from the year sensor's device: where ingest writes. */
  ingestSensorIds: string[];
}

export async function readFacts(databaseUrl: string, logger: Logger): Promise<DataSetFacts> {
  const customers = await query<{ id: string }>(
    databaseUrl,
    logger,
    `SELECT id FROM identity.organization WHERE kind = 'CUSTOMER' AND name LIKE 'Benchmark Customer %' ORDER BY name`,
  );
  const [year] = await query<{ organizationId: string; sensorId: string; deviceId: string }>(
    databaseUrl,
    logger,
    `SELECT daily.organization_id AS "organizationId", daily.sensor_id AS "sensorId", sensor.device_id AS "deviceId"
     FROM telemetry.reading_daily AS daily JOIN telemetry.sensor ON sensor.id = daily.sensor_id
     GROUP BY 1, 2, 3 ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!year || customers.length === 0) throw new Error('the simulator wrote no benchmark data set');
  const deviceSensors = await query<{ id: string }>(databaseUrl, logger, 'SELECT id FROM telemetry.sensor WHERE device_id = $1 ORDER BY id', [year.deviceId]);
  const ingest = await query<{ id: string }>(
    databaseUrl,
    logger,
    `SELECT sensor.id FROM telemetry.sensor JOIN telemetry.device ON device.id = sensor.device_id
     WHERE device.monitored AND sensor.organization_id = ANY($1::uuid[]) AND sensor.device_id <> $2
     ORDER BY sensor.id`,
    [customers.map((customer) => customer.id), year.deviceId],
  );
  return {
    benchmarkCustomerIds: customers.map((customer) => customer.id),
    year: { organizationId: year.organizationId, sensorId: year.sensorId, deviceSensorIds: deviceSensors.map((sensor) => sensor.id) },
    ingestSensorIds: ingest.map((sensor) => sensor.id),
  };
}
