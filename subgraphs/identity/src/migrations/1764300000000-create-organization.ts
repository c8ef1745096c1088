import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganization1764300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('CUSTOMER', 'PARTNER')),
        partner_id text UNIQUE CHECK (partner_id ~ '^[A-Z0-9_]+$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PARTNER') = (partner_id IS NOT NULL))
      )`);
    await db.query('CREATE INDEX organization_name_order ON identity.organization (name, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.organization');
  }
}
