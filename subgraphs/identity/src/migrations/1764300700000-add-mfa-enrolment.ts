import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A secret waits in `totp_pending_secret` until a code from it is confirmed; recovery codes are stored hashed, each usable once. */
export class AddMfaEnrolment1764300700000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE identity.user_account ADD COLUMN totp_pending_secret text');
    await db.query(`
      CREATE TABLE identity.recovery_code (
        user_id uuid NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.recovery_code');
    await db.query('ALTER TABLE identity.user_account DROP COLUMN totp_pending_secret');
  }
}
