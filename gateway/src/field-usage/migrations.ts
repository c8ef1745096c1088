import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field and operation usage per hour, client name and operation name, which
 * every gateway replica adds its counts to (field-usage/usage-store.ts); the
 * `npm run usage` command reads them. Keyed for its question: a field over a
 * period.
 */
export class CreateUsageCounts1765000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE gateway.field_usage (
        field text NOT NULL,
        hour timestamptz NOT NULL,
        client_name text NOT NULL,
        operation_name text NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        last_seen_at timestamptz NOT NULL,
        PRIMARY KEY (field, hour, client_name, operation_name)
      )`);
    await db.query(`
      CREATE TABLE gateway.operation_usage (
        hour timestamptz NOT NULL,
        client_name text NOT NULL,
        operation_name text NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        last_seen_at timestamptz NOT NULL,
        PRIMARY KEY (hour, client_name, operation_name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE gateway.operation_usage');
    await db.query('DROP TABLE gateway.field_usage');
  }
}

export const usageMigrations = [CreateUsageCounts1765000000000];
