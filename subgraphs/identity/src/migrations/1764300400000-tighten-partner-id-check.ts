import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner IDs: 2 to 40 characters, words of A-Z and 0-9 joined by single underscores (see partner-id.ts). */
export class TightenPartnerIdCheck1764300400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE identity.organization DROP CONSTRAINT organization_partner_id_check');
    await db.query(`
      ALTER TABLE identity.organization ADD CONSTRAINT organization_partner_id_check
        CHECK (partner_id ~ '^[A-Z0-9]+(_[A-Z0-9]+)*$' AND length(partner_id) BETWEEN 2 AND 40)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE identity.organization DROP CONSTRAINT organization_partner_id_check');
    await db.query("ALTER TABLE identity.organization ADD CONSTRAINT organization_partner_id_check CHECK (partner_id ~ '^[A-Z0-9_]+$')");
  }
}
