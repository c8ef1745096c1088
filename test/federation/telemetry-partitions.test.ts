import { randomUUID } from 'node:crypto';
import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { ingestReadings } from '@partnergraph/device-telemetry/ingest';
import {
  listReadingPartitions,
  maintainReadingPartitions,
  partitionName,
  PARTITION_WEEKS_AHEAD,
  PARTITION_WEEKS_BEHIND,
  weekStart,
} from '@partnergraph/device-telemetry/partitions';
import { createLogger } from '@partnergraph/core';
import { createDatabase, findEntityDrift, migrateDatabase, type Database, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { countStatements, seedWorld, type SeededWorld } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Raw readings partitioned by week (issue 17, item 4): the weeks around now
 * exist ahead of the readings, a reading at any instant ingest accepts lands
 * (its week created when it has none), weeks past the retention are dropped
 * while the rollups and the history read from them stay, the maintenance runs
 * idempotently from several replicas at once, and the migration moves the
 * readings of an unpartitioned table into their weeks.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** READING_RETENTION_DAYS of this file's device-telemetry. */
const RETENTION_DAYS = 30;
const iso = (ms: number) => new Date(ms).toISOString();
const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

const RECORD = graphql(`
  mutation PartitionsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }
`);
const HISTORY = graphql(`
  query PartitionsHistory($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {
    organization(id: $organization) {
      id
      devices(first: 10) {
        nodes { id sensors { id history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } } }
      }
    }
  }
`);

const silent = createLogger({ level: 'error', format: 'text', write: () => {} });

describe('readings partitioned by week', () => {
  let supergraph: InProcessSupergraph;
  let telemetry: Database;
  let world: SeededWorld;
  let asCollector: Record<string, string>;
  /** The first customer's sensors, one per test. */
  let sensors: string[];

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ deviceTelemetry: { readingRetentionDays: RETENTION_DAYS } });
    telemetry = supergraph.subgraphs['device-telemetry'].database;
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 6 });
    sensors = world.devices.flatMap((device) => device.sensors.map((sensor) => sensor.id));
    asCollector = { authorization: `Bearer ${(await supergraph.accessTokens.issueForCollector({ collectorId: 'partitions' })).accessToken}` };
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const sensor = (index: number): string => sensors[index] ?? '';
  const record = (readings: { sensorId: string; at: string; value: number }[]) => supergraph.query(RECORD, { readings }, asCollector);
  const partitionsOf = async (sensorId: string) =>
    telemetry.dataSource.query<{ at: Date; partition: string }[]>(
      'SELECT at, tableoid::regclass::text AS partition FROM telemetry.reading WHERE sensor_id = $1 ORDER BY at',
      [sensorId],
    );
  /** An instant `days` ago whose week has no partition yet, searching further back. */
  const inAWeekWithoutPartition = async (days: number): Promise<number> => {
    const existing = new Set((await listReadingPartitions(telemetry.dataSource)).map((partition) => partition.name));
    for (let back = days; back < RETENTION_DAYS; back += 1) {
      const at = Date.now() - back * DAY;
      if (!existing.has(partitionName(weekStart(new Date(at))))) return at;
    }
    throw new Error('every week within the retention has a partition');
  };
  const history = async (from: number, to: number, maxPoints: number) => {
    const response = await supergraph.query(HISTORY, { organization: world.customers[0]?.id ?? '', from: iso(from), to: iso(to), maxPoints }, world.asPartnerAdmin);
    expect(response.body.errors).toBeUndefined();
    return new Map((response.body.data?.organization?.devices?.nodes ?? []).flatMap((device) => device.sensors.map((seen) => [seen.id, seen.history])));
  };

  it('keeps the weeks from the one before this to four after it, each from Monday 00:00 UTC to the next, each with its key', async () => {
    const partitions = await listReadingPartitions(telemetry.dataSource);
    const thisWeek = weekStart(new Date()).getTime();
    const expected = Array.from({ length: PARTITION_WEEKS_BEHIND + 1 + PARTITION_WEEKS_AHEAD }, (_, index) => thisWeek + (index - PARTITION_WEEKS_BEHIND) * WEEK);
    for (const start of expected) {
      const partition = partitions.find((candidate) => candidate.from.getTime() === start);
      expect(partition).toMatchObject({ name: partitionName(new Date(start)), to: new Date(start + WEEK), detachPending: false });
      expect(new Date(start).getUTCDay()).toBe(1);
      expect(start % DAY).toBe(0);
    }
    const keyed = await telemetry.dataSource.query<{ name: string }[]>(
      `SELECT partition.relname AS name FROM pg_index JOIN pg_class AS partition ON partition.oid = pg_index.indrelid
       WHERE pg_index.indisprimary AND partition.relname = ANY($1::text[])`,
      [partitions.map((partition) => partition.name)],
    );
    expect(keyed.map((row) => row.name).sort()).toEqual(partitions.map((partition) => partition.name).sort());
  });

  it('stores a reading at any instant it accepts, in the partition of its week, creating the weeks that had none', async () => {
    const farBack = await inAWeekWithoutPartition(RETENTION_DAYS - 1);
    const instants = [Date.now() - RETENTION_DAYS * DAY + 5 * MINUTE, farBack, Date.now() - 12 * DAY, Date.now(), Date.now() + 4 * MINUTE];
    const response = await record(instants.map((at, index) => ({ sensorId: sensor(0), at: iso(at), value: index })));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.recordReadings).toEqual({ recorded: instants.length, duplicates: 0 });
    const stored = await partitionsOf(sensor(0));
    expect(stored.map((row) => row.at.getTime())).toEqual([...instants].sort((left, right) => left - right));
    for (const row of stored) expect(row.partition).toBe(`telemetry.${partitionName(weekStart(row.at))}`);
  });

  it('refuses, with READING_TIME_INVALID and the earliest instant it accepts, a reading older than the retention', async () => {
    const response = await record([
      { sensorId: sensor(1), at: iso(Date.now() - HOUR), value: 1 },
      { sensorId: sensor(1), at: iso(Date.now() - RETENTION_DAYS * DAY - MINUTE), value: 2 },
    ]);
    expect(codes(response)).toEqual(['READING_TIME_INVALID']);
    const extensions = response.body.errors?.[0]?.extensions ?? {};
    expect(extensions.index).toBe(1);
    expect(Math.abs(Date.parse(String(extensions.earliest)) - (Date.now() - RETENTION_DAYS * DAY))).toBeLessThan(10_000);
    expect(await partitionsOf(sensor(1))).toEqual([]);
  });

  it('creates a week once when batches needing it arrive together', async () => {
    // Tuesday noon of that week, so that the batches' few minutes later stay in it whatever the time of day.
    const at = weekStart(new Date(await inAWeekWithoutPartition(9))).getTime() + DAY + 12 * HOUR;
    const batches = [2, 3, 4].map((index) => record([{ sensorId: sensor(index), at: iso(at + index * MINUTE), value: index }]));
    for (const response of await Promise.all(batches)) expect(response.body.data?.recordReadings).toEqual({ recorded: 1, duplicates: 0 });
    const named = (await listReadingPartitions(telemetry.dataSource)).filter((partition) => partition.name === partitionName(weekStart(new Date(at))));
    expect(named).toHaveLength(1);
  });

  it('costs a batch into a week made ahead the same four statements as before partitioning, whatever its size', async () => {
    const statementsFor = async (count: number, offset: number) =>
      (
        await countStatements(supergraph, async () => {
          const readings = Array.from({ length: count }, (_, index) => ({ sensorId: sensor(5), at: iso(Date.now() - 10 * MINUTE + offset + index * 1000), value: index }));
          expect((await record(readings)).body.data?.recordReadings.recorded).toBe(count);
        })
      )['device-telemetry'];
    expect(await statementsFor(1, 0)).toBe(4);
    expect(await statementsFor(300, 500)).toBe(4);
  });

  it('runs its maintenance from several replicas at once, each week created once, and a second pass finds nothing to do', async () => {
    const later = new Date(Date.now() + 5 * WEEK);
    const passes = await Promise.all([1, 2, 3].map(() => maintainReadingPartitions(telemetry, { now: later, retentionDays: 3650, logger: silent })));
    const created = passes.flatMap((pass) => pass.created).sort();
    const laterWeek = weekStart(later).getTime();
    const expected = Array.from({ length: PARTITION_WEEKS_BEHIND + 1 + PARTITION_WEEKS_AHEAD }, (_, index) => laterWeek + (index - PARTITION_WEEKS_BEHIND) * WEEK)
      .filter((start) => start > weekStart(new Date()).getTime() + PARTITION_WEEKS_AHEAD * WEEK)
      .map((start) => partitionName(new Date(start)));
    expect(created).toEqual(expected);
    expect(passes.flatMap((pass) => pass.dropped)).toEqual([]);
    expect(await maintainReadingPartitions(telemetry, { now: later, retentionDays: 3650, logger: silent })).toEqual({ created: [], dropped: [] });
  });

  it('drops the raw weeks past the retention while the rollups stay, and history answers from them as before', async () => {
    const measured = sensor(5);
    const start = Math.floor((Date.now() - 60 * DAY) / DAY) * DAY;
    const readings = Array.from({ length: 2 * 288 }, (_, index) => ({ sensorId: measured, at: new Date(start + index * 5 * MINUTE), value: 20 + ((index * 7) % 13) / 4 }));
    // Older than this service's retention, so written as a service keeping readings longer did.
    expect(await ingestReadings(telemetry, readings, { retentionDays: 400 })).toEqual({ recorded: readings.length, duplicates: 0 });
    const rollups = () =>
      telemetry.dataSource.query<{ hourly: string; daily: string }[]>(
        `SELECT (SELECT md5(string_agg(hourly::text, ';' ORDER BY bucket_start)) FROM telemetry.reading_hourly AS hourly WHERE sensor_id = $1) AS hourly,
                (SELECT md5(string_agg(daily::text, ';' ORDER BY bucket_start)) FROM telemetry.reading_daily AS daily WHERE sensor_id = $1) AS daily`,
        [measured],
      );
    const rawIn = async (from: number, to: number) =>
      (
        await telemetry.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM telemetry.reading WHERE sensor_id = $1 AND at >= $2 AND at < $3', [
          measured,
          iso(from),
          iso(to),
        ])
      )[0].count;
    const rollupsBefore = await rollups();
    const historyBefore = (await history(start, start + 2 * DAY, 48)).get(measured);
    expect(historyBefore).toMatchObject({ resolution: 'HOURLY', bucketSeconds: 3600 });
    expect(historyBefore?.buckets).toHaveLength(48);
    expect(await rawIn(start, start + 2 * DAY)).toBe(readings.length);

    const logged: string[] = [];
    const logger = createLogger({ level: 'info', format: 'text', write: (line) => logged.push(line) });
    const pass = await maintainReadingPartitions(telemetry, { now: new Date(), retentionDays: RETENTION_DAYS, logger });
    const cutoff = Date.now() - RETENTION_DAYS * DAY;
    expect(pass.dropped).toEqual(expect.arrayContaining([partitionName(weekStart(new Date(start))), partitionName(weekStart(new Date(start + 2 * DAY - 1)))]));
    expect(logged.join('\n')).toContain('dropped reading partitions past the retention');
    const left = await listReadingPartitions(telemetry.dataSource);
    expect(left.filter((partition) => partition.to.getTime() <= cutoff)).toEqual([]);
    expect(await rawIn(start, start + 2 * DAY)).toBe(0);

    expect(await rollups()).toEqual(rollupsBefore);
    const historyAfter = (await history(start, start + 2 * DAY, 48)).get(measured);
    expect(historyAfter).toEqual(historyBefore);
    // Each hour as computed from the readings sent.
    historyAfter?.buckets.forEach((bucket, hour) => {
      const inHour = readings.filter((reading) => Math.floor((reading.at.getTime() - start) / HOUR) === hour).map((reading) => reading.value);
      expect(bucket).toMatchObject({ start: iso(start + hour * HOUR), count: 12, min: Math.min(...inHour), max: Math.max(...inHour), last: inHour.at(-1) });
      expect(bucket.average).toBeCloseTo(inHour.reduce((sum, value) => sum + value, 0) / inHour.length, 9);
    });
    // A short range within the retention still reads the raw readings.
    expect((await history(Date.now() - DAY, Date.now(), 24)).get(measured)).toMatchObject({ resolution: 'RAW' });
  });

  it('finishes a drop that was interrupted halfway (a partition left pending detach)', async () => {
    const at = Date.now() - 45 * DAY;
    const week = partitionName(weekStart(new Date(at)));
    await ingestReadings(telemetry, [{ sensorId: sensor(1), at: new Date(at), value: 1 }], { retentionDays: 400 });
    // A transaction reading the week holds the detach's second phase; the detach is cancelled while it waits.
    const reading = telemetry.dataSource.createQueryRunner();
    const detaching = telemetry.dataSource.createQueryRunner();
    try {
      await reading.startTransaction();
      await reading.query('SELECT count(*) FROM telemetry.reading WHERE at >= $1', [iso(at - DAY)]);
      const [{ pid }] = (await detaching.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      const detach = detaching.query(`ALTER TABLE telemetry.reading DETACH PARTITION telemetry.${week} CONCURRENTLY`).then(
        () => 'detached',
        (error: { code?: string }) => error.code,
      );
      await waitFor('the detach to wait for the reading transaction', async () => {
        const [waiting] = await telemetry.dataSource.query<{ event: string | null }[]>('SELECT wait_event_type AS event FROM pg_stat_activity WHERE pid = $1', [pid]);
        return waiting?.event === 'Lock' ? true : undefined;
      });
      await telemetry.dataSource.query('SELECT pg_cancel_backend($1)', [pid]);
      expect(await detach).toBe('57014');
      await reading.commitTransaction();
    } finally {
      await reading.release();
      await detaching.release();
    }
    expect((await listReadingPartitions(telemetry.dataSource)).find((partition) => partition.name === week)).toMatchObject({ detachPending: true });

    const pass = await maintainReadingPartitions(telemetry, { now: new Date(), retentionDays: RETENTION_DAYS, logger: silent });
    expect(pass.dropped).toEqual([week]);
    expect((await listReadingPartitions(telemetry.dataSource)).map((partition) => partition.name)).not.toContain(week);
    expect(await telemetry.dataSource.query('SELECT to_regclass($1) AS dropped', [`telemetry.${week}`])).toEqual([{ dropped: null }]);
  });
});

