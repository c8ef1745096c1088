import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backfill of the expand step before it: incidents that thresholds raised
 * before the column existed get their sensor, as the trigger gives it to every
 * row written since. Its own transaction takes row locks only, so the previous
 * release's replicas go on reading and writing incidents while it runs (a table
 * of millions of rows would be backfilled in batches of a few thousand, each
 * committed, for the same reason).
 */
export class BackfillIncidentThresholdSensor1764302300001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE telemetry.incident SET threshold_sensor_id = substr(alarm_id, 11)::uuid
       WHERE alarm_id LIKE 'threshold:%' AND threshold_sensor_id IS NULL`);
  }

  async down(): Promise<void> {
    // The column it filled goes with the migration before it.
  }
}
