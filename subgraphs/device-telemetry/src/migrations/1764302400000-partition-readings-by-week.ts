import type { MigrationInterface, QueryRunner } from 'typeorm';

const WEEK_MS = 7 * 86_400_000;

/**
 * telemetry.reading becomes a table partitioned by range of `at`, one
 * partition per week (Monday 00:00 UTC to the next), so that raw readings
 * past the retention are dropped a week at a time instead of deleted row by
 * row, and each week's index stays small enough to keep in memory while it
 * takes the writes (readings/partitions.ts keeps the weeks from then on).
 *
 * The readings move inside this migration: the table is renamed aside, the
 * partitioned one created with a partition for every week that has readings
 * and for this week and the four after it, the rows copied in one statement
 * with no index to maintain, the primary key built on each week at once, the
 * statistics gathered, and the old table dropped. Columns, key and name are as
 * before, so the previous release's statements (INSERT … ON CONFLICT on the
 * key, range reads by sensor) run unchanged on it. Its transaction holds
 * telemetry.reading from the rename to the commit: writes and raw history
 * wait for the copy (2 s for 1.76 million readings on a two-core machine, see
 * docs/operations.md), which may take longer than a statement is allowed, so
 * it lifts the statement timeout for itself.
 */
export class PartitionReadingsByWeek1764302400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`SET LOCAL lock_timeout = '5s'`);
    await db.query('SET LOCAL statement_timeout = 0');
    await db.query('ALTER TABLE telemetry.reading RENAME TO reading_unpartitioned');
    await db.query('ALTER INDEX telemetry.reading_pkey RENAME TO reading_unpartitioned_pkey');
    await db.query(`
      CREATE TABLE telemetry.reading (
        organization_id uuid NOT NULL,
        sensor_id uuid NOT NULL,
        at timestamptz NOT NULL,
        value double precision NOT NULL
      ) PARTITION BY RANGE (at)`);
    const weeks: { start: Date; name: string }[] = await db.query(`
      SELECT week AS start, 'reading_week_' || to_char(week AT TIME ZONE 'UTC', 'YYYYMMDD') AS name
      FROM (
        SELECT DISTINCT date_trunc('week', at, 'UTC') AS week FROM telemetry.reading_unpartitioned
        UNION
        SELECT date_trunc('week', now(), 'UTC') + ahead * interval '1 week' FROM generate_series(0, 4) AS ahead
      ) AS weeks
      ORDER BY week`);
    for (const { start, name } of weeks) {
      const end = new Date(start.getTime() + WEEK_MS);
      await db.query(`CREATE TABLE telemetry.${name} PARTITION OF telemetry.reading FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`);
    }
    await db.query('INSERT INTO telemetry.reading (organization_id, sensor_id, at, value) SELECT organization_id, sensor_id, at, value FROM telemetry.reading_unpartitioned');
    await db.query('ALTER TABLE telemetry.reading ADD PRIMARY KEY (organization_id, sensor_id, at)');
    await db.query('DROP TABLE telemetry.reading_unpartitioned');
    await db.query('ANALYZE telemetry.reading');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('SET LOCAL statement_timeout = 0');
    await db.query(`
      CREATE TABLE telemetry.reading_unpartitioned (
        organization_id uuid NOT NULL,
        sensor_id uuid NOT NULL,
        at timestamptz NOT NULL,
        value double precision NOT NULL
      )`);
    await db.query('INSERT INTO telemetry.reading_unpartitioned SELECT organization_id, sensor_id, at, value FROM telemetry.reading');
    await db.query('DROP TABLE telemetry.reading');
    await db.query('ALTER TABLE telemetry.reading_unpartitioned RENAME TO reading');
    await db.query('ALTER TABLE telemetry.reading ADD PRIMARY KEY (organization_id, sensor_id, at)');
  }
}
