import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery records each attempt before and after the SMTP hand-off:
 * `sending_started_at` is set (and `attempts` counted) when a worker claims
 * the row, and cleared when the outcome (sent, refused) is recorded. A row
 * whose mark stands longer than the worker's lease had its attempt cut off
 * without an outcome (see the README's email section).
 */
export class AddEmailSendingMark1764301900001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE subscriptions.email_outbox ADD COLUMN sending_started_at timestamptz');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE subscriptions.email_outbox DROP COLUMN sending_started_at');
  }
}
