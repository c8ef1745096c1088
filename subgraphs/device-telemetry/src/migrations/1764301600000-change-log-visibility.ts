import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change feeds for partners when equipment changes visibility or goes away.
 * A device change is logged as `monitored` when the device is monitored before
 * or after it, so a partner learns that a device it knew has become unmonitored
 * (and resolves it to nothing) as well as that one has become monitored; its
 * incidents are logged as changed too, as they vanish or appear with it.
 * Deleting a device deletes its incidents first, while the device still
 * exists: deleted by the foreign key's cascade, they would be logged after the
 * device row is gone, as on unmonitored equipment, and partners would never
 * learn of their deletion.
 */
export class ChangeLogVisibility1764301600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION telemetry.log_device_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.device := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
        VALUES (changed.organization_id, 'INVENTORY', changed.id,
                CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END,
                changed.monitored OR (TG_OP = 'UPDATE' AND OLD.monitored));
        IF TG_OP = 'UPDATE' AND OLD.monitored IS DISTINCT FROM NEW.monitored THEN
          INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
          SELECT organization_id, 'INCIDENT', id, 'UPDATED', true
          FROM telemetry.incident
          WHERE organization_id = NEW.organization_id AND device_id = NEW.id
          ORDER BY raised_at, id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION telemetry.delete_device_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM telemetry.incident WHERE organization_id = OLD.organization_id AND device_id = OLD.id;
        RETURN OLD;
      END $$`);
    await db.query(`
      CREATE TRIGGER device_incidents_deleted_first BEFORE DELETE ON telemetry.device
      FOR EACH ROW EXECUTE FUNCTION telemetry.delete_device_incidents()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER device_incidents_deleted_first ON telemetry.device');
    await db.query('DROP FUNCTION telemetry.delete_device_incidents()');
    await db.query(`
      CREATE OR REPLACE FUNCTION telemetry.log_device_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.device := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
        VALUES (changed.organization_id, 'INVENTORY', changed.id,
                CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END, changed.monitored);
        RETURN NULL;
      END $$`);
  }
}
