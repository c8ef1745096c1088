import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeviceAndSensor1764300200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE telemetry.device (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        make text NOT NULL,
        model text NOT NULL,
        serial_number text NOT NULL,
        firmware_revision text,
        ip_address inet,
        type text NOT NULL CHECK (type IN (
          'UPS', 'PDU', 'RACK_PDU', 'COOLING', 'SENSOR_HUB', 'ENVIRONMENTAL_SENSOR', 'NETWORK_SWITCH', 'SERVER', 'OTHER'
        )),
        monitored boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX device_name_order ON telemetry.device (organization_id, name, id)');
    await db.query(`
      CREATE TABLE telemetry.sensor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        device_id uuid NOT NULL REFERENCES telemetry.device (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN (
          'TEMPERATURE', 'HUMIDITY', 'LOAD', 'BATTERY_RUNTIME', 'INPUT_VOLTAGE', 'OUTPUT_POWER'
        )),
        unit text NOT NULL
      )`);
    await db.query('CREATE INDEX sensor_by_device ON telemetry.sensor (device_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE telemetry.sensor');
    await db.query('DROP TABLE telemetry.device');
  }
}
