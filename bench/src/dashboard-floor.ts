import type { Logger } from '@partnergraph/core';
import { dashboardShape } from './dashboard-shape';
import { query } from './data-set';
import { DASHBOARD_FLOOR_SQL } from './operations';

/**
 * Issue 18's floor for the partner dashboard: the same organizations,
 * devices, sensors and newest readings as one SQL statement
 * (DASHBOARD_FLOOR_SQL). Run once at set-up and checked against the
 * dashboard's answer through our gateway: a floor that returned other
 * devices would not be the same work.
 */
export interface DashboardFloor {
  sql: string;
  parameters: string[];
  /** The one run at set-up, to size its first round. */
  latencyMs: number;
}

/** Throws unless the statement's answer has the dashboard's organizations and devices. */
export function checkFloorShape(floorOrganizations: unknown, dashboard: { organizations: number; devices: number }): void {
  const floor = dashboardShape({ organizations: { nodes: floorOrganizations ?? [] } });
  if (floor.organizations !== dashboard.organizations || floor.devices !== dashboard.devices) {
    throw new Error(
      `the floor statement returns ${floor.organizations} organizations and ${floor.devices} devices, the dashboard ` +
        `${dashboard.organizations} and ${dashboard.devices}: it is not the same dashboard`,
    );
  }
}

export async function dashboardFloor(options: {
  databaseUrl: string;
  logger: Logger;
  partnerOrganizationId: string;
  dashboard: { organizations: number; devices: number };
}): Promise<DashboardFloor> {
  const parameters = [options.partnerOrganizationId];
  const started = performance.now();
  const [row] = await query<{ organizations: unknown }>(options.databaseUrl, options.logger, DASHBOARD_FLOOR_SQL, parameters);
  const latencyMs = performance.now() - started;
  checkFloorShape(row?.organizations, options.dashboard);
  return { sql: DASHBOARD_FLOOR_SQL, parameters, latencyMs };
}
