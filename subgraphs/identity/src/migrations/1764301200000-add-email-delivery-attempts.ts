import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery over SMTP: each failed attempt is counted, its error kept,
 * and the next attempt waits until `next_attempt_at` (null: due now). A row
 * still unsent after the worker's last attempt stays, for an operator to see.
 */
export class AddEmailDeliveryAttempts1764301200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE identity.email_outbox
        ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        ADD COLUMN last_error text,
        ADD COLUMN next_attempt_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE identity.email_outbox
        DROP COLUMN next_attempt_at,
        DROP COLUMN last_error,
        DROP COLUMN attempts`);
  }
}
