import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { bearerHeaders, countStatements, taggedOrganizations, testUser } from '../support/fixtures';
import type { GraphQLResponse, TypedOperation } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for the change feeds (issue #5): an API client, a partner
 * user and a customer stay in sync with `inventoryChanges` and
 * `incidentChanges`, seeing only what the access matrix lets each see, with
 * IP addresses masked as on every other path, and never missing a change
 * committed by a transaction that was still running when they read.
 *
 * One partner P and three customers:
 *   A  granted P read-only and API device-data access (IP addresses: last two segments)
 *   B  granted P administrator and API device-data access; revokes it last
 *   D  never granted P anything
 * A has an unmonitored switch with an incident. The tests run in order and
 * share one world; each principal keeps its own cursors.
 */

const INVENTORY = graphql(`
  query Inventory($after: String, $first: Int) {
    inventoryChanges(after: $after, first: $first) {
      changes { operation deviceId at device { id name ipAddress monitored } }
      nextCursor
      hasMore
    }
  }
`);
const INCIDENTS = graphql(`
  query Incidents($after: String, $first: Int) {
    incidentChanges(after: $after, first: $first) {
      changes { operation incidentId at incident { id severity message } }
      nextCursor
      hasMore
    }
  }
`);
const REVOKE = graphql(`
  mutation TelemetryChangeFeedsRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }
`);

type Headers = Record<string, string>;
type Operation = 'CREATED' | 'UPDATED' | 'DELETED';

interface InventoryChange {
  operation: Operation;
  deviceId: string;
  at: string;
  device: { id: string; name: string; ipAddress: string | null; monitored: boolean } | null;
}
interface IncidentChange {
  operation: Operation;
  incidentId: string;
  at: string;
  incident: { id: string; severity: string; message: string } | null;
}
interface Page<T> {
  changes: T[];
  nextCursor: string;
  hasMore: boolean;
}

const errorCodes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('change feeds: API clients and users stay in sync with what they may see', () => {
  let supergraph: InProcessSupergraph;

  const { tag, organization } = taggedOrganizations('NORTHWIND');
  const P = organization('Northwind', 'PARTNER');
  const A = organization('Contoso');
  const B = organization('Fabrikam');
  const D = organization('Woodgrove');

  const device = (owner: DemoOrganization, name: string, ipAddress: string | null, monitored = true): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name,
    make: monitored ? 'APC' : 'Cisco',
    model: monitored ? 'Smart-UPS' : 'Catalyst',
    serialNumber: `SN-${randomUUID().slice(0, 8)}`,
    firmwareRevision: '1.0',
    ipAddress,
    type: monitored ? 'UPS' : 'NETWORK_SWITCH',
    monitored,
    sensors: [],
  });
  const A1 = device(A, 'A1 UPS', '10.1.113.45');
  const A9 = device(A, 'A9 Switch', '10.1.113.99', false);
  const B1 = device(B, 'B1 UPS', '10.2.20.1');
  const D1 = device(D, 'D1 UPS', '10.4.40.1');
  /** Inserted by a transaction the tests hold open. */
  const A2 = device(A, 'A2 PDU', '10.1.113.46');

  const adminB = testUser(`admin-${tag}@fabrikam.example`, B.id, 'ADMIN');
  const adminP = testUser(`admin-${tag}@northwind.example`, P.id, 'ADMIN');
  const apiClientId = `pgc_change_feeds_${tag}`;
  const as: Record<'apiClient' | 'partnerViewer' | 'customerAdminA' | 'customerAdminB' | 'customerAdminD', Headers> = {
    apiClient: {},
    partnerViewer: {},
    customerAdminA: {},
    customerAdminB: {},
    customerAdminD: {},
  };
  const incidentIds: Record<'A1' | 'A9' | 'D1', string> = { A1: '', A9: '', D1: '' };

  const sql = <T>(statement: string, parameters: unknown[] = []): Promise<T> =>
    supergraph.subgraphs['device-telemetry'].database.dataSource.query<T>(statement, parameters);
  const raiseIncident = async (on: DemoDevice, message: string): Promise<string> => {
    const [row] = await sql<{ id: string }[]>(
      `INSERT INTO telemetry.incident (organization_id, device_id, severity, message, raised_at)
       VALUES ($1, $2, 'CRITICAL', $3, now()) RETURNING id`,
      [on.organizationId, on.id, message],
    );
    if (!row) throw new Error('the incident was not inserted');
    return row.id;
  };
  /**
   * Waits until every logged change's transaction is older than the oldest one
   * still running anywhere on the server: a transaction of another test file
   * can hold the feed back for a moment.
   */
  const settled = () =>
    waitFor('every logged change to be older than every running transaction', async () => {
      const [row] = await sql<{ settled: boolean }[]>(
        'SELECT coalesce(bool_and(xid < pg_snapshot_xmin(pg_current_snapshot())), true) AS settled FROM telemetry.change_log',
      );
      return row?.settled ? true : undefined;
    });

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, A, B, D]);
    await seedDemoUsers(identity, [adminB, adminP]);
    // A standing credential for every customer that grants API access, named by the partner admin who created it.
    await identity.dataSource.query(
      `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, created_by)
       VALUES ($1, 'Change feed test', $2, 'not-a-real-secret-hash', $3)`,
      [P.id, apiClientId, adminP.id],
    );
    await seedDemoGrants(identity, [
      { customerOrganizationId: A.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: true },
      { customerOrganizationId: B.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: true },
    ]);
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [A1, A9, B1, D1]);
    incidentIds.A1 = await raiseIncident(A1, 'A1 on battery');
    incidentIds.A9 = await raiseIncident(A9, 'A9 port down');
    incidentIds.D1 = await raiseIncident(D1, 'D1 on battery');

    const { accessToken } = await supergraph.accessTokens.issueForApiClient({ clientId: apiClientId, partnerOrganizationId: P.id });
    as.apiClient = { authorization: `Bearer ${accessToken}` };
    as.partnerViewer = await bearerHeaders(supergraph, { organizationId: P.id, role: 'VIEWER', mfa: true });
    as.customerAdminA = await bearerHeaders(supergraph, { organizationId: A.id, role: 'ADMIN', mfa: false });
    as.customerAdminB = await bearerHeaders(supergraph, { userId: adminB.id, organizationId: B.id, role: 'ADMIN', mfa: false });
    as.customerAdminD = await bearerHeaders(supergraph, { organizationId: D.id, role: 'ADMIN', mfa: false });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const inventoryPage = async (headers: Headers, after?: string, first?: number): Promise<Page<InventoryChange>> => {
    const response = await supergraph.query(INVENTORY, { after, first }, headers);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data?.inventoryChanges;
    if (!page) throw new Error('inventoryChanges answered no page');
    return page;
  };
  const incidentPage = async (headers: Headers, after?: string, first?: number): Promise<Page<IncidentChange>> => {
    const response = await supergraph.query(INCIDENTS, { after, first }, headers);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data?.incidentChanges;
    if (!page) throw new Error('incidentChanges answered no page');
    return page;
  };
  const summary = (page: Page<InventoryChange>) => page.changes.map((change) => [change.operation, change.deviceId]);
  const incidentSummary = (page: Page<IncidentChange>) => page.changes.map((change) => [change.operation, change.incidentId]);
  /** Device id → IP address as the caller sees it, from the feed. */
  const addressesSeen = (page: Page<InventoryChange>) =>
    Object.fromEntries(page.changes.map((change) => [change.deviceId, change.device?.ipAddress]));

  /** Each caller's cursors, carried from one test to the next as a syncing client carries them. */
  const cursors: Record<'apiClient' | 'partnerViewer' | 'customerAdminA', { inventory?: string; incidents?: string }> = {
    apiClient: {},
    partnerViewer: {},
    customerAdminA: {},
  };

  describe('an API client syncing', () => {
    it('gets every change it may see on the first call, devices as they are now with masked IP addresses', async () => {
      await settled();
      const inventory = await inventoryPage(as.apiClient);
      expect(summary(inventory)).toEqual([
        ['CREATED', A1.id],
        ['CREATED', B1.id],
      ]);
      expect(inventory.hasMore).toBe(false);
      expect(inventory.changes.map((change) => change.device)).toEqual([
        { id: A1.id, name: A1.name, ipAddress: 'x.x.113.45', monitored: true },
        { id: B1.id, name: B1.name, ipAddress: 'x.x.20.1', monitored: true },
      ]);
      for (const change of inventory.changes) expect(new Date(change.at).toISOString()).toBe(change.at);

      const incidents = await incidentPage(as.apiClient);
      expect(incidentSummary(incidents)).toEqual([['CREATED', incidentIds.A1]]);
      expect(incidents.changes[0]?.incident).toEqual({ id: incidentIds.A1, severity: 'CRITICAL', message: 'A1 on battery' });
      expect(incidents.hasMore).toBe(false);
      cursors.apiClient = { inventory: inventory.nextCursor, incidents: incidents.nextCursor };
    });

    it('gets nothing new and the same cursor when nothing changed', async () => {
      const inventory = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
      expect(inventory).toEqual({ changes: [], nextCursor: cursors.apiClient.inventory, hasMore: false });
      const incidents = await incidentPage(as.apiClient, cursors.apiClient.incidents);
      expect(incidents).toEqual({ changes: [], nextCursor: cursors.apiClient.incidents, hasMore: false });
    });

    it('gets a device update and a new incident on the next call, exactly once', async () => {
      await sql('UPDATE telemetry.device SET firmware_revision = $2, updated_at = now() WHERE id = $1', [A1.id, '2.0']);
      const raised = await raiseIncident(A1, 'A1 overload');
      await settled();

      const inventory = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
      expect(summary(inventory)).toEqual([['UPDATED', A1.id]]);
      expect(inventory.nextCursor).not.toBe(cursors.apiClient.inventory);
      const incidents = await incidentPage(as.apiClient, cursors.apiClient.incidents);
      expect(incidentSummary(incidents)).toEqual([['CREATED', raised]]);
      expect(incidents.changes[0]?.incident?.message).toBe('A1 overload');

      expect((await inventoryPage(as.apiClient, inventory.nextCursor)).changes).toEqual([]);
      expect((await incidentPage(as.apiClient, incidents.nextCursor)).changes).toEqual([]);
      cursors.apiClient = { inventory: inventory.nextCursor, incidents: incidents.nextCursor };
    });
  });

  describe('what each caller sees', () => {
    it('masks IP addresses for the API client and a partner with read-only access, and shows them in full to the customer', async () => {
      expect(addressesSeen(await inventoryPage(as.apiClient))).toEqual({ [A1.id]: 'x.x.113.45', [B1.id]: 'x.x.20.1' });
      // B granted the partner administrator access: its addresses in full for the partner's users.
      expect(addressesSeen(await inventoryPage(as.partnerViewer))).toEqual({ [A1.id]: 'x.x.113.45', [B1.id]: '10.2.20.1' });
      expect(addressesSeen(await inventoryPage(as.customerAdminA))).toEqual({ [A1.id]: '10.1.113.45', [A9.id]: '10.1.113.99' });
    });

    it('never shows partners or API clients unmonitored equipment or its incidents, and shows the customer all of it', async () => {
      for (const headers of [as.apiClient, as.partnerViewer]) {
        expect((await inventoryPage(headers)).changes.map((change) => change.deviceId)).not.toContain(A9.id);
        expect((await incidentPage(headers)).changes.map((change) => change.incidentId)).not.toContain(incidentIds.A9);
      }
      const inventory = await inventoryPage(as.customerAdminA);
      expect(inventory.changes.filter((change) => change.deviceId === A9.id)).toEqual([
        expect.objectContaining({ operation: 'CREATED', device: expect.objectContaining({ id: A9.id, monitored: false }) }),
      ]);
      expect((await incidentPage(as.customerAdminA)).changes.map((change) => change.incidentId)).toContain(incidentIds.A9);

      cursors.partnerViewer = { inventory: (await inventoryPage(as.partnerViewer)).nextCursor };
      cursors.customerAdminA = { inventory: inventory.nextCursor };
      await sql('UPDATE telemetry.device SET firmware_revision = $2 WHERE id = $1', [A9.id, '9.1']);
      await settled();
      expect((await inventoryPage(as.partnerViewer, cursors.partnerViewer.inventory)).changes).toEqual([]);
      expect((await inventoryPage(as.apiClient, cursors.apiClient.inventory)).changes).toEqual([]);
      expect(summary(await inventoryPage(as.customerAdminA, cursors.customerAdminA.inventory))).toEqual([['UPDATED', A9.id]]);
    });

    it('never shows another tenant’s changes', async () => {
      for (const headers of [as.apiClient, as.partnerViewer, as.customerAdminA]) {
        expect((await inventoryPage(headers)).changes.map((change) => change.deviceId)).not.toContain(D1.id);
        expect((await incidentPage(headers)).changes.map((change) => change.incidentId)).not.toContain(incidentIds.D1);
      }
      expect(summary(await inventoryPage(as.customerAdminD))).toEqual([['CREATED', D1.id]]);
      expect(incidentSummary(await incidentPage(as.customerAdminD))).toEqual([['CREATED', incidentIds.D1]]);
    });

    it('tells partners when a device they knew stops being monitored, its incidents with it, and shows the customer the device', async () => {
      const A3 = device(A, 'A3 Cooling', '10.1.113.47');
      await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [A3]);
      const incidentOnA3 = await raiseIncident(A3, 'A3 high temperature');
      await settled();
      const seen = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
      expect(summary(seen)).toEqual([['CREATED', A3.id]]);
      const seenIncidents = await incidentPage(as.apiClient, cursors.apiClient.incidents);
      expect(incidentSummary(seenIncidents)).toEqual([['CREATED', incidentOnA3]]);
      const customerCursor = (await inventoryPage(as.customerAdminA)).nextCursor;

      await sql('UPDATE telemetry.device SET monitored = false WHERE id = $1', [A3.id]);
      await settled();
      const hidden = await inventoryPage(as.apiClient, seen.nextCursor);
      expect(hidden.changes).toEqual([{ operation: 'UPDATED', deviceId: A3.id, at: expect.any(String), device: null }]);
      const hiddenIncidents = await incidentPage(as.apiClient, seenIncidents.nextCursor);
      expect(hiddenIncidents.changes).toEqual([{ operation: 'UPDATED', incidentId: incidentOnA3, at: expect.any(String), incident: null }]);
      expect((await inventoryPage(as.customerAdminA, customerCursor)).changes).toEqual([
        expect.objectContaining({ operation: 'UPDATED', deviceId: A3.id, device: expect.objectContaining({ monitored: false }) }),
      ]);

      // While unmonitored, its changes are the customer's alone.
      await sql('UPDATE telemetry.device SET firmware_revision = $2 WHERE id = $1', [A3.id, '2.0']);
      await settled();
      expect((await inventoryPage(as.apiClient, hidden.nextCursor)).changes).toEqual([]);
      cursors.apiClient = { inventory: hidden.nextCursor, incidents: hiddenIncidents.nextCursor };
    });

    it('refuses callers who read no organization’s data (FORBIDDEN), page sizes outside 1 to 500 and foreign cursors', async () => {
      const bearer = ({ accessToken }: { accessToken: string }) => ({ authorization: `Bearer ${accessToken}` });
      const collector = bearer(await supergraph.accessTokens.issueForCollector({ collectorId: 'ingest' }));
      const operator = bearer(await supergraph.accessTokens.issueForOperator({ operatorId: 'ops' }));
      for (const headers of [{}, collector, operator]) {
        expect(errorCodes(await supergraph.query(INVENTORY, {}, headers))).toEqual(['FORBIDDEN']);
        expect(errorCodes(await supergraph.query(INCIDENTS, {}, headers))).toEqual(['FORBIDDEN']);
      }
      for (const first of [0, -1, 501]) {
        expect(errorCodes(await supergraph.query(INVENTORY, { first }, as.apiClient))).toEqual(['BAD_USER_INPUT']);
      }
      for (const first of [1, 500]) expect((await inventoryPage(as.apiClient, undefined, first)).changes.length).toBeGreaterThan(0);
      const cursor = (text: string) => Buffer.from(text).toString('base64url');
      // Not base64url, empty, a bad number, another version, a part too many, beyond xid8, another list's cursor.
      const foreign = ['not a cursor', '', cursor('v1:1:x'), cursor('v2:1:1'), cursor('v1:1:1:1'), cursor('v1:18446744073709551616:1')];
      for (const after of [...foreign, cursor('["Name","id"]')]) {
        expect(errorCodes(await supergraph.query(INCIDENTS, { after }, as.apiClient))).toEqual(['CURSOR_INVALID']);
      }
    });
  });

  describe('commit order', () => {
    it('holds back a change while an older transaction is still running, then returns both in transaction order, once', async () => {
      const runner = supergraph.subgraphs['device-telemetry'].database.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        // Its first write (a location, which the feeds do not log) gives the open transaction its id.
        await runner.query(`INSERT INTO telemetry.location (organization_id, kind, name) VALUES ($1, 'SITE', 'Annex')`, [A.id]);
        // Committed by a later transaction, and logged before the open transaction's device.
        await sql('UPDATE telemetry.device SET firmware_revision = $2 WHERE id = $1', [A1.id, '3.0']);
        await runner.query(
          `INSERT INTO telemetry.device (id, organization_id, name, make, model, serial_number, ip_address, type, monitored)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)`,
          [A2.id, A.id, A2.name, A2.make, A2.model, A2.serialNumber, A2.ipAddress, A2.type],
        );

        for (let call = 0; call < 2; call += 1) {
          const held = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
          expect(held).toEqual({ changes: [], nextCursor: cursors.apiClient.inventory, hasMore: false });
        }
        await runner.commitTransaction();
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      await settled();

      const released = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
      expect(summary(released)).toEqual([
        ['CREATED', A2.id],
        ['UPDATED', A1.id],
      ]);
      expect(released.changes[0]?.device).toEqual({ id: A2.id, name: A2.name, ipAddress: 'x.x.113.46', monitored: true });
      expect((await inventoryPage(as.apiClient, released.nextCursor)).changes).toEqual([]);
      cursors.apiClient.inventory = released.nextCursor;
    });

    it('reports a deleted device as DELETED, with no device, and its incidents deleted with it', async () => {
      const incidentOnA2 = await raiseIncident(A2, 'A2 overload');
      await sql('DELETE FROM telemetry.device WHERE id = $1', [A2.id]);
      await settled();
      const page = await inventoryPage(as.apiClient, cursors.apiClient.inventory);
      expect(page.changes).toEqual([{ operation: 'DELETED', deviceId: A2.id, at: expect.any(String), device: null }]);
      const incidents = await incidentPage(as.apiClient, cursors.apiClient.incidents);
      expect(incidents.changes.map((change) => [change.operation, change.incidentId, change.incident])).toEqual([
        ['CREATED', incidentOnA2, null],
        ['DELETED', incidentOnA2, null],
      ]);
      // Earlier changes to the device now resolve to no device either.
      const fromStart = await inventoryPage(as.apiClient);
      expect(fromStart.changes.filter((change) => change.deviceId === A2.id).map((change) => [change.operation, change.device])).toEqual([
        ['CREATED', null],
        ['DELETED', null],
      ]);
      cursors.apiClient = { inventory: page.nextCursor, incidents: incidents.nextCursor };
    });

    it('walks every change in order, without duplicates, two at a time', async () => {
      for (const [headers, feed] of [
        [as.customerAdminA, inventoryPage],
        [as.customerAdminA, incidentPage],
        [as.apiClient, inventoryPage],
      ] as const) {
        const all = (await feed(headers, undefined, 500)) as Page<{ at: string }>;
        expect(all.changes.length).toBeGreaterThan(2);
        const walked: unknown[] = [];
        let after: string | undefined;
        for (let pages = 0; ; pages += 1) {
          expect(pages).toBeLessThan(all.changes.length);
          const page = (await feed(headers, after, 2)) as Page<{ at: string }>;
          expect(page.changes.length).toBeLessThanOrEqual(2);
          walked.push(...page.changes);
          after = page.nextCursor;
          if (!page.hasMore) break;
          expect(page.changes).toHaveLength(2);
        }
        expect(walked).toEqual(all.changes);
        expect(after).toBe(all.nextCursor);
      }
    });

    it('costs the same SQL statements whatever the page size: one for the page, one per kind of entity resolved', async () => {
      const statements = async <TData,>(query: TypedOperation<TData, { first: number }>, first: number) =>
        countStatements(supergraph, async () => {
          const { body } = await supergraph.query(query, { first }, as.customerAdminA);
          expect(body.errors).toBeUndefined();
        });
      const small = await statements(INVENTORY, 1);
      expect(small['device-telemetry']).toBe(2);
      expect(await statements(INVENTORY, 500)).toEqual(small);
      const smallIncidents = await statements(INCIDENTS, 1);
      expect(smallIncidents['device-telemetry']).toBe(3);
      expect(await statements(INCIDENTS, 500)).toEqual(smallIncidents);
    });
  });

  // Last: it ends B's grant, then the API client's credential.
  describe('a revocation', () => {
    it('leaves nothing of the customer in the partner’s and API client’s next calls, and the customer’s own feed as it was', async () => {
      const viewerBefore = await inventoryPage(as.partnerViewer);
      expect(viewerBefore.changes.map((change) => change.deviceId)).toContain(B1.id);
      cursors.partnerViewer.inventory = viewerBefore.nextCursor;

      const revoked = await supergraph.query(REVOKE, { partnerOrganizationId: P.id }, as.customerAdminB);
      expect(revoked.body.errors).toBeUndefined();
      await sql('UPDATE telemetry.device SET firmware_revision = $2 WHERE id = $1', [B1.id, '4.0']);
      await settled();

      for (const [headers, after] of [
        [as.apiClient, cursors.apiClient.inventory],
        [as.partnerViewer, cursors.partnerViewer.inventory],
      ] as const) {
        expect((await inventoryPage(headers, after)).changes).toEqual([]);
        expect((await inventoryPage(headers)).changes.map((change) => change.deviceId)).not.toContain(B1.id);
      }
      expect(summary(await inventoryPage(as.customerAdminB))).toEqual([
        ['CREATED', B1.id],
        ['UPDATED', B1.id],
      ]);
    });

    it('refuses an API client whose credential is revoked (FORBIDDEN): it reads no organization any more', async () => {
      await supergraph.subgraphs.identity.database.dataSource.query(
        'UPDATE identity.api_credential SET revoked_at = now() WHERE client_id = $1',
        [apiClientId],
      );
      expect(errorCodes(await supergraph.query(INVENTORY, { after: cursors.apiClient.inventory }, as.apiClient))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await supergraph.query(INCIDENTS, {}, as.apiClient))).toEqual(['FORBIDDEN']);
    });
  });
});
