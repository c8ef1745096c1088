import { allows } from '@partnergraph/core';
import { organizationRule } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { Device } from '../device';

/** A device's read: its organization lets the caller read it, and it is monitored or the caller is the organization's own. */
export const mayReadThisDevice = organizationRule(
  (device: Device) => device.organizationId,
  (decision, _principal, device) => mayReadDevice(decision, device),
);

/**
 * The device's applications and jobs: only for callers with `applications`
 * (the customer's own users; never a partner user or an API client), on every
 * path that reaches a device, `_entities` included.
 */
export const mayReadThisDevicesApplications = organizationRule(
  (device: Device) => device.organizationId,
  (decision, _principal, device) => mayReadDevice(decision, device) && allows('applications', decision.relation),
);
