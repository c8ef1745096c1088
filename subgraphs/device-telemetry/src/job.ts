import { EntitySchema } from 'typeorm';

export type JobStatus = 'SUCCEEDED' | 'FAILED' | 'RUNNING';

/** A row of telemetry.job: a job scheduled on a device. */
export interface Job {
  id: string;
  organizationId: string;
  deviceId: string;
  name: string;
  /** A cron expression. */
  schedule: string;
  lastRunAt: Date | null;
  lastStatus: JobStatus | null;
}

export const JobEntity = new EntitySchema<Job>({
  name: 'Job',
  tableName: 'job',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    deviceId: { name: 'device_id', type: 'uuid' },
    name: { type: 'text' },
    schedule: { type: 'text' },
    lastRunAt: { name: 'last_run_at', type: 'timestamptz', nullable: true },
    lastStatus: { name: 'last_status', type: 'text', nullable: true },
  },
});
