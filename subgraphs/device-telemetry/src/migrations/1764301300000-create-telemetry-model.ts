import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The telemetry model of issue #5: locations, composite devices with service
 * dates, readings with hourly and daily rollups, incidents, the applications
 * and jobs on devices, and a change log for the API's change feeds. Every
 * table carries the owning organization's id; on the high-volume tables
 * (readings, rollups, incidents) it leads the primary key, so the schema can
 * be distributed by organization. Readings carry no foreign key to their
 * sensor: ingest checks the sensors once per batch instead of once per row.
 */
export class CreateTelemetryModel1764301300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE telemetry.location (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        parent_id uuid REFERENCES telemetry.location (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SITE', 'ROOM', 'RACK')),
        name text NOT NULL
      )`);
    await db.query('CREATE INDEX location_by_parent ON telemetry.location (organization_id, parent_id, name)');

    await db.query(`
      ALTER TABLE telemetry.device
        ADD COLUMN parent_device_id uuid REFERENCES telemetry.device (id) ON DELETE SET NULL,
        ADD COLUMN location_id uuid REFERENCES telemetry.location (id) ON DELETE SET NULL,
        ADD COLUMN warranty_ends_on date,
        ADD COLUMN last_serviced_on date,
        ADD COLUMN next_service_due_on date,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await db.query('CREATE INDEX device_by_parent ON telemetry.device (organization_id, parent_device_id) WHERE parent_device_id IS NOT NULL');
    await db.query('CREATE INDEX device_by_location ON telemetry.device (organization_id, location_id) WHERE location_id IS NOT NULL');
    await db.query('CREATE INDEX device_by_ip_address ON telemetry.device (organization_id, ip_address, id)');
    await db.query('CREATE INDEX sensor_by_organization ON telemetry.sensor (organization_id, id)');

    await db.query(`
      CREATE TABLE telemetry.reading (
        organization_id uuid NOT NULL,
        sensor_id uuid NOT NULL,
        at timestamptz NOT NULL,
        value double precision NOT NULL,
        PRIMARY KEY (organization_id, sensor_id, at)
      )`);
    for (const table of ['reading_hourly', 'reading_daily']) {
      await db.query(`
        CREATE TABLE telemetry.${table} (
          organization_id uuid NOT NULL,
          sensor_id uuid NOT NULL,
          bucket_start timestamptz NOT NULL,
          min double precision NOT NULL,
          max double precision NOT NULL,
          sum double precision NOT NULL,
          count integer NOT NULL CHECK (count > 0),
          last_at timestamptz NOT NULL,
          last_value double precision NOT NULL,
          PRIMARY KEY (organization_id, sensor_id, bucket_start)
        )`);
    }

    await db.query(`
      CREATE TABLE telemetry.incident (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES telemetry.device (id) ON DELETE CASCADE,
        severity text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
        message text NOT NULL,
        raised_at timestamptz NOT NULL,
        cleared_at timestamptz CHECK (cleared_at IS NULL OR cleared_at >= raised_at),
        reactivation_count integer NOT NULL DEFAULT 0 CHECK (reactivation_count >= 0),
        acknowledged_by uuid,
        acknowledged_at timestamptz,
        acknowledgement_note text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
      )`);
    await db.query('CREATE INDEX incident_by_id ON telemetry.incident (id)');
    await db.query('CREATE INDEX incident_by_device ON telemetry.incident (organization_id, device_id, raised_at DESC, id)');
    await db.query('CREATE INDEX incident_by_organization ON telemetry.incident (organization_id, raised_at DESC, id)');
    await db.query('CREATE INDEX incident_open ON telemetry.incident (organization_id, device_id) WHERE cleared_at IS NULL');

    await db.query(`
      CREATE TABLE telemetry.application (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES telemetry.device (id) ON DELETE CASCADE,
        name text NOT NULL,
        version text,
        PRIMARY KEY (organization_id, id)
      )`);
    await db.query('CREATE INDEX application_by_device ON telemetry.application (organization_id, device_id, name)');
    await db.query(`
      CREATE TABLE telemetry.job (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        device_id uuid NOT NULL REFERENCES telemetry.device (id) ON DELETE CASCADE,
        name text NOT NULL,
        schedule text NOT NULL,
        last_run_at timestamptz,
        last_status text CHECK (last_status IN ('SUCCEEDED', 'FAILED', 'RUNNING')),
        PRIMARY KEY (organization_id, id)
      )`);
    await db.query('CREATE INDEX job_by_device ON telemetry.job (organization_id, device_id, name)');

    // The change feeds. xid orders changes by the transaction that made them: a reader returns only rows whose
    // transaction is older than every transaction still running, so a row can never appear behind a cursor.
    await db.query(`
      CREATE TABLE telemetry.change_log (
        organization_id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        feed text NOT NULL CHECK (feed IN ('INVENTORY', 'INCIDENT')),
        entity_id uuid NOT NULL,
        operation text NOT NULL CHECK (operation IN ('CREATED', 'UPDATED', 'DELETED')),
        -- Whether the device concerned is monitored: changes to unmonitored equipment exist only for its owners.
        monitored boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, seq)
      )`);
    await db.query('CREATE INDEX change_log_in_commit_order ON telemetry.change_log (feed, organization_id, xid, seq)');
    await db.query(`
      CREATE FUNCTION telemetry.log_device_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.device := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
        VALUES (changed.organization_id, 'INVENTORY', changed.id,
                CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END, changed.monitored);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER device_changes AFTER INSERT OR DELETE OR UPDATE ON telemetry.device
      FOR EACH ROW EXECUTE FUNCTION telemetry.log_device_change()`);
    await db.query(`
      CREATE FUNCTION telemetry.log_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed telemetry.incident := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        INSERT INTO telemetry.change_log (organization_id, feed, entity_id, operation, monitored)
        SELECT changed.organization_id, 'INCIDENT', changed.id,
               CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END,
               coalesce((SELECT monitored FROM telemetry.device WHERE id = changed.device_id), false);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER incident_changes AFTER INSERT OR DELETE OR UPDATE ON telemetry.incident
      FOR EACH ROW EXECUTE FUNCTION telemetry.log_incident_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE telemetry.change_log');
    await db.query('DROP TRIGGER incident_changes ON telemetry.incident');
    await db.query('DROP TRIGGER device_changes ON telemetry.device');
    await db.query('DROP FUNCTION telemetry.log_incident_change()');
    await db.query('DROP FUNCTION telemetry.log_device_change()');
    await db.query('DROP TABLE telemetry.job');
    await db.query('DROP TABLE telemetry.application');
    await db.query('DROP TABLE telemetry.incident');
    await db.query('DROP TABLE telemetry.reading_daily');
    await db.query('DROP TABLE telemetry.reading_hourly');
    await db.query('DROP TABLE telemetry.reading');
    await db.query(`
      ALTER TABLE telemetry.device
        DROP COLUMN updated_at, DROP COLUMN next_service_due_on, DROP COLUMN last_serviced_on,
        DROP COLUMN warranty_ends_on, DROP COLUMN location_id, DROP COLUMN parent_device_id`);
    await db.query('DROP TABLE telemetry.location');
  }
}
