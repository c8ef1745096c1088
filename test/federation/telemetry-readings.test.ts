import { randomUUID } from 'node:crypto';
import type { Principal } from '@partnergraph/core';
import { seedDemoDevices, type DemoDevice, type DemoSensor } from '@partnergraph/device-telemetry/demo-seed';
import { ingestReadings } from '@partnergraph/device-telemetry/ingest';
import { seedDemoGrants, seedDemoOrganizations, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import type { Database } from '@partnergraph/subgraph-kit';
import { bearerHeaders, countStatements, taggedOrganizations } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { gatewayHeaders } from '../support/internal-tokens';
import { graphql } from '../generated/operations';

/*
 * Readings (issue #5): recordReadings by the telemetry collector (idempotent,
 * whole batches or nothing, refused with codes), the hourly and daily rollups
 * it keeps, and Sensor.latest and Sensor.history as each kind of caller sees
 * them, through the gateway.
 *
 * Customer A grants partner P read-only access. A has a monitored UPS with
 * three sensors and an unmonitored switch with one; customer B has a PDU with
 * one sensor. Each test uses its own sensors, so the tests do not depend on
 * each other's readings.
 */

type Headers = Record<string, string>;
interface ReadingInput {
  sensorId: string;
  at: string;
  value: number;
}
interface RecordData {
  recordReadings: { recorded: number; duplicates: number };
}
interface Bucket {
  start: string;
  min: number;
  max: number;
  average: number;
  last: number;
  count: number;
}
interface History {
  resolution: string;
  bucketSeconds: number;
  buckets: Bucket[];
}

const RECORD = graphql(`
  mutation Record($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }
`);
const SENSOR_FIELDS = 'id latest { at value }';
const ENTITIES = (selection: string) => `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Midnight UTC a week ago: every reading of these tests lies in the week since. */
const WEEK_AGO = Math.floor(Date.now() / DAY) * DAY - 7 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
/** A value with a long fraction, so that sums depend on the order they are added in. */
const valueAt = (seed: number) => Math.round((20 + 10 * Math.sin(seed / 7) + seed / 1000) * 1e6) / 1e6 + 1 / 3;
const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('readings: ingest by the collector, rollups, latest and history', () => {
  let supergraph: InProcessSupergraph;
  let telemetry: Database;

  const { tag, organization } = taggedOrganizations('READINGS');
  const P = organization('Readings partner', 'PARTNER');
  const A = organization('Readings customer A');
  const B = organization('Readings customer B');

  const sensor = (type: DemoSensor['type'], unit: string): DemoSensor => ({ id: randomUUID(), type, unit });
  const sensors = {
    ingest: sensor('TEMPERATURE', '°C'),
    order: sensor('HUMIDITY', '%'),
    rollups: sensor('LOAD', '%'),
    history: sensor('BATTERY_RUNTIME', 'min'),
    quiet: sensor('INPUT_VOLTAGE', 'V'),
    unmonitored: sensor('TEMPERATURE', '°C'),
    otherCustomer: sensor('OUTPUT_POWER', 'W'),
  };
  const device = (owner: DemoOrganization, name: string, monitored: boolean, owned: DemoSensor[]): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name,
    make: 'APC',
    model: 'Smart-UPS',
    serialNumber: `SN-${randomUUID().slice(0, 8)}`,
    firmwareRevision: '1.0',
    ipAddress: null,
    type: monitored ? 'UPS' : 'NETWORK_SWITCH',
    monitored,
    sensors: owned,
  });
  const ups = device(A, 'A1 UPS', true, [sensors.ingest, sensors.order, sensors.rollups, sensors.history, sensors.quiet]);
  const switchA = device(A, 'A9 Switch', false, [sensors.unmonitored]);
  const pdu = device(B, 'B1 PDU', true, [sensors.otherCustomer]);

  const partnerPrincipal: Principal = { kind: 'user', userId: randomUUID(), organizationId: P.id, role: 'VIEWER', mfa: true };
  const customerPrincipal: Principal = { kind: 'user', userId: randomUUID(), organizationId: A.id, role: 'VIEWER', mfa: false };
  const as: Record<'collector' | 'customerAdmin' | 'customerViewer' | 'partnerAdmin' | 'partnerViewer' | 'apiClient' | 'operator' | 'anonymous', Headers> = {
    collector: {},
    customerAdmin: {},
    customerViewer: {},
    partnerAdmin: {},
    partnerViewer: {},
    apiClient: {},
    operator: {},
    anonymous: {},
  };
  const bearer = (token: { accessToken: string }): Headers => ({ authorization: `Bearer ${token.accessToken}` });

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    telemetry = supergraph.subgraphs['device-telemetry'].database;
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, A, B]);
    await seedDemoGrants(identity, [{ customerOrganizationId: A.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: false }]);
    await seedDemoDevices(telemetry, [ups, switchA, pdu]);
    as.collector = bearer(await supergraph.accessTokens.issueForCollector({ collectorId: `collector-${tag}` }));
    as.customerAdmin = await bearerHeaders(supergraph, { organizationId: A.id, role: 'ADMIN', mfa: false });
    as.customerViewer = await bearerHeaders(supergraph, { organizationId: A.id, role: 'VIEWER', mfa: false });
    as.partnerAdmin = await bearerHeaders(supergraph, { organizationId: P.id, role: 'ADMIN', mfa: true });
    as.partnerViewer = await bearerHeaders(supergraph, { organizationId: P.id, role: 'VIEWER', mfa: true });
    as.apiClient = bearer(await supergraph.accessTokens.issueForApiClient({ clientId: `pgc_readings_${tag}`, partnerOrganizationId: P.id }));
    as.operator = bearer(await supergraph.accessTokens.issueForOperator({ operatorId: `ops-${tag}` }));
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const record = (readings: readonly ReadingInput[], headers: Headers = as.collector) =>
    supergraph.query(RECORD, { readings: [...readings] }, headers);
  /** Records a batch as the collector; fails the test on any error. */
  const recordOk = async (readings: readonly ReadingInput[]) => {
    const response = await record(readings);
    expect(response.body.errors).toBeUndefined();
    if (!response.body.data) throw new Error('recordReadings answered no data');
    return response.body.data.recordReadings;
  };
  /** A fingerprint of every stored reading and rollup row of the test's customers, to compare before and after. */
  const snapshot = async () =>
    Promise.all(
      ['reading', 'reading_hourly', 'reading_daily'].map((table) =>
        telemetry.dataSource.query(
          `SELECT count(*)::int AS rows, md5(string_agg(stored::text, ';' ORDER BY stored::text)) AS digest
           FROM telemetry.${table} AS stored WHERE organization_id = ANY($1::uuid[])`,
          [[A.id, B.id]],
        ),
      ),
    );
  const every = (sensorId: string, start: number, count: number, stepMs: number, offset = 0): ReadingInput[] =>
    Array.from({ length: count }, (_, index) => ({ sensorId, at: iso(start + index * stepMs), value: valueAt(index + offset) }));

  describe('recordReadings', () => {
    it('stores a batch for the collector and counts it; the same batch again is all duplicates and changes nothing', async () => {
      const batch = every(sensors.ingest.id, WEEK_AGO + 22 * HOUR, 300, 5 * MINUTE);
      expect(await recordOk(batch)).toEqual({ recorded: 300, duplicates: 0 });
      const stored = await snapshot();
      const [{ count }] = await telemetry.dataSource.query<[{ count: number }]>(
        'SELECT count(*)::int AS count FROM telemetry.reading WHERE organization_id = $1 AND sensor_id = $2',
        [A.id, sensors.ingest.id],
      );
      expect(count).toBe(300);
      expect(await recordOk(batch)).toEqual({ recorded: 0, duplicates: 300 });
      expect(await snapshot()).toEqual(stored);
    });

    it('takes each reading’s organization from its sensor, and accepts instants with any offset', async () => {
      const at = WEEK_AGO + 3 * DAY + 90 * MINUTE;
      const batch = [
        { sensorId: sensors.otherCustomer.id, at: iso(at).replace('Z', '+00:00'), value: 1.5 },
        // The same instant as one hour later in UTC, written two hours ahead with its offset; the sensor id in capitals.
        { sensorId: sensors.otherCustomer.id.toUpperCase(), at: iso(at + 3 * HOUR).replace('Z', '+02:00'), value: 2.5 },
      ];
      expect(await recordOk(batch)).toEqual({ recorded: 2, duplicates: 0 });
      const rows = await telemetry.dataSource.query<{ organization_id: string; at: Date }[]>(
        'SELECT organization_id, at FROM telemetry.reading WHERE sensor_id = $1 ORDER BY at',
        [sensors.otherCustomer.id],
      );
      expect(rows.map((row) => [row.organization_id, row.at.getTime()])).toEqual([
        [B.id, at],
        [B.id, at + HOUR],
      ]);
    });

    it('accepts readings out of order and repeated within a batch: the first of a repeated instant is kept', async () => {
      const start = WEEK_AGO + 2 * DAY;
      const ordered = every(sensors.order.id, start, 40, 7 * MINUTE);
      const reversed = [...ordered].reverse();
      // The last five instants again, with other values, after their first appearance; the first five twice, before it.
      const repeatedLate = reversed.slice(0, 5).map((reading) => ({ ...reading, value: reading.value + 1000 }));
      const repeatedEarly = ordered.slice(0, 5).map((reading) => ({ ...reading, value: reading.value + 2000 }));
      const batch = [...reversed.slice(0, 20), ...repeatedLate, ...repeatedEarly, ...repeatedEarly, ...reversed.slice(20)];
      expect(await recordOk(batch)).toEqual({ recorded: 40, duplicates: 15 });
      const rows = await telemetry.dataSource.query<{ at: Date; value: number }[]>(
        'SELECT at, value FROM telemetry.reading WHERE organization_id = $1 AND sensor_id = $2 ORDER BY at',
        [A.id, sensors.order.id],
      );
      const kept = [...repeatedEarly, ...ordered.slice(5)];
      expect(rows.map((row) => ({ at: row.at.toISOString(), value: row.value }))).toEqual(kept.map(({ at, value }) => ({ at, value })));
      // Older readings arriving after newer ones, with some already stored.
      const earlier = every(sensors.order.id, start - 21 * 7 * MINUTE, 30, 7 * MINUTE, 500);
      expect(await recordOk(earlier)).toEqual({ recorded: 21, duplicates: 9 });
    });

    it('accepts a full batch of 10,000 readings through the gateway', async () => {
      // Values to a tenth, as sensors report them: with the default 1 MB request limit, long fractions would not fit.
      const batch = every(sensors.rollups.id, WEEK_AGO - 3 * DAY, 10_000, MINUTE).map((reading) => ({ ...reading, value: Math.round(reading.value * 10) / 10 }));
      expect(await recordOk(batch)).toEqual({ recorded: 10_000, duplicates: 0 });
    });

    describe('refuses a batch whole, writing nothing', () => {
      const valid = () => every(sensors.quiet.id, WEEK_AGO + 4 * DAY, 3, MINUTE);
      /** Sends `readings`, expects exactly one error with `code`, and that nothing was written; returns the error's extensions. */
      const expectRefused = async (readings: readonly ReadingInput[], code: string) => {
        const before = await snapshot();
        const response = await record(readings);
        expect(codes(response)).toEqual([code]);
        expect(response.body.data ?? null).toBeNull();
        expect(await snapshot()).toEqual(before);
        return response.body.errors?.[0]?.extensions ?? {};
      };

      it('with READING_SENSOR_UNKNOWN when one sensor does not exist, listing the unknown ids', async () => {
        const unknown = randomUUID();
        const extensions = await expectRefused([...valid(), { sensorId: unknown, at: iso(WEEK_AGO + DAY), value: 1 }], 'READING_SENSOR_UNKNOWN');
        expect(extensions).toMatchObject({ unknownSensorIds: [unknown], unknownSensorCount: 1 });
      });

      it('with READING_SENSOR_UNKNOWN for ids that are not sensor ids at all, listing at most 20', async () => {
        const unknown = Array.from({ length: 25 }, (_, index) => (index === 0 ? 'not-a-sensor' : randomUUID()));
        const readings = [...valid(), ...unknown.map((sensorId) => ({ sensorId, at: iso(WEEK_AGO + DAY), value: 1 }))];
        const extensions = await expectRefused(readings, 'READING_SENSOR_UNKNOWN');
        expect(extensions).toMatchObject({ unknownSensorIds: unknown.slice(0, 20), unknownSensorCount: 25 });
      });

      it.each([
        ['without an offset', iso(WEEK_AGO).replace('Z', '')],
        ['as a date only', iso(WEEK_AGO).slice(0, 10)],
        ['on a day that does not exist', '2024-02-30T12:00:00Z'],
        ['in epoch milliseconds', String(WEEK_AGO)],
        ['more than five minutes in the future', iso(Date.now() + 10 * MINUTE)],
        ['before 2000', '1999-12-31T23:59:59Z'],
      ])('with READING_TIME_INVALID for an instant %s', async (_case, at) => {
        const extensions = await expectRefused([...valid(), { sensorId: sensors.quiet.id, at, value: 1 }], 'READING_TIME_INVALID');
        expect(extensions).toMatchObject({ index: 3 });
      });

      it('with BAD_USER_INPUT for a value written as 1e999 in the query, at the gateway and at the subgraph (its input guard, before ingest)', async () => {
        const before = await snapshot();
        const [first] = valid();
        const mutation = `mutation { recordReadings(readings: [{ sensorId: "${sensors.quiet.id}", at: "${first?.at}", value: 1e999 }]) { recorded } }`;
        const throughGateway = await supergraph.query<RecordData>(mutation, {}, as.collector);
        expect(throughGateway.body.errors).toHaveLength(1);
        expect(throughGateway.body.data ?? null).toBeNull();
        const atSubgraph = await postGraphQL<RecordData>(
          supergraph.subgraphs['device-telemetry'].url,
          { query: mutation },
          await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', { kind: 'collector', collectorId: `collector-${tag}` }),
        );
        expect(codes(throughGateway)).toEqual(['BAD_USER_INPUT']);
        expect(codes(atSubgraph)).toEqual(['BAD_USER_INPUT']);
        expect(await snapshot()).toEqual(before);
      });

      it('with BAD_USER_INPUT from GraphQL for a value of 1e999 in the variables (JSON has no NaN or Infinity)', async () => {
        const before = await snapshot();
        const body = JSON.stringify({ query: RECORD, variables: { readings: [...valid(), { sensorId: sensors.quiet.id, at: iso(WEEK_AGO), value: 0 }] } });
        const response = await fetch(supergraph.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...as.collector },
          body: body.replace('"value":0}', '"value":1e999}'),
        });
        const parsed = (await response.json()) as GraphQLResponse<unknown>['body'];
        expect(parsed.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(await snapshot()).toEqual(before);
      });

      it('with READING_VALUE_NOT_FINITE for NaN or an infinity handed to ingestReadings', async () => {
        const before = await snapshot();
        for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
          const readings = [{ sensorId: sensors.quiet.id, at: new Date(WEEK_AGO), value: 1 }, { sensorId: sensors.quiet.id, at: new Date(WEEK_AGO + MINUTE), value }];
          await expect(ingestReadings(telemetry, readings)).rejects.toMatchObject({ extensions: { code: 'READING_VALUE_NOT_FINITE', index: 1 } });
        }
        expect(await snapshot()).toEqual(before);
      });

      it('with READING_BATCH_TOO_LARGE for more than 10,000 readings', async () => {
        const batch = every(sensors.quiet.id, WEEK_AGO - 8 * DAY, 10_001, MINUTE).map((reading) => ({ ...reading, value: 1 }));
        const extensions = await expectRefused(batch, 'READING_BATCH_TOO_LARGE');
        expect(extensions).toMatchObject({ maxReadings: 10_000 });
      });

      it.each(['customerAdmin', 'customerViewer', 'partnerAdmin', 'partnerViewer', 'apiClient', 'operator', 'anonymous'] as const)(
        'with FORBIDDEN for anyone but the collector: %s',
        async (caller) => {
          const before = await snapshot();
          const response = await record(valid(), as[caller]);
          expect(codes(response)).toEqual(['FORBIDDEN']);
          expect(await snapshot()).toEqual(before);
        },
      );
    });
  });

  describe('rollups', () => {
    it('equal aggregating the raw readings, after batches out of order, overlapping and for several sensors and customers', async () => {
      // The latest reading below, at start + 2 days + 5.5 hours, is yesterday at 01:30 at the latest: never in the future, whatever the time of day.
      const start = WEEK_AGO + 3 * DAY + 20 * HOUR;
      const batches = [
        every(sensors.rollups.id, start, 200, 3 * MINUTE),
        every(sensors.otherCustomer.id, start, 150, 4 * MINUTE, 7).reverse(),
        // Overlaps the first batch (duplicates) and reaches back across midnight.
        every(sensors.rollups.id, start - 5 * HOUR, 200, 3 * MINUTE, 300).reverse(),
        [...every(sensors.rollups.id, start + 2 * DAY, 30, 11 * MINUTE, 900), ...every(sensors.otherCustomer.id, start - DAY, 30, 13 * MINUTE, 40)],
        every(sensors.rollups.id, start + 7 * MINUTE, 100, 17 * MINUTE, 77),
      ];
      for (const batch of batches) await recordOk(batch);
      // A concurrent pair, each touching the other's buckets.
      await Promise.all([recordOk(every(sensors.rollups.id, start + 1, 50, 5 * MINUTE, 3)), recordOk(every(sensors.rollups.id, start + 2, 50, 5 * MINUTE, 4).reverse())]);

      for (const [table, unit] of [
        ['reading_hourly', 'hour'],
        ['reading_daily', 'day'],
      ] as const) {
        const organizations = [A.id, B.id];
        const rollups = await telemetry.dataSource.query<RollupRow[]>(
          `SELECT organization_id, sensor_id, bucket_start, min, max, sum, count, last_at, last_value
           FROM telemetry.${table} WHERE organization_id = ANY($1::uuid[]) ORDER BY organization_id, sensor_id, bucket_start`,
          [organizations],
        );
        const expected = await telemetry.dataSource.query<RollupRow[]>(
          `SELECT organization_id, sensor_id, date_trunc('${unit}', at, 'UTC') AS bucket_start, min(value) AS min, max(value) AS max,
                  sum(value) AS sum, count(*)::int AS count, max(at) AS last_at, (array_agg(value ORDER BY at DESC))[1] AS last_value
           FROM telemetry.reading WHERE organization_id = ANY($1::uuid[])
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
          [organizations],
        );
        expect(rollups.length).toBeGreaterThan(3);
        // Sums compared apart: adding in another order may change the last bits.
        const exactly = (row: RollupRow) => ({ ...row, sum: 0 });
        expect(rollups.map(exactly)).toEqual(expected.map(exactly));
        rollups.forEach((row, index) => {
          const sum = expected[index]?.sum ?? Number.NaN;
          expect(Math.abs(row.sum - sum)).toBeLessThanOrEqual(1e-9 * Math.abs(sum));
        });
      }
    });
  });

  interface RollupRow {
    organization_id: string;
    sensor_id: string;
    bucket_start: Date;
    min: number;
    max: number;
    sum: number;
    count: number;
    last_at: Date;
    last_value: number;
  }

  describe('Sensor.history and Sensor.latest', () => {
    const historyStart = WEEK_AGO + DAY;
    const readingsOf = (sensorId: string) => [...every(sensorId, historyStart - 20 * HOUR, 1200, 3 * MINUTE, 11), ...every(sensorId, WEEK_AGO - 40 * DAY, 60, 12 * HOUR, 5)];
    beforeAll(async () => {
      const batch = readingsOf(sensors.history.id);
      await recordOk([...batch.slice(600), ...batch.slice(0, 600)]);
      await recordOk(readingsOf(sensors.unmonitored.id));
    });

    // Sent straight to device-telemetry (its own schema, not the API schema), so a string.
    const SENSOR_HISTORY = `
      query SensorHistory($r: [_Any!]!, $from: String!, $to: String!, $maxPoints: Int) {
        _entities(representations: $r) {
          ... on Sensor { history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } }
        }
      }
    `;
    /**
     * Through the gateway there is no root field for one sensor: devices lead to it. A page of 10 devices, as a
     * device list with charts would ask.
     */
    const DEVICE_SENSORS = graphql(`
      query DeviceSensors($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {
        organization(id: $organization) {
          devices(first: 10) {
            nodes {
              name
              sensors { id latest { at value } history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } }
            }
          }
        }
      }
    `);
    const historyThroughGateway = async (headers: Headers, from: number, to: number, maxPoints?: number) => {
      const response = await supergraph.query(DEVICE_SENSORS, { organization: A.id, from: iso(from), to: iso(to), maxPoints }, headers);
      expect(response.body.errors).toBeUndefined();
      const nodes = response.body.data?.organization?.devices?.nodes ?? [];
      return new Map(nodes.flatMap((node) => node.sensors.map((seen) => [seen.id, { ...seen, device: node.name }] as const)));
    };
    const historyOf = async (sensorId: string, from: number, to: number, maxPoints?: number, headers: Headers = as.customerAdmin) => {
      const seen = (await historyThroughGateway(headers, from, to, maxPoints)).get(sensorId);
      if (!seen) throw new Error(`sensor ${sensorId} is not visible`);
      return seen.history;
    };

    it('chooses raw readings for a day, hourly rollups for 30 days and daily rollups for a year', async () => {
      const to = historyStart + DAY;
      expect(await historyOf(sensors.history.id, to - DAY, to)).toMatchObject({ resolution: 'RAW', bucketSeconds: 180 });
      expect(await historyOf(sensors.history.id, to - 30 * DAY, to)).toMatchObject({ resolution: 'HOURLY', bucketSeconds: 7200 });
      expect(await historyOf(sensors.history.id, to - 365 * DAY, to)).toMatchObject({ resolution: 'DAILY', bucketSeconds: 86_400 });
    });

    it('never returns more than maxPoints buckets, oldest first', async () => {
      for (const [from, to] of [
        [historyStart - 20 * HOUR + 30_000, historyStart + DAY + 30_000],
        [historyStart - 30 * DAY + 7 * MINUTE, historyStart + 7 * MINUTE],
        [historyStart - 365 * DAY, historyStart + 2 * DAY],
      ] as const) {
        for (const maxPoints of [1, 2, 7, 50]) {
          const { buckets, bucketSeconds } = await historyOf(sensors.history.id, from, to, maxPoints);
          expect(buckets.length).toBeGreaterThan(0);
          expect(buckets.length).toBeLessThanOrEqual(maxPoints);
          const starts = buckets.map((bucket) => Date.parse(bucket.start));
          expect(starts).toEqual([...starts].sort((left, right) => left - right));
          for (const start of starts) expect(start % (bucketSeconds * 1000)).toBe(0);
        }
      }
    });

    it('computes each raw bucket as SQL does over the raw readings', async () => {
      const from = historyStart - 13 * HOUR + 17 * MINUTE;
      const to = from + DAY;
      const history = await historyOf(sensors.history.id, from, to, 10);
      expect(history.resolution).toBe('RAW');
      expect(history.buckets.length).toBeLessThanOrEqual(10);
      const expected = await telemetry.dataSource.query<(Omit<Bucket, 'start'> & { start: Date })[]>(
        `SELECT to_timestamp(floor(extract(epoch FROM at) / $4) * $4) AS start, min(value) AS min, max(value) AS max,
                avg(value) AS average, (array_agg(value ORDER BY at DESC))[1] AS last, count(*)::int AS count
         FROM telemetry.reading WHERE organization_id = $1 AND sensor_id = $2 AND at >= $3 AND at < $3::timestamptz + interval '1 day'
         GROUP BY 1 ORDER BY 1`,
        [A.id, sensors.history.id, iso(from), history.bucketSeconds],
      );
      expect(history.buckets.map((bucket) => ({ ...bucket, average: 0 }))).toEqual(
        expected.map((bucket) => ({ ...bucket, start: bucket.start.toISOString(), average: 0 })),
      );
      history.buckets.forEach((bucket, index) => expect(bucket.average).toBeCloseTo(expected[index]?.average ?? Number.NaN, 9));
    });

    it('counts, over hourly and daily rollups, every reading of the hours or days the range covers', async () => {
      const to = historyStart + DAY;
      const total = (history: History) => history.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
      for (const days of [30, 365]) {
        const [{ count }] = await telemetry.dataSource.query<[{ count: number }]>(
          'SELECT count(*)::int AS count FROM telemetry.reading WHERE organization_id = $1 AND sensor_id = $2 AND at >= $3 AND at < $4',
          [A.id, sensors.history.id, iso(to - days * DAY), iso(to)],
        );
        expect(count).toBeGreaterThan(0);
        expect(total(await historyOf(sensors.history.id, to - days * DAY, to))).toBe(count);
      }
    });

    it.each([
      ['HISTORY_RANGE_INVALID', 'from equal to to', iso(WEEK_AGO), iso(WEEK_AGO), 500],
      ['HISTORY_RANGE_INVALID', 'from after to', iso(WEEK_AGO + DAY), iso(WEEK_AGO), 500],
      ['HISTORY_RANGE_INVALID', 'an unparsable from', 'yesterday', iso(WEEK_AGO), 500],
      ['HISTORY_RANGE_INVALID', 'more than ten years', '2010-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 500],
      ['MAX_POINTS_INVALID', 'maxPoints 0', iso(WEEK_AGO), iso(WEEK_AGO + DAY), 0],
      ['MAX_POINTS_INVALID', 'maxPoints 2001', iso(WEEK_AGO), iso(WEEK_AGO + DAY), 2001],
    ])('refuses with %s: %s', async (code, _case, from, to, maxPoints) => {
      const response = await postGraphQL<unknown>(
        supergraph.subgraphs['device-telemetry'].url,
        { query: SENSOR_HISTORY, variables: { r: [{ __typename: 'Sensor', id: sensors.history.id }], from, to, maxPoints } },
        await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', customerPrincipal),
      );
      expect(codes(response)).toEqual([code]);
    });

    it('gives the newest reading as latest, whatever order the readings came in, and null for a sensor without readings', async () => {
      const seen = await historyThroughGateway(as.customerAdmin, WEEK_AGO, WEEK_AGO + DAY);
      const newest = readingsOf(sensors.history.id).reduce((latest, reading) => (reading.at > latest.at ? reading : latest));
      expect(seen.get(sensors.history.id)?.latest).toEqual({ at: newest.at, value: newest.value });
      expect(seen.get(sensors.quiet.id)?.latest).toBeNull();
      // The customer's own users see the unmonitored switch's sensor too.
      expect(seen.get(sensors.unmonitored.id)?.device).toBe('A9 Switch');
    });

    describe('for a partner with read-only access', () => {
      it('reads the history and latest reading of a monitored device’s sensor, and never sees the unmonitored device’s', async () => {
        const asCustomer = await historyThroughGateway(as.customerAdmin, historyStart - DAY, historyStart + DAY, 100);
        const asPartner = await historyThroughGateway(as.partnerViewer, historyStart - DAY, historyStart + DAY, 100);
        expect(asPartner.get(sensors.history.id)).toEqual(asCustomer.get(sensors.history.id));
        expect(asPartner.get(sensors.history.id)?.history.buckets.length).toBeGreaterThan(0);
        expect(asPartner.has(sensors.unmonitored.id)).toBe(false);
        expect([...asPartner.values()].map((seen) => seen.device)).not.toContain('A9 Switch');
      });

      it('gets null for the unmonitored device’s sensor through _entities, and the monitored one’s with its latest reading', async () => {
        const representations = [sensors.history, sensors.unmonitored].map(({ id }) => ({ __typename: 'Sensor', id }));
        const response = await postGraphQL<{ _entities: unknown[] }>(
          supergraph.subgraphs['device-telemetry'].url,
          { query: ENTITIES(`... on Sensor { ${SENSOR_FIELDS} device { name } }`), variables: { r: representations } },
          await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', partnerPrincipal),
        );
        expect(response.body.errors).toBeUndefined();
        const newest = readingsOf(sensors.history.id).reduce((latest, reading) => (reading.at > latest.at ? reading : latest));
        expect(response.body.data?._entities).toEqual([
          { id: sensors.history.id, latest: { at: newest.at, value: newest.value }, device: { name: 'A1 UPS' } },
          null,
        ]);
      });

      it('gets null for the history of the unmonitored device’s sensor through _entities, where the customer gets it', async () => {
        const variables = { r: [{ __typename: 'Sensor', id: sensors.unmonitored.id }], from: iso(historyStart - DAY), to: iso(historyStart + DAY), maxPoints: 10 };
        const asPartner = await postGraphQL<{ _entities: unknown[] }>(
          supergraph.subgraphs['device-telemetry'].url,
          { query: SENSOR_HISTORY, variables },
          await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', partnerPrincipal),
        );
        expect(asPartner.body.errors).toBeUndefined();
        expect(asPartner.body.data?._entities).toEqual([null]);
        const asCustomer = await postGraphQL<{ _entities: { history: History }[] }>(
          supergraph.subgraphs['device-telemetry'].url,
          { query: SENSOR_HISTORY, variables },
          await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', customerPrincipal),
        );
        expect(asCustomer.body.errors).toBeUndefined();
        expect(asCustomer.body.data?._entities[0]?.history.buckets.length).toBeGreaterThan(0);
      });

      it('gets null for a sensor of a customer that never granted the partner access, and for one that does not exist', async () => {
        const representations = [sensors.otherCustomer.id, randomUUID(), 'not-a-uuid'].map((id) => ({ __typename: 'Sensor', id }));
        const response = await postGraphQL<{ _entities: unknown[] }>(
          supergraph.subgraphs['device-telemetry'].url,
          { query: ENTITIES(`... on Sensor { ${SENSOR_FIELDS} }`), variables: { r: representations } },
          await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', partnerPrincipal),
        );
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?._entities).toEqual([null, null, null]);
      });
    });
  });

  describe('batching', () => {
    /** A customer of its own with `devices` devices of `sensorsPerDevice` sensors, each with one reading a week ago, and its viewer's headers. */
    const seedPage = async (name: string, devices: number, sensorsPerDevice: number) => {
      const customer = organization(name);
      await seedDemoOrganizations(supergraph.subgraphs.identity.database, [customer]);
      const seeded = Array.from({ length: devices }, (_, index) =>
        device(customer, `Device ${index}`, true, Array.from({ length: sensorsPerDevice }, () => sensor('TEMPERATURE', '°C'))),
      );
      await seedDemoDevices(telemetry, seeded);
      await ingestReadings(
        telemetry,
        seeded.flatMap((owned) => owned.sensors.map((measured, index) => ({ sensorId: measured.id, at: new Date(WEEK_AGO + index * MINUTE), value: index + 1 }))),
      );
      return { customer, headers: await bearerHeaders(supergraph, { organizationId: customer.id, role: 'VIEWER', mfa: false }) };
    };

    it('reads the latest reading of every sensor on a page from the sensors’ rows: no statement of its own, whatever the number of devices and sensors', async () => {
      const sized = async (devices: number, sensorsPerDevice: number) => {
        const { customer, headers } = await seedPage(`Readings batching ${devices}`, devices, sensorsPerDevice);
        const statementsFor = async (selection: string) => {
          let data: unknown;
          const counted = await countStatements(supergraph, async () => {
            const response = await supergraph.query(`query Page($id: ID!) { organization(id: $id) { devices(first: 100) { nodes { sensors { ${selection} } } } } }`, { id: customer.id }, headers);
            expect(response.body.errors).toBeUndefined();
            data = response.body.data;
          });
          return { statements: counted['device-telemetry'], data };
        };
        const withLatest = await statementsFor('id latest { at value }');
        const without = await statementsFor('id');
        const latestValues = JSON.stringify(withLatest.data).match(/"value":/g) ?? [];
        expect(latestValues).toHaveLength(devices * sensorsPerDevice);
        return { withLatest: withLatest.statements, latestLoader: withLatest.statements - without.statements };
      };
      const small = await sized(2, 2);
      const large = await sized(12, 5);
      expect(small.latestLoader).toBe(0);
      expect(large).toEqual(small);
    });

    it('reads the same history of every sensor on a page in one statement, whatever the number of devices and sensors', async () => {
      const from = new Date(WEEK_AGO).toISOString();
      const to = new Date(WEEK_AGO + DAY).toISOString();
      const sized = async (devices: number, sensorsPerDevice: number) => {
        const { customer, headers } = await seedPage(`History batching ${devices}`, devices, sensorsPerDevice);
        let data: { organization: { devices: { nodes: { sensors: { history: { buckets: { count: number; max: number }[] } }[] }[] } } } | undefined;
        const counted = await countStatements(supergraph, async () => {
          const response = await supergraph.query(
            `query Page($id: ID!, $from: String!, $to: String!) { organization(id: $id) { devices(first: 100) { nodes { sensors { history(from: $from, to: $to, maxPoints: 24) { buckets { count max } } } } } } }`,
            { id: customer.id, from, to },
            headers,
          );
          expect(response.body.errors).toBeUndefined();
          data = response.body.data as typeof data;
        });
        // Each sensor's own reading, and no other sensor's, in its history.
        const histories = data?.organization.devices.nodes.flatMap((owned) => owned.sensors.map((measured) => measured.history.buckets)) ?? [];
        expect(histories).toHaveLength(devices * sensorsPerDevice);
        for (const buckets of histories) expect(buckets.reduce((total, bucket) => total + bucket.count, 0)).toBe(1);
        return counted['device-telemetry'];
      };
      expect(await sized(12, 5)).toBe(await sized(2, 2));
    });
  });
});
