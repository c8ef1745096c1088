import { settings } from '@partnergraph/core';

/** METRICS_PORT and METRICS_HOST, read by the gateway's and every subgraph's config module. */
export const METRICS_SETTINGS = {
  metricsPort: { variable: 'METRICS_PORT', setting: settings.port(0) },
  metricsHost: { variable: 'METRICS_HOST', setting: settings.string({ default: '127.0.0.1' }) },
};

/** Where a service serves its metrics; port 0 (the default): it serves none and records none. */
export interface MetricsEndpoint {
  metricsPort: number;
  metricsHost: string;
}
