import { randomUUID } from 'node:crypto';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { seedDemoSubscriptions, type DemoSubscriptionLicense } from '@partnergraph/subscriptions/demo-seed';
import { bearerHeaders, countStatements, testUser } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for issue #4, through the gateway on real PostgreSQL:
 * licence keys with check characters, issued by platform operators and
 * redeemed once (however many attempts arrive at once) by a customer admin or
 * an admin of a partner the customer granted access, extending a running
 * licence of the same product instead of overlapping it; partner credits
 * from vouchers, spent by activating, renewing and amending licences at the
 * published prices, never below zero, with an append-only ledger the balance
 * always equals, and idempotency keys so a retry never spends twice; statuses
 * derived from dates, listed for a whole partner dashboard in a constant number
 * of SQL statements; installer emails through an outbox written in the same
 * transaction; and a distinct error code for each kind of bad input, which
 * writes nothing.
 *
 * Expected costs come from `creditPrices`, expected dates from UTC date
 * arithmetic on dates chosen so that "plus N months" has one meaning (day of
 * month 2 to 28 for a start, 2 to 25 for an end).
 */

type Headers = Record<string, string>;

// What the operations below read of a licence; codegen appends the fragment to each operation that spreads it.
graphql(`fragment LicenseFields on SubscriptionLicense { id product deviceAllowance startsOn endsOn status organization { id } }`);
const ISSUE_KEY = graphql(`
  mutation IssueKey($product: String!, $termMonths: Int!, $deviceAllowance: Int!, $installerEmails: [String!]!, $issuedOn: String) {
    issueLicenseKey(product: $product, termMonths: $termMonths, deviceAllowance: $deviceAllowance, installerEmails: $installerEmails, issuedOn: $issuedOn) {
      key product termMonths deviceAllowance installerEmails issuedOn
    }
  }
`);
const ISSUE_VOUCHER = graphql(`mutation IssueVoucher($credits: Int!) { issueVoucher(credits: $credits) }`);
const REDEEM_KEY = graphql(`
  mutation Redeem($customerId: ID!, $key: String!, $startDate: String!) {
    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { ...LicenseFields }
  }
`);
const REDEEM_VOUCHER = graphql(`mutation RedeemVoucher($code: String!) { redeemVoucher(code: $code) }`);
const ACTIVATE = graphql(`
  mutation Activate(
    $customerId: ID!, $product: String!, $deviceAllowance: Int!, $months: Int!, $startDate: String!,
    $installerEmails: [String!]!, $idempotencyKey: String!
  ) {
    activateSubscription(
      customerId: $customerId, product: $product, deviceAllowance: $deviceAllowance, months: $months, startDate: $startDate,
      installerEmails: $installerEmails, idempotencyKey: $idempotencyKey
    ) { ...LicenseFields }
  }
`);
const RENEW = graphql(`
  mutation Renew($subscriptionId: ID!, $months: Int!, $idempotencyKey: String!) {
    renewSubscription(subscriptionId: $subscriptionId, months: $months, idempotencyKey: $idempotencyKey) { ...LicenseFields }
  }
`);
const AMEND = graphql(`
  mutation Amend($subscriptionId: ID!, $addDevices: Int!, $addMonths: Int!, $idempotencyKey: String!) {
    amendSubscription(subscriptionId: $subscriptionId, addDevices: $addDevices, addMonths: $addMonths, idempotencyKey: $idempotencyKey) {
      ...LicenseFields
    }
  }
`);
const PRICES = graphql(`query Prices { creditPrices { product creditsPerDeviceMonth } }`);
const SUBSCRIPTIONS = graphql(`
  query Subscriptions($id: ID!, $status: [SubscriptionStatus!]) {
    organization(id: $id) { id subscriptions(status: $status) { ...LicenseFields } }
  }
`);
const CREDITS = graphql(`
  query Credits($id: ID!) {
    organization(id: $id) { id creditBalance creditMovements(first: 100) { id kind amount balanceAfter subscription { id } at } }
  }
`);
const DASHBOARD = graphql(`query ExpiringSubscriptions { organizations { nodes { id subscriptions(status: [EXPIRING]) { ...LicenseFields } } } }`);
const REVOKE_PARTNER = graphql(`mutation SubscriptionsLicensingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }`);
const CREATE_CREDENTIAL = graphql(`
  mutation SubscriptionsLicensingCreate($name: String!) { createApiCredential(name: $name) { clientSecret credential { clientId } } }
`);

type Status = 'TRIAL' | 'ACTIVE' | 'EXPIRING' | 'EXPIRED';
interface License {
  id: string;
  product: string;
  deviceAllowance: number;
  startsOn: string;
  endsOn: string;
  status: Status;
  organization: { id: string };
}
interface IssuedKey {
  key: string;
  product: string;
  termMonths: number;
  deviceAllowance: number;
  installerEmails: string[];
  issuedOn: string;
}
interface Movement {
  id: string;
  kind: 'VOUCHER' | 'ACTIVATION' | 'RENEWAL' | 'AMENDMENT';
  amount: number;
  balanceAfter: number;
  subscription: { id: string } | null;
  at: string;
}
interface Dashboard {
  organizations: { nodes: { id: string; subscriptions: License[] | null }[] };
}

const PRODUCTS = ['IT Expert', 'IT Advisor'] as const;
/** Crockford base32: digits and A-Z without I, L, O and U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DISPLAYED_CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;
const PARALLEL_TIMEOUT_MS = 90_000;

const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);
const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

// ---- UTC dates ------------------------------------------------------------------------------------------------

const todayUtc = (): string => new Date().toISOString().slice(0, 10);
function parseDate(date: string): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}
const formatDate = (date: Date): string => date.toISOString().slice(0, 10);
function addDays(date: string, days: number): string {
  const result = parseDate(date);
  result.setUTCDate(result.getUTCDate() + days);
  return formatDate(result);
}
/** Calendar months; only used on days of month 1 to 28, where every reading of "N months later" agrees. */
function addMonths(date: string, months: number): string {
  const start = parseDate(date);
  const day = start.getUTCDate();
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return formatDate(target);
}
const dayOfMonth = (date: string): number => parseDate(date).getUTCDate();
/** The first date at least `fromDays` days after today whose day of month lies in [minDay, maxDay]. */
function dateWithDayOfMonth(fromDays: number, minDay: number, maxDay: number): string {
  let date = addDays(todayUtc(), fromDays);
  while (dayOfMonth(date) < minDay || dayOfMonth(date) > maxDay) date = addDays(date, 1);
  return date;
}
/** A start date from tomorrow on with an unambiguous "plus N months". */
const safeStart = (): string => dateWithDayOfMonth(1, 2, 28);
/** An end date 5 to about 13 days ahead (so the licence is EXPIRING, one started month left), day 2 to 25. */
const safeNearEnd = (): string => dateWithDayOfMonth(5, 2, 25);
/** endsOn of a term of `months` from `start`: the day before the same day `months` later. */
const termEnd = (start: string, months: number): string => addDays(addMonths(start, months), -1);

// ---- licence key text ----------------------------------------------------------------------------------------

const compact = (key: string): string => key.replace(/[-\s]/g, '').toUpperCase();
const grouped = (characters: string): string => (characters.match(/.{1,5}/g) ?? []).join('-');
/** The key with the character at `index` (of the 25) replaced by another valid one. */
function substituted(key: string, index: number): string {
  const characters = [...compact(key)];
  const current = characters[index] ?? '0';
  characters[index] = ALPHABET[(ALPHABET.indexOf(current) + 1) % ALPHABET.length] ?? '0';
  return grouped(characters.join(''));
}
/** The key with the characters at `index` and `index + 1` swapped. */
function swapped(key: string, index: number): string {
  const characters = [...compact(key)];
  const [first = '', second = ''] = [characters[index], characters[index + 1]];
  characters[index] = second;
  characters[index + 1] = first;
  return grouped(characters.join(''));
}

