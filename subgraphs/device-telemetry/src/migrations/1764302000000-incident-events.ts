import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident events for subscriptions (incidentEvents, and its feed
 * incidentEventsFeed): the change log records what happened to an incident
 * (raised, cleared, reactivated, acknowledged), in the transaction of the
 * change, and tells listening gateways after the commit (NOTIFY on
 * partnergraph_live with the feed's name; PostgreSQL delivers one per
 * transaction however many rows changed). Rows logged before this migration,
 * and incident rows logged for a device's change of visibility, have no event:
 * the feed reads their operation (CREATED as RAISED).
 */
export class IncidentEvents1764302000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE telemetry.change_log ADD COLUMN event text
        CHECK (event IN ('RAISED', 'CLEARED', 'REACTIVATED', 'ACKNOWLEDGED', 'UPDATED', 'DELETED'))`);
    await db.query(`
      CREATE OR REPLACE FUNCTION telemetry.log_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.incident := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored, event)
        SELECT changed.organization_id, 'INCIDENT', changed.id,
               CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END,
               coalesce((SELECT monitored FROM telemetry.device WHERE id = changed.device_id), false),
               CASE
                 WHEN TG_OP = 'INSERT' THEN 'RAISED'
                 WHEN TG_OP = 'DELETE' THEN 'DELETED'
                 WHEN OLD.cleared_at IS NULL AND NEW.cleared_at IS NOT NULL THEN 'CLEARED'
                 WHEN OLD.cleared_at IS NOT NULL AND NEW.cleared_at IS NULL THEN 'REACTIVATED'
                 WHEN NEW.acknowledged_at IS NOT NULL AND OLD.acknowledged_at IS DISTINCT FROM NEW.acknowledged_at THEN 'ACKNOWLEDGED'
                 ELSE 'UPDATED'
               END;
        PERFORM pg_notify('partnergraph_live', 'incidentEventsFeed');
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION telemetry.log_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.incident := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
        SELECT changed.organization_id, 'INCIDENT', changed.id,
               CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END,
               coalesce((SELECT monitored FROM telemetry.device WHERE id = changed.device_id), false);
        RETURN NULL;
      END $$`);
    await db.query('ALTER TABLE telemetry.change_log DROP COLUMN event');
  }
}