describe('the migration that partitions telemetry.reading', () => {
  const MIGRATION = 'PartitionReadingsByWeek1764302400000';
  let testDatabase: TestDatabase;
  let database: Database | undefined;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    if (database?.dataSource.isInitialized) await database.dataSource.destroy();
    await testDatabase.drop();
  });

  const open = (storage: SubgraphStorage) =>
    createDatabase({ url: testDatabase.url, storage, poolSize: 2, statementTimeoutMs: 30_000, applicationName: 'partition-migration-test', logger: silent });

  it('moves every reading into the partition of its week, keeps the key the previous release writes against, and leaves the entities matching', async () => {
    const migrations = Object.values(deviceTelemetryStorage.migrations);
    const index = migrations.findIndex((migration) => migration.name === MIGRATION);
    expect(index).toBeGreaterThan(0);
    const previous = open({ ...deviceTelemetryStorage, migrations: migrations.slice(0, index) });
    await migrateDatabase(previous);
    const organizationId = randomUUID();
    const weeksWithData = [Date.parse('2025-03-02T23:59:59.999Z'), Date.parse('2025-03-03T00:00:00Z'), Date.parse('2025-06-11T12:00:00Z'), Date.now() - DAY];
    const rows = [randomUUID(), randomUUID()].flatMap((sensorId) =>
      weeksWithData.flatMap((at) => Array.from({ length: 50 }, (_, step) => [organizationId, sensorId, iso(at - step * MINUTE), step / 3] as const)),
    );
    await previous.dataSource.query(
      'INSERT INTO telemetry.reading (organization_id, sensor_id, at, value) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::float8[])',
      [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), rows.map((row) => row[3])],
    );
    const digest = (queried: Database) =>
      queried.dataSource.query<[{ count: number; digest: string }]>(
        `SELECT count(*)::int AS count, md5(string_agg(reading::text, ';' ORDER BY sensor_id, at)) AS digest FROM telemetry.reading`,
      );
    const before = await digest(previous);
    await previous.dataSource.destroy();

    database = open(deviceTelemetryStorage);
    expect(await migrateDatabase(database)).toContain(MIGRATION);
    expect(await digest(database)).toEqual(before);
    const placed = await database.dataSource.query<{ at: Date; partition: string }[]>('SELECT at, tableoid::regclass::text AS partition FROM telemetry.reading');
    expect(placed).toHaveLength(rows.length);
    for (const row of placed) expect(row.partition).toBe(`telemetry.${partitionName(weekStart(row.at))}`);
    const thisWeek = weekStart(new Date()).getTime();
    const expectedWeeks = new Set([
      ...rows.map((row) => weekStart(new Date(row[2])).getTime()),
      ...Array.from({ length: PARTITION_WEEKS_AHEAD + 1 }, (_, ahead) => thisWeek + ahead * WEEK),
    ]);
    expect((await listReadingPartitions(database.dataSource)).map((partition) => partition.from.getTime())).toEqual([...expectedWeeks].sort((left, right) => left - right));
    const [table] = await database.dataSource.query<{ kind: string; key: string | null; aside: string | null }[]>(
      `SELECT relkind AS kind, (SELECT conname FROM pg_constraint WHERE conrelid = 'telemetry.reading'::regclass AND contype = 'p') AS key,
              to_regclass('telemetry.reading_unpartitioned')::text AS aside
       FROM pg_class WHERE oid = 'telemetry.reading'::regclass`,
    );
    expect(table).toEqual({ kind: 'p', key: 'reading_pkey', aside: null });
    // The previous release's insert, during a rolling upgrade: a repeated reading is still a conflict on the key.
    const [repeated] = rows;
    const inserted = await database.dataSource.query<unknown[]>(
      `INSERT INTO telemetry.reading (organization_id, sensor_id, at, value) VALUES ($1, $2, $3, 0)
       ON CONFLICT (organization_id, sensor_id, at) DO NOTHING RETURNING at`,
      [repeated?.[0], repeated?.[1], repeated?.[2]],
    );
    expect(inserted).toEqual([]);
    expect(await findEntityDrift(database.dataSource, 'telemetry')).toEqual([]);
  });
});
