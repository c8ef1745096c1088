import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAccessTokenIssuer, DEFAULT_ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER, type OrganizationRole } from '@partnergraph/core';
import { findExecutable } from '@partnergraph/scripts/executable';
import { readHaproxyServers, type HaproxyServer } from '@partnergraph/scripts/haproxy';
import { DEMO_CUSTOMERS, DEMO_PARTNER, DEMO_PASSWORD, demoUsers } from '@partnergraph/scripts/demo-data';
import { freePorts } from '../support/processes';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-sink';
import { startStack, stopAllStacks, type RunningStack } from '../support/stack';
import { subscribeOverWebSocket } from '../support/live-clients';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 17, items 1 and 2: `npm run start:replicas` (two gateways and two
 * replicas of each subgraph behind HAProxy, on one PostgreSQL and one Redis),
 * queried through HAProxy's gateway URL only. What depends on shared state
 * holds whichever replica answers; then, under a steady load of partner
 * dashboards, a gateway and a device-telemetry replica are SIGKILLed (only
 * requests in flight on them fail), and, once the launcher has started them
 * again, two others get SIGTERM (none fails).
 */

const HAPROXY = findExecutable('haproxy', process.env.PATH ?? '');
/** Locally, no HAProxy skips this file; CI installs it (.ci/run), so there it fails instead. */
const describeWithHaproxy = HAPROXY !== undefined || process.env.CI ? describe : describe.skip;
const TITLE = HAPROXY !== undefined || process.env.CI ? 'npm run start:replicas' : 'npm run start:replicas (skipped: no haproxy binary; apt-get install haproxy)';

/** Nine processes on two cores take 20-40 s to be ready; the helper allows 150 s. */
const STACK_TIMEOUT_MS = 180_000;
const RATE_LIMIT_PER_MINUTE = 120;

const SIGN_IN = graphql(`
  mutation BalancedSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { refreshToken } }
`);
const REFRESH = graphql(`mutation BalancedRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }`);
const TYPENAME = graphql(`query BalancedTypename { __typename }`);
const CUSTOMERS = graphql(`
  query BalancedCustomers { organizations { nodes { id subscriptions { product } devices { nodes { id } } } } }
`);
const REVOKE = graphql(`mutation BalancedRevoke($partnerId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerId) }`);
const INVITE = graphql(`mutation BalancedInvite($email: String!) { inviteUser(email: $email, role: VIEWER) { id } }`);
const FEED_POSITION = graphql(`query BalancedFeedPosition { incidentEventsFeed { cursor } }`);
const WATCH = graphql(`subscription BalancedWatchIncidents($after: String) { incidentEvents(after: $after) { kind incidentId } }`);
const OPEN_INCIDENTS = graphql(`
  query BalancedOpenIncidents { organizations { nodes { incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }
`);
const ACKNOWLEDGE = graphql(`mutation BalancedAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }`);
/** The benchmark's partner dashboard (bench/src/operations.ts), on the demo data. */
const DASHBOARD = graphql(`
  query BalancedPartnerDashboard {
    organizations {
      nodes {
        id
        name
        deviceCount
        openIncidentCount
        devices(first: 50) { nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } } }
      }
    }
  }
`);

interface Answer {
  status: number;
  servedBy: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/** POSTs an operation to HAProxy's gateway URL; the answer, and the gateway replica HAProxy names in X-Served-By. */
async function send(url: string, operation: { toString(): string }, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operation.toString(), variables }),
  });
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // HAProxy's own 502 or 503 page.
    body = { errors: [{ extensions: { code: `not JSON: ${text.slice(0, 40)}` } }] };
  }
  return { status: response.status, servedBy: response.headers.get('x-served-by'), body };
}

const codesOf = (answer: Answer): (string | undefined)[] => (answer.body.errors ?? []).map((error) => error.extensions?.code);
const countBy = (values: readonly (string | null)[]): Record<string, number> =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [String(value)]: (counts[String(value)] ?? 0) + 1 }), {});

