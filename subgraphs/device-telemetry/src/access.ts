import type { AccessDecision } from '@partnergraph/core';
import type { Device } from './device';

/** Access matrix: unmonitored equipment exists only for the customer's own users. */
export function mayReadDevice(decision: AccessDecision, device: Pick<Device, 'monitored'>): boolean {
  return decision.read && (device.monitored || decision.unmonitoredEquipment);
}
