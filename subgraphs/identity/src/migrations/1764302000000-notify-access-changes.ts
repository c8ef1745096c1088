import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells listening gateways, after the commit, that someone's access may have
 * changed: a grant given, narrowed or revoked, an API credential revoked, a
 * user's role or membership changed. The gateway then runs every open
 * subscription at once (`*` on the channel partnergraph_live), so one whose
 * access is gone ends within the second rather than at its next poll.
 * Statement-level triggers: one notification per statement, and PostgreSQL
 * folds identical ones of a transaction into one.
 */
const ACCESS_CHANGES: readonly { table: string; columns: string | null }[] = [
  { table: 'partner_grant', columns: null },
  // Not last_used_at, which every token exchange writes.
  { table: 'api_credential', columns: 'revoked_at, customer_organization_ids' },
  // Not the sign-in counters, which every sign-in writes.
  { table: 'user_account', columns: 'role, organization_id' },
];

export class NotifyAccessChanges1764302000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION identity.notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('partnergraph_live', '*');
        RETURN NULL;
      END $$`);
    for (const { table, columns } of ACCESS_CHANGES) {
      await db.query(`
        CREATE TRIGGER ${table}_access_changed AFTER ${columns ? `UPDATE OF ${columns}` : 'UPDATE'} OR DELETE ON identity.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION identity.notify_access_changed()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of ACCESS_CHANGES) await db.query(`DROP TRIGGER ${table}_access_changed ON identity.${table}`);
    await db.query('DROP FUNCTION identity.notify_access_changed()');
  }
}
