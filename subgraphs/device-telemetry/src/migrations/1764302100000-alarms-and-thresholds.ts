import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alarms in (issue #15): incidents raised and cleared by the collector's
 * alarms, and by sensor thresholds during ingest.
 *
 * An incident that follows an alarm carries the alarm's id (the device's own,
 * or `threshold:<sensor id>` for a threshold) and the instant of its last
 * change of state: a report at or before that instant is old news and changes
 * nothing. One incident per (device, alarm id), reactivated when the alarm
 * comes back. A threshold keeps its own state (breached or not, and the newest
 * reading it has weighed) on its row, which ingest locks, so concurrent
 * batches for one sensor weigh its readings one after the other.
 */
export class AlarmsAndThresholds1764302100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE telemetry.incident
        ADD COLUMN alarm_id text,
        ADD COLUMN alarm_changed_at timestamptz,
        ADD CONSTRAINT incident_alarm_changed CHECK ((alarm_id IS NULL) = (alarm_changed_at IS NULL))`);
    await db.query(
      'CREATE UNIQUE INDEX incident_by_alarm ON telemetry.incident (organization_id, device_id, alarm_id) WHERE alarm_id IS NOT NULL',
    );
    await db.query(`
      CREATE TABLE telemetry.sensor_threshold (
        organization_id uuid NOT NULL,
        sensor_id uuid NOT NULL REFERENCES telemetry.sensor (id) ON DELETE CASCADE,
        low double precision,
        high double precision,
        hysteresis double precision NOT NULL DEFAULT 0 CHECK (hysteresis >= 0),
        breached boolean NOT NULL DEFAULT false,
        evaluated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, sensor_id),
        CHECK (low IS NOT NULL OR high IS NOT NULL),
        -- Values at least the hysteresis inside both bounds clear a breach: there must be some.
        CHECK (low IS NULL OR high IS NULL OR (low < high AND low + 2 * hysteresis <= high))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE telemetry.sensor_threshold');
    await db.query('DROP INDEX telemetry.incident_by_alarm');
    await db.query(`
      ALTER TABLE telemetry.incident
        DROP CONSTRAINT incident_alarm_changed, DROP COLUMN alarm_changed_at, DROP COLUMN alarm_id`);
  }
}
