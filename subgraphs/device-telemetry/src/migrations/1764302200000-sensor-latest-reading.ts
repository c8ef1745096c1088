import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live readings (the subscription sensorReadings, and its feed
 * sensorReadingsFeed): each sensor keeps its newest reading on its own row,
 * with the id of the transaction that recorded it (`latest_xid`), so that the
 * feed reads one row per sensor and orders changes by transaction as the
 * change log does. Ingest writes the three columns in the transaction of the
 * readings and notifies partnergraph_live with the feed's name. Sensors that
 * already have readings take their newest, as recorded by this migration's
 * transaction.
 */
export class SensorLatestReading1764302200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE telemetry.sensor
        ADD COLUMN latest_at timestamptz,
        ADD COLUMN latest_value double precision,
        ADD COLUMN latest_xid xid8,
        ADD CONSTRAINT sensor_latest_reading CHECK (
          (latest_at IS NULL) = (latest_value IS NULL) AND (latest_at IS NULL) = (latest_xid IS NULL)
        )`);
    await db.query(`
      UPDATE telemetry.sensor
      SET latest_at = newest.at, latest_value = newest.value, latest_xid = pg_current_xact_id()
      FROM (
        SELECT DISTINCT ON (organization_id, sensor_id) organization_id, sensor_id, at, value
        FROM telemetry.reading
        ORDER BY organization_id, sensor_id, at DESC
      ) AS newest
      WHERE sensor.organization_id = newest.organization_id AND sensor.id = newest.sensor_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE telemetry.sensor
        DROP CONSTRAINT sensor_latest_reading, DROP COLUMN latest_xid, DROP COLUMN latest_value, DROP COLUMN latest_at`);
  }
}
