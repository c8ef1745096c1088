import { createHash } from 'node:crypto';
import type { DemoApplication, DemoDevice, DemoIncident, DemoJob, DemoLocation } from '@partnergraph/device-telemetry/demo-seed';
import type { DemoGrant, DemoOrganization, DemoUser } from '@partnergraph/identity/demo-seed';
import { derivePartnerId } from '@partnergraph/identity/partner-id';
import type { DemoLicenseKey, DemoSubscriptionLicense, DemoVoucher } from '@partnergraph/subscriptions/demo-seed';
import { codeFromSeed } from '@partnergraph/subscriptions/license-key';
import type { SimulationOptions } from './telemetry-simulation';

/**
 * The demo world `npm start` seeds on first start: one partner looking after
 * four customers, each with a server room of equipment, sensors, two days of
 * readings, incidents, and subscription licences.
 * Ids are derived from names so every machine gets the same ones.
 */
export function demoId(name: string): string {
  const hex = createHash('sha1').update(`partnergraph-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_PARTNER: DemoOrganization = {
  id: demoId('organization:Northwind Data Services'),
  name: 'Northwind Data Services',
  kind: 'PARTNER',
  partnerId: derivePartnerId('Northwind Data Services'),
};

/** Every demo account's password (README: demo accounts). */
export const DEMO_PASSWORD = 'partnergraph-demo';

/**
 * Demo TOTP secret of the partner's users: partner access requires
 * multi-factor authentication. Any authenticator app makes codes from it.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const DEMO_CUSTOMERS: readonly DemoOrganization[] = [
  'Contoso Hospital',
  'Fabrikam Logistics',
  'Tailspin Bank',
  'Woodgrove Research',
].map((name) => ({ id: demoId(`organization:${name}`), name, kind: 'CUSTOMER', partnerId: null }));

interface EquipmentModel {
  type: DemoDevice['type'];
  make: string;
  model: string;
  firmwareRevision: string | null;
  sensors: readonly { type: DemoDevice['sensors'][number]['type']; unit: string }[];
}

const UPS: EquipmentModel = {
  type: 'UPS',
  make: 'APC',
  model: 'Smart-UPS SRT 5000',
  firmwareRevision: 'UPS 15.1',
  sensors: [
    { type: 'LOAD', unit: '%' },
    { type: 'BATTERY_RUNTIME', unit: 'min' },
    { type: 'INPUT_VOLTAGE', unit: 'V' },
  ],
};
const BATTERY_PACK: EquipmentModel = {
  type: 'OTHER',
  make: 'APC',
  model: 'SRT192BP2 external battery pack',
  firmwareRevision: null,
  sensors: [],
};
const RACK_PDU: EquipmentModel = {
  type: 'RACK_PDU',
  make: 'APC',
  model: 'AP8841',
  firmwareRevision: 'v7.1.4',
  sensors: [{ type: 'OUTPUT_POWER', unit: 'kW' }],
};
const COOLING: EquipmentModel = {
  type: 'COOLING',
  make: 'Schneider Electric',
  model: 'InRow RD ACRD301S',
  firmwareRevision: '6.3.2',
  sensors: [
    { type: 'TEMPERATURE', unit: '°C' },
    { type: 'HUMIDITY', unit: '%RH' },
  ],
};
const SENSOR_HUB: EquipmentModel = {
  type: 'SENSOR_HUB',
  make: 'NetBotz',
  model: 'NBRK0451',
  firmwareRevision: '5.2.1',
  sensors: [
    { type: 'TEMPERATURE', unit: '°C' },
    { type: 'HUMIDITY', unit: '%RH' },
  ],
};
const SWITCH: EquipmentModel = {
  type: 'NETWORK_SWITCH',
  make: 'Generic',
  model: 'Core switch 48p',
  firmwareRevision: '9.3',
  sensors: [],
};
const SERVER: EquipmentModel = {
  type: 'SERVER',
  make: 'Dell',
  model: 'PowerEdge R650',
  firmwareRevision: 'iDRAC 7.00.00',
  sensors: [
    { type: 'TEMPERATURE', unit: '°C' },
    { type: 'LOAD', unit: '%' },
  ],
};

/** Where a device stands: in the room, or in its first or second rack (customers with one rack put both in it). */
type Place = 'ROOM' | 'RACK_1' | 'RACK_2';

/** Days from today: when the warranty ends, when the device was last serviced and when its next service is due. */
interface ServicePlan {
  warranty: number;
  lastServiced: number | null;
  nextServiceDue: number | null;
}

/**
 * Each customer's equipment: what a small server room holds. UPS-A has an
 * external battery pack (a component, with no network address of its own);
 * the switch is on the network but not monitored; the server runs the
 * customer's applications and jobs, which partners never see.
 * New entries go at the end: a device's index is in its serial number and address.
 */
const ROOM: readonly {
  label: string;
  model: EquipmentModel;
  monitored: boolean;
  place: Place;
  partOf?: string;
  networked?: false;
  service: ServicePlan;
}[] = [
  { label: 'UPS-A', model: UPS, monitored: true, place: 'RACK_1', service: { warranty: 420, lastServiced: -95, nextServiceDue: 88 } },
  { label: 'UPS-B', model: UPS, monitored: true, place: 'RACK_2', service: { warranty: 25, lastServiced: -170, nextServiceDue: 12 } },
  { label: 'PDU-R1', model: RACK_PDU, monitored: true, place: 'RACK_1', service: { warranty: 800, lastServiced: null, nextServiceDue: null } },
  { label: 'PDU-R2', model: RACK_PDU, monitored: true, place: 'RACK_2', service: { warranty: 800, lastServiced: null, nextServiceDue: null } },
  { label: 'CRAC-1', model: COOLING, monitored: true, place: 'ROOM', service: { warranty: -60, lastServiced: -200, nextServiceDue: -15 } },
  { label: 'HUB-1', model: SENSOR_HUB, monitored: true, place: 'RACK_2', service: { warranty: 300, lastServiced: -150, nextServiceDue: 215 } },
  { label: 'SW-CORE', model: SWITCH, monitored: false, place: 'RACK_1', service: { warranty: 200, lastServiced: null, nextServiceDue: null } },
  {
    label: 'UPS-A-BP1',
    model: BATTERY_PACK,
    monitored: true,
    place: 'RACK_1',
    partOf: 'UPS-A',
    networked: false,
    service: { warranty: 420, lastServiced: -95, nextServiceDue: 88 },
  },
  { label: 'SRV-1', model: SERVER, monitored: true, place: 'RACK_2', service: { warranty: 600, lastServiced: -40, nextServiceDue: 325 } },
];

/** Each customer's site, in customer order; the last one has a single rack. */
const SITES: readonly string[] = ['Seattle campus', 'Rotterdam distribution centre', 'London head office', 'Boston research park'];

function rackCount(customerIndex: number): number {
  return customerIndex === DEMO_CUSTOMERS.length - 1 ? 1 : 2;
}

function shortName(customer: DemoOrganization): string {
  return customer.name.split(' ')[0] ?? customer.name;
}

function locationId(customer: DemoOrganization, place: 'SITE' | 'ROOM' | 'RACK_1' | 'RACK_2'): string {
  return demoId(`location:${customer.name}:${place}`);
}

/** Each customer's site, its server room, and one or two racks in the room. */
export function demoLocations(): DemoLocation[] {
  return DEMO_CUSTOMERS.flatMap((customer, customerIndex) => {
    const location = (place: 'SITE' | 'ROOM' | 'RACK_1' | 'RACK_2', kind: DemoLocation['kind'], parentId: string | null, name: string): DemoLocation => ({
      id: locationId(customer, place),
      organizationId: customer.id,
      parentId,
      kind,
      name,
    });
    const site = location('SITE', 'SITE', null, `${shortName(customer)} ${SITES[customerIndex] ?? 'site'}`);
    const room = location('ROOM', 'ROOM', site.id, 'Server room 1');
    const racks = (['RACK_1', 'RACK_2'] as const)
      .slice(0, rackCount(customerIndex))
      .map((place, rackIndex) => location(place, 'RACK', room.id, `Rack A0${rackIndex + 1}`));
    return [site, room, ...racks];
  });
}

function deviceName(customer: DemoOrganization, label: string): string {
  return `${shortName(customer)} ${label}`;
}

export function demoDevices(today = new Date()): DemoDevice[] {
  return DEMO_CUSTOMERS.flatMap((customer, customerIndex) =>
    ROOM.map(({ label, model, monitored, place, partOf, networked, service }, deviceIndex) => {
      const name = deviceName(customer, label);
      const id = demoId(`device:${name}`);
      const shift = customerIndex * 7;
      return {
        id,
        organizationId: customer.id,
        name,
        make: model.make,
        model: model.model,
        serialNumber: `${model.type.slice(0, 2)}${2400 + customerIndex}${String(deviceIndex).padStart(4, '0')}`,
        firmwareRevision: model.firmwareRevision,
        ipAddress:
          networked === false
            ? null
            : customerIndex === 3
              ? `2001:db8:${customerIndex}::${(deviceIndex + 10).toString(16)}`
              : `10.${customerIndex + 20}.113.${deviceIndex + 10}`,
        type: model.type,
        monitored,
        sensors: model.sensors.map((sensor, sensorIndex) => ({
          id: demoId(`sensor:${name}:${sensorIndex}`),
          type: sensor.type,
          unit: sensor.unit,
        })),
        parentDeviceId: partOf ? demoId(`device:${deviceName(customer, partOf)}`) : null,
        locationId: locationId(customer, place === 'RACK_2' && rackCount(customerIndex) < 2 ? 'RACK_1' : place),
        warrantyEndsOn: daysFrom(today, service.warranty + shift),
        lastServicedOn: service.lastServiced === null ? null : daysFrom(today, service.lastServiced - shift),
        nextServiceDueOn: service.nextServiceDue === null ? null : daysFrom(today, service.nextServiceDue + shift),
      };
    }),
  );
}

function deviceOf(customer: DemoOrganization, label: string): { id: string; organizationId: string } {
  return { id: demoId(`device:${deviceName(customer, label)}`), organizationId: customer.id };
}

/** The applications and jobs on each customer's server: theirs alone, never shown to a partner. */
export function demoSoftware(now = new Date()): { applications: DemoApplication[]; jobs: DemoJob[] } {
  const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);
  const applications = DEMO_CUSTOMERS.flatMap((customer) => {
    const server = deviceOf(customer, 'SRV-1');
    return [
      { name: 'PostgreSQL', version: '16.4' },
      { name: 'Veeam Agent for Linux', version: '6.1' },
      { name: `${shortName(customer)} line-of-business API`, version: null },
    ].map(({ name, version }) => ({
      id: demoId(`application:${customer.name}:${name}`),
      organizationId: customer.id,
      deviceId: server.id,
      name,
      version,
    }));
  });
  const jobs = DEMO_CUSTOMERS.flatMap((customer, customerIndex) => {
    const server = deviceOf(customer, 'SRV-1');
    return [
      { name: 'Nightly backup', schedule: '0 2 * * *', lastRunAt: hoursAgo(7 + customerIndex), lastStatus: customerIndex === 1 ? 'FAILED' : 'SUCCEEDED' },
      { name: 'Database vacuum', schedule: '30 3 * * 0', lastRunAt: hoursAgo(50 + customerIndex), lastStatus: 'SUCCEEDED' },
      { name: 'Log shipping', schedule: '*/15 * * * *', lastRunAt: hoursAgo(0.1), lastStatus: 'RUNNING' },
    ].map(({ name, schedule, lastRunAt, lastStatus }) => ({
      id: demoId(`job:${customer.name}:${name}`),
      organizationId: customer.id,
      deviceId: server.id,
      name,
      schedule,
      lastRunAt,
      lastStatus: lastStatus as DemoJob['lastStatus'],
    }));
  });
  return { applications, jobs };
}

/**
 * A few incidents per customer besides those the readings raise: open and
 * cleared, of each severity, one reactivated, one on the unmonitored switch
 * (which partners never see), and the UPS battery alarm acknowledged where a
 * demo user could have done it (Contoso's admin; Northwind's admin for a
 * customer that gave it administrator access).
 */
export function demoIncidents(now = new Date()): DemoIncident[] {
  const at = (hoursAgo: number): Date => new Date(now.getTime() - hoursAgo * 3_600_000);
  const users = demoUsers();
  const grants = demoGrants();
  const userId = (email: string): string | undefined => users.find((user) => user.email === email)?.id;
  return DEMO_CUSTOMERS.flatMap((customer, customerIndex) => {
    const ownAdmin = users.find((user) => user.organizationId === customer.id && user.role === 'ADMIN')?.id;
    const partnerAdmin = grants.some((grant) => grant.customerOrganizationId === customer.id && grant.administrator)
      ? userId('admin@northwind.example')
      : undefined;
    const acknowledgedBy = ownAdmin ?? partnerAdmin;
    const offset = customerIndex * 1.5;
    const incident = (
      label: string,
      severity: DemoIncident['severity'],
      message: string,
      raisedHoursAgo: number,
      clearedHoursAgo: number | null,
      extra: Partial<Pick<DemoIncident, 'reactivationCount' | 'acknowledgement'>> = {},
    ): DemoIncident => {
      const device = deviceOf(customer, label);
      return {
        id: demoId(`incident:${customer.name}:${label}:${message}`),
        organizationId: customer.id,
        deviceId: device.id,
        severity,
        message,
        raisedAt: at(raisedHoursAgo + offset),
        clearedAt: clearedHoursAgo === null ? null : at(clearedHoursAgo + offset),
        reactivationCount: extra.reactivationCount ?? 0,
        acknowledgement: extra.acknowledgement ?? null,
      };
    };
    return [
      incident('UPS-B', 'CRITICAL', 'Battery self-test failed: replace the battery', 26, null, {
        acknowledgement: acknowledgedBy
          ? { byUserId: acknowledgedBy, at: at(20 + offset), note: 'Replacement battery ordered, arrives within two days' }
          : null,
      }),
      incident('CRAC-1', 'WARNING', 'Air filter clogged: airflow reduced', 120, 93, { reactivationCount: 1 }),
      incident('HUB-1', 'INFO', 'Rack door opened', 3, 2.8),
      incident('UPS-A', 'INFO', 'Firmware update available: UPS 15.2', 40, null),
      incident('SW-CORE', 'WARNING', 'Uplink port 48 down', 8, null),
    ];
  });
}

/** The seed of the demo's readings, and how many days back they start. */
export const DEMO_TELEMETRY_SEED = 1;
export const DEMO_TELEMETRY_DAYS = 2;

/** Readings every five minutes for the last two days, for every sensor of the monitored devices. */
export function demoTelemetry(now = new Date()): SimulationOptions {
  return {
    sensors: demoDevices(now)
      .filter((device) => device.monitored)
      .flatMap((device) =>
        device.sensors.map((sensor) => ({ id: sensor.id, organizationId: device.organizationId, deviceId: device.id, type: sensor.type })),
      ),
    from: new Date(now.getTime() - DEMO_TELEMETRY_DAYS * 86_400_000),
    to: now,
    intervalMinutes: 5,
    seed: DEMO_TELEMETRY_SEED,
    batchSize: 10_000,
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysFrom(today: Date, days: number): string {
  return isoDate(new Date(today.getTime() + days * 86_400_000));
}

/** Licences around `today`, so the demo shows every status: active, expiring, expired and trial. */
export function demoSubscriptions(today: Date): DemoSubscriptionLicense[] {
  const plans: readonly { product: string; deviceAllowance: number; trial: boolean; from: number; to: number }[][] = [
    [{ product: 'IT Expert', deviceAllowance: 50, trial: false, from: -200, to: 165 }],
    [
      { product: 'IT Expert', deviceAllowance: 25, trial: false, from: -340, to: 20 },
      { product: 'IT Advisor', deviceAllowance: 10, trial: false, from: -400, to: -35 },
    ],
    [{ product: 'IT Expert', deviceAllowance: 100, trial: false, from: -30, to: 700 }],
    [{ product: 'IT Expert', deviceAllowance: 10, trial: true, from: -5, to: 25 }],
  ];
  return DEMO_CUSTOMERS.flatMap((customer, index) =>
    (plans[index] ?? []).map((plan) => ({
      id: demoId(`subscription:${customer.name}:${plan.product}`),
      organizationId: customer.id,
      product: plan.product,
      deviceAllowance: plan.deviceAllowance,
      trial: plan.trial,
      startsOn: daysFrom(today, plan.from),
      endsOn: daysFrom(today, plan.to),
    })),
  );
}

/** Unredeemed licence keys to try redeemLicenseKey with, listed in the README: one issued before 2025-04-01, one recent. */
export function demoLicenseKeys(today: Date): DemoLicenseKey[] {
  return [
    {
      key: codeFromSeed('partnergraph demo key: IT Expert, 12 months, 25 devices'),
      product: 'IT Expert',
      termMonths: 12,
      deviceAllowance: 25,
      installerEmails: ['installer@contoso.example'],
      issuedOn: daysFrom(today, -10),
    },
    {
      key: codeFromSeed('partnergraph demo key: IT Advisor, 24 months, 10 devices, legacy'),
      product: 'IT Advisor',
      termMonths: 24,
      deviceAllowance: 10,
      installerEmails: ['installer@northwind.example', 'it@fabrikam.example'],
      issuedOn: '2025-03-15',
    },
  ];
}

/** A voucher for Northwind's admin to try redeemVoucher and spending credits with, listed in docs/api-guide.md. */
export function demoVouchers(): DemoVoucher[] {
  return [{ code: codeFromSeed('partnergraph demo voucher: 1000 credits'), credits: 1000 }];
}

/** One account of each kind, listed in docs/api-guide.md. */
export function demoUsers(): DemoUser[] {
  const [contoso] = DEMO_CUSTOMERS;
  if (!contoso) throw new Error('the demo data has no customers');
  const user = (email: string, displayName: string, organization: DemoOrganization, role: DemoUser['role'], mfa: boolean): DemoUser => ({
    id: demoId(`user:${email}`),
    organizationId: organization.id,
    email,
    displayName,
    role,
    password: DEMO_PASSWORD,
    totpSecret: mfa ? DEMO_TOTP_SECRET : null,
  });
  return [
    user('admin@contoso.example', 'Camille Admin', contoso, 'ADMIN', false),
    user('viewer@contoso.example', 'Victor Viewer', contoso, 'VIEWER', false),
    user('admin@northwind.example', 'Nadia Partner-Admin', DEMO_PARTNER, 'ADMIN', true),
    user('viewer@northwind.example', 'Noah Partner-Viewer', DEMO_PARTNER, 'VIEWER', true),
  ];
}

/**
 * Northwind's access to each customer, one of each shape: administrator and
 * API access, read-only, API only, and administrator only.
 */
export function demoGrants(): DemoGrant[] {
  const shapes = [
    { administrator: true, apiDeviceData: true },
    { administrator: false, apiDeviceData: false },
    { administrator: false, apiDeviceData: true },
    { administrator: true, apiDeviceData: false },
  ];
  return DEMO_CUSTOMERS.map((customer, index) => ({
    customerOrganizationId: customer.id,
    partnerOrganizationId: DEMO_PARTNER.id,
    ...(shapes[index % shapes.length] ?? { administrator: false, apiDeviceData: false }),
  }));
}
