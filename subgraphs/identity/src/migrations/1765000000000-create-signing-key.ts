import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signing keys identity has run with, by `kid`, and when it first did:
 * the age the signing-key metric reports, so that an operator rotates a key
 * in time (docs/operations.md, Secrets at rest and key rotation).
 */
export class CreateSigningKey1765000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.signing_key (
        kid text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('access_token', 'internal_token')),
        first_used_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.signing_key');
  }
}
