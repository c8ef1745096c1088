import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType } from 'graphql';
import {
  ACCESS_POLICY,
  mergeFieldPolicies,
  standingWithoutOrganization,
  type AccessRelation,
  type FieldPolicy,
  type Principal,
} from '@partnergraph/core';
import { deviceTelemetryFieldPolicy, deviceTelemetryTypeDefs } from '@partnergraph/device-telemetry';
import { identityFieldPolicy, identityTypeDefs } from '@partnergraph/identity';
import { subscriptionsFieldPolicy, subscriptionsTypeDefs } from '@partnergraph/subscriptions';
import {
  judge,
  mayExist,
  observe,
  type AccessTable,
  type Appearance,
  type Observation,
  type Registry,
  type RelationOracle,
  type Session,
} from '../support/access-matrix-judge';
import { startAccessMatrixWorld, type AccessMatrixWorld, type CustomerName, type OrganizationName, type Who } from '../support/access-matrix-world';
import { TEST_PASSWORD } from '../support/fixtures';
import {
  clientFields,
  EnumValue,
  everyField,
  objectTypes,
  printOperation,
  selectionTree,
  splitTree,
  supergraphSchema,
  type ArgumentFixtures,
  type ArgumentValue,
} from '../support/supergraph-selections';
import { waitFor } from '../support/wait-for';

/*
 * The access matrix (ACCESS_POLICY in packages/core) against the running
 * supergraph. Every field of the composed supergraph has an entry in the
 * field policy; then every kind of principal walks every field a client can
 * select, from every root field and for every organization of the attack
 * world, and each answer is compared with what the table says for that
 * principal's relation to the organization that owns the object: a value,
 * FORBIDDEN, the object absent altogether, or an IP address cut to its last
 * two segments. Mutations come last, each sent by every kind of principal with
 * arguments an allowed caller gets past the shield with and that disturb
 * nothing the walk reads.
 */

const SUPERGRAPH_SDL = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const schema = supergraphSchema(SUPERGRAPH_SDL);
const POLICY = mergeFieldPolicies([identityFieldPolicy, subscriptionsFieldPolicy, deviceTelemetryFieldPolicy]);
const TABLE: AccessTable = ACCESS_POLICY;
/** The gateway's default limits: the walk stays within them. */
const LIMITS = { maxDepth: 10, maxTokens: 900 };

/** `Type.field` of every field with no entry in `policy`. */
function fieldsWithoutPolicy(fields: readonly string[], policy: FieldPolicy): string[] {
  return fields.filter((name) => {
    const [typeName = '', field = ''] = name.split('.');
    return policy[typeName]?.[field] === undefined;
  });
}

/** `Type.field` of every policy entry the schema has no field for. */
function entriesWithoutField(fields: readonly string[], policy: FieldPolicy): string[] {
  const known = new Set(fields);
  return Object.entries(policy).flatMap(([typeName, entries]) =>
    Object.keys(entries)
      .map((field) => `${typeName}.${field}`)
      .filter((name) => !known.has(name)),
  );
}

/** `policy` with one field's entry taken out. */
function withoutEntry(policy: FieldPolicy, typeName: string, field: string): FieldPolicy {
  const entries = Object.entries(policy[typeName] ?? {}).filter(([name]) => name !== field);
  return { ...policy, [typeName]: Object.fromEntries(entries) };
}

describe('the field policy', () => {
  it('has an entry for every field of every object type of the composed supergraph, hidden ones included', () => {
    expect(fieldsWithoutPolicy(everyField(schema), POLICY)).toEqual([]);
    expect(entriesWithoutField(everyField(schema), POLICY)).toEqual([]);
  });

  it.each<[string, typeof identityTypeDefs, FieldPolicy]>([
    ['identity', identityTypeDefs, identityFieldPolicy],
    ['subscriptions', subscriptionsTypeDefs, subscriptionsFieldPolicy],
    ['device-telemetry', deviceTelemetryTypeDefs, deviceTelemetryFieldPolicy],
  ])('of %s lists every field of its schema, so its shield has a rule for each', (_name, typeDefs, policy) => {
    const subgraph = buildSubgraphSchema({ typeDefs });
    const fields = Object.values(subgraph.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('_'))
      .flatMap((type) => (isObjectType(type) ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []))
      .filter((name) => name !== 'Query._service' && name !== 'Query._entities');
    expect(fieldsWithoutPolicy(fields, policy)).toEqual([]);
    expect(entriesWithoutField(fields, policy)).toEqual([]);
  });

  it('(the self-test: a field with no entry is named)', () => {
    expect(fieldsWithoutPolicy(everyField(schema), withoutEntry(POLICY, 'Device', 'ipAddress'))).toEqual(['Device.ipAddress']);
  });
});

