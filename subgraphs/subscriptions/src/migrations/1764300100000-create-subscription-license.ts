import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubscriptionLicense1764300100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subscriptions.subscription_license (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        product text NOT NULL,
        device_allowance integer NOT NULL CHECK (device_allowance > 0),
        trial boolean NOT NULL DEFAULT false,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`);
    await db.query(
      'CREATE INDEX subscription_license_newest_first ON subscriptions.subscription_license (organization_id, starts_on DESC)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE subscriptions.subscription_license');
  }
}
