import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice, type DemoSensor } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import type { Database } from '@partnergraph/subgraph-kit';
import { bearerHeaders, countStatements, taggedOrganizations, testUser } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Alarms in (issue #15): recordAlarms by the telemetry collector raises,
 * clears and reactivates incidents, idempotent and whole batches or nothing;
 * sensor thresholds set by admins raise and clear incidents as readings are
 * recorded, in the same transaction; incidents on unmonitored equipment stay
 * hidden from partners.
 *
 * Partner P has administrator access to customer A and read-only access to
 * customer B. A has a monitored UPS (temperature and load sensors) and an
 * unmonitored switch (one temperature sensor); B has a monitored PDU. Each
 * test uses its own alarm ids or sensors.
 */

type Headers = Record<string, string>;
type Who = 'collector' | 'customerAdmin' | 'customerViewer' | 'partnerAdmin' | 'partnerViewer' | 'apiClient' | 'operator' | 'anonymous';
type State = 'ACTIVE' | 'CLEARED';
type Severity = 'INFO' | 'WARNING' | 'CRITICAL';

interface AlarmInput {
  deviceId: string;
  alarmId: string;
  severity: Severity;
  message: string;
  at: string;
  state: State;
}
interface Counts {
  raised: number;
  cleared: number;
  reactivated: number;
  duplicates: number;
}
interface IncidentRow {
  id: string;
  severity: Severity;
  message: string;
  raisedAt: string;
  clearedAt: string | null;
  reactivationCount: number;
}

const RECORD_ALARMS = graphql(`
  mutation AlarmsRecord($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }
`);
const RECORD_READINGS = graphql(`
  mutation AlarmsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }
`);
const SET_THRESHOLDS = graphql(`
  mutation AlarmsSetThresholds($sensorId: ID!, $low: Float, $high: Float, $hysteresis: Float! = 0) {
    setSensorThresholds(sensorId: $sensorId, low: $low, high: $high, hysteresis: $hysteresis) { id thresholds { low high hysteresis } }
  }
`);
const INCIDENTS = graphql(`
  query AlarmsIncidents($id: ID!) {
    organization(id: $id) { incidents(first: 100) { nodes { id } } }
  }
`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An hour ago: every alarm and reading of these tests lies in the hour before or after it, and none in the future. */
const BASE = Math.floor(Date.now() / MINUTE) * MINUTE - 2 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (minutes: number) => iso(BASE + minutes * MINUTE);
const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('alarms and thresholds: incidents from the collector and from readings', () => {
  let supergraph: InProcessSupergraph;
  let telemetry: Database;

  const { tag, organization } = taggedOrganizations('ALARMS');
  const P = organization('Alarms partner', 'PARTNER');
  const A = organization('Alarms customer A');
  const B = organization('Alarms customer B');

  const sensor = (type: DemoSensor['type'], unit: string): DemoSensor => ({ id: randomUUID(), type, unit });
  const sensors = {
    temperature: sensor('TEMPERATURE', '°C'),
    load: sensor('LOAD', '%'),
    refused: sensor('HUMIDITY', '%'),
    removal: sensor('INPUT_VOLTAGE', 'V'),
    switchTemperature: sensor('TEMPERATURE', '°C'),
    pduLoad: sensor('LOAD', '%'),
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
  const ups = device(A, 'A1 UPS', true, [sensors.temperature, sensors.load, sensors.refused, sensors.removal]);
  const switchA = device(A, 'A9 Switch', false, [sensors.switchTemperature]);
  const pdu = device(B, 'B1 PDU', true, [sensors.pduLoad]);

  const as: Record<Who, Headers> = {
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
  const adminP = testUser(`admin-${tag}@alarms.example`, P.id, 'ADMIN');
  const apiClientId = `pgc_alarms_${tag}`;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    telemetry = supergraph.subgraphs['device-telemetry'].database;
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, A, B]);
    await seedDemoUsers(identity, [adminP]);
    // A standing credential, so that the API client reads A under its API device-data access.
    await identity.dataSource.query(
      `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, created_by)
       VALUES ($1, 'Alarm tests', $2, 'not-a-real-secret-hash', $3)`,
      [P.id, apiClientId, adminP.id],
    );
    await seedDemoGrants(identity, [
      { customerOrganizationId: A.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: true },
      { customerOrganizationId: B.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: false },
    ]);
    await seedDemoDevices(telemetry, [ups, switchA, pdu]);
    as.collector = bearer(await supergraph.accessTokens.issueForCollector({ collectorId: `collector-${tag}` }));
    as.customerAdmin = await bearerHeaders(supergraph, { organizationId: A.id, role: 'ADMIN', mfa: false });
    as.customerViewer = await bearerHeaders(supergraph, { organizationId: A.id, role: 'VIEWER', mfa: false });
    as.partnerAdmin = await bearerHeaders(supergraph, { organizationId: P.id, role: 'ADMIN', mfa: true });
    as.partnerViewer = await bearerHeaders(supergraph, { organizationId: P.id, role: 'VIEWER', mfa: true });
    as.apiClient = bearer(await supergraph.accessTokens.issueForApiClient({ clientId: apiClientId, partnerOrganizationId: P.id }));
    as.operator = bearer(await supergraph.accessTokens.issueForOperator({ operatorId: `ops-${tag}` }));
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const alarm = (alarmId: string, state: State, minutes: number, extra: Partial<AlarmInput> = {}): AlarmInput => ({
    deviceId: ups.id,
    alarmId,
    severity: 'CRITICAL',
    message: `${alarmId} went ${state.toLowerCase()}`,
    at: at(minutes),
    state,
    ...extra,
  });
  const sendAlarms = (alarms: readonly AlarmInput[], headers: Headers = as.collector) =>
    supergraph.query(RECORD_ALARMS, { alarms: [...alarms] }, headers);
  const recordAlarmsOk = async (alarms: readonly AlarmInput[]): Promise<Counts> => {
    const response = await sendAlarms(alarms);
    expect(response.body.errors).toBeUndefined();
    if (!response.body.data) throw new Error('recordAlarms answered no data');
    return response.body.data.recordAlarms;
  };
  const recordReadingsOk = async (readings: readonly { sensorId: string; at: string; value: number }[]) => {
    const response = await supergraph.query(RECORD_READINGS, { readings: [...readings] }, as.collector);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.recordReadings;
  };
  const setThresholds = (sensorId: string, bounds: { low?: number | null; high?: number | null; hysteresis?: number }, headers = as.customerAdmin) =>
    supergraph.query(
      SET_THRESHOLDS,
      { sensorId, ...bounds },
      headers,
    );

  /** The incident that follows `alarmId` on `deviceId`, as stored; null when there is none. */
  const incidentOf = async (alarmId: string, deviceId = ups.id): Promise<IncidentRow | null> => {
    const rows = await telemetry.dataSource.query<IncidentRow[]>(
      `SELECT id, severity, message, raised_at AS "raisedAt", cleared_at AS "clearedAt", reactivation_count AS "reactivationCount"
       FROM telemetry.incident WHERE device_id = $1 AND alarm_id = $2`,
      [deviceId, alarmId],
    );
    const [row] = rows;
    if (!row) return null;
    return { ...row, raisedAt: new Date(row.raisedAt).toISOString(), clearedAt: row.clearedAt && new Date(row.clearedAt).toISOString() };
  };
  /** A fingerprint of every incident and threshold of the test's customers, to compare before and after. */
  const snapshot = async () =>
    Promise.all(
      ['incident', 'sensor_threshold', 'reading'].map((table) =>
        telemetry.dataSource.query(
          `SELECT count(*)::int AS rows, md5(string_agg(stored::text, ';' ORDER BY stored::text)) AS digest
           FROM telemetry.${table} AS stored WHERE organization_id = ANY($1::uuid[])`,
          [[A.id, B.id]],
        ),
      ),
    );

  describe('recordAlarms', () => {
    it('raises an incident, clears it, and raises it again counting the reactivation; each batch sent again is all duplicates', async () => {
      const raise = [alarm('ups-on-battery', 'ACTIVE', 0, { message: 'UPS on battery' })];
      expect(await recordAlarmsOk(raise)).toEqual({ raised: 1, cleared: 0, reactivated: 0, duplicates: 0 });
      expect(await incidentOf('ups-on-battery')).toMatchObject({
        severity: 'CRITICAL',
        message: 'UPS on battery',
        raisedAt: at(0),
        clearedAt: null,
        reactivationCount: 0,
      });
      expect(await recordAlarmsOk(raise)).toEqual({ raised: 0, cleared: 0, reactivated: 0, duplicates: 1 });

      const clear = [alarm('ups-on-battery', 'CLEARED', 5)];
      expect(await recordAlarmsOk(clear)).toEqual({ raised: 0, cleared: 1, reactivated: 0, duplicates: 0 });
      expect(await incidentOf('ups-on-battery')).toMatchObject({ raisedAt: at(0), clearedAt: at(5), reactivationCount: 0 });
      expect(await recordAlarmsOk(clear)).toEqual({ raised: 0, cleared: 0, reactivated: 0, duplicates: 1 });

      const again = [alarm('ups-on-battery', 'ACTIVE', 9, { severity: 'WARNING', message: 'UPS on battery again' })];
      expect(await recordAlarmsOk(again)).toEqual({ raised: 0, cleared: 0, reactivated: 1, duplicates: 0 });
      const reactivated = await incidentOf('ups-on-battery');
      expect(reactivated).toMatchObject({ severity: 'WARNING', message: 'UPS on battery again', raisedAt: at(0), clearedAt: null, reactivationCount: 1 });
      expect(await recordAlarmsOk(again)).toEqual({ raised: 0, cleared: 0, reactivated: 0, duplicates: 1 });
      expect(await incidentOf('ups-on-battery')).toEqual(reactivated);
    });

    it('ignores reports no newer than the alarm’s last change, repeats of its state and clears of alarms never raised, counting them as duplicates', async () => {
      expect(await recordAlarmsOk([alarm('fan-failed', 'ACTIVE', 10), alarm('fan-failed', 'CLEARED', 20)])).toEqual({
        raised: 1,
        cleared: 1,
        reactivated: 0,
        duplicates: 0,
      });
      const stored = await incidentOf('fan-failed');
      // A stale ACTIVE from before the clear, one at the very instant of the clear, a repeated clear, and a clear of an alarm never raised.
      const stale = [
        alarm('fan-failed', 'ACTIVE', 15),
        alarm('fan-failed', 'ACTIVE', 20),
        alarm('fan-failed', 'CLEARED', 25),
        alarm('never-raised', 'CLEARED', 25),
      ];
      expect(await recordAlarmsOk(stale)).toEqual({ raised: 0, cleared: 0, reactivated: 0, duplicates: 4 });
      expect(await incidentOf('fan-failed')).toEqual(stored);
      expect(await incidentOf('never-raised')).toBeNull();
    });

    it('takes a batch’s reports of one alarm in time order, whatever their order in the batch', async () => {
      const batch = [
        alarm('door-open', 'CLEARED', 30),
        alarm('door-open', 'ACTIVE', 40, { severity: 'INFO', message: 'Door open, second time' }),
        alarm('door-open', 'ACTIVE', 10, { severity: 'WARNING', message: 'Door open' }),
        alarm('door-open', 'ACTIVE', 20),
        alarm('door-open', 'CLEARED', 50),
        alarm('door-open', 'CLEARED', 50),
      ];
      expect(await recordAlarmsOk(batch)).toEqual({ raised: 1, cleared: 2, reactivated: 1, duplicates: 2 });
      expect(await incidentOf('door-open')).toMatchObject({
        severity: 'INFO',
        message: 'Door open, second time',
        raisedAt: at(10),
        clearedAt: at(50),
        reactivationCount: 1,
      });
    });

    it('applies a batch sent twice at once exactly once: the second waits for the first and finds duplicates', async () => {
      const batch = [alarm('racing', 'ACTIVE', 1), alarm('racing', 'CLEARED', 2), alarm('racing-too', 'ACTIVE', 3)];
      const [first, second] = await Promise.all([recordAlarmsOk(batch), recordAlarmsOk(batch)]);
      const total = (key: keyof Counts) => (first[key] ?? 0) + (second[key] ?? 0);
      expect([total('raised'), total('cleared'), total('reactivated'), total('duplicates')]).toEqual([2, 1, 0, 3]);
      const [{ count }] = await telemetry.dataSource.query<[{ count: number }]>(
        "SELECT count(*)::int AS count FROM telemetry.incident WHERE device_id = $1 AND alarm_id IN ('racing', 'racing-too')",
        [ups.id],
      );
      expect(count).toBe(2);
    });

    it('costs the same few statements for one alarm as for a thousand', async () => {
      const statementsFor = async (alarms: readonly AlarmInput[]) => (await countStatements(supergraph, () => recordAlarmsOk(alarms)))['device-telemetry'];
      const one = await statementsFor([alarm('counted-0', 'ACTIVE', 0)]);
      const many = await statementsFor(Array.from({ length: 1000 }, (_, index) => alarm(`counted-${index % 400}`, index < 400 ? 'CLEARED' : 'ACTIVE', index % 60)));
      expect(one).toBeLessThanOrEqual(4);
      expect(many).toBe(one);
    });

    describe('refuses a batch whole, writing nothing', () => {
      const valid = () => [alarm('refused-raise', 'ACTIVE', 0), alarm('refused-raise', 'CLEARED', 1)];
      const expectRefused = async (alarms: readonly AlarmInput[], code: string) => {
        const before = await snapshot();
        const response = await sendAlarms(alarms);
        expect(codes(response)).toEqual([code]);
        expect(response.body.data ?? null).toBeNull();
        expect(await snapshot()).toEqual(before);
        return response.body.errors?.[0]?.extensions ?? {};
      };

      it('with ALARM_DEVICE_UNKNOWN when a device does not exist, listing the unknown ids', async () => {
        const unknown = [randomUUID(), 'not-a-device'];
        const extensions = await expectRefused(
          [...valid(), ...unknown.map((deviceId) => alarm('refused', 'ACTIVE', 2, { deviceId }))],
          'ALARM_DEVICE_UNKNOWN',
        );
        expect(extensions).toMatchObject({ unknownDeviceIds: unknown, unknownDeviceCount: 2 });
      });

      it.each([
        ['without an offset', at(3).replace('Z', '')],
        ['on a day that does not exist', '2024-02-30T12:00:00Z'],
        ['more than five minutes in the future', iso(Date.now() + 10 * MINUTE)],
        ['before 2000', '1999-12-31T23:59:59Z'],
      ])('with ALARM_TIME_INVALID for an instant %s', async (_case, instant) => {
        const extensions = await expectRefused([...valid(), { ...alarm('refused', 'ACTIVE', 0), at: instant }], 'ALARM_TIME_INVALID');
        expect(extensions).toMatchObject({ index: 2 });
      });

      it.each([
        ['an empty alarm id', { alarmId: '   ' }, 'alarms[2].alarmId'],
        ['an alarm id over 200 characters', { alarmId: 'x'.repeat(201) }, 'alarms[2].alarmId'],
        ['an alarm id of the thresholds’ form', { alarmId: `threshold:${sensors.temperature.id}` }, 'alarms[2].alarmId'],
        ['an empty message', { message: '' }, 'alarms[2].message'],
        ['a message over 1,000 characters', { message: 'é'.repeat(1001) }, 'alarms[2].message'],
      ])('with BAD_USER_INPUT for %s', async (_case, extra, field) => {
        const extensions = await expectRefused([...valid(), alarm('refused', 'ACTIVE', 0, extra)], 'BAD_USER_INPUT');
        expect(extensions).toMatchObject({ field });
      });

      it('with INVALID_CHARACTERS for a message with control or bidirectional formatting characters', async () => {
        await expectRefused([...valid(), alarm('refused', 'ACTIVE', 0, { message: 'Door\u0007 open' })], 'INVALID_CHARACTERS');
        await expectRefused([...valid(), alarm('refused', 'ACTIVE', 0, { message: 'Door \u202Enepo' })], 'INVALID_CHARACTERS');
      });

      it('with ALARM_BATCH_TOO_LARGE for more than 1,000 alarms', async () => {
        const batch = Array.from({ length: 1001 }, (_, index) => alarm(`too-many-${index}`, 'ACTIVE', 0));
        expect(await expectRefused(batch, 'ALARM_BATCH_TOO_LARGE')).toMatchObject({ maxAlarms: 1000 });
      });

      it.each(['customerAdmin', 'customerViewer', 'partnerAdmin', 'partnerViewer', 'apiClient', 'operator', 'anonymous'] as const)(
        'with FORBIDDEN for anyone but the collector: %s',
        async (caller) => {
          const before = await snapshot();
          expect(codes(await sendAlarms(valid(), as[caller]))).toEqual(['FORBIDDEN']);
          expect(await snapshot()).toEqual(before);
        },
      );
    });
  });

  describe('incidents on unmonitored equipment', () => {
    it('exist for the customer’s users and never for a partner, even one with administrator access', async () => {
      await recordAlarmsOk([
        // The newest incidents of these tests, so that they are on the first page.
        alarm('switch-port-down', 'ACTIVE', 90, { deviceId: switchA.id, message: `Switch port down ${tag}` }),
        alarm('ups-fan', 'ACTIVE', 90, { message: `UPS fan ${tag}` }),
      ]);
      const hidden = await incidentOf('switch-port-down', switchA.id);
      const shown = await incidentOf('ups-fan');
      if (!hidden || !shown) throw new Error('the alarms raised no incidents');
      const incidentIdsFor = async (who: Who) => {
        const response = await supergraph.query(INCIDENTS, { id: A.id }, as[who]);
        expect(response.body.errors).toBeUndefined();
        return response.body.data?.organization?.incidents?.nodes.map((node) => node.id) ?? [];
      };
      expect(await incidentIdsFor('customerViewer')).toEqual(expect.arrayContaining([hidden.id, shown.id]));
      for (const who of ['partnerAdmin', 'partnerViewer', 'apiClient'] as const) {
        const seen = await incidentIdsFor(who);
        expect(seen).toContain(shown.id);
        expect(seen).not.toContain(hidden.id);
      }
    });
  });

  describe('thresholds', () => {
    const readings = (sensorId: string, values: readonly number[], startMinute: number, stepMs = MINUTE) =>
      values.map((value, index) => ({ sensorId, at: iso(BASE + startMinute * MINUTE + index * stepMs), value }));
    const thresholdIncident = (sensorId: string) => incidentOf(`threshold:${sensorId}`);

    it('are set by a customer admin and read back; a reading above high raises, one the hysteresis back inside clears, in time order', async () => {
      const set = await setThresholds(sensors.temperature.id, { high: 30, hysteresis: 2 });
      expect(set.body.errors).toBeUndefined();
      expect(set.body.data?.setSensorThresholds).toEqual({ id: sensors.temperature.id, thresholds: { low: null, high: 30, hysteresis: 2 } });

      // In time order: 25 within, 31 breaches, 29 in the band (still breached), 28 clears, 35 breaches again. Sent reversed.
      expect(await recordReadingsOk(readings(sensors.temperature.id, [25, 31, 29, 28, 35], 0).reverse())).toEqual({ recorded: 5, duplicates: 0 });
      expect(await thresholdIncident(sensors.temperature.id)).toMatchObject({
        severity: 'WARNING',
        message: 'Temperature reading 35 °C is above the high threshold of 30 °C',
        raisedAt: at(1),
        clearedAt: null,
        reactivationCount: 1,
      });
      // Readings older than the newest weighed change nothing, nor do the same readings again.
      await recordReadingsOk([{ sensorId: sensors.temperature.id, at: iso(BASE + 3 * MINUTE + 1), value: 10 }]);
      expect(await recordReadingsOk(readings(sensors.temperature.id, [25, 31, 29, 28, 35], 0))).toEqual({ recorded: 0, duplicates: 5 });
      expect(await thresholdIncident(sensors.temperature.id)).toMatchObject({ clearedAt: null, reactivationCount: 1 });

      // 28.5 stays in the band; 28 clears.
      await recordReadingsOk(readings(sensors.temperature.id, [28.5, 28], 5));
      expect(await thresholdIncident(sensors.temperature.id)).toMatchObject({ clearedAt: at(6), reactivationCount: 1 });
    });

    it('with a low bound too: a reading below low raises, one the hysteresis above it clears', async () => {
      expect((await setThresholds(sensors.load.id, { low: 10, high: 90, hysteresis: 5 })).body.errors).toBeUndefined();
      await recordReadingsOk(readings(sensors.load.id, [50, 9, 14, 15], 0));
      expect(await thresholdIncident(sensors.load.id)).toMatchObject({
        message: 'Load reading 9 % is below the low threshold of 10 %',
        raisedAt: at(1),
        clearedAt: at(3),
        reactivationCount: 0,
      });
    });

    it('raise nothing when the readings’ batch is refused: the incident is written in the readings’ transaction', async () => {
      expect((await setThresholds(sensors.refused.id, { high: 50 })).body.errors).toBeUndefined();
      const before = await snapshot();
      const response = await supergraph.query(
        RECORD_READINGS,
        { readings: [...readings(sensors.refused.id, [99], 0), { sensorId: randomUUID(), at: at(0), value: 1 }] },
        as.collector,
      );
      expect(codes(response)).toEqual(['READING_SENSOR_UNKNOWN']);
      expect(await snapshot()).toEqual(before);
      expect(await thresholdIncident(sensors.refused.id)).toBeNull();
    });

    it('cost the same few statements for a batch of readings whatever their number', async () => {
      const statementsFor = async (values: readonly number[], start: number) =>
        (await countStatements(supergraph, () => recordReadingsOk(readings(sensors.load.id, values, start, 1000))))['device-telemetry'];
      const one = await statementsFor([95], 20);
      const many = await statementsFor(Array.from({ length: 300 }, (_, index) => (index % 7 === 0 ? 95 : 50)), 21);
      expect(one).toBeLessThanOrEqual(4);
      expect(many).toBe(one);
    });

    it('removed (both bounds null) clear the incident they raised', async () => {
      expect((await setThresholds(sensors.removal.id, { low: 200 })).body.errors).toBeUndefined();
      await recordReadingsOk(readings(sensors.removal.id, [190], 0));
      expect(await thresholdIncident(sensors.removal.id)).toMatchObject({ clearedAt: null });
      const removed = await setThresholds(sensors.removal.id, { low: null, high: null });
      expect(removed.body.data?.setSensorThresholds.thresholds).toBeNull();
      expect((await thresholdIncident(sensors.removal.id))?.clearedAt).not.toBeNull();
    });

    it.each([
      ['low not below high', { low: 10, high: 10 }, 'high'],
      ['no room for the hysteresis twice between the bounds', { low: 10, high: 20, hysteresis: 6 }, 'high'],
      ['a negative hysteresis', { high: 20, hysteresis: -1 }, 'hysteresis'],
    ])('refuse %s with BAD_USER_INPUT', async (_case, bounds, field) => {
      const response = await setThresholds(sensors.load.id, bounds);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field });
    });

    it('may be set by a partner admin with administrator access, not by viewers, read-only partners, API clients, the collector or operators', async () => {
      expect((await setThresholds(sensors.load.id, { low: 10, high: 90, hysteresis: 5 }, as.partnerAdmin)).body.errors).toBeUndefined();
      for (const who of ['customerViewer', 'partnerViewer', 'apiClient'] as const) {
        const response = await setThresholds(sensors.load.id, { high: 1 }, as[who]);
        expect([who, codes(response)]).toEqual([who, ['FORBIDDEN']]);
      }
      // Callers who read no organization's data: for them the sensor does not exist, as an incident does not for acknowledging.
      for (const who of ['collector', 'operator', 'anonymous'] as const) {
        const response = await setThresholds(sensors.load.id, { high: 1 }, as[who]);
        expect([who, codes(response)]).toEqual([who, ['SENSOR_NOT_FOUND']]);
      }
      // Read-only access to B: the sensor exists for the partner admin, who may not change it.
      expect(codes(await setThresholds(sensors.pduLoad.id, { high: 1 }, as.partnerAdmin))).toEqual(['FORBIDDEN']);
      // A sensor on unmonitored equipment, or none at all, does not exist for them.
      expect(codes(await setThresholds(sensors.switchTemperature.id, { high: 1 }, as.partnerAdmin))).toEqual(['SENSOR_NOT_FOUND']);
      expect(codes(await setThresholds(randomUUID(), { high: 1 }, as.customerAdmin))).toEqual(['SENSOR_NOT_FOUND']);
      const [stored] = await telemetry.dataSource.query<{ low: number; high: number }[]>(
        'SELECT low, high FROM telemetry.sensor_threshold WHERE sensor_id = $1',
        [sensors.load.id],
      );
      expect(stored).toEqual({ low: 10, high: 90 });
    });
  });
});
