import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence keys and vouchers (issued once, redeemed once), credit balances with
 * their append-only ledger (an organization holds credits: a partner, usually,
 * or a customer that buys its own), idempotency records for the mutations that
 * spend credits, and this subgraph's email outbox.
 */
export class CreateLicensing1764301200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE subscriptions.subscription_license
        ADD COLUMN source text NOT NULL DEFAULT 'SEEDED' CHECK (source IN ('SEEDED', 'LICENSE_KEY', 'CREDITS')),
        ADD COLUMN installer_emails text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE TABLE subscriptions.license_key (
        code text PRIMARY KEY,
        product text NOT NULL,
        term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 120),
        device_allowance integer NOT NULL CHECK (device_allowance > 0),
        installer_emails text[] NOT NULL CHECK (cardinality(installer_emails) > 0),
        issued_on date NOT NULL,
        issued_by text NOT NULL,
        redeemed_at timestamptz,
        redeemed_for uuid,
        redeemed_by text,
        license_id uuid REFERENCES subscriptions.subscription_license (id),
        CHECK ((redeemed_at IS NULL) = (license_id IS NULL))
      )`);
    await db.query(`
      CREATE TABLE subscriptions.voucher (
        code text PRIMARY KEY,
        credits integer NOT NULL CHECK (credits > 0),
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        redeemed_at timestamptz,
        redeemed_by_organization uuid,
        CHECK ((redeemed_at IS NULL) = (redeemed_by_organization IS NULL))
      )`);
    await db.query(`
      CREATE TABLE subscriptions.credit_balance (
        organization_id uuid PRIMARY KEY,
        balance integer NOT NULL CHECK (balance >= 0)
      )`);
    await db.query(`
      CREATE TABLE subscriptions.credit_ledger (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VOUCHER', 'ACTIVATION', 'RENEWAL', 'AMENDMENT')),
        amount integer NOT NULL CHECK (amount <> 0),
        balance_after integer NOT NULL CHECK (balance_after >= 0),
        voucher_code text REFERENCES subscriptions.voucher (code),
        license_id uuid REFERENCES subscriptions.subscription_license (id),
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'VOUCHER') = (voucher_code IS NOT NULL) AND (kind = 'VOUCHER') = (license_id IS NULL))
      )`);
    await db.query('CREATE INDEX credit_ledger_by_organization ON subscriptions.credit_ledger (organization_id, id DESC)');
    await db.query(`
      CREATE FUNCTION subscriptions.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the credit ledger is append-only: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER credit_ledger_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON subscriptions.credit_ledger
        FOR EACH STATEMENT EXECUTE FUNCTION subscriptions.refuse_ledger_change()`);
    await db.query(`
      CREATE TABLE subscriptions.idempotency_key (
        organization_id uuid NOT NULL,
        key text NOT NULL,
        request_fingerprint text NOT NULL,
        license_id uuid NOT NULL REFERENCES subscriptions.subscription_license (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, key)
      )`);
    await db.query(`
      CREATE TABLE subscriptions.email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        next_attempt_at timestamptz
      )`);
    await db.query('CREATE INDEX email_outbox_unsent ON subscriptions.email_outbox (created_at) WHERE sent_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE subscriptions.email_outbox');
    await db.query('DROP TABLE subscriptions.idempotency_key');
    await db.query('DROP TABLE subscriptions.credit_ledger');
    await db.query('DROP FUNCTION subscriptions.refuse_ledger_change()');
    await db.query('DROP TABLE subscriptions.credit_balance');
    await db.query('DROP TABLE subscriptions.voucher');
    await db.query('DROP TABLE subscriptions.license_key');
    await db.query('ALTER TABLE subscriptions.subscription_license DROP COLUMN installer_emails, DROP COLUMN source');
  }
}
