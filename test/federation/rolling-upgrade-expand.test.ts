import { randomUUID } from 'node:crypto';
import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { createLogger } from '@partnergraph/core';
import { createDatabase, migrateDatabase, type Database, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/*
 * The expand step of an expand-and-contract change (docs/operations.md,
 * "Rolling upgrades: expand and contract"), migrations 1764302300000 and
 * 1764302300001: a threshold's incident gets its sensor in a column of its own,
 * threshold_sensor_id. During a rolling upgrade the previous release, which
 * writes alarm_id alone (`threshold:<sensor id>`) and has never heard of the
 * column, runs beside this one, which reads the column. This test writes as
 * the previous release did, before and after the expand, and reads as this one.
 */

const EXPAND = 'IncidentThresholdSensor1764302300000';

const silent = createLogger({ level: 'error', format: 'text', write: () => {} });

function openDatabase(url: string, storage: SubgraphStorage): Database {
  return createDatabase({ url, storage, poolSize: 2, statementTimeoutMs: 30_000, applicationName: 'rolling-upgrade-test', logger: silent });
}

/** device-telemetry's storage as the previous release had it: every migration before the expand. */
function previousRelease(): SubgraphStorage {
  const migrations = Object.values(deviceTelemetryStorage.migrations);
  const expand = migrations.findIndex((migration) => migration.name === EXPAND);
  if (expand < 0) throw new Error(`no migration ${EXPAND}`);
  return { ...deviceTelemetryStorage, migrations: migrations.slice(0, expand) };
}

/** Inserts an incident with the columns the previous release's statements name (ingest's and recordAlarms'). */
async function writeAsPreviousRelease(database: Database, organizationId: string, deviceId: string, alarmId: string | null): Promise<string> {
  const [row] = await database.dataSource.query<{ id: string }[]>(
    `INSERT INTO telemetry.incident
       (organization_id, device_id, alarm_id, severity, message, raised_at, cleared_at, reactivation_count, alarm_changed_at)
     VALUES ($1, $2, $3, 'WARNING', 'Temperature above 30 °C', now(), NULL, 0, CASE WHEN $3::text IS NOT NULL THEN now() END)
     RETURNING id`,
    [organizationId, deviceId, alarmId],
  );
  if (!row) throw new Error('no incident written');
  return row.id;
}

async function thresholdSensorOf(database: Database, incidentId: string): Promise<string | null | undefined> {
  const rows = await database.dataSource.query<{ sensor: string | null }[]>(
    'SELECT threshold_sensor_id AS sensor FROM telemetry.incident WHERE id = $1',
    [incidentId],
  );
  return rows[0]?.sensor;
}

describe('rolling upgrade: the expand step of incidents’ threshold sensor', () => {
  let testDatabase: TestDatabase;
  let previous: Database;
  let current: Database;
  const organizationId = randomUUID();
  let deviceId: string;
  let sensorIds: string[];
  let before: { threshold: string; collector: string; plain: string };

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    previous = openDatabase(testDatabase.url, previousRelease());
    await migrateDatabase(previous);
    const [device] = await previous.dataSource.query<{ id: string }[]>(
      `INSERT INTO telemetry.device (organization_id, name, make, model, serial_number, type)
       VALUES ($1, 'UPS A', 'APC', 'Smart-UPS 3000', 'AS0001', 'UPS') RETURNING id`,
      [organizationId],
    );
    deviceId = device?.id ?? '';
    const sensors = await previous.dataSource.query<{ id: string }[]>(
      `INSERT INTO telemetry.sensor (organization_id, device_id, type, unit)
       VALUES ($1, $2, 'TEMPERATURE', '°C'), ($1, $2, 'LOAD', '%'), ($1, $2, 'HUMIDITY', '%') RETURNING id`,
      [organizationId, deviceId],
    );
    sensorIds = sensors.map((sensor) => sensor.id);
    before = {
      threshold: await writeAsPreviousRelease(previous, organizationId, deviceId, `threshold:${sensorIds[0]}`),
      collector: await writeAsPreviousRelease(previous, organizationId, deviceId, 'on-battery'),
      plain: await writeAsPreviousRelease(previous, organizationId, deviceId, null),
    };
    // The new release starts: its migrations expand the schema while the previous release's pool stays open.
    current = openDatabase(testDatabase.url, deviceTelemetryStorage);
    await migrateDatabase(current);
  });
  afterAll(async () => {
    for (const database of [previous, current]) if (database?.dataSource.isInitialized) await database.dataSource.destroy();
    await testDatabase.drop();
  });

  it('backfills the sensor of threshold incidents written before the expand, and only theirs', async () => {
    expect(await thresholdSensorOf(current, before.threshold)).toBe(sensorIds[0]);
    expect(await thresholdSensorOf(current, before.collector)).toBeNull();
    expect(await thresholdSensorOf(current, before.plain)).toBeNull();
  });

  it('gives the sensor to a threshold incident the previous release writes after the expand, naming alarm_id alone', async () => {
    const written = await writeAsPreviousRelease(previous, organizationId, deviceId, `threshold:${sensorIds[1]}`);
    expect(await thresholdSensorOf(current, written)).toBe(sensorIds[1]);
    expect(await thresholdSensorOf(current, await writeAsPreviousRelease(previous, organizationId, deviceId, 'fan-failed'))).toBeNull();
  });

  it('keeps the column derived from alarm_id whoever writes it, until the contract step drops the trigger', async () => {
    await current.dataSource.query('UPDATE telemetry.incident SET threshold_sensor_id = $2 WHERE id = $1', [before.collector, sensorIds[0]]);
    expect(await thresholdSensorOf(current, before.collector)).toBeNull();
    await previous.dataSource.query("UPDATE telemetry.incident SET alarm_id = 'threshold:' || $2 WHERE id = $1", [before.collector, sensorIds[2]]);
    expect(await thresholdSensorOf(current, before.collector)).toBe(sensorIds[2]);
  });

  it('is read by the current release through the incident entity', async () => {
    const incident = await current.dataSource.getRepository('Incident').findOneBy({ organizationId, id: before.threshold });
    expect(incident).toMatchObject({ alarmId: `threshold:${sensorIds[0]}`, thresholdSensorId: sensorIds[0] });
  });
});
