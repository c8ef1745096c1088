import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateEd25519KeyPair, generateSecretKey } from '@partnergraph/core';
import { totpCode } from '@partnergraph/identity/credentials/totp';
import {
  DEMO_CUSTOMERS,
  DEMO_PARTNER,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoDevices,
  demoGrants,
  demoSubscriptions,
} from '@partnergraph/scripts/demo-data';
import { postGraphQL } from '../support/http';
import { descendantsOf, runEntryPoint, waitUntilGone, type ProcessInfo } from '../support/processes';
import { startStack, stopAllStacks, StackStartError, type RunningStack } from '../support/stack';
import { graphql } from '../generated/operations';
import { subscribeOverWebSocket, webSocketClient } from '../support/live-clients';

const execFileAsync = promisify(execFile);
const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** A stack start takes 8-10 s here; the helper gives up after 60 s, so hooks and tests allow a little more. */
const STACK_TIMEOUT_MS = 120_000;
/** How long every process may take to disappear once the launcher has exited. */
const GONE_WITHIN_MS = 10_000;

const DASHBOARD = graphql(`
  query StackDashboard {
    organizations {
      nodes {
        name
        kind
        partnerId
        subscriptions { product status }
        devices { nodes { name make model serialNumber firmwareRevision ipAddress } }
      }
    }
  }
`);

/** The entry points `npm start` runs, as they appear on the services' command lines. */
const SERVICE_ENTRIES = [
  'subgraphs/identity/src/index.ts',
  'subgraphs/subscriptions/src/index.ts',
  'subgraphs/device-telemetry/src/index.ts',
  'gateway/src/index.ts',
];

function servicesAmong(processes: readonly ProcessInfo[]): string[] {
  return SERVICE_ENTRIES.filter((entry) => processes.some((info) => info.command.includes(entry)));
}

