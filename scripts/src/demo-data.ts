import { createHash } from 'node:crypto';
import type { DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import type { DemoGrant, DemoOrganization, DemoUser } from '@partnergraph/identity/demo-seed';
import { derivePartnerId } from '@partnergraph/identity/partner-id';
import type { DemoLicenseKey, DemoSubscriptionLicense, DemoVoucher } from '@partnergraph/subscriptions/demo-seed';
import { codeFromSeed } from '@partnergraph/subscriptions/license-key';

/**
 * The demo world `npm start` seeds on first start: one partner looking after
 * four customers, each with equipment, sensors and subscription licences.
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
  firmwareRevision: string;
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

/** Each customer's equipment: what a small server room holds. The switch is on the network but not monitored. */
const ROOM: readonly { label: string; model: EquipmentModel; monitored: boolean }[] = [
  { label: 'UPS-A', model: UPS, monitored: true },
  { label: 'UPS-B', model: UPS, monitored: true },
  { label: 'PDU-R1', model: RACK_PDU, monitored: true },
  { label: 'PDU-R2', model: RACK_PDU, monitored: true },
  { label: 'CRAC-1', model: COOLING, monitored: true },
  { label: 'HUB-1', model: SENSOR_HUB, monitored: true },
  { label: 'SW-CORE', model: SWITCH, monitored: false },
];

export function demoDevices(): DemoDevice[] {
  return DEMO_CUSTOMERS.flatMap((customer, customerIndex) =>
    ROOM.map(({ label, model, monitored }, deviceIndex) => {
      const name = `${customer.name.split(' ')[0]} ${label}`;
      const id = demoId(`device:${name}`);
      return {
        id,
        organizationId: customer.id,
        name,
        make: model.make,
        model: model.model,
        serialNumber: `${model.type.slice(0, 2)}${2400 + customerIndex}${String(deviceIndex).padStart(4, '0')}`,
        firmwareRevision: model.firmwareRevision,
        ipAddress:
          customerIndex === 3
            ? `2001:db8:${customerIndex}::${(deviceIndex + 10).toString(16)}`
            : `10.${customerIndex + 20}.113.${deviceIndex + 10}`,
        type: model.type,
        monitored,
        sensors: model.sensors.map((sensor, sensorIndex) => ({
          id: demoId(`sensor:${name}:${sensorIndex}`),
          type: sensor.type,
          unit: sensor.unit,
        })),
      };
    }),
  );
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

/** A voucher for Northwind's admin to try redeemVoucher and spending credits with, listed in the README. */
export function demoVouchers(): DemoVoucher[] {
  return [{ code: codeFromSeed('partnergraph demo voucher: 1000 credits'), credits: 1000 }];
}

/** One account of each kind, listed in the README. */
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
