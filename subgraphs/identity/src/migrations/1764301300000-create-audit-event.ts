import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: sign-ins, MFA changes, partner access changes, API
 * credentials and Partner ID changes, each written in the transaction of the
 * change it records. A row belongs to the organization whose admins read it;
 * a change that concerns two organizations (partner access) is written once
 * for each. `details` holds ids, names and flags, never a secret. A trigger
 * keeps the table append-only.
 */
export class CreateAuditEvent1764301300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES identity.organization (id),
        action text NOT NULL CHECK (action IN (
          'SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'REFRESH_TOKEN_REUSED',
          'MFA_ENROLLED', 'MFA_CONFIRMED', 'MFA_RECOVERY_CODE_USED',
          'PARTNER_ACCESS_GRANTED', 'PARTNER_ACCESS_CHANGED', 'PARTNER_ACCESS_REVOKED',
          'API_CREDENTIAL_CREATED', 'API_CREDENTIAL_USED', 'API_CREDENTIAL_REVOKED',
          'PARTNER_ACCOUNT_CREATED', 'PARTNER_ID_CHANGE_REQUESTED', 'PARTNER_ID_CHANGE_APPROVED',
          'PARTNER_ID_CHANGE_REJECTED', 'PARTNER_ID_CHANGED'
        )),
        actor_kind text NOT NULL CHECK (actor_kind IN ('USER', 'API_CLIENT', 'OPERATOR', 'ANONYMOUS')),
        actor_id text,
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((actor_kind = 'ANONYMOUS') = (actor_id IS NULL))
      )`);
    await db.query('CREATE INDEX audit_event_by_organization ON identity.audit_event (organization_id, at DESC, id)');
    await db.query(`
      CREATE FUNCTION identity.refuse_audit_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON identity.audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION identity.refuse_audit_event_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE identity.audit_event');
    await db.query('DROP FUNCTION identity.refuse_audit_event_change()');
  }
}
