import { randomUUID } from 'node:crypto';
import { seedDemoDevices, seedDemoIncidents, type DemoDevice, type DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import type { UserTokenSubject } from '@partnergraph/core';
import { seedDemoGrants, seedDemoOrganizations, type DemoOrganization, type DemoUser } from '@partnergraph/identity/demo-seed';
import { totpCode } from '@partnergraph/identity/credentials/totp';
import { seedDemoSubscriptions, type DemoSubscriptionLicense } from '@partnergraph/subscriptions/demo-seed';
import type { GraphQLResponse, TypedOperation } from './http';
import type { InProcessSupergraph } from './in-process-supergraph';
import { graphql } from '../generated/operations';

export interface SeededWorld {
  partner: DemoOrganization;
  customers: DemoOrganization[];
  devices: DemoDevice[];
  licenses: DemoSubscriptionLicense[];
  /** Headers of a partner admin signed in with MFA, to whom every customer has granted administrator access. */
  asPartnerAdmin: Record<string, string>;
}

/**
 * A partner and `customers` customer organizations, each with
 * `devicesPerCustomer` devices of `sensorsPerDevice` sensors and two licences,
 * written through each subgraph's own seeding code. Every customer has
 * granted the partner administrator access.
 */
export async function seedWorld(
  supergraph: InProcessSupergraph,
  size: { customers: number; devicesPerCustomer: number; sensorsPerDevice: number },
): Promise<SeededWorld> {
  const tag = randomUUID().slice(0, 8);
  const partner: DemoOrganization = { id: randomUUID(), name: `Partner ${tag}`, kind: 'PARTNER', partnerId: `PARTNER_${tag.toUpperCase()}` };
  const customers: DemoOrganization[] = Array.from({ length: size.customers }, (_, index) => ({
    id: randomUUID(),
    name: `Customer ${tag} ${String(index).padStart(3, '0')}`,
    kind: 'CUSTOMER',
    partnerId: null,
  }));
  const devices: DemoDevice[] = customers.flatMap((customer, customerIndex) =>
    Array.from({ length: size.devicesPerCustomer }, (_, deviceIndex) => ({
      id: randomUUID(),
      organizationId: customer.id,
      name: `Device ${String(deviceIndex).padStart(3, '0')}`,
      make: 'APC',
      model: 'Smart-UPS',
      serialNumber: `SN-${customerIndex}-${deviceIndex}`,
      firmwareRevision: '1.0',
      ipAddress: `10.${customerIndex % 250}.113.${deviceIndex % 250}`,
      type: 'UPS',
      monitored: true,
      sensors: Array.from({ length: size.sensorsPerDevice }, () => ({ id: randomUUID(), type: 'TEMPERATURE', unit: '°C' })),
    })),
  );
  const licenses: DemoSubscriptionLicense[] = customers.flatMap((customer) =>
    ['IT Expert', 'IT Advisor'].map((product) => ({
      id: randomUUID(),
      organizationId: customer.id,
      product,
      deviceAllowance: 25,
      trial: false,
      startsOn: '2026-01-01',
      endsOn: '2027-01-01',
    })),
  );
  await seedDemoOrganizations(supergraph.subgraphs.identity.database, [partner, ...customers]);
  await seedDemoGrants(
    supergraph.subgraphs.identity.database,
    customers.map((customer) => ({
      customerOrganizationId: customer.id,
      partnerOrganizationId: partner.id,
      administrator: true,
      apiDeviceData: false,
    })),
  );
  await seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, licenses);
  await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, devices);
  const asPartnerAdmin = await bearerHeaders(supergraph, { organizationId: partner.id, role: 'ADMIN', mfa: true });
  return { partner, customers, devices, licenses, asPartnerAdmin };
}

/**
 * Organizations for one test file. A fresh tag goes into every name and
 * Partner ID, so test files sharing a database never collide; a partner's
 * Partner ID is `partnerIdPrefix` (or its name, in capitals) and the tag.
 */
export function taggedOrganizations(partnerIdPrefix?: string): {
  tag: string;
  organization(name: string, kind?: DemoOrganization['kind']): DemoOrganization;
} {
  const tag = randomUUID().slice(0, 8);
  return {
    tag,
    organization: (name, kind = 'CUSTOMER') => ({
      id: randomUUID(),
      name: `${name} ${tag}`,
      kind,
      partnerId: kind === 'PARTNER' ? `${partnerIdPrefix ?? name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${tag.toUpperCase()}` : null,
    }),
  };
}

/** Authorization headers for a user of `organizationId`, as identity's sign-in would issue them (no user row needed). */
export async function bearerHeaders(
  supergraph: InProcessSupergraph,
  subject: Omit<UserTokenSubject, 'userId'> & { userId?: string },
): Promise<Record<string, string>> {
  const { accessToken } = await supergraph.accessTokens.issueForUser({ userId: randomUUID(), ...subject });
  return { authorization: `Bearer ${accessToken}` };
}