let world: AccessMatrixWorld;
let registry: Registry;
let oracle: RelationOracle;
const observations: Observation[] = [];
const appearances: Appearance[] = [];

/**
 * How each principal of the world stands to each organization, as
 * access-matrix-world.ts seeds the grants (A: read-only and API device data
 * to P; B: administrator to P; D: read-only to Q); every other pair is NONE.
 * Written out here rather than computed, so the code's classification is
 * checked, not repeated.
 */
const RELATIONS: Record<Who, Partial<Record<OrganizationName, AccessRelation>>> = {
  anonymous: {},
  collector: {},
  operator: {},
  customerAdminA: { A: 'CUSTOMER_ADMIN', P: 'GRANTING_CUSTOMER_USER' },
  customerViewerA: { A: 'CUSTOMER_VIEWER', P: 'GRANTING_CUSTOMER_USER' },
  customerAdminD: { D: 'CUSTOMER_ADMIN', Q: 'GRANTING_CUSTOMER_USER' },
  partnerAdmin: { P: 'PARTNER_ADMIN', A: 'READ_ONLY_GRANT_ADMIN', B: 'ADMINISTRATOR_GRANT_ADMIN' },
  partnerAdminWithoutMfa: { P: 'PARTNER_ADMIN_WITHOUT_MFA' },
  partnerViewer: { P: 'PARTNER_VIEWER', A: 'READ_ONLY_GRANT_VIEWER', B: 'ADMINISTRATOR_GRANT_VIEWER' },
  otherPartnerAdmin: { Q: 'PARTNER_ADMIN', D: 'READ_ONLY_GRANT_ADMIN' },
  apiClient: { P: 'API_CLIENT_OF_THIS_PARTNER', A: 'API_CLIENT' },
};
const OWN_ORGANIZATION: Partial<Record<Who, OrganizationName>> = {
  customerAdminA: 'A',
  customerViewerA: 'A',
  customerAdminD: 'D',
  partnerAdmin: 'P',
  partnerAdminWithoutMfa: 'P',
  partnerViewer: 'P',
  otherPartnerAdmin: 'Q',
  apiClient: 'P',
};
const EVERYONE = Object.keys(RELATIONS) as Who[];

function organizationIds(): Record<OrganizationName, string> {
  const { P, Q, A, B, D } = world.organizations;
  return { P: P.id, Q: Q.id, A: A.id, B: B.id, D: D.id };
}

function buildOracle(): RelationOracle {
  const ids = organizationIds();
  const nameOf = new Map(Object.entries(ids).map(([name, id]) => [id, name as OrganizationName]));
  const principal = (who: string): Principal => world.principals[who as Who];
  const relation = (who: string, organizationId: string): AccessRelation => {
    const name = nameOf.get(organizationId);
    if (name === undefined) return 'NONE';
    return standingWithoutOrganization(principal(who)) ?? RELATIONS[who as Who][name] ?? 'NONE';
  };
  return {
    relation,
    callerRelation(who) {
      const own = OWN_ORGANIZATION[who as Who];
      return standingWithoutOrganization(principal(who)) ?? (own === undefined ? 'NONE' : relation(who, ids[own]));
    },
    unaffiliated: (who) => standingWithoutOrganization(principal(who)),
    organizations: Object.values(ids),
    isSelf(who, typeName, id) {
      const caller = principal(who);
      return typeName === 'User' && caller.kind === 'user' && caller.userId === id;
    },
  };
}

