import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoUser } from '@partnergraph/identity/demo-seed';
import { taggedOrganizations, testUser } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Revocation wins every race: a request that arrives after a change of access
 * has committed never receives data read under the old access, even while an
 * identical request that began before the change is still executing. Each
 * case holds that first execution open at a known point (device-telemetry has
 * answered it, under the old access, but the answer is held on its way back to
 * the gateway), changes the access, sends the identical request, and only
 * then lets the first one finish.
 */

const DEVICES = graphql(`query Devices { organizations { nodes { id devices { nodes { id name ipAddress } } } } }`);

interface DevicesData {
  organizations: { nodes: { id: string; devices: { nodes: { id: string; name: string; ipAddress: string | null }[] } | null }[] };
}

type Headers = Record<string, string>;

/** How long the second request may take before the first is released anyway. */
const SECOND_REQUEST_WAIT_MS = 5_000;

describe('revocation against an execution already in flight', () => {
  let supergraph: InProcessSupergraph;
  let deviceTelemetry: HoldingProxy;
  const { organization } = taggedOrganizations('RACE');
  const partner = organization('Race Partner', 'PARTNER');
  let asPartnerAdmin: Headers;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({
      gatewayEnvironment: async (urls) => {
        deviceTelemetry = await startHoldingProxy(urls['device-telemetry']);
        return { DEVICE_TELEMETRY_URL: deviceTelemetry.url };
      },
    });
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [partner]);
    asPartnerAdmin = await signedIn(testUser(`admin-${randomUUID()}@race-partner.example`, partner.id, 'ADMIN'), true);
  });
  afterAll(async () => {
    await supergraph?.stop();
    await deviceTelemetry?.close();
  });

  /** Headers of a user written to identity (the audit log names the actor), signed in with or without MFA. */
  async function signedIn(user: DemoUser, mfa: boolean): Promise<Headers> {
    await seedDemoUsers(supergraph.subgraphs.identity.database, [user]);
    const { accessToken } = await supergraph.accessTokens.issueForUser({ userId: user.id, organizationId: user.organizationId, role: user.role, mfa });
    return { authorization: `Bearer ${accessToken}` };
  }

  /** A customer with one device, that has granted the partner access as given. */
  async function customerGranting(grant: { administrator: boolean; apiDeviceData: boolean }) {
    const customer = organization(`Customer ${randomUUID().slice(0, 6)}`);
    const device: DemoDevice = {
      id: randomUUID(),
      organizationId: customer.id,
      name: 'Rack UPS',
      make: 'APC',
      model: 'Smart-UPS',
      serialNumber: `SN-${randomUUID()}`,
      firmwareRevision: '1.0',
      ipAddress: '10.20.30.40',
      type: 'UPS',
      monitored: true,
      sensors: [],
    };
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [customer]);
    await seedDemoGrants(supergraph.subgraphs.identity.database, [
      { customerOrganizationId: customer.id, partnerOrganizationId: partner.id, ...grant },
    ]);
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [device]);
    const asCustomerAdmin = await signedIn(testUser(`admin-${randomUUID()}@race-customer.example`, customer.id, 'ADMIN'), false);
    return { customer, device, asCustomerAdmin };
  }

  const devicesOf = (response: GraphQLResponse<DevicesData>, organizationId: string) =>
    response.body.data?.organizations.nodes.find((node) => node.id === organizationId)?.devices?.nodes ?? [];

  /**
   * Sends the query as `caller`, holds its execution open once device-telemetry
   * has answered, runs `change`, sends the identical query again, and returns
   * both answers. The first is released once the second has been answered (or
   * after a while, should the second be waiting on the first).
   */
  async function raceAgainst(caller: Headers, change: () => Promise<void>) {
    const held = deviceTelemetry.holdNext();
    const first = supergraph.query(DEVICES, {}, caller);
    try {
      await held.answered;
      await change();
      const second = supergraph.query(DEVICES, {}, caller);
      await Promise.race([second, new Promise((resolve) => setTimeout(resolve, SECOND_REQUEST_WAIT_MS))]);
      held.release();
      return { first: await first, second: await second };
    } finally {
      held.release();
    }
  }

  it('a revoked grant: the next identical request gets none of the customer’s data', async () => {
    const { customer, device, asCustomerAdmin } = await customerGranting({ administrator: false, apiDeviceData: false });

    const { first, second } = await raceAgainst(asPartnerAdmin, async () => {
      const revoked = await supergraph.query(
        graphql(`mutation RevokePartnerAccessInRace($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }`),
        { id: partner.id },
        asCustomerAdmin,
      );
      expect(revoked.body).toEqual({ data: { revokePartnerAccess: true } });
    });

    expect(devicesOf(first, customer.id).map(({ id }) => id)).toEqual([device.id]);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data?.organizations.nodes.map(({ id }) => id)).not.toContain(customer.id);
    expect(JSON.stringify(second.body)).not.toContain(device.id);
  });

  it('administrator access withdrawn: the next identical request sees IP addresses cut to two segments', async () => {
    const { customer, asCustomerAdmin } = await customerGranting({ administrator: true, apiDeviceData: false });

    const { first, second } = await raceAgainst(asPartnerAdmin, async () => {
      const changed = await supergraph.query(
        graphql(`mutation Withdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { administrator } }`),
        { id: partner.id },
        asCustomerAdmin,
      );
      expect(changed.body.errors).toBeUndefined();
    });

    expect(devicesOf(first, customer.id).map(({ ipAddress }) => ipAddress)).toEqual(['10.20.30.40']);
    expect(second.body.errors).toBeUndefined();
    expect(devicesOf(second, customer.id).map(({ ipAddress }) => ipAddress)).toEqual(['x.x.30.40']);
  });

  describe('an API client', () => {
    const tokenFor = async (credentialName: string, customerIds: string[]) => {
      const created = await supergraph.query(
        graphql(`mutation RevocationRacesCreate($name: String!, $customerIds: [ID!]) { createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } } }`),
        { name: credentialName, customerIds },
        asPartnerAdmin,
      );
      const { clientSecret, credential } = created.body.data?.createApiCredential ?? { clientSecret: '', credential: { id: '', clientId: '' } };
      const response = await fetch(new URL('/oauth/token', supergraph.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credential.clientId, client_secret: clientSecret }).toString(),
      });
      const { access_token: accessToken } = (await response.json()) as { access_token: string };
      return { credentialId: credential.id, headers: { authorization: `Bearer ${accessToken}` } };
    };

    it('API device-data access withdrawn: the next identical request gets none of the customer’s devices', async () => {
      const { customer, device, asCustomerAdmin } = await customerGranting({ administrator: false, apiDeviceData: true });
      const apiClient = await tokenFor('race: API access withdrawn', [customer.id]);

      const { first, second } = await raceAgainst(apiClient.headers, async () => {
        const changed = await supergraph.query(
          graphql(`mutation RevocationRacesWithdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { apiDeviceData } }`),
          { id: partner.id },
          asCustomerAdmin,
        );
        expect(changed.body.errors).toBeUndefined();
      });

      expect(devicesOf(first, customer.id).map(({ id }) => id)).toEqual([device.id]);
      expect(JSON.stringify(second.body)).not.toContain(device.id);
    });

    it('its credential revoked: the next identical request gets none of the customer’s devices', async () => {
      const { customer, device } = await customerGranting({ administrator: false, apiDeviceData: true });
      const apiClient = await tokenFor('race: credential revoked', [customer.id]);

      const { first, second } = await raceAgainst(apiClient.headers, async () => {
        const revoked = await supergraph.query(
          graphql(`mutation RevokeApiCredentialInRace($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }`),
          { id: apiClient.credentialId },
          asPartnerAdmin,
        );
        expect(revoked.body.errors).toBeUndefined();
      });

      expect(devicesOf(first, customer.id).map(({ id }) => id)).toEqual([device.id]);
      expect(JSON.stringify(second.body)).not.toContain(device.id);
    });
  });
});