/** Runs `work` and returns how many SQL statements each subgraph issued meanwhile. */
export async function countStatements(
  supergraph: InProcessSupergraph,
  work: () => Promise<unknown>,
): Promise<Record<keyof InProcessSupergraph['subgraphs'], number>> {
  const before = Object.fromEntries(
    Object.entries(supergraph.subgraphs).map(([name, running]) => [name, running.database.statements.total]),
  );
  await work();
  return Object.fromEntries(
    Object.entries(supergraph.subgraphs).map(([name, running]) => [name, running.database.statements.total - (before[name] ?? 0)]),
  ) as Record<keyof InProcessSupergraph['subgraphs'], number>;
}

/** Every test user's password. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A user to seed with seedDemoUsers: a fresh id, the email as display name, TEST_PASSWORD. */
export function testUser(email: string, organizationId: string, role: DemoUser['role'], totpSecret: string | null = null): DemoUser {
  return { id: randomUUID(), organizationId, email, displayName: email, role, password: TEST_PASSWORD, totpSecret };
}

/** A current TOTP code for `secret`, `stepsAhead` 30-second steps on (sign-in refuses a step already accepted). */
export function currentTotpCode(secret: string, stepsAhead = 0): string {
  return totpCode(secret, new Date(Date.now() + stepsAhead * 30_000));
}

/** A six-digit code that is not the current one for `secret` (nor its neighbours). */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((step) => currentTotpCode(secret, step)));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code)) ?? '444444';
}

/**
 * The variables createPartnerAccountWithMfa gives its createPartnerAccount mutation, which declares them as
 * `($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String)`.
 */
export interface CreatePartnerAccountVariables {
  name: string;
  partnerId?: string | null;
  admin: { email: string; displayName: string; password: string };
  token?: string | null;
  code?: string | null;
}

/**
 * createPartnerAccount as a sign-up form does it: the admin enrols an authenticator with
 * startPartnerAccountMfaEnrolment, then `createAccount` (a createPartnerAccount mutation that selects what the test
 * reads of the session) creates the account with its token and a current code. The answer and the admin's TOTP
 * secret are returned (the first step's answer, and no secret, when that is refused).
 */
export async function createPartnerAccountWithMfa<TData>(
  supergraph: InProcessSupergraph,
  account: { organizationName: string; partnerId?: string | null; admin: { email: string; displayName: string; password: string } },
  createAccount: TypedOperation<TData, CreatePartnerAccountVariables>,
): Promise<{ response: GraphQLResponse<TData>; secret: string }> {
  const started = await supergraph.query(
    graphql(`mutation SignUpMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret } }`),
    { e: account.admin.email },
  );
  const enrolment = started.body.data?.startPartnerAccountMfaEnrolment;
  // A refused first step (a malformed email) is the answer, as a sign-up form would show it.
  if (!enrolment) return { response: started as unknown as GraphQLResponse<TData>, secret: '' };
  const response = await supergraph.query(createAccount, {
    name: account.organizationName,
    partnerId: account.partnerId ?? null,
    admin: account.admin,
    token: enrolment.enrolmentToken,
    code: currentTotpCode(enrolment.secret),
  });
  return { response, secret: enrolment.secret };
}

/** startInvitationMfaEnrolment for an invitation token: the secret offered, or an error naming the answer. */
export async function startInvitationMfaEnrolment(supergraph: InProcessSupergraph, token: string): Promise<string> {
  const started = await supergraph.query(
    graphql(`mutation InvitationMfaEnrolment($t: String!) { startInvitationMfaEnrolment(token: $t) { secret } }`),
    { t: token },
  );
  const secret = started.body.data?.startInvitationMfaEnrolment.secret;
  if (!secret) throw new Error(`startInvitationMfaEnrolment failed: ${JSON.stringify(started.body)}`);
  return secret;
}

/** A critical incident raised now on `device` ("On battery"), with `changes` on top. */
export function newIncident(device: Pick<DemoDevice, 'id' | 'organizationId'>, changes: Partial<DemoIncident> = {}): DemoIncident {
  return {
    id: randomUUID(),
    organizationId: device.organizationId,
    deviceId: device.id,
    severity: 'CRITICAL',
    message: 'On battery',
    raisedAt: new Date(),
    clearedAt: null,
    reactivationCount: 0,
    acknowledgement: null,
    ...changes,
  };
}

/** Writes incidents as the collector's ingest does (the demo seed's upsert), each in the transaction of its statement. */
export function writeIncidents(supergraph: InProcessSupergraph, incidents: readonly DemoIncident[]): Promise<void> {
  return seedDemoIncidents(supergraph.subgraphs['device-telemetry'].database, incidents);
}