/** Owners of every seeded object, from the attack world and the licence this file adds. */
function buildRegistry(extraLicenses: { id: string; organizationId: string }[]): Registry {
  const owners = new Map<string, string>();
  const unmonitored = new Set<string>();
  const addresses = new Map<string, string | null>();
  const own = (typeName: string, id: string, organizationId: string, hidden = false) => {
    owners.set(`${typeName}:${id}`, organizationId);
    if (hidden) unmonitored.add(`${typeName}:${id}`);
  };
  for (const id of Object.values(organizationIds())) own('Organization', id, id);
  for (const tenant of Object.values(world.customers)) {
    const owner = tenant.organization.id;
    for (const device of Object.values(tenant.devices)) {
      own('Device', device.id, owner, !device.monitored);
      addresses.set(device.id, device.ipAddress);
    }
    own('Sensor', tenant.sensors.upsLoad, owner);
    own('Sensor', tenant.sensors.switchTemperature, owner, true);
    own('Incident', tenant.incidents.ups, owner);
    own('Incident', tenant.incidents.switch, owner, true);
    for (const location of Object.values(tenant.locations)) own('Location', location, owner);
    own('SubscriptionLicense', tenant.license.id, owner);
    own('User', tenant.admin.id, owner);
    own('User', tenant.viewer.id, owner);
  }
  for (const license of extraLicenses) own('SubscriptionLicense', license.id, license.organizationId);
  own('User', world.partnerUsers.admin.id, world.organizations.P.id);
  own('User', world.partnerUsers.viewer.id, world.organizations.P.id);
  own('User', world.partnerUsers.otherAdmin.id, world.organizations.Q.id);
  return {
    ownerOf: (typeName, id) => owners.get(`${typeName}:${id}`) ?? null,
    isUnmonitored: (typeName, id) => unmonitored.has(`${typeName}:${id}`),
    ipAddressOf: (deviceId) => addresses.get(deviceId) ?? null,
  };
}