describe('subscriptions: licence keys, credits and statuses (issue #4)', () => {
  let supergraph: InProcessSupergraph;
  let operator: Headers;
  /** Well-formed, with valid check characters, issued on another database: never issued here. */
  let neverIssuedKey: string;
  let neverIssuedVoucher: string;
  const prices = new Map<string, number>();
  const price = (product: string): number => {
    const value = prices.get(product);
    if (value === undefined) throw new Error(`creditPrices lists no ${product}`);
    return value;
  };

  const tag = randomUUID().slice(0, 8).toUpperCase();
  const organization = (name: string, kind: 'CUSTOMER' | 'PARTNER'): DemoOrganization => ({
    id: randomUUID(),
    name: `${name} ${tag} ${randomUUID().slice(0, 4)}`,
    kind,
    partnerId: kind === 'PARTNER' ? `P_${randomUUID().slice(0, 8).toUpperCase()}` : null,
  });
  const installer = (): string => `installer-${randomUUID()}@example.test`;

  // The main partner and its customers.
  const partner = organization('Northwind', 'PARTNER');
  const otherPartner = organization('Litware', 'PARTNER');
  /** Grants `partner` read-only access: enough for a partner admin to redeem keys and spend credits on it. */
  const customer = organization('Contoso', 'CUSTOMER');
  /** Grants `otherPartner` read-only access, and `partner` nothing. */
  const otherCustomer = organization('Woodgrove', 'CUSTOMER');
  /** Grants `partner` read-only and API device-data access. */
  const apiCustomer = organization('Tailspin', 'CUSTOMER');
  const as = {
    partnerAdmin: {} as Headers,
    partnerAdminWithoutMfa: {} as Headers,
    partnerViewer: {} as Headers,
    otherPartnerAdmin: {} as Headers,
    customerAdmin: {} as Headers,
    customerViewer: {} as Headers,
    otherCustomerAdmin: {} as Headers,
    apiClient: {} as Headers,
    anonymous: {} as Headers,
  };

  const sql = <T>(statement: string, parameters: unknown[] = []): Promise<T> =>
    supergraph.subgraphs.subscriptions.database.dataSource.query<T>(statement, parameters);

  beforeAll(async () => {
    // A key and a voucher that are well-formed and correctly checked, but issued by another installation.
    const elsewhere = await startInProcessSupergraph();
    try {
      const elsewhereOperator = bearer((await elsewhere.accessTokens.issueForOperator({ operatorId: 'ops' })).accessToken);
      const issuedKey = await elsewhere.query(
        ISSUE_KEY,
        { product: 'IT Expert', termMonths: 12, deviceAllowance: 5, installerEmails: [installer()] },
        elsewhereOperator,
      );
      const issuedVoucher = await elsewhere.query(ISSUE_VOUCHER, { credits: 100 }, elsewhereOperator);
      expect(issuedKey.body.errors).toBeUndefined();
      expect(issuedVoucher.body.errors).toBeUndefined();
      neverIssuedKey = issuedKey.body.data?.issueLicenseKey.key ?? '';
      neverIssuedVoucher = issuedVoucher.body.data?.issueVoucher ?? '';
    } finally {
      await elsewhere.stop();
    }

    supergraph = await startInProcessSupergraph();
    operator = bearer((await supergraph.accessTokens.issueForOperator({ operatorId: 'ops' })).accessToken);
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, otherPartner, customer, otherCustomer, apiCustomer]);
    await seedDemoGrants(identity, [
      { customerOrganizationId: customer.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: false },
      { customerOrganizationId: otherCustomer.id, partnerOrganizationId: otherPartner.id, administrator: false, apiDeviceData: false },
      { customerOrganizationId: apiCustomer.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: true },
    ]);
    const partnerAdminAccount = testUser(`admin-${randomUUID()}@northwind.example`, partner.id, 'ADMIN');
    await seedDemoUsers(identity, [partnerAdminAccount]);
    as.partnerAdmin = bearer(
      (await supergraph.accessTokens.issueForUser({ userId: partnerAdminAccount.id, organizationId: partner.id, role: 'ADMIN', mfa: true }))
        .accessToken,
    );
    as.partnerAdminWithoutMfa = await bearerHeaders(supergraph, { organizationId: partner.id, role: 'ADMIN', mfa: false });
    as.partnerViewer = await bearerHeaders(supergraph, { organizationId: partner.id, role: 'VIEWER', mfa: true });
    as.otherPartnerAdmin = await bearerHeaders(supergraph, { organizationId: otherPartner.id, role: 'ADMIN', mfa: true });
    as.customerAdmin = await bearerHeaders(supergraph, { organizationId: customer.id, role: 'ADMIN', mfa: false });
    as.customerViewer = await bearerHeaders(supergraph, { organizationId: customer.id, role: 'VIEWER', mfa: false });
    as.otherCustomerAdmin = await bearerHeaders(supergraph, { organizationId: otherCustomer.id, role: 'ADMIN', mfa: false });

    // An API client of the partner, the way a script gets one.
    const created = await supergraph.query(
      CREATE_CREDENTIAL,
      { name: 'Licensing tests' },
      as.partnerAdmin,
    );
    expect(created.body.errors).toBeUndefined();
    const credential = created.body.data?.createApiCredential;
    const tokenResponse = await fetch(new URL('/oauth/token', supergraph.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credential?.credential.clientId ?? '',
        client_secret: credential?.clientSecret ?? '',
      }).toString(),
    });
    expect(tokenResponse.status).toBe(200);
    as.apiClient = bearer(String(((await tokenResponse.json()) as Record<string, unknown>).access_token));

    const priceList = await supergraph.query(PRICES, {}, as.partnerAdmin);
    expect(priceList.body.errors).toBeUndefined();
    for (const line of priceList.body.data?.creditPrices ?? []) prices.set(line.product, line.creditsPerDeviceMonth);
  }, 120_000);
  afterAll(async () => {
    await supergraph?.stop();
  });

  // ---- helpers ---------------------------------------------------------------------------------------------------

  /** A new customer organization granting each of `partners` read-only access (or what is given). */
  async function newCustomer(
    grants: { partner: DemoOrganization; administrator?: boolean; apiDeviceData?: boolean }[] = [{ partner }],
  ): Promise<DemoOrganization> {
    const created = organization('Customer', 'CUSTOMER');
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [created]);
    await seedDemoGrants(
      supergraph.subgraphs.identity.database,
      grants.map((grant) => ({
        customerOrganizationId: created.id,
        partnerOrganizationId: grant.partner.id,
        administrator: grant.administrator ?? false,
        apiDeviceData: grant.apiDeviceData ?? false,
      })),
    );
    return created;
  }
  /** A new partner organization with an admin (MFA) and a viewer (MFA). */
  async function newPartner(): Promise<{ organization: DemoOrganization; admin: Headers; viewer: Headers }> {
    const created = organization('Partner', 'PARTNER');
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [created]);
    return {
      organization: created,
      admin: await bearerHeaders(supergraph, { organizationId: created.id, role: 'ADMIN', mfa: true }),
      viewer: await bearerHeaders(supergraph, { organizationId: created.id, role: 'VIEWER', mfa: true }),
    };
  }
  function seedLicense(organizationId: string, license: Partial<DemoSubscriptionLicense> & { endsOn: string }): Promise<DemoSubscriptionLicense> {
    const row: DemoSubscriptionLicense = {
      id: randomUUID(),
      organizationId,
      product: 'IT Expert',
      deviceAllowance: 10,
      trial: false,
      startsOn: addMonths(addDays(license.endsOn, 1), -12),
      ...license,
    };
    return seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, [row]).then(() => row);
  }

  async function issueKey(
    key: { product?: string; termMonths?: number; deviceAllowance?: number; installerEmails?: string[]; issuedOn?: string } = {},
  ): Promise<IssuedKey> {
    const response = await supergraph.query(
      ISSUE_KEY,
      { product: 'IT Expert', termMonths: 12, deviceAllowance: 5, installerEmails: [installer()], ...key },
      operator,
    );
    expect(response.body.errors).toBeUndefined();
    const issued = response.body.data?.issueLicenseKey;
    if (!issued) throw new Error('issueLicenseKey returned nothing');
    return issued;
  }
  async function issueVoucher(credits: number): Promise<string> {
    const response = await supergraph.query(ISSUE_VOUCHER, { credits }, operator);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.issueVoucher ?? '';
  }

  const redeemKey = (headers: Headers, customerId: string, key: string, startDate: string) =>
    supergraph.query(REDEEM_KEY, { customerId, key, startDate }, headers);
  async function redeemed(headers: Headers, customerId: string, key: string, startDate: string): Promise<License> {
    const response = await redeemKey(headers, customerId, key, startDate);
    expect(response.body.errors).toBeUndefined();
    const license = response.body.data?.redeemLicenseKey;
    if (!license) throw new Error('redeemLicenseKey returned nothing');
    return license;
  }
  const redeemVoucher = (headers: Headers, code: string) => supergraph.query(REDEEM_VOUCHER, { code }, headers);
  async function fund(headers: Headers, credits: number): Promise<number> {
    const response = await redeemVoucher(headers, await issueVoucher(credits));
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.redeemVoucher ?? Number.NaN;
  }
  interface Activation {
    customerId: string;
    product: string;
    deviceAllowance: number;
    months: number;
    startDate: string;
    installerEmails: string[];
    idempotencyKey: string;
  }
  const activate = (headers: Headers, activation: Activation) =>
    supergraph.query(ACTIVATE, { ...activation }, headers);
  const renew = (headers: Headers, subscriptionId: string, months: number, idempotencyKey: string) =>
    supergraph.query(RENEW, { subscriptionId, months, idempotencyKey }, headers);
  const amend = (headers: Headers, subscriptionId: string, addDevices: number, addMonths: number, idempotencyKey: string) =>
    supergraph.query(AMEND, { subscriptionId, addDevices, addMonths, idempotencyKey }, headers);

  async function subscriptionsOf(organizationId: string, headers: Headers, status?: Status[]): Promise<License[]> {
    const response = await supergraph.query(SUBSCRIPTIONS, { id: organizationId, status }, headers);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.organization?.subscriptions ?? [];
  }
  async function creditsOf(organizationId: string, headers: Headers): Promise<{ balance: number | null; movements: Movement[] }> {
    const response = await supergraph.query(CREDITS, { id: organizationId }, headers);
    expect(response.body.errors).toBeUndefined();
    return {
      balance: response.body.data?.organization?.creditBalance ?? null,
      movements: response.body.data?.organization?.creditMovements ?? [],
    };
  }
  /** The stored balance, after checking it equals the sum of the partner's ledger rows. */
  async function balanceMatchingLedger(partnerOrganizationId: string): Promise<number> {
    const [ledger] = await sql<{ sum: string | null }[]>(
      'SELECT sum(amount) AS sum FROM subscriptions.credit_ledger WHERE organization_id = $1',
      [partnerOrganizationId],
    );
    const [stored] = await sql<{ balance: string | number }[]>(
      'SELECT balance FROM subscriptions.credit_balance WHERE organization_id = $1',
      [partnerOrganizationId],
    );
    const balance = Number(stored?.balance ?? 0);
    expect(balance).toBe(Number(ledger?.sum ?? 0));
    expect(balance).toBeGreaterThanOrEqual(0);
    return balance;
  }
  async function outboxTo(addresses: string[]): Promise<{ to_address: string; subject: string; body: string }[]> {
    return sql('SELECT to_address, subject, body FROM subscriptions.email_outbox WHERE to_address = ANY($1) ORDER BY to_address', [addresses]);
  }

  /** Count and content digest of every table the issue names; the outbox by the columns the issue names. */
  const TABLES: Record<string, string> = {
    subscription_license: '*',
    license_key: '*',
    voucher: '*',
    credit_ledger: '*',
    credit_balance: '*',
    email_outbox: 'id, to_address, subject, body, created_at',
  };
  async function snapshot(): Promise<Record<string, { count: number; digest: string }>> {
    const result: Record<string, { count: number; digest: string }> = {};
    for (const [table, columns] of Object.entries(TABLES)) {
      const [row] = await sql<{ count: number; digest: string }[]>(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
           FROM (SELECT ${columns} FROM subscriptions.${table}) t`,
      );
      result[table] = { count: row?.count ?? -1, digest: row?.digest ?? '' };
    }
    return result;
  }
  /** Sends, expects exactly one error with one of `expected` codes and no data, and that nothing was written. */
  async function expectRefusedWithoutWrites(send: () => Promise<GraphQLResponse<unknown>>, expected: string[]): Promise<void> {
    const before = await snapshot();
    const response = await send();
    expect(codes(response)).toEqual([expect.stringMatching(new RegExp(`^(${expected.join('|')})$`))]);
    const data = response.body.data as Record<string, unknown> | null | undefined;
    expect(Object.values(data ?? {}).filter((value) => value !== null)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }
  /** Who may not do something to a customer gets FORBIDDEN, or NOT_FOUND when the customer does not exist for them. */
  const NOT_THEIRS = ['FORBIDDEN', 'NOT_FOUND'];

  // ---- licence keys ----------------------------------------------------------------------------------------------

  describe('issuing licence keys', () => {
    it('lets a platform operator issue a key: five groups of five Crockford base32 characters, with what it licenses', async () => {
      const installers = [installer(), installer()];
      const issued = await issueKey({ product: 'IT Advisor', termMonths: 24, deviceAllowance: 10, installerEmails: installers });
      expect(issued).toEqual({
        key: expect.stringMatching(DISPLAYED_CODE),
        product: 'IT Advisor',
        termMonths: 24,
        deviceAllowance: 10,
        installerEmails: installers,
        issuedOn: todayUtc(),
      });
    });

    it('issues a different key each time', async () => {
      const keys = await Promise.all([issueKey(), issueKey(), issueKey()]);
      expect(new Set(keys.map((issued) => issued.key)).size).toBe(3);
    });

    it('records the issue date it is given', async () => {
      expect((await issueKey({ issuedOn: '2025-03-31' })).issuedOn).toBe('2025-03-31');
    });

    it.each<[string, () => Headers]>([
      ['a partner admin', () => as.partnerAdmin],
      ['a customer admin', () => as.customerAdmin],
      ['an anonymous caller', () => as.anonymous],
    ])('refuses %s with FORBIDDEN, and writes nothing', async (_who, headers) => {
      await expectRefusedWithoutWrites(
        () =>
          supergraph.query(ISSUE_KEY, { product: 'IT Expert', termMonths: 12, deviceAllowance: 5, installerEmails: [installer()] }, headers()),
        ['FORBIDDEN'],
      );
    });
  });

  describe('redeeming a licence key', () => {
    it('gives a customer admin a licence of the key’s product and device allowance from the start date, for the key’s term', async () => {
      const owner = await newCustomer();
      const issued = await issueKey({ product: 'IT Advisor', termMonths: 12, deviceAllowance: 7 });
      const start = safeStart();
      const ownerAdmin = await bearerHeaders(supergraph, { organizationId: owner.id, role: 'ADMIN', mfa: false });
      const license = await redeemed(ownerAdmin, owner.id, issued.key, start);
      expect(license).toEqual({
        id: expect.any(String),
        product: 'IT Advisor',
        deviceAllowance: 7,
        startsOn: start,
        endsOn: termEnd(start, 12),
        status: expect.any(String),
        organization: { id: owner.id },
      });
      expect((await subscriptionsOf(owner.id, as.partnerAdmin)).map((listed) => listed.id)).toEqual([license.id]);
    });

    it('starts today, with an ACTIVE licence, from a key typed in lower case with spaces for hyphens', async () => {
      const issued = await issueKey({ product: 'IT Expert', termMonths: 12, deviceAllowance: 3 });
      const today = todayUtc();
      const typed = issued.key.toLowerCase().replace(/-/g, ' ');
      const license = await redeemed(as.customerAdmin, customer.id, typed, today);
      expect(license).toMatchObject({ product: 'IT Expert', deviceAllowance: 3, startsOn: today, status: 'ACTIVE', organization: { id: customer.id } });
      if (dayOfMonth(today) >= 2 && dayOfMonth(today) <= 28) expect(license.endsOn).toBe(termEnd(today, 12));
    });

    it('accepts a key with no separators at all', async () => {
      const owner = await newCustomer();
      const issued = await issueKey();
      const license = await redeemed(await bearerHeaders(supergraph, { organizationId: owner.id, role: 'ADMIN', mfa: false }), owner.id, compact(issued.key), safeStart());
      expect(license.organization.id).toBe(owner.id);
    });

    it('lets an admin of a partner the customer granted read-only access redeem a key for it', async () => {
      const owner = await newCustomer([{ partner }]);
      const issued = await issueKey({ termMonths: 6, deviceAllowance: 12 });
      const start = safeStart();
      const license = await redeemed(as.partnerAdmin, owner.id, issued.key, start);
      expect(license).toMatchObject({ deviceAllowance: 12, startsOn: start, endsOn: termEnd(start, 6), organization: { id: owner.id } });
      const seenByCustomer = await subscriptionsOf(owner.id, await bearerHeaders(supergraph, { organizationId: owner.id, role: 'VIEWER', mfa: false }));
      expect(seenByCustomer.map((listed) => listed.id)).toEqual([license.id]);
    });

    it('redeems a key issued before 2025-04-01', async () => {
      const owner = await newCustomer();
      const issued = await issueKey({ issuedOn: '2025-03-31', product: 'IT Advisor', termMonths: 24, deviceAllowance: 10 });
      const start = safeStart();
      const license = await redeemed(as.partnerAdmin, owner.id, issued.key, start);
      expect(license).toMatchObject({ product: 'IT Advisor', deviceAllowance: 10, startsOn: start, endsOn: termEnd(start, 24) });
    });

    it('accepts a start date 365 days ahead', async () => {
      const owner = await newCustomer();
      const start = addDays(todayUtc(), 365);
      const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey()).key, start);
      expect(license.startsOn).toBe(start);
    });

    it('emails the licence to each of the key’s installer addresses through subscriptions.email_outbox', async () => {
      const owner = await newCustomer();
      const installers = [installer(), installer()];
      const issued = await issueKey({ product: 'IT Advisor', termMonths: 12, deviceAllowance: 37, installerEmails: installers });
      const before = (await snapshot()).email_outbox?.count ?? 0;
      const license = await redeemed(as.partnerAdmin, owner.id, issued.key, safeStart());

      const emails = await outboxTo(installers);
      expect(emails.map((email) => email.to_address).sort()).toEqual([...installers].sort());
      expect((await snapshot()).email_outbox?.count).toBe(before + 2);
      for (const email of emails) {
        expect(email.subject.trim()).not.toBe('');
        expect(email.body).toContain('IT Advisor');
        expect(email.body).toContain('37');
        expect(email.body).toContain(license.endsOn);
      }
      const [row] = await sql<{ sent_at: Date | null }[]>(
        'SELECT sent_at FROM subscriptions.email_outbox WHERE to_address = $1',
        [installers[0]],
      );
      expect(row?.sent_at).toBeNull();
    });

    describe('onto a licence of the same product', () => {
      it('extends a running licence by the key’s term instead of overlapping it, keeping its id, with the larger device allowance', async () => {
        const owner = await newCustomer();
        const endsOn = safeNearEnd();
        const running = await seedLicense(owner.id, { product: 'IT Advisor', deviceAllowance: 8, endsOn, startsOn: addMonths(addDays(endsOn, 1), -3) });
        const installers = [installer()];
        const issued = await issueKey({ product: 'IT Advisor', termMonths: 6, deviceAllowance: 10, installerEmails: installers });

        const license = await redeemed(as.partnerAdmin, owner.id, issued.key, todayUtc());
        expect(license).toEqual({
          id: running.id,
          product: 'IT Advisor',
          deviceAllowance: 10,
          startsOn: running.startsOn,
          endsOn: addMonths(endsOn, 6),
          status: 'ACTIVE',
          organization: { id: owner.id },
        });
        expect(await subscriptionsOf(owner.id, as.partnerAdmin)).toEqual([license]);
        const [email] = await outboxTo(installers);
        expect(email?.body).toContain(addMonths(endsOn, 6));
      });

      it('keeps the larger device allowance when the key’s is smaller', async () => {
        const owner = await newCustomer();
        const endsOn = safeNearEnd();
        const running = await seedLicense(owner.id, { product: 'IT Expert', deviceAllowance: 40, endsOn });
        const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey({ termMonths: 3, deviceAllowance: 5 })).key, todayUtc());
        expect(license).toMatchObject({ id: running.id, deviceAllowance: 40, endsOn: addMonths(endsOn, 3) });
      });

      it('extends a licence that ends the day before the start date', async () => {
        const owner = await newCustomer();
        const endsOn = safeNearEnd();
        const running = await seedLicense(owner.id, { endsOn });
        const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey({ termMonths: 12 })).key, addDays(endsOn, 1));
        expect(license).toMatchObject({ id: running.id, endsOn: addMonths(endsOn, 12) });
        expect(await subscriptionsOf(owner.id, as.partnerAdmin)).toHaveLength(1);
      });

      it('starts a new licence when a day lies between the running licence’s end and the start date', async () => {
        const owner = await newCustomer();
        const endsOn = safeNearEnd();
        const running = await seedLicense(owner.id, { endsOn });
        const start = addDays(endsOn, 2);
        const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey({ termMonths: 12 })).key, start);
        expect(license.id).not.toBe(running.id);
        expect(license).toMatchObject({ startsOn: start, endsOn: termEnd(start, 12) });
        const listed = await subscriptionsOf(owner.id, as.partnerAdmin);
        expect(listed.map((item) => item.id).sort()).toEqual([running.id, license.id].sort());
        expect(listed.find((item) => item.id === running.id)?.endsOn).toBe(endsOn);
      });

      it('starts a new licence when the previous one has expired', async () => {
        const owner = await newCustomer();
        const expired = await seedLicense(owner.id, { endsOn: addDays(todayUtc(), -5) });
        const start = safeStart();
        const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey({ termMonths: 12 })).key, start);
        expect(license.id).not.toBe(expired.id);
        expect(license).toMatchObject({ startsOn: start, endsOn: termEnd(start, 12) });
      });

      it('does not touch a running licence of another product', async () => {
        const owner = await newCustomer();
        const endsOn = safeNearEnd();
        const advisor = await seedLicense(owner.id, { product: 'IT Advisor', endsOn });
        const license = await redeemed(as.partnerAdmin, owner.id, (await issueKey({ product: 'IT Expert' })).key, todayUtc());
        expect(license.id).not.toBe(advisor.id);
        expect(license.product).toBe('IT Expert');
        const listed = await subscriptionsOf(owner.id, as.partnerAdmin);
        expect(listed.find((item) => item.id === advisor.id)).toMatchObject({ product: 'IT Advisor', endsOn, deviceAllowance: advisor.deviceAllowance });
      });
    });

    it(
      'redeems a key exactly once when 50 attempts arrive at the same moment',
      async () => {
        const owner = await newCustomer();
        const installers = [installer(), installer()];
        const issued = await issueKey({ installerEmails: installers });
        const before = await snapshot();
        const start = safeStart();

        const responses = await Promise.all(Array.from({ length: 50 }, () => redeemKey(as.partnerAdmin, owner.id, issued.key, start)));

        const succeeded = responses.filter((response) => response.body.errors === undefined && response.body.data?.redeemLicenseKey);
        expect(succeeded).toHaveLength(1);
        const refused = responses.filter((response) => response.body.errors !== undefined).map((response) => codes(response));
        expect(refused).toEqual(Array.from({ length: 49 }, () => ['LICENSE_KEY_ALREADY_REDEEMED']));
        const listed = await subscriptionsOf(owner.id, as.partnerAdmin);
        expect(listed.map((license) => license.id)).toEqual([succeeded[0]?.body.data?.redeemLicenseKey.id]);
        const after = await snapshot();
        expect(after.subscription_license?.count).toBe((before.subscription_license?.count ?? 0) + 1);
        expect(after.email_outbox?.count).toBe((before.email_outbox?.count ?? 0) + 2);
        expect((await outboxTo(installers)).map((email) => email.to_address).sort()).toEqual([...installers].sort());
      },
      PARALLEL_TIMEOUT_MS,
    );

    describe('refuses bad input with its own code, and writes nothing', () => {
      it.each<[string, () => string]>([
        ['too short', () => 'ABCDE-FGHJK-MNPQR-STVWX'],
        ['one character too many', () => `${neverIssuedKey}A`],
        ['one character too few', () => compact(neverIssuedKey).slice(1)],
        ['a character outside the alphabet', () => `*${compact(neverIssuedKey).slice(1)}`],
        ['empty', () => ''],
        ['blank', () => ' -  - '],
      ])('LICENSE_KEY_MALFORMED for a key %s, before any database statement', async (_what, key) => {
        const owner = await newCustomer();
        let statements = -1;
        await expectRefusedWithoutWrites(async () => {
          let response: GraphQLResponse<unknown> | undefined;
          statements = (await countStatements(supergraph, async () => {
            response = await redeemKey(as.partnerAdmin, owner.id, key(), safeStart());
          })).subscriptions;
          if (!response) throw new Error('no response');
          return response;
        }, ['LICENSE_KEY_MALFORMED']);
        expect(statements).toBe(0);
      });

      it('LICENSE_KEY_CHECK_FAILED for every single mistyped character and every swap of two different neighbours', async () => {
        const owner = await newCustomer();
        const issued = await issueKey();
        const characters = compact(issued.key);
        expect(characters).toHaveLength(25);
        const variants = [
          ...Array.from({ length: 25 }, (_, index) => ({ change: `character ${index + 1} mistyped`, key: substituted(issued.key, index) })),
          ...Array.from({ length: 24 }, (_, index) => index)
            .filter((index) => characters[index] !== characters[index + 1])
            .map((index) => ({ change: `characters ${index + 1} and ${index + 2} swapped`, key: swapped(issued.key, index) })),
        ];
        const before = await snapshot();
        const outcomes: { change: string; codes: unknown[] }[] = [];
        for (const variant of variants) {
          outcomes.push({ change: variant.change, codes: codes(await redeemKey(as.partnerAdmin, owner.id, variant.key, safeStart())) });
        }
        expect(outcomes.filter((outcome) => outcome.codes.length !== 1 || outcome.codes[0] !== 'LICENSE_KEY_CHECK_FAILED')).toEqual([]);
        expect(await snapshot()).toEqual(before);

        // The original still redeems: the mistyped attempts touched nothing.
        expect((await redeemed(as.partnerAdmin, owner.id, issued.key, safeStart())).organization.id).toBe(owner.id);
      });

      it('catches a mistyped key before any database statement', async () => {
        const owner = await newCustomer();
        const mistyped = substituted((await issueKey()).key, 7);
        let response: GraphQLResponse<unknown> | undefined;
        const statements = await countStatements(supergraph, async () => {
          response = await redeemKey(as.partnerAdmin, owner.id, mistyped, safeStart());
        });
        expect(response && codes(response)).toEqual(['LICENSE_KEY_CHECK_FAILED']);
        expect(statements.subscriptions).toBe(0);
      });

      it('LICENSE_KEY_UNKNOWN for a well-formed, correctly checked key that was never issued here', async () => {
        const owner = await newCustomer();
        expect(neverIssuedKey).toMatch(DISPLAYED_CODE);
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, neverIssuedKey, safeStart()), ['LICENSE_KEY_UNKNOWN']);
      });

      it('LICENSE_KEY_ALREADY_REDEEMED for a key redeemed before, for the same customer or another', async () => {
        const owner = await newCustomer();
        const second = await newCustomer();
        const issued = await issueKey();
        const first = await redeemed(as.partnerAdmin, owner.id, issued.key, safeStart());
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, issued.key, safeStart()), ['LICENSE_KEY_ALREADY_REDEEMED']);
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, second.id, issued.key, safeStart()), ['LICENSE_KEY_ALREADY_REDEEMED']);
        await expectRefusedWithoutWrites(
          () => redeemKey(as.partnerAdmin, second.id, issued.key.toLowerCase(), todayUtc()),
          ['LICENSE_KEY_ALREADY_REDEEMED'],
        );
        expect((await subscriptionsOf(owner.id, as.partnerAdmin)).map((license) => license.id)).toEqual([first.id]);
        expect(await subscriptionsOf(second.id, as.partnerAdmin)).toEqual([]);
      });

      it('START_DATE_IN_PAST for yesterday and START_DATE_TOO_FAR for 366 days ahead; the key stays redeemable', async () => {
        const owner = await newCustomer();
        const issued = await issueKey();
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, issued.key, addDays(todayUtc(), -1)), ['START_DATE_IN_PAST']);
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, issued.key, '2020-01-15'), ['START_DATE_IN_PAST']);
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, issued.key, addDays(todayUtc(), 366)), ['START_DATE_TOO_FAR']);
        await expectRefusedWithoutWrites(() => redeemKey(as.partnerAdmin, owner.id, issued.key, addDays(todayUtc(), 2000)), ['START_DATE_TOO_FAR']);
        expect((await redeemed(as.partnerAdmin, owner.id, issued.key, todayUtc())).startsOn).toBe(todayUtc());
      });
    });

    describe('who may redeem', () => {
      it.each<[string, () => Headers, () => string, string[]]>([
        ['a customer viewer', () => as.customerViewer, () => customer.id, ['FORBIDDEN']],
        ['a partner viewer', () => as.partnerViewer, () => customer.id, ['FORBIDDEN']],
        ['the partner’s API client', () => as.apiClient, () => apiCustomer.id, ['FORBIDDEN']],
        ['an anonymous caller', () => as.anonymous, () => customer.id, ['FORBIDDEN']],
        ['a partner admin signed in without MFA', () => as.partnerAdminWithoutMfa, () => customer.id, NOT_THEIRS],
        ['an admin of a partner the customer granted nothing', () => as.otherPartnerAdmin, () => customer.id, NOT_THEIRS],
        ['a partner admin, for a customer that granted the partner nothing', () => as.partnerAdmin, () => otherCustomer.id, NOT_THEIRS],
        ['a customer admin, for another customer', () => as.otherCustomerAdmin, () => customer.id, NOT_THEIRS],
      ])('refuses %s, writes nothing, and leaves the key redeemable', async (_who, headers, customerId, expected) => {
        const issued = await issueKey();
        await expectRefusedWithoutWrites(() => redeemKey(headers(), customerId(), issued.key, safeStart()), expected);
        expect((await redeemed(as.customerAdmin, customer.id, issued.key, safeStart())).organization.id).toBe(customer.id);
      });
    });
  });

  // ---- statuses ---------------------------------------------------------------------------------------------------

  describe('statuses, derived from the dates', () => {
    const statusCustomer = organization('Fabrikam', 'CUSTOMER');
    const expected = new Map<string, Status>();

    beforeAll(async () => {
      await seedDemoOrganizations(supergraph.subgraphs.identity.database, [statusCustomer]);
      await seedDemoGrants(supergraph.subgraphs.identity.database, [
        { customerOrganizationId: statusCustomer.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: true },
      ]);
      const today = todayUtc();
      const rows: [Partial<DemoSubscriptionLicense> & { endsOn: string }, Status][] = [
        [{ endsOn: addDays(today, 10) }, 'EXPIRING'],
        [{ endsOn: today }, 'EXPIRING'],
        [{ endsOn: addDays(today, 29) }, 'EXPIRING'],
        [{ endsOn: addDays(today, 31) }, 'ACTIVE'],
        [{ endsOn: addDays(today, 200), product: 'IT Advisor' }, 'ACTIVE'],
        [{ endsOn: addDays(today, -1) }, 'EXPIRED'],
        [{ endsOn: addDays(today, -400), product: 'IT Advisor' }, 'EXPIRED'],
        [{ endsOn: addDays(today, 60), trial: true, startsOn: addDays(today, -5) }, 'TRIAL'],
        [{ endsOn: addDays(today, -3), trial: true, startsOn: addDays(today, -33) }, 'EXPIRED'],
      ];
      for (const [row, status] of rows) expected.set((await seedLicense(statusCustomer.id, row)).id, status);
    });

    it('shows each licence’s status to the customer’s viewers: TRIAL, ACTIVE, EXPIRING (within 30 days), EXPIRED', async () => {
      const viewer = await bearerHeaders(supergraph, { organizationId: statusCustomer.id, role: 'VIEWER', mfa: false });
      const listed = await subscriptionsOf(statusCustomer.id, viewer);
      expect(Object.fromEntries(listed.map((license) => [license.id, license.status]))).toEqual(Object.fromEntries(expected));
      for (const license of listed) expect(license.organization).toEqual({ id: statusCustomer.id });
    });

    it.each<[Status[]]>([[['EXPIRING']], [['EXPIRED', 'TRIAL']], [['ACTIVE']], [['TRIAL', 'ACTIVE', 'EXPIRING', 'EXPIRED']]])(
      'filters by status %j',
      async (statuses) => {
        const listed = await subscriptionsOf(statusCustomer.id, as.partnerAdmin, statuses);
        const wanted = [...expected].filter(([, status]) => statuses.includes(status)).map(([id]) => id);
        expect(listed.map((license) => license.id).sort()).toEqual(wanted.sort());
      },
    );

    it('shows them to a partner viewer of a partner the customer granted read-only access', async () => {
      expect(await subscriptionsOf(statusCustomer.id, as.partnerViewer)).toHaveLength(expected.size);
    });

    it('never shows them to an API client, though it may read the customer’s device data', async () => {
      const response = await supergraph.query(SUBSCRIPTIONS, { id: statusCustomer.id }, as.apiClient);
      expect(response.body.data?.organization?.subscriptions ?? null).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('shows nothing of the customer to a partner it granted nothing', async () => {
      const response = await supergraph.query(SUBSCRIPTIONS, { id: statusCustomer.id }, as.otherPartnerAdmin);
      expect(response.body.data?.organization ?? null).toBeNull();
    });
  });

  describe('the partner dashboard: every customer’s expiring licences in one query', () => {
    async function dashboardPartner(customers: number): Promise<{ headers: Headers; expiring: Map<string, string[]> }> {
      const dashboard = await newPartner();
      const expiring = new Map<string, string[]>();
      const today = todayUtc();
      for (let index = 0; index < customers; index += 1) {
        const owner = await newCustomer([{ partner: dashboard.organization }]);
        const soon = await seedLicense(owner.id, { endsOn: addDays(today, 5 + index) });
        await seedLicense(owner.id, { endsOn: addDays(today, 200), product: 'IT Advisor' });
        await seedLicense(owner.id, { endsOn: addDays(today, -20) });
        await seedLicense(owner.id, { endsOn: addDays(today, 40), trial: true, startsOn: today });
        expiring.set(owner.id, [soon.id]);
      }
      return { headers: dashboard.admin, expiring };
    }
    async function measure(world: { headers: Headers; expiring: Map<string, string[]> }) {
      // Once to warm up (token keys, prepared plans), then counted.
      await supergraph.query(DASHBOARD, {}, world.headers);
      let data: Dashboard | null | undefined;
      const statements = await countStatements(supergraph, async () => {
        const response = await supergraph.query(DASHBOARD, {}, world.headers);
        expect(response.body.errors).toBeUndefined();
        data = response.body.data;
      });
      const listed = new Map(
        (data?.organizations.nodes ?? [])
          .filter((node) => world.expiring.has(node.id))
          .map((node) => [node.id, (node.subscriptions ?? []).map((license) => license.id)]),
      );
      expect(listed).toEqual(world.expiring);
      for (const node of data?.organizations.nodes ?? []) {
        for (const license of node.subscriptions ?? []) expect(license).toMatchObject({ status: 'EXPIRING', organization: { id: node.id } });
      }
      return statements;
    }

    it(
      'lists the expiring licences of 2 and of 8 customers with the same number of SQL statements',
      async () => {
        const small = await measure(await dashboardPartner(2));
        const large = await measure(await dashboardPartner(8));
        expect(large).toEqual(small);
      },
      PARALLEL_TIMEOUT_MS,
    );
  });

  // ---- credits ----------------------------------------------------------------------------------------------------

  describe('credits', () => {
    it('publishes one price table, in credits per device and month, for IT Expert and IT Advisor', () => {
      expect([...prices.keys()].sort()).toEqual([...PRODUCTS].sort());
      for (const product of PRODUCTS) {
        expect(Number.isInteger(price(product))).toBe(true);
        expect(price(product)).toBeGreaterThan(0);
      }
    });

    describe('vouchers', () => {
      it('are issued by platform operators as 25-character codes in five groups', async () => {
        expect(await issueVoucher(50)).toMatch(DISPLAYED_CODE);
      });

      it.each<[string, () => Headers]>([
        ['a partner admin', () => as.partnerAdmin],
        ['a customer admin', () => as.customerAdmin],
        ['an anonymous caller', () => as.anonymous],
      ])('are not issued to %s (FORBIDDEN), and nothing is written', async (_who, headers) => {
        await expectRefusedWithoutWrites(() => supergraph.query(ISSUE_VOUCHER, { credits: 1000 }, headers()), ['FORBIDDEN']);
      });

      it('start a partner at a balance of 0, with no movements', async () => {
        const fresh = await newPartner();
        expect(await creditsOf(fresh.organization.id, fresh.admin)).toEqual({ balance: 0, movements: [] });
      });

      it('add their credits to the partner’s balance once, as a VOUCHER movement, and redeemVoucher returns the new balance', async () => {
        const fresh = await newPartner();
        const code = await issueVoucher(1000);
        const first = await redeemVoucher(fresh.admin, code);
        expect(first.body).toEqual({ data: { redeemVoucher: 1000 } });
        const second = await redeemVoucher(fresh.admin, (await issueVoucher(250)).toLowerCase().replace(/-/g, ' '));
        expect(second.body).toEqual({ data: { redeemVoucher: 1250 } });

        const credits = await creditsOf(fresh.organization.id, fresh.admin);
        expect(credits.balance).toBe(1250);
        expect(credits.movements).toEqual([
          { id: expect.any(String), kind: 'VOUCHER', amount: 250, balanceAfter: 1250, subscription: null, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
          { id: expect.any(String), kind: 'VOUCHER', amount: 1000, balanceAfter: 1000, subscription: null, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        ]);
        expect(await balanceMatchingLedger(fresh.organization.id)).toBe(1250);

        await expectRefusedWithoutWrites(() => redeemVoucher(fresh.admin, code), ['VOUCHER_ALREADY_REDEEMED']);
        const otherPartnerTries = await newPartner();
        await expectRefusedWithoutWrites(() => redeemVoucher(otherPartnerTries.admin, code), ['VOUCHER_ALREADY_REDEEMED']);
        expect((await creditsOf(fresh.organization.id, fresh.admin)).balance).toBe(1250);
      });

      it('are readable as balance and movements by the partner’s viewers too', async () => {
        const fresh = await newPartner();
        await fund(fresh.admin, 300);
        const credits = await creditsOf(fresh.organization.id, fresh.viewer);
        expect(credits.balance).toBe(300);
        expect(credits.movements.map((movement) => [movement.kind, movement.amount, movement.balanceAfter])).toEqual([['VOUCHER', 300, 300]]);
      });

      it('refuse a well-formed voucher code that was never issued here with VOUCHER_UNKNOWN, and write nothing', async () => {
        expect(neverIssuedVoucher).toMatch(DISPLAYED_CODE);
        await expectRefusedWithoutWrites(() => redeemVoucher(as.partnerAdmin, neverIssuedVoucher), ['VOUCHER_UNKNOWN']);
      });

      it(
        'add their credits once when 10 redemptions of one voucher arrive at the same moment',
        async () => {
          const fresh = await newPartner();
          const code = await issueVoucher(700);
          const responses = await Promise.all(Array.from({ length: 10 }, () => redeemVoucher(fresh.admin, code)));
          expect(responses.filter((response) => response.body.data?.redeemVoucher === 700)).toHaveLength(1);
          expect(responses.filter((response) => response.body.errors !== undefined).map((response) => codes(response))).toEqual(
            Array.from({ length: 9 }, () => ['VOUCHER_ALREADY_REDEEMED']),
          );
          expect(await balanceMatchingLedger(fresh.organization.id)).toBe(700);
        },
        PARALLEL_TIMEOUT_MS,
      );

      it.each<[string, () => Headers]>([
        ['a partner viewer', () => as.partnerViewer],
        ['a partner admin signed in without MFA', () => as.partnerAdminWithoutMfa],
        ['a customer admin', () => as.customerAdmin],
        ['an API client', () => as.apiClient],
        ['an anonymous caller', () => as.anonymous],
      ])('may not be redeemed by %s (FORBIDDEN): nothing is written and the voucher stays redeemable', async (_who, headers) => {
        const code = await issueVoucher(10);
        await expectRefusedWithoutWrites(() => redeemVoucher(headers(), code), ['FORBIDDEN']);
        expect(codes(await redeemVoucher(as.partnerAdmin, code))).toEqual([]);
      });
    });

    describe('activating, renewing and amending licences', () => {
      let spender: { organization: DemoOrganization; admin: Headers; viewer: Headers };
      /** Holds the licence that the activate → renew → amend tests follow, and nothing else of IT Expert. */
      let client: DemoOrganization;
      /** Where the other activations go. */
      let sideClient: DemoOrganization;
      let licenseId: string;
      let start: string;
      const activation = (overrides: Partial<Activation> = {}): Activation => ({
        customerId: sideClient.id,
        product: 'IT Expert',
        deviceAllowance: 3,
        months: 4,
        startDate: start,
        installerEmails: [installer()],
        idempotencyKey: randomUUID(),
        ...overrides,
      });
      const latestMovement = async (): Promise<Movement | undefined> => (await creditsOf(spender.organization.id, spender.admin)).movements[0];

      beforeAll(async () => {
        spender = await newPartner();
        client = await newCustomer([{ partner: spender.organization }]);
        sideClient = await newCustomer([{ partner: spender.organization }]);
        start = safeStart();
        await fund(spender.admin, 100_000);
      });

      it('activates a licence for a customer that granted read-only access, spending price × devices × months', async () => {
        const installers = [installer(), installer()];
        const before = await balanceMatchingLedger(spender.organization.id);
        const response = await activate(spender.admin, activation({ customerId: client.id, installerEmails: installers }));
        expect(response.body.errors).toBeUndefined();
        const license = response.body.data?.activateSubscription;
        expect(license).toEqual({
          id: expect.any(String),
          product: 'IT Expert',
          deviceAllowance: 3,
          startsOn: start,
          endsOn: termEnd(start, 4),
          status: expect.any(String),
          organization: { id: client.id },
        });
        licenseId = license?.id ?? '';
        const cost = price('IT Expert') * 3 * 4;
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        expect(await latestMovement()).toEqual({
          id: expect.any(String),
          kind: 'ACTIVATION',
          amount: -cost,
          balanceAfter: before - cost,
          subscription: { id: licenseId },
          at: expect.any(String),
        });
        const customerSees = await subscriptionsOf(client.id, await bearerHeaders(supergraph, { organizationId: client.id, role: 'VIEWER', mfa: false }));
        expect(customerSees.map((listed) => listed.id)).toContain(licenseId);

        const emails = await outboxTo(installers);
        expect(emails.map((email) => email.to_address).sort()).toEqual([...installers].sort());
        for (const email of emails) {
          expect(email.body).toContain('IT Expert');
          expect(email.body).toContain('3');
          expect(email.body).toContain(termEnd(start, 4));
        }
      });

      it('activates IT Advisor at its own price', async () => {
        const before = await balanceMatchingLedger(spender.organization.id);
        const response = await activate(spender.admin, activation({ product: 'IT Advisor', deviceAllowance: 2, months: 5 }));
        expect(response.body.errors).toBeUndefined();
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - price('IT Advisor') * 2 * 5);
      });

      it('spends once and returns the same licence when an activation is retried with the same idempotency key and arguments', async () => {
        const request = activation({ deviceAllowance: 2, months: 3 });
        const first = await activate(spender.admin, request);
        expect(first.body.errors).toBeUndefined();
        const afterFirst = await snapshot();
        const balance = await balanceMatchingLedger(spender.organization.id);

        const retry = await activate(spender.admin, request);
        expect(retry.body).toEqual(first.body);
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(balance);
        expect((await snapshot()).credit_ledger).toEqual(afterFirst.credit_ledger);
        expect((await snapshot()).subscription_license).toEqual(afterFirst.subscription_license);
      });

      it(
        'spends once and returns the same licence to 10 identical activations sent at the same moment',
        async () => {
          const request = activation({ deviceAllowance: 1, months: 2 });
          const before = await balanceMatchingLedger(spender.organization.id);
          const ledgerRows = (await snapshot()).credit_ledger?.count ?? 0;
          const responses = await Promise.all(Array.from({ length: 10 }, () => activate(spender.admin, request)));
          expect(responses.map((response) => codes(response))).toEqual(Array.from({ length: 10 }, () => []));
          const ids = new Set(responses.map((response) => response.body.data?.activateSubscription.id));
          expect(ids.size).toBe(1);
          expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - price('IT Expert') * 1 * 2);
          expect((await snapshot()).credit_ledger?.count).toBe(ledgerRows + 1);
        },
        PARALLEL_TIMEOUT_MS,
      );

      it('refuses the same idempotency key with other arguments (IDEMPOTENCY_KEY_REUSED), and writes nothing', async () => {
        const request = activation();
        expect((await activate(spender.admin, request)).body.errors).toBeUndefined();
        await expectRefusedWithoutWrites(() => activate(spender.admin, { ...request, deviceAllowance: 4 }), ['IDEMPOTENCY_KEY_REUSED']);
        await expectRefusedWithoutWrites(() => activate(spender.admin, { ...request, months: 5 }), ['IDEMPOTENCY_KEY_REUSED']);
        await expectRefusedWithoutWrites(() => activate(spender.admin, { ...request, product: 'IT Advisor' }), ['IDEMPOTENCY_KEY_REUSED']);
        await expectRefusedWithoutWrites(() => activate(spender.admin, { ...request, startDate: addDays(start, 1) }), ['IDEMPOTENCY_KEY_REUSED']);
        await balanceMatchingLedger(spender.organization.id);
      });

      it('renews a licence by the months given, spending price × its device allowance × months', async () => {
        const before = await balanceMatchingLedger(spender.organization.id);
        const idempotencyKey = randomUUID();
        const response = await renew(spender.admin, licenseId, 2, idempotencyKey);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.renewSubscription).toMatchObject({ id: licenseId, deviceAllowance: 3, startsOn: start, endsOn: termEnd(start, 6) });
        const cost = price('IT Expert') * 3 * 2;
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        expect(await latestMovement()).toMatchObject({ kind: 'RENEWAL', amount: -cost, balanceAfter: before - cost, subscription: { id: licenseId } });

        const retry = await renew(spender.admin, licenseId, 2, idempotencyKey);
        expect(retry.body).toEqual(response.body);
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        await expectRefusedWithoutWrites(() => renew(spender.admin, licenseId, 3, idempotencyKey), ['IDEMPOTENCY_KEY_REUSED']);
      });

      it(
        'renews once when 10 identical renewals arrive at the same moment',
        async () => {
          const before = await balanceMatchingLedger(spender.organization.id);
          const idempotencyKey = randomUUID();
          const responses = await Promise.all(Array.from({ length: 10 }, () => renew(spender.admin, licenseId, 1, idempotencyKey)));
          expect(responses.map((response) => codes(response))).toEqual(Array.from({ length: 10 }, () => []));
          expect(new Set(responses.map((response) => response.body.data?.renewSubscription.endsOn))).toEqual(new Set([termEnd(start, 7)]));
          expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - price('IT Expert') * 3 * 1);
        },
        PARALLEL_TIMEOUT_MS,
      );

      it('amends a licence with more months, spending price × its device allowance × added months', async () => {
        const before = await balanceMatchingLedger(spender.organization.id);
        const idempotencyKey = randomUUID();
        const response = await amend(spender.admin, licenseId, 0, 1, idempotencyKey);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.amendSubscription).toMatchObject({ id: licenseId, deviceAllowance: 3, endsOn: termEnd(start, 8) });
        const cost = price('IT Expert') * 3 * 1;
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        expect(await latestMovement()).toMatchObject({ kind: 'AMENDMENT', amount: -cost, subscription: { id: licenseId } });

        const retry = await amend(spender.admin, licenseId, 0, 1, idempotencyKey);
        expect(retry.body).toEqual(response.body);
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        await expectRefusedWithoutWrites(() => amend(spender.admin, licenseId, 1, 1, idempotencyKey), ['IDEMPOTENCY_KEY_REUSED']);
      });

      it('amends a licence in its last started month with more devices and months: price × (added devices × 1 + new allowance × added months)', async () => {
        const endsOn = safeNearEnd();
        const expiring = await seedLicense(sideClient.id, {
          product: 'IT Advisor',
          deviceAllowance: 4,
          endsOn,
          startsOn: addMonths(addDays(endsOn, 1), -3),
        });
        const before = await balanceMatchingLedger(spender.organization.id);
        const response = await amend(spender.admin, expiring.id, 2, 1, randomUUID());
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.amendSubscription).toMatchObject({
          id: expiring.id,
          deviceAllowance: 6,
          startsOn: expiring.startsOn,
          endsOn: addMonths(endsOn, 1),
        });
        const cost = price('IT Advisor') * (2 * 1 + (4 + 2) * 1);
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before - cost);
        expect(await latestMovement()).toMatchObject({ kind: 'AMENDMENT', amount: -cost, balanceAfter: before - cost, subscription: { id: expiring.id } });
      });

      it('amends a licence with more devices for the rest of its term, the balance falling by the amendment’s ledger amount', async () => {
        const before = await balanceMatchingLedger(spender.organization.id);
        const response = await amend(spender.admin, licenseId, 2, 0, randomUUID());
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.amendSubscription).toMatchObject({ id: licenseId, deviceAllowance: 5, endsOn: termEnd(start, 8) });
        const movement = await latestMovement();
        expect(movement).toMatchObject({ kind: 'AMENDMENT', subscription: { id: licenseId } });
        const amount = movement?.amount ?? 0;
        // At least the added devices for the months the licence runs from its start (8), at most for 9 thirty-day months.
        expect(-amount).toBeGreaterThanOrEqual(price('IT Expert') * 2 * 8);
        expect(-amount).toBeLessThanOrEqual(price('IT Expert') * 2 * 10);
        expect(await balanceMatchingLedger(spender.organization.id)).toBe(before + amount);
        expect(movement?.balanceAfter).toBe(before + amount);
      });

      it('refuses activation start dates in the past or more than 365 days ahead, and writes nothing', async () => {
        await expectRefusedWithoutWrites(() => activate(spender.admin, activation({ startDate: addDays(todayUtc(), -1) })), ['START_DATE_IN_PAST']);
        await expectRefusedWithoutWrites(() => activate(spender.admin, activation({ startDate: addDays(todayUtc(), 366) })), ['START_DATE_TOO_FAR']);
        expect((await activate(spender.admin, activation({ startDate: addDays(todayUtc(), 365), months: 1, deviceAllowance: 1 }))).body.errors).toBeUndefined();
      });

      describe('INSUFFICIENT_CREDITS when the balance does not cover the cost, writing nothing', () => {
        let poor: { organization: DemoOrganization; admin: Headers; viewer: Headers };
        let poorClient: DemoOrganization;
        let poorLicense: License;

        beforeAll(async () => {
          poor = await newPartner();
          poorClient = await newCustomer([{ partner: poor.organization }]);
          // Enough for one IT Expert device-month, then one credit short of anything more.
          await fund(poor.admin, price('IT Expert') * 2 - 1);
          const response = await activate(poor.admin, {
            customerId: poorClient.id,
            product: 'IT Expert',
            deviceAllowance: 1,
            months: 1,
            startDate: safeStart(),
            installerEmails: [installer()],
            idempotencyKey: randomUUID(),
          });
          expect(response.body.errors).toBeUndefined();
          poorLicense = response.body.data?.activateSubscription ?? poorLicense;
        });

        it('for an activation', async () => {
          const before = await balanceMatchingLedger(poor.organization.id);
          expect(before).toBe(price('IT Expert') - 1);
          await expectRefusedWithoutWrites(
            () =>
              activate(poor.admin, {
                customerId: poorClient.id,
                product: 'IT Expert',
                deviceAllowance: 1,
                months: 1,
                startDate: safeStart(),
                installerEmails: [installer()],
                idempotencyKey: randomUUID(),
              }),
            ['INSUFFICIENT_CREDITS'],
          );
          expect(await balanceMatchingLedger(poor.organization.id)).toBe(before);
        });

        it('for a renewal', async () => {
          await expectRefusedWithoutWrites(() => renew(poor.admin, poorLicense.id, 1, randomUUID()), ['INSUFFICIENT_CREDITS']);
        });

        it('for an amendment', async () => {
          await expectRefusedWithoutWrites(() => amend(poor.admin, poorLicense.id, 0, 1, randomUUID()), ['INSUFFICIENT_CREDITS']);
          await expectRefusedWithoutWrites(() => amend(poor.admin, poorLicense.id, 1, 0, randomUUID()), ['INSUFFICIENT_CREDITS']);
        });
      });

      describe('who may spend credits', () => {
        it.each<[string, () => Headers, () => string, string[]]>([
          ['a partner viewer', () => spender.viewer, () => client.id, ['FORBIDDEN']],
          ['a customer admin, on its own organization', () => as.customerAdmin, () => customer.id, ['FORBIDDEN']],
          ['an API client', () => as.apiClient, () => apiCustomer.id, ['FORBIDDEN']],
          ['an anonymous caller', () => as.anonymous, () => client.id, ['FORBIDDEN']],
          ['a partner admin, for a customer that granted the partner nothing', () => spender.admin, () => otherCustomer.id, NOT_THEIRS],
        ])('refuses an activation by %s, and writes nothing', async (_who, headers, customerId, expected) => {
          await expectRefusedWithoutWrites(() => activate(headers(), activation({ customerId: customerId() })), expected);
        });

        it('refuses an activation by a partner admin signed in without MFA, and writes nothing', async () => {
          const withoutMfa = await bearerHeaders(supergraph, { organizationId: spender.organization.id, role: 'ADMIN', mfa: false });
          await expectRefusedWithoutWrites(() => activate(withoutMfa, activation()), NOT_THEIRS);
        });

        /** A running licence of the customer that granted the spending partner read-only access. */
        const clientLicense = async (): Promise<string> =>
          (await seedLicense(client.id, { product: 'IT Advisor', endsOn: addDays(todayUtc(), 100) })).id;

        it.each<[string, () => Promise<Headers>, () => Promise<string>, string[]]>([
          ['a partner viewer', async () => spender.viewer, clientLicense, ['FORBIDDEN']],
          [
            'the customer’s admin, on its own licence',
            () => bearerHeaders(supergraph, { organizationId: client.id, role: 'ADMIN', mfa: false }),
            clientLicense,
            ['FORBIDDEN'],
          ],
          [
            'an API client',
            async () => as.apiClient,
            async () => (await seedLicense(apiCustomer.id, { endsOn: addDays(todayUtc(), 100) })).id,
            ['FORBIDDEN'],
          ],
          ['an anonymous caller', async () => as.anonymous, clientLicense, ['FORBIDDEN']],
          [
            'the partner’s admin signed in without MFA',
            () => bearerHeaders(supergraph, { organizationId: spender.organization.id, role: 'ADMIN', mfa: false }),
            clientLicense,
            NOT_THEIRS,
          ],
          ['an admin of a partner the customer granted nothing', async () => as.otherPartnerAdmin, clientLicense, NOT_THEIRS],
          [
            'the partner’s admin, on a licence of a customer that granted the partner nothing',
            async () => spender.admin,
            async () => (await seedLicense(otherCustomer.id, { endsOn: addDays(todayUtc(), 100) })).id,
            NOT_THEIRS,
          ],
        ])('refuses renewals and amendments by %s, and writes nothing', async (_who, headers, target, expected) => {
          const [caller, subscriptionId] = [await headers(), await target()];
          await expectRefusedWithoutWrites(() => renew(caller, subscriptionId, 1, randomUUID()), expected);
          await expectRefusedWithoutWrites(() => amend(caller, subscriptionId, 1, 1, randomUUID()), expected);
          await expectRefusedWithoutWrites(() => amend(caller, subscriptionId, 0, 1, randomUUID()), expected);
        });

        it('refuses renewals and amendments once the customer has revoked the partner’s access', async () => {
          const leaving = await newCustomer([{ partner: spender.organization }]);
          const activated = await activate(spender.admin, activation({ customerId: leaving.id }));
          expect(activated.body.errors).toBeUndefined();
          const leavingLicense = activated.body.data?.activateSubscription.id ?? '';

          const leavingAdmin = testUser(`admin-${randomUUID()}@leaving.example`, leaving.id, 'ADMIN');
          await seedDemoUsers(supergraph.subgraphs.identity.database, [leavingAdmin]);
          const adminHeaders = bearer(
            (await supergraph.accessTokens.issueForUser({ userId: leavingAdmin.id, organizationId: leaving.id, role: 'ADMIN', mfa: false })).accessToken,
          );
          const revoked = await supergraph.query(REVOKE_PARTNER, { partnerOrganizationId: spender.organization.id }, adminHeaders);
          expect(revoked.body.errors).toBeUndefined();

          await expectRefusedWithoutWrites(() => renew(spender.admin, leavingLicense, 1, randomUUID()), NOT_THEIRS);
          await expectRefusedWithoutWrites(() => amend(spender.admin, leavingLicense, 1, 1, randomUUID()), NOT_THEIRS);
          await expectRefusedWithoutWrites(() => activate(spender.admin, activation({ customerId: leaving.id })), NOT_THEIRS);
        });
      });
    });

    describe('under concurrent spending', () => {
      it(
        'never goes below zero: with credits for exactly 10 activations, 10 of 30 parallel ones succeed and the rest get INSUFFICIENT_CREDITS',
        async () => {
          const racer = await newPartner();
          const racerClient = await newCustomer([{ partner: racer.organization }]);
          const product = [...PRODUCTS].sort((a, b) => price(a) - price(b))[0] ?? 'IT Expert';
          const cost = price(product);
          await fund(racer.admin, cost * 10);
          const startDate = safeStart();

          const responses = await Promise.all(
            Array.from({ length: 30 }, () =>
              activate(racer.admin, {
                customerId: racerClient.id,
                product,
                deviceAllowance: 1,
                months: 1,
                startDate,
                installerEmails: [installer()],
                idempotencyKey: randomUUID(),
              }),
            ),
          );

          expect(responses.filter((response) => response.body.errors === undefined && response.body.data?.activateSubscription)).toHaveLength(10);
          expect(responses.filter((response) => response.body.errors !== undefined).map((response) => codes(response))).toEqual(
            Array.from({ length: 20 }, () => ['INSUFFICIENT_CREDITS']),
          );
          expect(await balanceMatchingLedger(racer.organization.id)).toBe(0);
          const credits = await creditsOf(racer.organization.id, racer.admin);
          expect(credits.balance).toBe(0);
          expect(credits.movements.filter((movement) => movement.kind === 'ACTIVATION')).toHaveLength(10);
          for (const movement of credits.movements) expect(movement.balanceAfter).toBeGreaterThanOrEqual(0);
          const [negative] = await sql<{ count: number }[]>(
            'SELECT count(*)::int AS count FROM subscriptions.credit_balance WHERE balance < 0',
          );
          expect(negative?.count).toBe(0);
        },
        PARALLEL_TIMEOUT_MS,
      );
    });

    describe('the credit ledger', () => {
      it('is append-only: UPDATE and DELETE raise a database error and change nothing', async () => {
        const owner = await newPartner();
        await fund(owner.admin, 40);
        const before = await snapshot();
        expect(before.credit_ledger?.count).toBeGreaterThan(0);
        for (const statement of ['UPDATE subscriptions.credit_ledger SET amount = 0', 'DELETE FROM subscriptions.credit_ledger']) {
          const error = await sql(statement).then(
            () => undefined,
            (raised: unknown) => raised as { code?: string; message?: string },
          );
          // Refused by the database for being a change to the ledger, not for a mistake in the statement.
          expect(error).toEqual(expect.objectContaining({ message: expect.any(String) }));
          expect(['42703', '42P01', '42601']).not.toContain(error?.code);
        }
        expect(await snapshot()).toEqual(before);
        expect(await balanceMatchingLedger(owner.organization.id)).toBe(40);
      });

      it('adds up to the balance of every partner', async () => {
        const mismatched = await sql<{ organization_id: string }[]>(
          `SELECT b.organization_id
             FROM subscriptions.credit_balance b
             LEFT JOIN (SELECT organization_id, sum(amount) AS total FROM subscriptions.credit_ledger GROUP BY organization_id) l
               USING (organization_id)
            WHERE b.balance IS DISTINCT FROM coalesce(l.total, 0)`,
        );
        expect(mismatched).toEqual([]);
      });
    });
  });
});
