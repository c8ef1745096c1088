import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer's approval gives a partner read-only access; the customer may add
 * administrator and API device-data access, and revoke it all. Every change is
 * an append-only event the customer can read.
 */
export class CreatePartnerGrant1764300500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.partner_grant (
        customer_organization_id uuid NOT NULL REFERENCES identity.organization (id),
        partner_organization_id uuid NOT NULL REFERENCES identity.organization (id),
        administrator boolean NOT NULL DEFAULT false,
        api_device_data boolean NOT NULL DEFAULT false,
        granted_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (customer_organization_id, partner_organization_id),
        CHECK (customer_organization_id <> partner_organization_id)
      )`);
    await db.query('CREATE INDEX partner_grant_partner ON identity.partner_grant (partner_organization_id) WHERE revoked_at IS NULL');
    await db.query(`
      CREATE TABLE identity.partner_grant_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_organization_id uuid NOT NULL,
        partner_organization_id uuid NOT NULL,
        actor_user_id uuid REFERENCES identity.user_account (id),
        action text NOT NULL CHECK (action IN ('APPROVED', 'CHANGED', 'REVOKED')),
        administrator boolean NOT NULL,
        api_device_data boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (customer_organization_id, partner_organization_id)
          REFERENCES identity.partner_grant (customer_organization_id, partner_organization_id)
      )`);
    await db.query('CREATE INDEX partner_grant_event_customer ON identity.partner_grant_event (customer_organization_id, at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.partner_grant_event');
    await db.query('DROP TABLE identity.partner_grant');
  }
}
