import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUserAccount1764300300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES identity.organization (id),
        email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('ADMIN', 'VIEWER')),
        password_hash text NOT NULL,
        totp_secret text,
        totp_last_counter bigint,
        failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX user_account_organization ON identity.user_account (organization_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.user_account');
  }
}
