import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once a partner account exists, its Partner ID changes only through a
 * support request that a platform operator approves. Each request keeps the
 * ID before and after, who asked and why, and who decided when: the record of
 * every change. At most one request per partner waits at a time.
 */
export class CreatePartnerIdChangeRequest1764301100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.partner_id_change_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES identity.organization (id),
        previous_partner_id text NOT NULL,
        requested_partner_id text NOT NULL
          CHECK (requested_partner_id ~ '^[A-Z0-9]+(_[A-Z0-9]+)*$' AND length(requested_partner_id) BETWEEN 2 AND 40),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by uuid NOT NULL REFERENCES identity.user_account (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        decision_note text,
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    await db.query(`
      CREATE UNIQUE INDEX partner_id_change_request_one_pending
        ON identity.partner_id_change_request (organization_id) WHERE status = 'PENDING'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.partner_id_change_request');
  }
}
