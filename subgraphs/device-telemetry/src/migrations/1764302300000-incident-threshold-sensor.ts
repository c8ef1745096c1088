import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The expand step of an expand-and-contract change (docs/operations.md,
 * "Rolling upgrades: expand and contract"): an incident raised by a sensor's
 * thresholds names that sensor in a uuid column of its own,
 * `threshold_sensor_id`, rather than only inside the text of its `alarm_id`
 * (`threshold:<sensor id>`). Once the contract step is done, collectors may
 * use any alarm id, and a threshold's incident is found by its sensor.
 *
 * Expand (this migration and the backfill after it): the column is added,
 * nullable, and a trigger derives it from `alarm_id` on every insert and every
 * change of either column. The release before this one writes `alarm_id` alone
 * and knows nothing of the column; this release reads the column. Both run
 * side by side against this schema during a rolling upgrade, because every row
 * either of them writes gets the column from the trigger. Adding a nullable
 * column without a default changes the catalogue only, so the table's
 * exclusive lock is held for a moment; `lock_timeout` makes the migration fail
 * (and the process restart and try again) rather than queue every incident
 * query behind a long-running transaction. The backfill runs in a migration of
 * its own, under row locks only.
 *
 * Contract (a later release, once no replica older than this one runs; not
 * applied): that release writes `threshold_sensor_id` and a null `alarm_id` for
 * threshold incidents, and its migration moves the existing rows the same way,
 * drops the trigger and its function, replaces `incident_by_alarm`'s role for
 * thresholds with a unique index on (organization_id, device_id,
 * threshold_sensor_id), and lets `alarm_changed_at` be set when either
 * `alarm_id` or `threshold_sensor_id` is; recordAlarms then accepts alarm ids
 * beginning with `threshold:`.
 */
export class IncidentThresholdSensor1764302300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query("SET LOCAL lock_timeout = '5s'");
    await db.query('ALTER TABLE telemetry.incident ADD COLUMN threshold_sensor_id uuid');
    await db.query(`
      CREATE FUNCTION telemetry.incident_threshold_sensor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.threshold_sensor_id := CASE WHEN NEW.alarm_id LIKE 'threshold:%' THEN substr(NEW.alarm_id, 11)::uuid END;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER incident_threshold_sensor BEFORE INSERT OR UPDATE OF alarm_id, threshold_sensor_id ON telemetry.incident
        FOR EACH ROW EXECUTE FUNCTION telemetry.incident_threshold_sensor()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER incident_threshold_sensor ON telemetry.incident');
    await db.query('DROP FUNCTION telemetry.incident_threshold_sensor()');
    await db.query('ALTER TABLE telemetry.incident DROP COLUMN threshold_sensor_id');
  }
}
