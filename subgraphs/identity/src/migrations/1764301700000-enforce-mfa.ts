import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS_BEFORE = `'SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'REFRESH_TOKEN_REUSED',
  'MFA_ENROLLED', 'MFA_CONFIRMED', 'MFA_RECOVERY_CODE_USED',
  'PARTNER_ACCESS_GRANTED', 'PARTNER_ACCESS_CHANGED', 'PARTNER_ACCESS_REVOKED',
  'API_CREDENTIAL_CREATED', 'API_CREDENTIAL_USED', 'API_CREDENTIAL_REVOKED',
  'PARTNER_ACCOUNT_CREATED', 'PARTNER_ID_CHANGE_REQUESTED', 'PARTNER_ID_CHANGE_APPROVED',
  'PARTNER_ID_CHANGE_REJECTED', 'PARTNER_ID_CHANGED'`;

/**
 * MFA before any session, for partners and for customers that ask for it:
 * - `organization.require_mfa`, a customer's setting (partners always require MFA);
 * - `pending_mfa_enrolment`: a TOTP secret offered to someone who has no account yet (accepting an invitation,
 *   creating a partner account), keyed by the hash of the token it is bound to, until a code from it creates the account;
 * - `mfa_enrolment_link`: the emailed single-use links that take an existing user without a second factor through
 *   enrolment, only their hashes kept;
 * - the audit action for a change of the setting.
 */
export class EnforceMfa1764301700000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE identity.organization ADD COLUMN require_mfa boolean NOT NULL DEFAULT false');
    await db.query(`
      CREATE TABLE identity.pending_mfa_enrolment (
        token_hash text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('INVITATION', 'PARTNER_ACCOUNT')),
        email text NOT NULL,
        secret text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX pending_mfa_enrolment_expiry ON identity.pending_mfa_enrolment (expires_at)');
    await db.query(`
      CREATE TABLE identity.mfa_enrolment_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX mfa_enrolment_link_by_user ON identity.mfa_enrolment_link (user_id, expires_at DESC)');
    await db.query('ALTER TABLE identity.audit_event DROP CONSTRAINT audit_event_action_check');
    await db.query(`ALTER TABLE identity.audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
      ${ACTIONS_BEFORE}, 'ORGANIZATION_MFA_REQUIREMENT_CHANGED'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE identity.audit_event DROP CONSTRAINT audit_event_action_check');
    await db.query(`ALTER TABLE identity.audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (${ACTIONS_BEFORE}))`);
    await db.query('DROP TABLE identity.mfa_enrolment_link');
    await db.query('DROP TABLE identity.pending_mfa_enrolment');
    await db.query('ALTER TABLE identity.organization DROP COLUMN require_mfa');
  }
}
