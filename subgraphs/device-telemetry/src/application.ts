/** A row of telemetry.application: software running on a device. */
export interface Application {
  id: string;
  organizationId: string;
  deviceId: string;
  name: string;
  version: string | null;
}

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
