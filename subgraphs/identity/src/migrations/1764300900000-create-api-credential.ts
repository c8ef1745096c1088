import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's API credentials, for scripts that use the OAuth 2.0 client
 * credentials grant. The secret is shown once and stored only as its SHA-256
 * hash. `customer_organization_ids` narrows a credential to some customers;
 * null means every customer that grants the partner API device-data access.
 */
export class CreateApiCredential1764300900000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.api_credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_organization_id uuid NOT NULL REFERENCES identity.organization (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        client_id text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        customer_organization_ids uuid[] CHECK (cardinality(customer_organization_ids) > 0),
        created_by uuid NOT NULL REFERENCES identity.user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query('CREATE INDEX api_credential_by_partner ON identity.api_credential (partner_organization_id, created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.api_credential');
  }
}
