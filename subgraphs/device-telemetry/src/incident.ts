import { EntitySchema } from 'typeorm';

export type IncidentSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

/** A row of telemetry.incident. */
export interface Incident {
  id: string;
  organizationId: string;
  deviceId: string;
  severity: IncidentSeverity;
  message: string;
  raisedAt: Date;
  clearedAt: Date | null;
  reactivationCount: number;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgementNote: string | null;
  /** The alarm it follows: the device's own alarm id, or `threshold:<sensor id>`; null for incidents raised otherwise. */
  alarmId: string | null;
  /** The instant of the alarm's last change of state (raised, cleared, reactivated); reports at or before it change nothing. */
  alarmChangedAt: Date | null;
  /**
   * The sensor whose thresholds raised it, derived from `alarmId` by a trigger while the change that makes it a
   * column of its own is half done (see migration 1764302300000); null for any other incident.
   */
  thresholdSensorId: string | null;
  updatedAt: Date;
}

export const IncidentEntity = new EntitySchema<Incident>({
  name: 'Incident',
  tableName: 'incident',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    deviceId: { name: 'device_id', type: 'uuid' },
    severity: { type: 'text' },
    message: { type: 'text' },
    raisedAt: { name: 'raised_at', type: 'timestamptz' },
    clearedAt: { name: 'cleared_at', type: 'timestamptz', nullable: true },
    reactivationCount: { name: 'reactivation_count', type: 'integer', default: 0 },
    acknowledgedBy: { name: 'acknowledged_by', type: 'uuid', nullable: true },
    acknowledgedAt: { name: 'acknowledged_at', type: 'timestamptz', nullable: true },
    acknowledgementNote: { name: 'acknowledgement_note', type: 'text', nullable: true },
    alarmId: { name: 'alarm_id', type: 'text', nullable: true },
    alarmChangedAt: { name: 'alarm_changed_at', type: 'timestamptz', nullable: true },
    thresholdSensorId: { name: 'threshold_sensor_id', type: 'uuid', nullable: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },
  },
});
