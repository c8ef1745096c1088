import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens rotate: each is used once and replaced by the next of its
 * family. Presenting a used one means it was copied, so the family is revoked.
 */
export class CreateRefreshToken1764300800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.refresh_token (
        token_hash text PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
        mfa boolean NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX refresh_token_family ON identity.refresh_token (family_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.refresh_token');
  }
}