/** Requests each server has been sent since `before` (two readings of HAProxy's statistics). */
function servedSince(before: readonly HaproxyServer[], after: readonly HaproxyServer[]): Record<string, number> {
  return Object.fromEntries(
    after.map((server) => [server.server, server.requests - (before.find((earlier) => earlier.server === server.server)?.requests ?? 0)]),
  );
}

/** The REDIS_URL of the environment on database 12 (the gateways' keys are the demo users' ids; other tests use database 0), or none: the launcher starts a Redis. */
function redisUrlForThisFile(): string | undefined {
  if (!process.env.REDIS_URL) return undefined;
  const url = new URL(process.env.REDIS_URL);
  url.pathname = '/12';
  return url.toString();
}

describeWithHaproxy(TITLE, () => {
  let stack: RunningStack | undefined;
  let smtp: TestSmtpServer | undefined;
  let statsPort = 0;
  let issue: (subject: { userId: string; organizationId: string; role: OrganizationRole }) => Promise<string>;

  beforeAll(async () => {
    if (HAPROXY === undefined) throw new Error('CI runs this file with HAProxy: .ci/run installs Debian\'s haproxy package');
    smtp = await startSmtpServer();
    const [stats = 0, localRedis = 0] = await freePorts(2);
    statsPort = stats;
    stack = await startStack({
      launcher: 'start-replicas',
      readyTimeoutMs: 150_000,
      env: {
        HAPROXY_STATS_PORT: String(statsPort),
        REDIS_URL: redisUrlForThisFile(),
        LOCAL_REDIS_PORT: String(localRedis),
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
        SMTP_URL: smtp.url,
        OUTBOX_POLL_INTERVAL_MS: '200',
        // Eight processes on the shared test server, which allows 100 connections.
        DATABASE_POOL_SIZE: '3',
      },
    });
    const dir = join(stack.dataDir, 'access-token');
    const issuer = await createAccessTokenIssuer({
      privateKeyPem: await readFile(join(dir, 'private.pem'), 'utf8'),
      publicKeyPem: await readFile(join(dir, 'public.pem'), 'utf8'),
      issuer: DEFAULT_ACCESS_TOKEN_ISSUER,
      audience: DEFAULT_ACCESS_TOKEN_AUDIENCE,
      ttlSeconds: 3600,
    });
    issue = async (subject) => (await issuer.issueForUser({ ...subject, mfa: true })).accessToken;
  }, STACK_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
    await stopAllStacks();
    await smtp?.close();
  }, STACK_TIMEOUT_MS);

  const running = (): RunningStack => {
    if (!stack) throw new Error('the stack did not start (see beforeAll)');
    return stack;
  };
  const url = (): string => running().gatewayUrl;
  const demoUser = (email: string) => {
    const user = demoUsers().find((candidate) => candidate.email === email);
    if (!user) throw new Error(`no demo user ${email}`);
    return user;
  };
  const tokenOf = (email: string) => {
    const user = demoUser(email);
    return issue({ userId: user.id, organizationId: user.organizationId, role: user.role });
  };
  /** A partner admin of the demo partner no other request speaks for: an allowance of its own. */
  const freshPartnerAdmin = () => issue({ userId: randomUUID(), organizationId: DEMO_PARTNER.id, role: 'ADMIN' });
  /** The pid of a replica's latest run, from the launcher's `<name> started pid=… port=…` lines. */
  const pidOf = (replica: string): number => {
    const line = running()
      .output()
      .filter((candidate) => candidate.includes(` ${replica} started pid=`))
      .at(-1);
    const pid = Number(/pid=(\d+)/.exec(line ?? '')?.[1]);
    if (!Number.isInteger(pid)) throw new Error(`the launcher logged no pid for ${replica}`);
    return pid;
  };

  describe('shared state, through the one URL', () => {
    it('counts the rate limit once across both gateways (Redis)', async () => {
      const token = await freshPartnerAdmin();
      const startedAt = Date.now();
      const answers: Answer[] = [];
      // Ten at a time, 200 in all: each gateway alone would let its 100 through.
      for (let batch = 0; batch < 20; batch += 1) answers.push(...(await Promise.all(Array.from({ length: 10 }, () => send(url(), TYPENAME, {}, token)))));
      const refilled = Math.ceil((Date.now() - startedAt) / (60_000 / RATE_LIMIT_PER_MINUTE)) + 1;

      const allowed = answers.filter((answer) => answer.status === 200);
      const limited = answers.filter((answer) => answer.status === 429);
      expect(allowed.length + limited.length).toBe(answers.length);
      expect(allowed.length).toBeGreaterThanOrEqual(RATE_LIMIT_PER_MINUTE);
      expect(allowed.length).toBeLessThanOrEqual(RATE_LIMIT_PER_MINUTE + refilled);
      expect(limited.flatMap(codesOf).every((code) => code === 'RATE_LIMITED')).toBe(true);
      // Both gateways let requests through and both refused some: they counted together.
      expect(Object.keys(countBy(allowed.map((answer) => answer.servedBy))).sort()).toEqual(['gateway-1', 'gateway-2']);
      expect(Object.keys(countBy(limited.map((answer) => answer.servedBy))).sort()).toEqual(['gateway-1', 'gateway-2']);
    });

    it('locks an account after five failed sign-ins, whichever gateway and identity replica saw them (PostgreSQL)', async () => {
      const before = await readHaproxyServers(statsPort);
      const email = 'viewer@contoso.example';
      const failures: Answer[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) failures.push(await send(url(), SIGN_IN, { email, password: 'not the password' }));
      const locked = await send(url(), SIGN_IN, { email, password: DEMO_PASSWORD });
      const served = servedSince(before, await readHaproxyServers(statsPort));

      expect(failures.map(codesOf)).toEqual(Array.from({ length: 5 }, () => ['INVALID_CREDENTIALS']));
      expect(codesOf(locked)).toEqual(['TOO_MANY_ATTEMPTS']);
      expect(new Set([...failures, locked].map((answer) => answer.servedBy))).toEqual(new Set(['gateway-1', 'gateway-2']));
      expect(served['identity-1']).toBeGreaterThan(0);
      expect(served['identity-2']).toBeGreaterThan(0);
    });

    it('rotates refresh tokens and detects reuse across replicas (PostgreSQL)', async () => {
      const signedIn = await send(url(), SIGN_IN, { email: 'admin@contoso.example', password: DEMO_PASSWORD });
      const first = String((signedIn.body.data?.signIn as { refreshToken?: string } | undefined)?.refreshToken);
      const second = await send(url(), REFRESH, { refreshToken: first });
      const secondToken = String((second.body.data?.refreshSession as { refreshToken?: string } | undefined)?.refreshToken);
      const third = await send(url(), REFRESH, { refreshToken: secondToken });
      const thirdToken = String((third.body.data?.refreshSession as { refreshToken?: string } | undefined)?.refreshToken);
      const reused = await send(url(), REFRESH, { refreshToken: first });
      const afterReuse = await send(url(), REFRESH, { refreshToken: thirdToken });

      expect([signedIn, second, third].map(codesOf)).toEqual([[], [], []]);
      expect(new Set([first, secondToken, thirdToken]).size).toBe(3);
      expect(codesOf(reused)).toEqual(['REFRESH_TOKEN_REUSED']);
      // The reuse ended the whole family, the newest token included, on whichever replica is asked next.
      expect(codesOf(afterReuse)).toEqual(['REFRESH_TOKEN_INVALID']);
      expect(new Set([signedIn, second, third, reused, afterReuse].map((answer) => answer.servedBy))).toEqual(new Set(['gateway-1', 'gateway-2']));
    });

    it('delivers each email of the outbox exactly once with two identity replicas delivering (SMTP sink)', async () => {
      const admin = await tokenOf('admin@contoso.example');
      const recipients = Array.from({ length: 8 }, (_, index) => `replica-invitee-${index}-${randomUUID().slice(0, 8)}@contoso.example`);
      for (const email of recipients) expect(codesOf(await send(url(), INVITE, { email }, admin))).toEqual([]);
      const delivered = () => (smtp?.received ?? []).filter((received) => received.recipients.some((recipient) => recipients.includes(recipient)));
      await waitFor('every invitation delivered', () => (delivered().length >= recipients.length ? true : undefined), { timeoutMs: 15_000 });
      // Ten more polls of both replicas: nothing is sent twice.
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      expect(delivered().flatMap((email) => email.recipients).sort()).toEqual([...recipients].sort());
      expect(new Set(delivered().map((email) => email.messageId)).size).toBe(recipients.length);
      const senders = running()
        .output()
        .filter((line) => line.includes('email sent'))
        .map((line) => line.split('|')[0]?.trim());
      process.stdout.write(`outbox: ${recipients.length} invitations, sent by ${JSON.stringify(countBy(senders.map((name) => name ?? null)))}\n`);
    });

    it('fans a subscription out to both gateways: an event written through one reaches subscribers on each', async () => {
      const viewer = await tokenOf('viewer@contoso.example');
      const admin = await tokenOf('admin@contoso.example');
      const position = await send(url(), FEED_POSITION, {}, viewer);
      const after = (position.body.data?.incidentEventsFeed as { cursor?: string } | undefined)?.cursor;
      const servedBy: string[] = [];
      /** ws, noting the replica that answered the upgrade (HAProxy's X-Served-By). */
      class NotingWebSocket extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols);
          this.once('upgrade', (response) => servedBy.push(String(response.headers['x-served-by'])));
        }
      }
      const clients: Client[] = [0, 1].map(() =>
        createWsClient({ url: url().replace(/^http/, 'ws'), webSocketImpl: NotingWebSocket, connectionParams: { authorization: `Bearer ${viewer}` }, lazy: true, retryAttempts: 0 }),
      );
      const watching = clients.map((client) => subscribeOverWebSocket<{ kind: string; incidentId: string }>(client, 'incidentEvents', WATCH, { after }));
      try {
        await waitFor('both WebSockets open', () => (servedBy.length === 2 ? true : undefined), { timeoutMs: 10_000 });
        const open = await send(url(), OPEN_INCIDENTS, {}, admin);
        const organizations = (open.body.data?.organizations as { nodes: { incidents?: { nodes: { id: string; acknowledgement: unknown }[] } | null }[] }).nodes;
        const incident = organizations.flatMap((organization) => organization.incidents?.nodes ?? []).find((one) => one.acknowledgement === null);
        expect(incident).toBeDefined();
        const acknowledged = await send(url(), ACKNOWLEDGE, { id: incident?.id }, admin);

        expect(codesOf(acknowledged)).toEqual([]);
        expect([...servedBy].sort()).toEqual(['gateway-1', 'gateway-2']);
        for (const subscription of watching) {
          expect(await subscription.waitForEvents(1, 15_000)).toEqual([{ kind: 'ACKNOWLEDGED', incidentId: incident?.id }]);
        }
      } finally {
        for (const subscription of watching) subscription.stop();
        await Promise.all(clients.map((client) => client.dispose()));
      }
    });

    it('ends a revoked partner access on the very next request, whichever gateway and subgraph replicas answer', async () => {
      const partner = await tokenOf('admin@northwind.example');
      const customer = await tokenOf('admin@contoso.example');
      const [contoso] = DEMO_CUSTOMERS;
      const sees = async (): Promise<{ contoso: boolean; servedBy: string | null }> => {
        const answer = await send(url(), CUSTOMERS, {}, partner);
        expect(codesOf(answer)).toEqual([]);
        const organizations = (answer.body.data?.organizations as { nodes: { id: string }[] }).nodes;
        return { contoso: organizations.some((organization) => organization.id === contoso?.id), servedBy: answer.servedBy };
      };
      const before = await readHaproxyServers(statsPort);
      const seen = [await sees(), await sees()];
      expect(codesOf(await send(url(), REVOKE, { partnerId: DEMO_PARTNER.id }, customer))).toEqual([]);
      const after = [await sees(), await sees(), await sees(), await sees()];
      const served = servedSince(before, await readHaproxyServers(statsPort));

      expect(seen.map((one) => one.contoso)).toEqual([true, true]);
      expect(after.map((one) => one.contoso)).toEqual([false, false, false, false]);
      expect(new Set(after.map((one) => one.servedBy))).toEqual(new Set(['gateway-1', 'gateway-2']));
      for (const replica of ['identity-1', 'identity-2', 'device-telemetry-1', 'device-telemetry-2']) expect(served[replica]).toBeGreaterThan(0);
    });

    it('spread every request over both replicas of every service', async () => {
      const servers = await readHaproxyServers(statsPort);
      expect(servers.map((server) => server.server).sort()).toEqual(
        ['device-telemetry-1', 'device-telemetry-2', 'gateway-1', 'gateway-2', 'identity-1', 'identity-2', 'subscriptions-1', 'subscriptions-2'],
      );
      for (const server of servers) expect({ server: server.server, served: server.requests > 0, status: server.status }).toEqual({ server: server.server, served: true, status: 'UP' });
    });
  });

  describe('losing a replica under a steady load of partner dashboards', () => {
    /** Requests the load keeps in flight at once. */
    const WORKERS = 6;
    /** Fresh principals per run, each its own rate-limit allowance, taken in turn. */
    const PRINCIPALS = 24;

    interface Outcome {
      startedAt: number;
      endedAt: number;
      ok: boolean;
      servedBy: string | null;
      failure?: string;
    }

    /** Partner dashboards from WORKERS loops through HAProxy until `stop` is called; every outcome, with when it was sent and answered. */
    async function steadyLoad(): Promise<{ outcomes: Outcome[]; stop(): Promise<Outcome[]> }> {
      const tokens = await Promise.all(Array.from({ length: PRINCIPALS }, () => freshPartnerAdmin()));
      const outcomes: Outcome[] = [];
      let stopped = false;
      let next = 0;
      const loop = async (): Promise<void> => {
        while (!stopped) {
          const token = tokens[next++ % tokens.length];
          const startedAt = Date.now();
          try {
            const answer = await send(url(), DASHBOARD, {}, token);
            const codes = codesOf(answer);
            const ok = answer.status === 200 && codes.length === 0 && answer.body.data !== undefined;
            outcomes.push({ startedAt, endedAt: Date.now(), ok, servedBy: answer.servedBy, ...(ok ? {} : { failure: `${answer.status} ${codes.join(',')}` }) });
          } catch (error) {
            // fetch's TypeError names what happened to the connection in its cause (from another realm under jest).
            const cause = String((error as { cause?: { message?: unknown } }).cause?.message ?? error);
            outcomes.push({ startedAt, endedAt: Date.now(), ok: false, servedBy: null, failure: cause });
          }
        }
      };
      const loops = Array.from({ length: WORKERS }, loop);
      return {
        outcomes,
        async stop() {
          stopped = true;
          await Promise.all(loops);
          return outcomes;
        },
      };
    }

    /** Polls HAProxy until each of `replicas` is DOWN; when it saw each so. */
    async function markedDown(replicas: readonly string[]): Promise<Map<string, number>> {
      const down = new Map<string, number>();
      await waitFor(
        `HAProxy to mark ${replicas.join(' and ')} down`,
        async () => {
          const servers = await readHaproxyServers(statsPort);
          for (const server of servers) if (replicas.includes(server.server) && server.status.startsWith('DOWN') && !down.has(server.server)) down.set(server.server, Date.now());
          return down.size === replicas.length ? down : undefined;
        },
        { timeoutMs: 15_000, intervalMs: 20 },
      );
      return down;
    }

    /**
     * Polls until every one of `pids` has ended and its parent (the launcher) has collected it; when. Not a
     * zombie's state: a killed Node.js process shows as one while its other threads are still ending, and its
     * sockets are still open.
     */
    async function gone(pids: readonly number[]): Promise<number> {
      const exists = (pid: number): boolean => {
        try {
          process.kill(pid, 0);
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
          throw error;
        }
      };
      await waitFor('the signalled processes to end', () => (pids.some(exists) ? undefined : true), { timeoutMs: 20_000, intervalMs: 5 });
      return Date.now();
    }

    const everyReplicaUp = () =>
      waitFor(
        'the launcher to start the lost replicas again and HAProxy to see them ready',
        async () => ((await readHaproxyServers(statsPort)).every((server) => server.status === 'UP') ? true : undefined),
        { timeoutMs: 90_000, intervalMs: 200 },
      );

    it(
      'SIGKILL of a gateway and a device-telemetry replica: only requests in flight on them fail, none once HAProxy has marked them down',
      async () => {
        const victims = ['gateway-1', 'device-telemetry-1'];
        const load = await steadyLoad();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const pids = victims.map(pidOf);
        const killedAt = Date.now();
        for (const pid of pids) process.kill(pid, 'SIGKILL');
        const [goneAt, down] = await Promise.all([gone(pids), markedDown(victims)]);
        const downAt = Math.max(...down.values());
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const outcomes = await load.stop();

        const failures = outcomes.filter((outcome) => !outcome.ok);
        const inFlightAtKill = outcomes.filter((outcome) => outcome.startedAt <= killedAt && outcome.endedAt >= killedAt);
        const sentBeforeGone = outcomes.filter((outcome) => outcome.startedAt > killedAt && outcome.startedAt < goneAt);
        const report = {
          requests: outcomes.length,
          failed: failures.length,
          inFlightAtKill: inFlightAtKill.length,
          sentWhileTheKilledProcessesEnded: sentBeforeGone.length,
          processesGoneAfterMs: goneAt - killedAt,
          markedDownAfterSeconds: Object.fromEntries([...down].map(([name, at]) => [name, (at - killedAt) / 1000])),
          failures: failures.map((failure) => ({ sentAfterKillMs: failure.startedAt - killedAt, answeredAfterKillMs: failure.endedAt - killedAt, failure: failure.failure })),
          answeredBy: countBy(outcomes.map((outcome) => outcome.servedBy)),
        };
        process.stdout.write(`failover, SIGKILL: ${JSON.stringify(report, null, 2)}\n`);

        expect(outcomes.filter((outcome) => outcome.startedAt > downAt).length).toBeGreaterThan(0);
        // A failed request was sent before the killed processes had ended: in flight on one of them (or queued on its socket).
        expect(failures.filter((failure) => failure.startedAt >= goneAt)).toEqual([]);
        expect(failures.length).toBeLessThanOrEqual(inFlightAtKill.length + sentBeforeGone.length);
        expect(failures.filter((failure) => failure.startedAt >= downAt)).toEqual([]);
        expect(downAt - killedAt).toBeLessThan(5_000);
        await everyReplicaUp();
      },
      STACK_TIMEOUT_MS,
    );

    it(
      'SIGTERM of a gateway and a device-telemetry replica: no request fails',
      async () => {
        const victims = ['gateway-2', 'device-telemetry-2'];
        const before = await readHaproxyServers(statsPort);
        const load = await steadyLoad();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const pids = victims.map(pidOf);
        const signalledAt = Date.now();
        for (const pid of pids) process.kill(pid, 'SIGTERM');
        const [goneAt, down] = await Promise.all([gone(pids), markedDown(victims)]);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const outcomes = await load.stop();
        const after = await readHaproxyServers(statsPort);

        const failures = outcomes.filter((outcome) => !outcome.ok);
        const report = {
          requests: outcomes.length,
          failed: failures.length,
          markedDownAfterSeconds: Object.fromEntries([...down].map(([name, at]) => [name, (at - signalledAt) / 1000])),
          processesEndedAfterMs: goneAt - signalledAt,
          retriedByHaproxy: Object.fromEntries(
            after.map((server) => {
              const earlier = before.find((candidate) => candidate.server === server.server);
              return [server.server, { retried: server.retried - (earlier?.retried ?? 0), onAnotherReplica: server.redispatched - (earlier?.redispatched ?? 0) }];
            }),
          ),
          failures: failures.map((failure) => ({ sentAfterSignalMs: failure.startedAt - signalledAt, failure: failure.failure })),
          answeredBy: countBy(outcomes.map((outcome) => outcome.servedBy)),
        };
        process.stdout.write(`failover, SIGTERM: ${JSON.stringify(report, null, 2)}\n`);

        expect(outcomes.filter((outcome) => outcome.startedAt > goneAt).length).toBeGreaterThan(0);
        expect(failures).toEqual([]);
      },
      STACK_TIMEOUT_MS,
    );
  });
});
