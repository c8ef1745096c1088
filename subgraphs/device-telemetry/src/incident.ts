export type IncidentSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

/** A row of telemetry.incident, as INCIDENT_COLUMNS selects it. */
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
  updatedAt: Date;
}

export const INCIDENT_COLUMNS = `
  id, organization_id AS "organizationId", device_id AS "deviceId", severity, message, raised_at AS "raisedAt",
  cleared_at AS "clearedAt", reactivation_count AS "reactivationCount", acknowledged_by AS "acknowledgedBy",
  acknowledged_at AS "acknowledgedAt", acknowledgement_note AS "acknowledgementNote", updated_at AS "updatedAt"`;
