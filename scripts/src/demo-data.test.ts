import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCode } from '@partnergraph/subscriptions/license-key';
import {
  DEMO_CUSTOMERS,
  demoDevices,
  demoIncidents,
  demoLicenseKeys,
  demoLocations,
  demoSoftware,
  demoTelemetry,
  demoVouchers,
} from './demo-data';

const API_GUIDE = readFileSync(join(__dirname, '..', '..', 'docs', 'api-guide.md'), 'utf8');

describe('the demo licence keys and vouchers', () => {
  const codes = [...demoLicenseKeys(new Date()).map((key) => key.key), ...demoVouchers().map((voucher) => voucher.code)];

  it('are valid codes, with their check characters', () => {
    for (const code of codes) expect(parseCode(code)).toEqual({ code });
  });

  it('are the ones docs/api-guide.md lists', () => {
    for (const code of codes) expect(API_GUIDE).toContain(code);
  });

  it('include a key issued before 2025-04-01, which stays redeemable', () => {
    expect(demoLicenseKeys(new Date()).some((key) => key.issuedOn < '2025-04-01')).toBe(true);
  });
});

describe('the demo equipment', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const locations = demoLocations();
  const devices = demoDevices(now);
  const { applications, jobs } = demoSoftware(now);
  const incidents = demoIncidents(now);

  it("stands in each customer's own location tree: a site, a room and one or two racks", () => {
    for (const customer of DEMO_CUSTOMERS) {
      const own = locations.filter((location) => location.organizationId === customer.id);
      const [site, ...others] = own;
      expect(site).toMatchObject({ kind: 'SITE', parentId: null });
      const room = others.find((location) => location.kind === 'ROOM');
      expect(room?.parentId).toBe(site?.id);
      const racks = others.filter((location) => location.kind === 'RACK');
      expect(racks.length).toBeGreaterThanOrEqual(1);
      expect(racks.length).toBeLessThanOrEqual(2);
      for (const rack of racks) expect(rack.parentId).toBe(room?.id);
      for (const device of devices.filter((candidate) => candidate.organizationId === customer.id)) {
        expect(own.map((location) => location.id)).toContain(device.locationId);
      }
    }
  });

  it('gives each customer nine devices: one composite, one server, one unmonitored switch', () => {
    for (const customer of DEMO_CUSTOMERS) {
      const own = devices.filter((device) => device.organizationId === customer.id);
      expect(own).toHaveLength(9);
      expect(own.filter((device) => !device.monitored).map((device) => device.type)).toEqual(['NETWORK_SWITCH']);
      expect(own.filter((device) => device.type === 'SERVER')).toHaveLength(1);
      const components = own.filter((device) => device.parentDeviceId);
      expect(components).toHaveLength(1);
      expect(own.find((device) => device.id === components[0]?.parentDeviceId)?.type).toBe('UPS');
      for (const device of own) {
        expect(device.warrantyEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (device.lastServicedOn && device.nextServiceDueOn) expect(device.lastServicedOn < device.nextServiceDueOn).toBe(true);
      }
    }
    const ids = [...locations, ...devices, ...devices.flatMap((device) => device.sensors), ...applications, ...jobs, ...incidents].map(
      (row) => row.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("runs applications and jobs on each customer's server only", () => {
    const servers = new Set(devices.filter((device) => device.type === 'SERVER').map((device) => device.id));
    for (const customer of DEMO_CUSTOMERS) {
      expect(applications.filter((application) => application.organizationId === customer.id).length).toBeGreaterThanOrEqual(2);
      expect(jobs.filter((job) => job.organizationId === customer.id).length).toBeGreaterThanOrEqual(2);
    }
    for (const software of [...applications, ...jobs]) expect(servers).toContain(software.deviceId);
  });

  it('has open and cleared incidents of every severity for each customer, one on the unmonitored switch', () => {
    const unmonitored = new Set(devices.filter((device) => !device.monitored).map((device) => device.id));
    for (const customer of DEMO_CUSTOMERS) {
      const own = incidents.filter((incident) => incident.organizationId === customer.id);
      expect(new Set(own.map((incident) => incident.severity))).toEqual(new Set(['INFO', 'WARNING', 'CRITICAL']));
      expect(own.some((incident) => incident.clearedAt === null)).toBe(true);
      expect(own.some((incident) => incident.clearedAt !== null)).toBe(true);
      expect(own.filter((incident) => unmonitored.has(incident.deviceId))).toHaveLength(1);
      for (const incident of own) {
        expect(devices.find((device) => device.id === incident.deviceId)?.organizationId).toBe(customer.id);
        expect(incident.raisedAt.getTime()).toBeLessThan(now.getTime());
      }
    }
    expect(incidents.filter((incident) => incident.acknowledgement).length).toBeGreaterThanOrEqual(1);
  });

  it('has two days of readings every five minutes for every sensor of the monitored devices', () => {
    const telemetry = demoTelemetry(now);
    const monitoredSensors = devices.filter((device) => device.monitored).flatMap((device) => device.sensors.map((sensor) => sensor.id));
    expect(telemetry.sensors.map((sensor) => sensor.id).sort()).toEqual(monitoredSensors.sort());
    expect(telemetry).toMatchObject({ intervalMinutes: 5, to: now, from: new Date(now.getTime() - 2 * 86_400_000) });
  });
});
