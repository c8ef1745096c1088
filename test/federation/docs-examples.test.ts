import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createLogger } from '@partnergraph/core';
import { seedDemoUsers } from '@partnergraph/identity/demo-seed';
import { apiSchemaOf } from '@partnergraph/scripts/api-schema';
import { seedDemoDataIfEmpty } from '@partnergraph/scripts/database-setup';
import { DEMO_CUSTOMERS, DEMO_PARTNER, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoDevices } from '@partnergraph/scripts/demo-data';
import { loadKnownOperations, type KnownOperation } from '@partnergraph/scripts/known-operations';
import { currentTotpCode, TEST_PASSWORD, testUser } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverWebSocket, webSocketClient } from '../support/live-clients';
import { REPOSITORY_ROOT } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { PartnerDashboardDocument } from '../generated/docs/graphql';
import { graphql } from '../generated/operations';

/*
 * Every ```graphql example of README.md and docs/*.md, run in the order the
 * pages give them (README first, then docs/ by name) on a fresh copy of the
 * demo data, as the account its `# as …` comment names (the nearest one above
 * it in its block; a customer admin when there is none). Each must be answered
 * without an error, and must select `id` on every object that has one, as
 * Apollo Client's cache needs to normalise it. Values an example cannot write
 * out (ids, today's date, emailed tokens, TOTP codes) are variables it
 * declares, filled here from the demo data or from the answers before it.
 */

const DEFAULT_ACCOUNT = 'admin@contoso.example';
const FENCE_OPEN = /^ {0,3}```graphql\s*$/;
const ACCOUNT_MARKER = /^\s*#\s*(?:[^#]*?[\s,;:]\s*)?as (anonymous|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/;
const CONTOSO = DEMO_CUSTOMERS.find((customer) => customer.name === 'Contoso Hospital');
const TAILSPIN = DEMO_CUSTOMERS.find((customer) => customer.name === 'Tailspin Bank');
/** A partner user from before MFA was required: signing in emails an enrolment link. */
const LEGACY_PARTNER_USER = testUser('legacy.viewer@northwind.example', DEMO_PARTNER.id, 'VIEWER');

interface Example extends KnownOperation {
  account: string;
}

/** The account an operation runs as: the nearest `# as …` comment above it in its block. */
function accountOf(lines: readonly string[], line: number): string {
  for (let index = line - 2; index >= 0 && !FENCE_OPEN.test(lines[index] ?? ''); index -= 1) {
    const marker = ACCOUNT_MARKER.exec(lines[index] ?? '');
    if (marker?.[1]) return marker[1];
  }
  return DEFAULT_ACCOUNT;
}

async function documentedExamples(): Promise<Example[]> {
  const { operations, problems } = await loadKnownOperations(REPOSITORY_ROOT);
  expect(problems).toEqual([]);
  const pages = new Map<string, string[]>();
  const examples: Example[] = [];
  for (const operation of operations.filter(({ file }) => file.endsWith('.md'))) {
    if (!pages.has(operation.file)) pages.set(operation.file, (await readFile(join(REPOSITORY_ROOT, operation.file), 'utf8')).split('\n'));
    examples.push({ ...operation, account: accountOf(pages.get(operation.file) ?? [], operation.line) });
  }
  return examples;
}

/** Where the operation selects an object whose type has an `id` field without selecting `id`. */
function selectionsWithoutId(schema: GraphQLSchema, operation: KnownOperation): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  const selectsId = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some(
      (selection) =>
        (selection.kind === Kind.FIELD && selection.name.value === 'id' && (selection.alias?.value ?? 'id') === 'id') ||
        (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition === undefined && selectsId(selection.selectionSet)),
    );
  visit(
    operation.document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        if (!field.selectionSet) return;
        const type = getNamedType(typeInfo.getType());
        if ((isObjectType(type) || isInterfaceType(type)) && 'id' in type.getFields() && !selectsId(field.selectionSet)) {
          missing.push(`${typeInfo.getParentType()?.name ?? '?'}.${field.name.value}: ${type.name}`);
        }
      },
    }),
  );
  return missing;
}

let database: TestDatabase;
let supergraph: InProcessSupergraph;
let examples: Example[];
let schema: GraphQLSchema;
const sessions = new Map<string, Record<string, string>>();
/** Leaf values of earlier answers, by field name (the newest wins): an enrolment's secret and token. */
const answered = new Map<string, unknown>();