async function must<T>(who: Who, text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await world.query<T>(who, text, variables);
  if (!response.body.data || response.body.errors) throw new Error(`${who} could not prepare the world: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Data for the fields the attack world leaves empty: an acknowledged
 * incident, a partner access change with its actor, a sign-in, a Partner ID
 * change request, and credits spent on a licence (so a credit movement names
 * a customer's licence).
 */
async function prepareWorld(): Promise<{ id: string; organizationId: string }[]> {
  const { A, B } = world.customers;
  await must('partnerAdmin', 'mutation ($i: ID!) { acknowledgeIncident(incidentId: $i, note: "Seen") { id } }', { i: B.incidents.ups });
  await must('customerAdminA', 'mutation ($p: ID!) { setPartnerAccess(partnerOrganizationId: $p, administrator: false, apiDeviceData: true) { administrator } }', {
    p: world.organizations.P.id,
  });
  await must('anonymous', 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { expiresIn } }', { e: A.viewer.email, p: TEST_PASSWORD });
  await must('partnerAdmin', 'mutation ($p: String!) { requestPartnerIdChange(partnerId: $p, reason: "Rebranding") { id } }', {
    p: `${world.organizations.P.partnerId ?? 'P'}_RENAMED`,
  });
  const { issueVoucher: voucher } = await must<{ issueVoucher: string }>('operator', 'mutation { issueVoucher(credits: 5000) }');
  await must('partnerAdmin', 'mutation ($v: String!) { redeemVoucher(code: $v) }', { v: voucher });
  const activated = await must<{ activateSubscription: { id: string } }>(
    'partnerAdmin',
    `mutation ($c: ID!, $d: String!, $k: String!) { activateSubscription(customerId: $c, product: "IT Expert", deviceAllowance: 2, months: 1,
       startDate: $d, installerEmails: ["it@example.com"], idempotencyKey: $k) { id } }`,
    { c: B.organization.id, d: today(), k: randomUUID() },
  );
  return [{ id: activated.activateSubscription.id, organizationId: B.organization.id }];
}

function argumentFixtures(): ArgumentFixtures {
  const dayAgo = new Date(Date.now() - 24 * 3600_000).toISOString();
  const soon = new Date(Date.now() + 3600_000).toISOString();
  return {
    'Query.organizations.first': 10,
    'Query.inventoryChanges.first': 50,
    'Query.incidentChanges.first': 50,
    // From the start of the change log (the cursor of position (0, 0)): without `after`, the feed answers no events.
    'Query.incidentEventsFeed.after': Buffer.from('v1:0:0').toString('base64url'),
    'Query.incidentEventsFeed.first': 50,
    // A's monitored sensor, from the start (position (0, the least UUID)): its newest reading, recorded by the world.
    'Query.sensorReadingsFeed.sensorIds': [world.customers.A.sensors.upsLoad],
    'Query.sensorReadingsFeed.after': Buffer.from('r1:0:00000000-0000-0000-0000-000000000000').toString('base64url'),
    'Query.suggestPartnerId.organizationName': 'Acme, Inc.',
    'Organization.devices.first': 10,
    'Organization.incidents.first': 10,
    'Organization.assessment.month': world.month,
    'Organization.auditEvents.first': 5,
    'Organization.creditMovements.first': 5,
    'Device.incidents.first': 5,
    'Sensor.history.from': dayAgo,
    'Sensor.history.to': soon,
    'Sensor.history.maxPoints': 5,
  };
}

/** Every root field of Query a client can select; organization(id:) once for every organization of the world. */
interface Root {
  field: string;
  args: Record<string, ArgumentValue>;
  /** The organization whose data it reads, when its arguments name one. */
  owner: string | null;
  /** For a `target` capability: the organization its fixtures name through the objects they name. */
  target: string | null;
}

/** The organization each root field with a `target` capability is aimed at by its argument fixtures. */
function queryTargets(): Record<string, string> {
  return { sensorReadingsFeed: world.customers.A.organization.id };
}

function queryRoots(): Root[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the supergraph has no Query type');
  const fixtures = argumentFixtures();
  return clientFields(query).flatMap((field): Root[] => {
    if (field.name === 'organization') return Object.values(organizationIds()).map((id) => ({ field: field.name, args: { id }, owner: id, target: null }));
    const args: Record<string, ArgumentValue> = {};
    for (const argument of field.args) {
      const value = fixtures[`Query.${field.name}.${argument.name}`];
      if (value !== undefined) args[argument.name] = value;
    }
    return [{ field: field.name, args, owner: null, target: queryTargets()[field.name] ?? null }];
  });
}

/** Runs the tree (cut to the gateway's limits) as `who`, and keeps what was seen. */
async function walk(
  who: Who,
  operation: 'query' | 'mutation',
  tree: ReturnType<typeof selectionTree>,
  context: { owner: string | null; target: string | null; session: Session | null },
): Promise<string[]> {
  const problems: string[] = [];
  for (const part of splitTree(operation, tree, LIMITS.maxTokens)) {
    const text = printOperation(operation, part);
    const response = await world.query<Record<string, unknown>>(who, text);
    const seen = observe(response, part, { who, registry, ...context });
    observations.push(...seen.observations);
    if (operation === 'query') appearances.push(...seen.appearances);
    problems.push(...seen.requestErrors.map((error) => `${who}: ${part.field} refused as a whole (${error})`));
    if (operation === 'query') problems.push(...hiddenIdsIn(who, JSON.stringify(response.body)));
  }
  return problems;
}

/** The ids of seeded objects the table hides from `who` that an answer holds anyway, in any field (a deviceId as much as a device). */
function hiddenIdsIn(who: Who, text: string): string[] {
  const leaks: string[] = [];
  const candidates: [string, string][] = Object.values(world.customers).flatMap((tenant) => [
    ['Organization', tenant.organization.id] as [string, string],
    ...Object.values(tenant.devices).map((device): [string, string] => ['Device', device.id]),
    ['Sensor', tenant.sensors.upsLoad],
    ['Sensor', tenant.sensors.switchTemperature],
    ['Incident', tenant.incidents.ups],
    ['Incident', tenant.incidents.switch],
    ...Object.values(tenant.locations).map((id): [string, string] => ['Location', id]),
  ]);
  candidates.push(['Organization', world.organizations.P.id], ['Organization', world.organizations.Q.id]);
  for (const [typeName, id] of candidates) {
    if (text.includes(id) && mayExist(who, typeName, id, context()) === false) leaks.push(`${who}: the answer holds the id of ${typeName} ${id}, which the table hides`);
  }
  return leaks;
}

const context = () => ({ policy: POLICY, table: TABLE, oracle, registry });

beforeAll(async () => {
  world = await startAccessMatrixWorld();
  const extraLicenses = await prepareWorld();
  registry = buildRegistry(extraLicenses);
  oracle = buildOracle();
  // A change shows in the feeds once every older transaction has ended: wait until the seeded ones do.
  const { A } = world.customers;
  await waitFor('the seeded changes in the feeds', async () => {
    const response = await world.query('customerAdminA', '{ inventoryChanges(first: 500) { changes { deviceId } } incidentChanges(first: 500) { changes { incidentId } } }');
    const text = JSON.stringify(response.body);
    return text.includes(A.devices.switch.id) && text.includes(A.incidents.switch) ? true : undefined;
  });
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

describe('every field a client can select, walked by every kind of principal', () => {
  it.each(EVERYONE)('%s gets from every field what the table says', async (who) => {
    const problems: string[] = [];
    const before = observations.length;
    for (const root of queryRoots()) {
      const tree = selectionTree(schema, 'Query', root, argumentFixtures(), { maxDepth: LIMITS.maxDepth });
      problems.push(...(await walk(who, 'query', tree, { owner: root.owner, target: root.target, session: null })));
    }
    const verdict = judge(observations.slice(before), context());
    expect([...problems, ...verdict.mismatches]).toEqual([]);
  });

  it.each(EVERYONE)('%s sees every seeded object the table lets them see, and no other', (who) => {
    const seen = new Set(appearances.filter((appearance) => appearance.who === who).map((appearance) => `${appearance.typeName}:${appearance.id}`));
    const wrong: string[] = [];
    for (const key of seen) {
      const [typeName = '', id = ''] = key.split(':');
      if (mayExist(who, typeName, id, context()) === false) wrong.push(`${typeName} ${id} is present though the table hides it`);
    }
    for (const [typeName, id] of seededObjects()) {
      if (mayExist(who, typeName, id, context()) === true && !seen.has(`${typeName}:${id}`)) wrong.push(`${typeName} ${id} is absent though the table shows it`);
    }
    expect(wrong).toEqual([]);
  });
});

/** The seeded objects a walk lists from their organization: organizations, devices, sensors, incidents, locations, licences. */
function seededObjects(): [string, string][] {
  return [
    ...Object.values(organizationIds()).map((id): [string, string] => ['Organization', id]),
    ...Object.values(world.customers).flatMap((tenant): [string, string][] => [
      ...Object.values(tenant.devices).map((device): [string, string] => ['Device', device.id]),
      ['Sensor', tenant.sensors.upsLoad],
      ['Sensor', tenant.sensors.switchTemperature],
      ['Incident', tenant.incidents.ups],
      ['Incident', tenant.incidents.switch],
      ...Object.values(tenant.locations).map((id): [string, string] => ['Location', id]),
      ['SubscriptionLicense', tenant.license.id],
    ]),
  ];
}

/** The kinds of principal the issue names, each with the customer its mutations aim at. */
const KINDS: [string, Who, CustomerName][] = [
  ['anonymous', 'anonymous', 'A'],
  ['customer admin', 'customerAdminA', 'A'],
  ['customer viewer', 'customerViewerA', 'A'],
  ['partner admin with administrator access', 'partnerAdmin', 'B'],
  ['partner admin without administrator access', 'partnerAdmin', 'A'],
  ['partner viewer (administrator access)', 'partnerViewer', 'B'],
  ['partner viewer (read-only access)', 'partnerViewer', 'A'],
  ['partner admin signed in without MFA', 'partnerAdminWithoutMfa', 'B'],
  ['API client', 'apiClient', 'A'],
  ['collector', 'collector', 'A'],
  ['operator', 'operator', 'A'],
];

/**
 * Arguments for each mutation, aimed at `tenant`, that an allowed caller gets
 * past the shield with and that change nothing the walk reads: unknown ids,
 * tokens and codes that end in a domain error, fresh invitations, a reading
 * at a new instant, a clear of an alarm never raised, an acknowledgement,
 * thresholds no reading of the walk crosses, a licence bought with the
 * partner's own credits.
 */
function mutationArguments(tenant: CustomerName): Record<string, Record<string, ArgumentValue>> {
  const { organization, devices, incidents, sensors, license, viewer } = world.customers[tenant];
  const fresh = randomUUID();
  const bogusCode = 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA';
  return {
    recordReadings: { readings: [{ sensorId: sensors.upsLoad, at: new Date(Date.now() - Math.floor(Math.random() * 3600_000)).toISOString(), value: 1 }] },
    // A clear of an alarm never raised: past the shield, it changes nothing.
    recordAlarms: {
      alarms: [
        { deviceId: devices.ups.id, alarmId: `walk-${fresh}`, severity: new EnumValue('INFO'), message: 'Walk', at: new Date().toISOString(), state: new EnumValue('CLEARED') },
      ],
    },
    acknowledgeIncident: { incidentId: incidents.ups, note: 'Seen by the walk' },
    // Bounds the walk's readings (value 1) lie well within.
    setSensorThresholds: { sensorId: sensors.upsLoad, low: -1000, high: 1000, hysteresis: 1 },
    signIn: { email: viewer.email, password: TEST_PASSWORD },
    refreshSession: { refreshToken: `not-a-refresh-token-${fresh}` },
    enrollMfa: {},
    confirmMfa: { totpCode: '000000' },
    setPartnerAccess: { partnerOrganizationId: world.organizations.Q.id, administrator: false, apiDeviceData: false },
    revokePartnerAccess: { partnerOrganizationId: world.organizations.Q.id },
    inviteUser: { email: `invited-${fresh}@example.com`, role: new EnumValue('VIEWER') },
    inviteCustomer: { email: `customer-${fresh}@example.com` },
    acceptUserInvitation: { token: `not-an-invitation-${fresh}`, displayName: 'Walker', password: 'a long enough password' },
    startInvitationMfaEnrolment: { token: `not-an-invitation-${fresh}` },
    // Offers a secret bound to a fresh token, which nothing the walk reads names.
    startPartnerAccountMfaEnrolment: { adminEmail: `walker-${fresh}@example.com` },
    startMfaEnrolmentFromLink: { token: `not-an-enrolment-link-${fresh}` },
    confirmMfaEnrolmentFromLink: { token: `not-an-enrolment-link-${fresh}`, totpCode: '000000' },
    // What the walk's customers already have: nothing changes, nothing is recorded.
    setOrganizationMfaRequirement: { required: false },
    approvePartner: { token: `not-an-invitation-${fresh}` },
    createApiCredential: { name: `Walk ${fresh}` },
    revokeApiCredential: { id: fresh },
    createPartnerAccount: { organizationName: `Walker ${fresh}`, admin: { email: `walker-${fresh}@example.com`, displayName: 'Walker', password: 'short' } },
    requestPartnerIdChange: { partnerId: `WALK_${fresh.slice(0, 8).toUpperCase()}`, reason: 'Walk' },
    decidePartnerIdChange: { requestId: fresh, approve: false },
    redeemLicenseKey: { customerId: organization.id, key: bogusCode, startDate: today() },
    redeemVoucher: { code: bogusCode },
    activateSubscription: {
      customerId: organization.id,
      product: 'IT Expert',
      deviceAllowance: 1,
      months: 1,
      startDate: today(),
      installerEmails: ['it@example.com'],
      idempotencyKey: fresh,
    },
    renewSubscription: { subscriptionId: license.id, months: 1, idempotencyKey: fresh },
    amendSubscription: { subscriptionId: license.id, addDevices: 1, idempotencyKey: fresh },
    issueLicenseKey: { product: 'IT Expert', termMonths: 12, deviceAllowance: 1, installerEmails: ['it@example.com'] },
    issueVoucher: { credits: 1 },
  };
}

describe('every mutation, sent by every kind of principal (last: they write)', () => {
  it.each(KINDS)('%s gets past the shield exactly where the table lets them', async (_kind, who, tenant) => {
    const mutation = schema.getMutationType();
    if (!mutation) throw new Error('the supergraph has no Mutation type');
    const allArguments = mutationArguments(tenant);
    const problems: string[] = [];
    const before = observations.length;
    for (const field of clientFields(mutation)) {
      const args = allArguments[field.name];
      if (args === undefined) {
        problems.push(`no arguments for Mutation.${field.name}: add them to mutationArguments`);
        continue;
      }
      const tree = selectionTree(schema, 'Mutation', { field: field.name, args }, argumentFixtures(), { maxDepth: 4 });
      const { organization, viewer } = world.customers[tenant];
      // signIn opens a session for the customer's viewer (see mutationArguments).
      const session = field.name === 'signIn' ? { userId: viewer.id, organizationId: organization.id } : null;
      problems.push(...(await walk(who, 'mutation', tree, { owner: organization.id, target: organization.id, session })));
    }
    const verdict = judge(observations.slice(before), context());
    expect([...problems, ...verdict.mismatches]).toEqual([]);
  });
});

describe('the walk itself', () => {
  it('reached every field a client can select for at least one principal: a value, or for a mutation, past the shield', () => {
    const answered = (seen: Observation) =>
      seen.outcome.kind === 'value'
        ? seen.outcome.value !== undefined
        : seen.typeName === 'Mutation' && seen.outcome.kind === 'error' && !['FORBIDDEN', 'UNAUTHENTICATED'].includes(seen.outcome.code);
    const reached = new Set(observations.filter(answered).map((seen) => `${seen.typeName}.${seen.field}`));
    // Subscription fields are not run over HTTP: the gateway follows each one's feed (a Query field walked here) as
    // the subscriber, and test/federation/live-incidents.test.ts checks what reaches each kind of subscriber.
    const selectable = objectTypes(schema)
      .filter(({ inaccessible, type }) => !inaccessible && type.name !== 'Subscription')
      .flatMap(({ type }) => clientFields(type).map((field) => `${type.name}.${field.name}`));
    expect(selectable.filter((name) => !reached.has(name))).toEqual([]);
  });

  it('left no outcome undecided', () => {
    expect(judge(observations, context()).undecided.map((seen) => `${seen.who} ${seen.path}`)).toEqual([]);
  });

  it('(the self-test: with one cell of the table flipped, the fields it governs are reported for that principal)', () => {
    const flipped: AccessTable = { ...TABLE, viewSubscriptions: TABLE.viewSubscriptions.filter((relation) => relation !== 'READ_ONLY_GRANT_VIEWER') };
    const before = new Set(judge(observations, context()).mismatches);
    const added = judge(observations, { ...context(), table: flipped }).mismatches.filter((line) => !before.has(line));
    expect(added).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Organization\.subscriptions for partnerViewer \(READ_ONLY_GRANT_VIEWER\): expected FORBIDDEN, got a value/),
        expect.stringMatching(/^SubscriptionLicense\.product for partnerViewer \(READ_ONLY_GRANT_VIEWER\): expected FORBIDDEN, got a value/),
      ]),
    );
    expect(added.filter((line) => !line.includes('for partnerViewer (READ_ONLY_GRANT_VIEWER)'))).toEqual([]);
  });

  it('(the self-test: with the IP-address cell flipped, the full addresses a partner with administrator access sees are reported)', () => {
    const flipped: AccessTable = { ...TABLE, fullIpAddresses: TABLE.fullIpAddresses.filter((relation) => relation !== 'ADMINISTRATOR_GRANT_ADMIN') };
    const { mismatches } = judge(observations, { ...context(), table: flipped });
    expect(mismatches).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Device\.ipAddress for partnerAdmin \(ADMINISTRATOR_GRANT_ADMIN\): expected the value cut, got 10\.2\.113\.45$/)]),
    );
  });

  it('(the self-test: a field whose entry is missing is reported wherever it was seen)', () => {
    const { mismatches } = judge(observations, { ...context(), policy: withoutEntry(POLICY, 'Device', 'serialNumber') });
    expect(mismatches).toEqual(expect.arrayContaining([expect.stringMatching(/^Device\.serialNumber for customerAdminA .*: no entry in the field policy$/)]));
  });
});