describe('npm start', () => {
  afterAll(stopAllStacks, STACK_TIMEOUT_MS);

  describe('on a fresh database', () => {
    let stack: RunningStack | undefined;
    beforeAll(async () => {
      stack = await startStack();
    }, STACK_TIMEOUT_MS);
    afterAll(async () => {
      await stack?.stop();
    }, STACK_TIMEOUT_MS);

    function running(): RunningStack {
      if (!stack) throw new Error('the stack did not start (see beforeAll)');
      return stack;
    }

    it('brings up the three subgraphs and the gateway, and a partner admin signed in with MFA sees data from all three', async () => {
      const signIn = await running().query(
        graphql(`mutation StackSignIn($email: String!, $password: String!, $totpCode: String) { signIn(email: $email, password: $password, totpCode: $totpCode) { accessToken } }`),
        { email: 'admin@northwind.example', password: DEMO_PASSWORD, totpCode: totpCode(DEMO_TOTP_SECRET, new Date()) },
      );
      expect(signIn.body.errors).toBeUndefined();
      const { status, body } = await running().query(DASHBOARD, {}, {
        authorization: `Bearer ${signIn.body.data?.signIn.accessToken}`,
      });

      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const organizations = body.data?.organizations.nodes ?? [];
      // identity: the partner and its four customers, seeded on first start
      const partners = organizations.filter((organization) => organization.kind === 'PARTNER');
      expect(partners).toEqual([expect.objectContaining({ name: DEMO_PARTNER.name, partnerId: DEMO_PARTNER.partnerId })]);
      expect(partners[0]?.partnerId).toMatch(/\S/);
      const customers = organizations.filter((organization) => organization.kind === 'CUSTOMER');
      expect(customers.map((customer) => customer.name).sort()).toEqual(DEMO_CUSTOMERS.map((customer) => customer.name).sort());

      const licences = demoSubscriptions(new Date());
      const devices = demoDevices();
      const grants = demoGrants();
      expect(grants.some((grant) => !grant.administrator)).toBe(true);
      for (const customer of customers) {
        const demo = DEMO_CUSTOMERS.find((candidate) => candidate.name === customer.name);
        // subscriptions: each customer's licences
        const expectedProducts = licences.filter((licence) => licence.organizationId === demo?.id).map((licence) => licence.product);
        expect(expectedProducts.length).toBeGreaterThan(0);
        expect(customer.subscriptions?.map((licence) => licence.product).sort()).toEqual(expectedProducts.sort());
        for (const licence of customer.subscriptions ?? []) expect(licence.status).toMatch(/^[A-Z_]+$/);
        // device-telemetry: each customer's monitored equipment; IP addresses in full only with administrator access
        const { administrator } = grants.find((grant) => grant.customerOrganizationId === demo?.id) ?? { administrator: false };
        const expectedDevices = devices
          .filter((device) => device.organizationId === demo?.id && device.monitored)
          .map(({ name, make, model, serialNumber, firmwareRevision, ipAddress }) => ({
            name,
            make,
            model,
            serialNumber,
            firmwareRevision,
            ipAddress: administrator || ipAddress === null ? ipAddress : `x.x.${ipAddress.split('.').slice(2).join('.')}`,
          }));
        expect(expectedDevices.length).toBeGreaterThan(0);
        expect(customer.devices?.nodes).toEqual(expect.arrayContaining(expectedDevices));
        expect(customer.devices?.nodes).toHaveLength(expectedDevices.length);
      }
    });

    it('npm run token prints, and only prints, an access token that signs a seeded user in through the gateway', async () => {
      const stack = running();
      const { stdout } = await execFileAsync('npm', ['run', '--silent', 'token', '--', 'viewer@contoso.example'], {
        cwd: REPOSITORY_ROOT,
        env: { ...process.env, DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir },
      });
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

      const { body } = await postGraphQL(
        stack.gatewayUrl,
        { query: graphql(`query StackViewer { viewer { user { email role } } }`) },
        { authorization: `Bearer ${stdout.trim()}` },
      );
      expect(body).toEqual({ data: { viewer: { user: { email: 'viewer@contoso.example', role: 'VIEWER' } } } });
    });

    it('serves live incidents across the real processes: a viewer subscribed over WebSocket sees the incident an admin acknowledges', async () => {
      const stack = running();
      const tokenOf = async (email: string) =>
        (
          await execFileAsync('npm', ['run', '--silent', 'token', '--', email], {
            cwd: REPOSITORY_ROOT,
            env: { ...process.env, DATABASE_URL: stack.databaseUrl, DATA_DIR: stack.dataDir },
          })
        ).stdout.trim();
      const asAdmin = { authorization: `Bearer ${await tokenOf('admin@contoso.example')}` };
      const asViewer = { authorization: `Bearer ${await tokenOf('viewer@contoso.example')}` };
      const position = await postGraphQL(stack.gatewayUrl, { query: graphql(`query StackFeedPosition { incidentEventsFeed { cursor } }`) }, asViewer);
      const client = webSocketClient(stack.gatewayUrl, asViewer.authorization);
      const watching = subscribeOverWebSocket<{ kind: string; incidentId: string }>(
        client,
        'incidentEvents',
        graphql(`subscription StackWatch($after: String) { incidentEvents(after: $after) { kind incidentId } }`),
        { after: position.body.data?.incidentEventsFeed.cursor },
      );
      try {
        const open = await postGraphQL(
          stack.gatewayUrl,
          { query: graphql(`query StackOpenIncidents { organizations { nodes { id incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }`) },
          asAdmin,
        );
        const incident = open.body.data?.organizations.nodes.flatMap((organization) => organization.incidents?.nodes ?? []).find((one) => one.acknowledgement === null);
        expect(incident).toBeDefined();
        const acknowledged = await postGraphQL(
          stack.gatewayUrl,
          { query: graphql(`mutation StackAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }`), variables: { id: incident!.id } },
          asAdmin,
        );
        expect(acknowledged.body.errors).toBeUndefined();
        expect(await watching.waitForEvents(1, 10_000)).toEqual([{ kind: 'ACKNOWLEDGED', incidentId: incident!.id }]);
      } finally {
        watching.stop();
        await client.dispose();
      }
    });

    it('the subgraphs cannot be reached without the gateway', async () => {
      const { ports } = running();
      for (const port of [ports.identity, ports.subscriptions, ports.deviceTelemetry]) {
        const { status, body } = await postGraphQL<{ _service: { sdl: string } }>(`http://127.0.0.1:${port}/graphql`, {
          query: '{ _service { sdl } }',
        });

        expect({ port, status }).toEqual({ port, status: 401 });
        expect(body.data ?? undefined).toBeUndefined();
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    // Last in this block: it stops the stack the tests above used.
    it(
      'SIGTERM stops every process it started',
      async () => {
        const { pid } = running();
        const processes = descendantsOf(pid);
        expect(servicesAmong(processes)).toEqual(SERVICE_ENTRIES);

        const exitCode = await running().stop('SIGTERM');

        expect(exitCode).toBe(0);
        expect(await waitUntilGone([pid, ...processes.map((info) => info.pid)], GONE_WITHIN_MS)).toEqual([]);
      },
      STACK_TIMEOUT_MS,
    );
  });

  it(
    'Ctrl-C (SIGINT to the process group) stops everything as well',
    async () => {
      const stack = await startStack();
      const processes = descendantsOf(stack.pid);
      expect(servicesAmong(processes)).toEqual(SERVICE_ENTRIES);

      stack.signalGroup('SIGINT');
      const exitCode = await stack.waitForExit();

      expect(exitCode).toBe(0);
      expect(await waitUntilGone([stack.pid, ...processes.map((info) => info.pid)], GONE_WITHIN_MS)).toEqual([]);
    },
    STACK_TIMEOUT_MS,
  );

  it(
    'a taken port gives a clear message',
    async () => {
      const squatter: Server = createServer();
      await new Promise<void>((resolve, reject) => {
        squatter.once('error', reject);
        squatter.listen(0, '127.0.0.1', () => resolve());
      });
      const address = squatter.address();
      const port = typeof address === 'object' && address !== null ? address.port : -1;
      try {
        const failure = await startStack({ ports: { gateway: port } }).then(
          async (stack) => {
            await stack.stop();
            return undefined;
          },
          (error: unknown) => error,
        );

        expect(failure).toBeInstanceOf(StackStartError);
        const { exitCode, output } = failure as StackStartError;
        expect(exitCode).not.toBe(0);
        expect(exitCode).not.toBeNull();
        expect(output.filter((line) => line.includes(`Port ${port}`) && line.includes('GATEWAY_PORT'))).toHaveLength(1);
        expect(output.filter((line) => line.includes('listening'))).toEqual([]);
      } finally {
        await new Promise<void>((resolve) => squatter.close(() => resolve()));
      }
    },
    STACK_TIMEOUT_MS,
  );
});

describe('a bad configuration value stops a service with a message naming the variable', () => {
  const keys = generateEd25519KeyPair();
  /** Only what node and tsx need, so nothing from the shell running the tests decides the outcome. */
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'test',
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  const subgraph = {
    ...base,
    PORT: '0',
    DATABASE_URL: 'postgres://partnergraph@127.0.0.1:5432/partnergraph',
    INTERNAL_TOKEN_PUBLIC_KEY: keys.publicKeyPem,
    ACCESS_TOKEN_PRIVATE_KEY: keys.privateKeyPem,
    ACCESS_TOKEN_PUBLIC_KEY: keys.publicKeyPem,
    SECRET_ENCRYPTION_KEYS: generateSecretKey('e2e'),
  };
  const gateway = { ...base, PORT: '0', INTERNAL_TOKEN_PRIVATE_KEY: keys.privateKeyPem };

  it.each([
    {
      service: 'identity',
      entry: 'subgraphs/identity/src/index.ts',
      env: { ...subgraph, PORT: 'notaport' },
      problem: 'PORT: expected a TCP port from 0 to 65535, got "notaport"',
    },
    {
      service: 'identity',
      entry: 'subgraphs/identity/src/index.ts',
      env: { ...subgraph, DATABASE_URL: 'mysql://x' },
      problem: 'DATABASE_URL: expected a URL starting with postgres:// or postgresql://, got "mysql://x"',
    },
    {
      service: 'identity',
      entry: 'subgraphs/identity/src/index.ts',
      env: { ...subgraph, INTERNAL_TOKEN_PUBLIC_KEY: undefined },
      problem: 'INTERNAL_TOKEN_PUBLIC_KEY: expected a PEM-encoded public key (-----BEGIN PUBLIC KEY-----), it is not set',
    },
    {
      service: 'identity',
      entry: 'subgraphs/identity/src/index.ts',
      env: { ...subgraph, SECRET_ENCRYPTION_KEYS: 'k1:c2l4dGVlbiBieXRlcyBrZXk=' },
      problem:
        'SECRET_ENCRYPTION_KEYS: expected a comma-separated list of keyId:base64 entries (each key 32 bytes; ids unique, of letters, digits, _ or -), got a value not shown here',
    },
    {
      service: 'gateway',
      entry: 'gateway/src/index.ts',
      env: { ...gateway, INTERNAL_TOKEN_PRIVATE_KEY: undefined },
      problem: 'INTERNAL_TOKEN_PRIVATE_KEY: expected a PEM-encoded private key (-----BEGIN PRIVATE KEY-----), it is not set',
    },
  ])('$service: $problem', async ({ service, entry, env, problem }) => {
    const { code, stdout, stderr } = await runEntryPoint(entry, env, 30_000);

    expect(code).toBe(1);
    expect(stderr.split('\n').filter((line) => line.startsWith('  - '))).toEqual([`  - ${problem}`]);
    expect(stderr).toContain(`${service}: Invalid configuration:`);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).not.toContain('listening');
  });
});