beforeAll(async () => {
  database = await createTestDatabase();
  supergraph = await startInProcessSupergraph({ databaseUrl: database.url, logLevel: 'warn' });
  await seedDemoDataIfEmpty(database.url, createLogger({ level: 'warn', format: 'text', write: () => undefined }));
  await seedDemoUsers(supergraph.subgraphs.identity.database, [LEGACY_PARTNER_USER]);
  schema = apiSchemaOf(await readFile(join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
  examples = await documentedExamples();
}, 120_000);
afterAll(async () => {
  await supergraph?.stop();
  await database?.drop();
});

async function sql<T>(text: string, parameters: unknown[]): Promise<T[]> {
  return (await supergraph.subgraphs.identity.database.dataSource.query(text, parameters)) as T[];
}

/** The token of the newest link emailed to `address` (an invitation or an MFA enrolment link). */
async function tokenEmailedTo(address: string): Promise<string> {
  const rows = await sql<{ body: string }>('SELECT body FROM identity.email_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1', [address]);
  const token = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '')?.[1];
  if (!token) throw new Error(`no link emailed to ${address}`);
  return token;
}

async function signIn(email: string, password: string, totpSecret?: string): Promise<{ accessToken?: string; codes: string[] }> {
  const response = await supergraph.query(
    graphql(`mutation DocsSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { accessToken } }`),
    { e: email, p: password, t: totpSecret ? currentTotpCode(totpSecret) : undefined },
  );
  return { accessToken: response.body.data?.signIn.accessToken, codes: (response.body.errors ?? []).map((error) => String(error.extensions?.code)) };
}

/** Headers of the account, signed in once through the gateway as a client would (partner users with their TOTP code). */
async function headersOf(account: string): Promise<Record<string, string>> {
  if (account === 'anonymous') return {};
  const known = sessions.get(account);
  if (known) return known;
  const { accessToken, codes } = await signIn(account, DEMO_PASSWORD, account.endsWith('@northwind.example') ? DEMO_TOTP_SECRET : undefined);
  if (!accessToken) throw new Error(`${account} could not sign in: ${codes.join(', ')}`);
  const headers = { authorization: `Bearer ${accessToken}` };
  sessions.set(account, headers);
  return headers;
}

const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();

/** What each variable an example may declare stands for. */
const VARIABLES: Record<string, () => Promise<unknown>> = {
  northwindId: async () => DEMO_PARTNER.id,
  customerId: async () => CONTOSO?.id,
  grantingCustomerId: async () => TAILSPIN?.id,
  apiCustomerId: async () => TAILSPIN?.id,
  today: async () => new Date().toISOString().slice(0, 10),
  month: async () => new Date().toISOString().slice(0, 7),
  // The newest event cursor an example was answered (a feed's), or from now.
  after: async () => answered.get('cursor') ?? null,
  // Two sensors of Contoso's monitored equipment, for a live chart.
  sensorIds: async () =>
    demoDevices()
      .filter((device) => device.organizationId === CONTOSO?.id && device.monitored)
      .flatMap((device) => device.sensors.map((sensor) => sensor.id))
      .slice(0, 2),
  from: async () => hoursAgo(24),
  to: async () => hoursAgo(0),
  enrolmentToken: async () => answered.get('enrolmentToken'),
  totpCode: async () => currentTotpCode(String(answered.get('secret'))),
  invitationToken: () => tokenEmailedTo('ada@northwind.example'),
  enrolmentLinkToken: async () => {
    // Signing in with the right password and no authenticator opens no session and emails the link.
    const { codes } = await signIn(LEGACY_PARTNER_USER.email, TEST_PASSWORD);
    expect(codes).toEqual(['MFA_ENROLMENT_REQUIRED']);
    return tokenEmailedTo(LEGACY_PARTNER_USER.email);
  },
  incidentId: async () => {
    const response = await supergraph.query(
      graphql(`query UnacknowledgedIncidents($c: ID!) { organization(id: $c) { devices(first: 50) { nodes { incidents(open: true) { nodes { id acknowledgement { at } } } } } } }`),
      { c: CONTOSO?.id ?? '' },
      await headersOf('admin@contoso.example'),
    );
    const open = response.body.data?.organization?.devices?.nodes.flatMap((device) => device.incidents.nodes) ?? [];
    return open.find((incident) => incident.acknowledgement === null)?.id;
  },
};

/** Emailed tokens, asked for once each: the examples that use one use the same link. */
const emailed = new Map<string, Promise<unknown>>();
const ONCE = new Set(['invitationToken', 'enrolmentLinkToken']);

async function variablesOf(operation: OperationDefinitionNode): Promise<Record<string, unknown>> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const value = VARIABLES[name];
    if (!value) throw new Error(`no value for $${name}: name it after one of ${Object.keys(VARIABLES).join(', ')}`);
    if (ONCE.has(name) && !emailed.has(name)) emailed.set(name, value());
    variables[name] = await (ONCE.has(name) ? emailed.get(name) : value());
  }
  return variables;
}

