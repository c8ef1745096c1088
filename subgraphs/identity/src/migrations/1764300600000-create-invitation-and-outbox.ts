import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations travel as single-use links whose token is stored only as a
 * SHA-256 hash. Emails are written to an outbox in the same transaction as
 * what they announce, and delivered from there.
 */
export class CreateInvitationAndOutbox1764300600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('USER', 'CUSTOMER')),
        organization_id uuid NOT NULL REFERENCES identity.organization (id),
        email text NOT NULL CHECK (email = lower(email)),
        role text CHECK (role IN ('ADMIN', 'VIEWER')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES identity.user_account (id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'USER') = (role IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE identity.email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz
      )`);
    await db.query('CREATE INDEX email_outbox_unsent ON identity.email_outbox (created_at) WHERE sent_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.email_outbox');
    await db.query('DROP TABLE identity.invitation');
  }
}