function remember(value: unknown): void {
  if (Array.isArray(value)) value.forEach(remember);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'object' && field !== null) remember(field);
      else answered.set(key, field);
    }
  }
}

/** A subscription example runs when the gateway accepts it over WebSocket and keeps it open; its events are live-incidents.test.ts's. */
async function subscriptionProblem(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<string | undefined> {
  const [root] = operation.selectionSet.selections;
  const client = webSocketClient(supergraph.gatewayUrl, headers.authorization);
  const subscription = subscribeOverWebSocket(client, root?.kind === Kind.FIELD ? root.name.value : '', print(document), variables);
  try {
    const outcome = await Promise.race([subscription.ended, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 500))]);
    return outcome === 'open' ? undefined : `the subscription ended: ${JSON.stringify(outcome)}`;
  } finally {
    subscription.stop();
    await client.dispose();
  }
}

it('finds the examples: the README and every page of docs/', () => {
  const files = new Set(examples.map(({ file }) => file));
  expect([...files]).toEqual(expect.arrayContaining(['README.md', 'docs/api-guide.md']));
  expect(examples.length).toBeGreaterThanOrEqual(25);
});

it('every example selects id on every object that has one', () => {
  const missing = examples.flatMap((example) => selectionsWithoutId(schema, example).map((where) => `${example.file}:${example.line} ${where}`));
  expect(missing).toEqual([]);
});

it('every example runs against the demo data, in the order of the pages, as the account it names', async () => {
  const failures: string[] = [];
  for (const example of examples) {
    const operation = example.document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${example.file}:${example.line} has no operation`);
    if (operation.operation === 'subscription') {
      const problem = await subscriptionProblem(example.document, operation, await variablesOf(operation), await headersOf(example.account));
      if (problem) failures.push(`${example.file}:${example.line} as ${example.account}: ${problem}`);
      continue;
    }
    const response = await supergraph.query(print(example.document), await variablesOf(operation), await headersOf(example.account));
    remember(response.body.data);
    if (response.status !== 200 || response.body.errors) {
      failures.push(`${example.file}:${example.line} as ${example.account}: ${response.status} ${JSON.stringify(response.body.errors)}`);
    }
  }
  expect(failures).toEqual([]);
}, 120_000);

it("the partner dashboard's first page with 288-point sparklines fits the default cost limit, as the demo partner admin signed in with MFA", async () => {
  const dashboard = examples.find(({ label }) => label === 'query PartnerDashboard');
  if (!dashboard) throw new Error('docs/api-guide.md has no PartnerDashboard example');
  expect(dashboard.account).toBe('admin@northwind.example');
  const headers = await headersOf(dashboard.account);
  const viewer = await supergraph.query(graphql(`query DocsViewerMfa { viewer { mfa } }`), {}, headers);
  expect(viewer.body.data?.viewer.mfa).toBe(true);

  // The example as codegen typed it (test/generated/docs): the same operation, with its answer's type.
  expect(print(parse(PartnerDashboardDocument.toString()))).toBe(print(dashboard.document));
  const response = await supergraph.query(PartnerDashboardDocument, { from: hoursAgo(24), to: hoursAgo(0) }, headers);

  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  const buckets = response.body.data?.organizations.nodes.flatMap((organization) =>
    (organization.devices?.nodes ?? []).flatMap((device) => device.sensors.map((sensor) => sensor.history.buckets.length)),
  );
  expect(Math.max(...(buckets ?? [0]))).toBeGreaterThan(200);
});
