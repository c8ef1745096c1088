import { randomUUID } from 'node:crypto';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization, type DemoUser } from '@partnergraph/identity/demo-seed';
import { totpCode } from '@partnergraph/identity/credentials/totp';
import { TEST_PASSWORD, createPartnerAccountWithMfa, testUser } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';
import type { AuditAction } from '../generated/operations/graphql';

/*
 * Acceptance tests for the audit log (issue #6, item 4), through the gateway:
 * sign-ins, MFA changes, partner access changes, API credentials and Partner
 * ID changes are recorded with who did them, for the organization they
 * concern; an organization's admins read its log, nobody else does; nothing
 * secret is ever in it; the database refuses to change it; and a refused
 * change records nothing. The tests run in order and share one world.
 */

const AUDIT = graphql(`
  query Audit($id: ID!, $first: Int, $after: String, $actions: [AuditAction!]) {
    organization(id: $id) {
      auditEvents(first: $first, after: $after, actions: $actions) {
        nodes {
          id
          action
          at
          actor { kind id user { email } }
          user { email }
          secondFactor
          signInFailure
          lockedUntil
          partnerAccess { partner { name } customer { name } administrator apiDeviceData }
          apiCredential { id name clientId }
          partnerIdChange { requestId previousPartnerId partnerId }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);
const SIGN_IN = graphql(`
  mutation SignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken refreshToken }
  }
`);
const SET_ACCESS = graphql(`
  mutation Set($partner: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
    setPartnerAccess(partnerOrganizationId: $partner, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator }
  }
`);

interface AuditEvent {
  id: string;
  action: string;
  at: string;
  actor: { kind: string; id: string | null; user: { email: string } | null };
  user: { email: string } | null;
  secondFactor: string | null;
  signInFailure: string | null;
  lockedUntil: string | null;
  partnerAccess: { partner: { name: string } | null; customer: { name: string } | null; administrator: boolean; apiDeviceData: boolean } | null;
  apiCredential: { id: string; name: string; clientId: string } | null;
  partnerIdChange: { requestId: string | null; previousPartnerId: string | null; partnerId: string } | null;
}
type Headers = Record<string, string>;

const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Every field of an event left empty: each test spells out the ones its action sets. */
const event = (fields: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'actor'>): AuditEvent => ({
  id: expect.any(String) as unknown as string,
  at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown as string,
  user: null,
  secondFactor: null,
  signInFailure: null,
  lockedUntil: null,
  partnerAccess: null,
  apiCredential: null,
  partnerIdChange: null,
  ...fields,
});
const byUser = (email: string) => ({ kind: 'USER', id: null, user: { email } });
const ANONYMOUS = { kind: 'ANONYMOUS', id: null, user: null };

describe('the audit log', () => {
  let supergraph: InProcessSupergraph;
  const tag = randomUUID().slice(0, 8);
  const TAG = tag.toUpperCase();
  const partner: DemoOrganization = { id: randomUUID(), name: 'Northwind', kind: 'PARTNER', partnerId: `NORTHWIND_${TAG}` };
  const customer: DemoOrganization = { id: randomUUID(), name: 'Contoso', kind: 'CUSTOMER', partnerId: null };
  const newCustomer: DemoOrganization = { id: randomUUID(), name: 'Woodgrove', kind: 'CUSTOMER', partnerId: null };
  const people = {
    adminC: testUser(`admin-${tag}@contoso.example`, customer.id, 'ADMIN'),
    viewerC: testUser(`viewer-${tag}@contoso.example`, customer.id, 'VIEWER'),
    lockable: testUser(`lockable-${tag}@contoso.example`, customer.id, 'VIEWER'),
    enrolling: testUser(`enrolling-${tag}@contoso.example`, customer.id, 'VIEWER'),
    adminP: testUser(`admin-${tag}@northwind.example`, partner.id, 'ADMIN', TOTP_SECRET),
    viewerP: testUser(`viewer-${tag}@northwind.example`, partner.id, 'VIEWER'),
    adminW: testUser(`admin-${tag}@woodgrove.example`, newCustomer.id, 'ADMIN'),
  };
  const as = {} as Record<keyof typeof people | 'operator' | 'anonymous', Headers>;
  /** Every secret a flow below handles: none may appear in the log. */
  const secrets: string[] = [TEST_PASSWORD, TOTP_SECRET];

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => supergraph.subgraphs.identity.database.dataSource.query(text, params);
  const storedCount = async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM identity.audit_event'))[0]?.n ?? 0;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, customer, newCustomer]);
    await seedDemoUsers(identity, Object.values(people));
    await seedDemoGrants(identity, [
      { customerOrganizationId: customer.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: true },
    ]);
    for (const [who, account] of Object.entries(people) as [keyof typeof people, DemoUser][]) {
      const { accessToken } = await supergraph.accessTokens.issueForUser({
        userId: account.id,
        organizationId: account.organizationId,
        role: account.role,
        mfa: true,
      });
      as[who] = { authorization: `Bearer ${accessToken}` };
    }
    const { accessToken } = await supergraph.accessTokens.issueForOperator({ operatorId: 'support-alice' });
    as.operator = { authorization: `Bearer ${accessToken}` };
    as.anonymous = {};
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const readLog = (organizationId: string, headers: Headers, variables: { first?: number; after?: string; actions?: AuditAction[] } = {}) =>
    supergraph.query(AUDIT, { id: organizationId, ...variables }, headers);
  /** The organization's events, newest first, as its admin reads them; fails the test on any error. */
  const logOf = async (organizationId: string, headers: Headers, actions?: AuditAction[]): Promise<AuditEvent[]> => {
    const { body } = await readLog(organizationId, headers, { first: 100, actions });
    expect(body.errors).toBeUndefined();
    const events = body.data?.organization?.auditEvents?.nodes;
    if (!events) throw new Error(`no audit events for ${organizationId}: ${JSON.stringify(body)}`);
    return events;
  };
  const signIn = (variables: { email: string; password: string; totpCode?: string; recoveryCode?: string }) =>
    supergraph.query(SIGN_IN, variables);
  /** Runs `work`, then says how many events it stored. */
  const eventsStoredBy = async (work: () => Promise<unknown>) => {
    const before = await storedCount();
    await work();
    return (await storedCount()) - before;
  };

  describe('sign-in', () => {
    it('records a successful sign-in for the user’s organization, with the user as actor and the second factor', async () => {
      const signedIn = await signIn({ email: people.adminC.email, password: TEST_PASSWORD });
      expect(signedIn.body.errors).toBeUndefined();
      secrets.push(signedIn.body.data?.signIn.accessToken ?? '', signedIn.body.data?.signIn.refreshToken ?? '');
      const code = totpCode(TOTP_SECRET, new Date());
      secrets.push(code);
      expect((await signIn({ email: people.adminP.email, password: TEST_PASSWORD, totpCode: code })).body.errors).toBeUndefined();

      expect((await logOf(customer.id, as.adminC, ['SIGN_IN_SUCCEEDED']))).toEqual([
        event({ action: 'SIGN_IN_SUCCEEDED', actor: byUser(people.adminC.email), user: { email: people.adminC.email }, secondFactor: 'NONE' }),
      ]);
      expect((await logOf(partner.id, as.adminP, ['SIGN_IN_SUCCEEDED']))).toEqual([
        event({ action: 'SIGN_IN_SUCCEEDED', actor: byUser(people.adminP.email), user: { email: people.adminP.email }, secondFactor: 'TOTP' }),
      ]);
    });

    it('records a failed sign-in of a known account as an anonymous caller’s, with what was wrong', async () => {
      secrets.push('wrong password one');
      expect(codes(await signIn({ email: people.viewerC.email, password: 'wrong password one' }))).toEqual(['INVALID_CREDENTIALS']);
      const current = totpCode(TOTP_SECRET, new Date());
      const wrongCode = current === '000000' ? '111111' : '000000';
      expect(codes(await signIn({ email: people.adminP.email, password: TEST_PASSWORD, totpCode: wrongCode }))).toEqual(['INVALID_MFA_CODE']);

      expect(await logOf(customer.id, as.adminC, ['SIGN_IN_FAILED'])).toEqual([
        event({ action: 'SIGN_IN_FAILED', actor: ANONYMOUS, user: { email: people.viewerC.email }, signInFailure: 'WRONG_PASSWORD' }),
      ]);
      expect(await logOf(partner.id, as.adminP, ['SIGN_IN_FAILED'])).toEqual([
        event({ action: 'SIGN_IN_FAILED', actor: ANONYMOUS, user: { email: people.adminP.email }, signInFailure: 'WRONG_MFA_CODE' }),
      ]);
    });

    it('records nothing for an unknown email, nor for a missing authenticator code', async () => {
      expect(
        await eventsStoredBy(async () => {
          expect(codes(await signIn({ email: `nobody-${tag}@contoso.example`, password: TEST_PASSWORD }))).toEqual(['INVALID_CREDENTIALS']);
          expect(codes(await signIn({ email: people.adminP.email, password: TEST_PASSWORD }))).toEqual(['MFA_CODE_REQUIRED']);
        }),
      ).toBe(0);
    });

    it('records the failure that locks an account with the lock’s end, and nothing for attempts while locked', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        secrets.push(`wrong ${attempt} ${tag}`);
        expect(codes(await signIn({ email: people.lockable.email, password: `wrong ${attempt} ${tag}` }))).toEqual(['INVALID_CREDENTIALS']);
      }
      expect(
        await eventsStoredBy(async () => {
          expect(codes(await signIn({ email: people.lockable.email, password: TEST_PASSWORD }))).toEqual(['TOO_MANY_ATTEMPTS']);
        }),
      ).toBe(0);

      const events = (await logOf(customer.id, as.adminC)).filter((entry) => entry.user?.email === people.lockable.email);
      // The fifth failure and the lock are written together: either order among them.
      expect(events.map((entry) => entry.action).sort()).toEqual(['SIGN_IN_LOCKED', ...Array<string>(5).fill('SIGN_IN_FAILED')].sort());
      expect(events.slice(2).every((entry) => entry.action === 'SIGN_IN_FAILED')).toBe(true);
      const lock = events.find((entry) => entry.action === 'SIGN_IN_LOCKED');
      expect(lock).toEqual(
        event({
          action: 'SIGN_IN_LOCKED',
          actor: ANONYMOUS,
          user: { email: people.lockable.email },
          signInFailure: 'WRONG_PASSWORD',
          lockedUntil: expect.stringMatching(/^\d{4}-/) as unknown as string,
        }),
      );
      expect(Date.parse(lock?.lockedUntil ?? '') - Date.now()).toBeGreaterThan(14 * 60_000);
    });
  });

  describe('MFA and sessions', () => {
    it('records enrolment, confirmation, and each recovery code used, with the user as actor', async () => {
      const session = await signIn({ email: people.enrolling.email, password: TEST_PASSWORD });
      const auth = { authorization: `Bearer ${session.body.data?.signIn.accessToken ?? ''}` };
      const enrolled = await supergraph.query(graphql(`mutation EnrollMfa { enrollMfa { secret } }`), {}, auth);
      const secret = enrolled.body.data?.enrollMfa.secret ?? '';
      secrets.push(secret);
      const code = totpCode(secret, new Date());
      secrets.push(code);
      const confirmed = await supergraph.query(graphql(`mutation ConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }`), { c: code }, auth);
      const recoveryCodes = confirmed.body.data?.confirmMfa ?? [];
      expect(recoveryCodes).toHaveLength(10);
      secrets.push(...recoveryCodes);

      expect((await signIn({ email: people.enrolling.email, password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] })).body.errors).toBeUndefined();
      expect(codes(await signIn({ email: people.enrolling.email, password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] }))).toEqual([
        'INVALID_MFA_CODE',
      ]);

      const events = (await logOf(customer.id, as.adminC)).filter((entry) => entry.user?.email === people.enrolling.email);
      const enrolling = { email: people.enrolling.email };
      expect(events).toEqual([
        event({ action: 'SIGN_IN_FAILED', actor: ANONYMOUS, user: enrolling, signInFailure: 'WRONG_RECOVERY_CODE' }),
        event({ action: 'SIGN_IN_SUCCEEDED', actor: byUser(enrolling.email), user: enrolling, secondFactor: 'RECOVERY_CODE' }),
        event({ action: 'MFA_RECOVERY_CODE_USED', actor: byUser(enrolling.email), user: enrolling }),
        event({ action: 'MFA_CONFIRMED', actor: byUser(enrolling.email), user: enrolling }),
        event({ action: 'MFA_ENROLLED', actor: byUser(enrolling.email), user: enrolling }),
        event({ action: 'SIGN_IN_SUCCEEDED', actor: byUser(enrolling.email), user: enrolling, secondFactor: 'NONE' }),
      ]);
    });

    it('records a spent refresh token presented again, once, and not the refreshes before it', async () => {
      const REFRESH = graphql(`mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`);
      const signedIn = await signIn({ email: people.viewerC.email, password: TEST_PASSWORD });
      const first = signedIn.body.data?.signIn.refreshToken ?? '';
      const refreshed = await supergraph.query(REFRESH, { t: first });
      expect(refreshed.body.errors).toBeUndefined();
      secrets.push(first, refreshed.body.data?.refreshSession.refreshToken ?? '');

      expect(codes(await supergraph.query(REFRESH, { t: first }))).toEqual(['REFRESH_TOKEN_REUSED']);
      expect(codes(await supergraph.query(REFRESH, { t: first }))).toEqual(['REFRESH_TOKEN_REUSED']);

      expect(await logOf(customer.id, as.adminC, ['REFRESH_TOKEN_REUSED'])).toEqual([
        event({ action: 'REFRESH_TOKEN_REUSED', actor: ANONYMOUS, user: { email: people.viewerC.email } }),
      ]);
    });
  });

  describe('partner access', () => {
    it('records a change in the customer’s log and the partner’s, naming the customer admin only to the customer', async () => {
      const changed = await supergraph.query(SET_ACCESS, { partner: partner.id, administrator: false, apiDeviceData: true }, as.adminC);
      expect(changed.body.errors).toBeUndefined();
      const access = { partner: { name: partner.name }, customer: { name: customer.name }, administrator: false, apiDeviceData: true };
      expect(await logOf(customer.id, as.adminC, ['PARTNER_ACCESS_CHANGED'])).toEqual([
        event({ action: 'PARTNER_ACCESS_CHANGED', actor: byUser(people.adminC.email), partnerAccess: access }),
      ]);
      expect(await logOf(partner.id, as.adminP, ['PARTNER_ACCESS_CHANGED'])).toEqual([
        event({ action: 'PARTNER_ACCESS_CHANGED', actor: { kind: 'USER', id: null, user: null }, partnerAccess: access }),
      ]);
    });

    it('records nothing for a refused change: no grant to change, a viewer, or the partner itself', async () => {
      expect(
        await eventsStoredBy(async () => {
          const noGrant = await supergraph.query(SET_ACCESS, { partner: randomUUID(), administrator: true, apiDeviceData: true }, as.adminC);
          expect(codes(noGrant)).toEqual(['NOT_FOUND']);
          for (const who of ['viewerC', 'adminP'] as const) {
            const refused = await supergraph.query(SET_ACCESS, { partner: partner.id, administrator: true, apiDeviceData: true }, as[who]);
            expect(codes(refused)).toEqual(['FORBIDDEN']);
          }
          const revokeUnknown = await supergraph.query(graphql(`mutation RevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }`), { p: randomUUID() }, as.adminC);
          expect(codes(revokeUnknown)).toEqual(['NOT_FOUND']);
        }),
      ).toBe(0);
    });

    it('records an approval in both logs', async () => {
      const invited = await supergraph.query(graphql(`mutation InviteCustomer($e: String!) { inviteCustomer(email: $e) { id } }`), { e: people.adminW.email }, as.adminP);
      expect(invited.body.errors).toBeUndefined();
      const [email] = await sql<{ body: string }>('SELECT body FROM identity.email_outbox WHERE to_address = $1', [people.adminW.email]);
      const token = /token=([A-Za-z0-9_-]+)/.exec(email?.body ?? '')?.[1] ?? '';
      secrets.push(token);
      const approved = await supergraph.query(graphql(`mutation ApprovePartner($t: String!) { approvePartner(token: $t) { administrator } }`), { t: token }, as.adminW);
      expect(approved.body.errors).toBeUndefined();

      const access = { partner: { name: partner.name }, customer: { name: newCustomer.name }, administrator: false, apiDeviceData: false };
      expect(await logOf(newCustomer.id, as.adminW)).toEqual([
        event({ action: 'PARTNER_ACCESS_GRANTED', actor: byUser(people.adminW.email), partnerAccess: access }),
      ]);
      expect(await logOf(partner.id, as.adminP, ['PARTNER_ACCESS_GRANTED'])).toEqual([
        event({ action: 'PARTNER_ACCESS_GRANTED', actor: { kind: 'USER', id: null, user: null }, partnerAccess: access }),
      ]);
    });

    it('records a revocation in both logs; the partner’s no longer names the customer that revoked it', async () => {
      const revoked = await supergraph.query(graphql(`mutation AuditLogRevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }`), { p: partner.id }, as.adminW);
      expect(revoked.body.errors).toBeUndefined();
      expect(await logOf(newCustomer.id, as.adminW, ['PARTNER_ACCESS_REVOKED'])).toEqual([
        event({
          action: 'PARTNER_ACCESS_REVOKED',
          actor: byUser(people.adminW.email),
          partnerAccess: { partner: { name: partner.name }, customer: { name: newCustomer.name }, administrator: false, apiDeviceData: false },
        }),
      ]);
      expect(await logOf(partner.id, as.adminP, ['PARTNER_ACCESS_REVOKED'])).toEqual([
        event({
          action: 'PARTNER_ACCESS_REVOKED',
          actor: { kind: 'USER', id: null, user: null },
          partnerAccess: { partner: { name: partner.name }, customer: null, administrator: false, apiDeviceData: false },
        }),
      ]);
    });
  });

  describe('API credentials', () => {
    let credential: { id: string; name: string; clientId: string };
    let apiClient: Headers;
    const tokenUrl = () => new URL('/oauth/token', supergraph.gatewayUrl).toString();
    const exchange = (clientId: string, secret: string) =>
      fetch(tokenUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
      });

    it('records creation and each exchange at POST /oauth/token, with the API client as actor of the exchange', async () => {
      const created = await supergraph.query(
        graphql(`mutation AuditLogCreateApiCredential { createApiCredential(name: "Nightly export") { clientSecret credential { id name clientId } } }`),
        {},
        as.adminP,
      );
      expect(created.body.errors).toBeUndefined();
      credential = created.body.data?.createApiCredential.credential ?? { id: '', name: '', clientId: '' };
      const clientSecret = created.body.data?.createApiCredential.clientSecret ?? '';
      secrets.push(clientSecret);
      const answer = await exchange(credential.clientId, clientSecret);
      expect(answer.status).toBe(200);
      const accessToken = String(((await answer.json()) as { access_token: string }).access_token);
      secrets.push(accessToken);
      apiClient = { authorization: `Bearer ${accessToken}` };

      expect(await eventsStoredBy(async () => expect((await exchange(credential.clientId, `${clientSecret}x`)).status).toBe(401))).toBe(0);

      expect(await logOf(partner.id, as.adminP, ['API_CREDENTIAL_CREATED', 'API_CREDENTIAL_USED'])).toEqual([
        event({ action: 'API_CREDENTIAL_USED', actor: { kind: 'API_CLIENT', id: credential.clientId, user: null }, apiCredential: credential }),
        event({ action: 'API_CREDENTIAL_CREATED', actor: byUser(people.adminP.email), apiCredential: credential }),
      ]);
    });

    it('never shows an API client any organization’s log, its own partner’s included', async () => {
      for (const organizationId of [customer.id, partner.id]) {
        const response = await readLog(organizationId, apiClient);
        expect(response.body.data?.organization?.auditEvents ?? null).toBeNull();
        expect(codes(response)).toEqual(['FORBIDDEN']);
      }
    });

    it('records a revocation once: revoking again changes nothing', async () => {
      const REVOKE = graphql(`mutation AuditLogRevoke($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }`);
      expect((await supergraph.query(REVOKE, { id: credential.id }, as.adminP)).body.errors).toBeUndefined();
      expect(await eventsStoredBy(async () => expect((await supergraph.query(REVOKE, { id: credential.id }, as.adminP)).body.errors).toBeUndefined())).toBe(0);
      expect(await logOf(partner.id, as.adminP, ['API_CREDENTIAL_REVOKED'])).toEqual([
        event({ action: 'API_CREDENTIAL_REVOKED', actor: byUser(people.adminP.email), apiCredential: credential }),
      ]);
    });
  });

  describe('partner accounts and Partner IDs', () => {
    let newPartner: { id: string; headers: Headers; email: string };
    let rejectedId: string;
    const REQUEST = graphql(`mutation Request($p: String!) { requestPartnerIdChange(partnerId: $p, reason: "Rebranding") { id } }`);
    const DECIDE = graphql(`mutation Decide($id: ID!, $approve: Boolean!) { decidePartnerIdChange(requestId: $id, approve: $approve) { status } }`);
    const request = async (partnerId: string) => {
      const response = await supergraph.query(REQUEST, { p: partnerId }, newPartner.headers);
      expect(response.body.errors).toBeUndefined();
      return response.body.data?.requestPartnerIdChange.id ?? '';
    };

    it('records the account’s creation with the Partner ID it starts with', async () => {
      const email = `first-${tag}@litware.example`;
      const { response: created, secret } = await createPartnerAccountWithMfa(
        supergraph,
        { organizationName: 'Litware', partnerId: `LITWARE_${TAG}`, admin: { email, displayName: 'First', password: TEST_PASSWORD } },
        graphql(`
          mutation AuditCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
            createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {
              accessToken recoveryCodes user { organization { id } }
            }
          }
        `),
      );
      expect(created.body.errors).toBeUndefined();
      const session = created.body.data?.createPartnerAccount;
      secrets.push(session?.accessToken ?? '', secret, ...(session?.recoveryCodes ?? []));
      newPartner = { id: session?.user.organization.id ?? '', headers: { authorization: `Bearer ${session?.accessToken ?? ''}` }, email };
      expect(await logOf(newPartner.id, newPartner.headers)).toEqual([
        event({ action: 'MFA_CONFIRMED', actor: byUser(email), user: { email } }),
        event({
          action: 'PARTNER_ACCOUNT_CREATED',
          actor: byUser(email),
          partnerIdChange: { requestId: null, previousPartnerId: null, partnerId: `LITWARE_${TAG}` },
        }),
      ]);
    });

    it('records a request, an operator’s approval and the change, then a rejection, with the operator as actor', async () => {
      const approvedId = await request(`LITWARE_${TAG}_DATA`);
      expect((await supergraph.query(DECIDE, { id: approvedId, approve: true }, as.operator)).body.errors).toBeUndefined();
      rejectedId = await request(`LITWARE_${TAG}_X`);
      expect((await supergraph.query(DECIDE, { id: rejectedId, approve: false }, as.operator)).body.errors).toBeUndefined();

      const operator = { kind: 'OPERATOR', id: 'support-alice', user: null };
      const first = { requestId: approvedId, previousPartnerId: `LITWARE_${TAG}`, partnerId: `LITWARE_${TAG}_DATA` };
      const second = { requestId: rejectedId, previousPartnerId: `LITWARE_${TAG}_DATA`, partnerId: `LITWARE_${TAG}_X` };
      const events = await logOf(newPartner.id, newPartner.headers, [
        'PARTNER_ID_CHANGE_REQUESTED',
        'PARTNER_ID_CHANGE_APPROVED',
        'PARTNER_ID_CHANGE_REJECTED',
        'PARTNER_ID_CHANGED',
      ]);
      expect(events.slice(0, 2)).toEqual([
        event({ action: 'PARTNER_ID_CHANGE_REJECTED', actor: operator, partnerIdChange: second }),
        event({ action: 'PARTNER_ID_CHANGE_REQUESTED', actor: byUser(newPartner.email), partnerIdChange: second }),
      ]);
      // Approval and change are written together: either order among them.
      expect(events.slice(2, 4)).toEqual(
        expect.arrayContaining([
          event({ action: 'PARTNER_ID_CHANGE_APPROVED', actor: operator, partnerIdChange: first }),
          event({ action: 'PARTNER_ID_CHANGED', actor: operator, partnerIdChange: first }),
        ]),
      );
      expect(events.slice(4)).toEqual([event({ action: 'PARTNER_ID_CHANGE_REQUESTED', actor: byUser(newPartner.email), partnerIdChange: first })]);
    });

    it('records nothing for a refused decision: already decided, or the ID taken meanwhile', async () => {
      const pendingId = await request(`TAKEN_${TAG}`);
      await seedDemoOrganizations(supergraph.subgraphs.identity.database, [
        { id: randomUUID(), name: 'Squatter', kind: 'PARTNER', partnerId: `TAKEN_${TAG}` },
      ]);
      expect(
        await eventsStoredBy(async () => {
          expect(codes(await supergraph.query(DECIDE, { id: pendingId, approve: true }, as.operator))).toEqual(['PARTNER_ID_TAKEN']);
          expect(codes(await supergraph.query(DECIDE, { id: rejectedId, approve: true }, as.operator))).toEqual(['PARTNER_ID_CHANGE_DECIDED']);
        }),
      ).toBe(0);
    });
  });

  describe('who reads it', () => {
    it.each<[string, keyof typeof as]>([
      ['the customer’s viewer', 'viewerC'],
      ['the partner’s admin, with administrator access and MFA', 'adminP'],
      ['the partner’s viewer', 'viewerP'],
      ['a platform operator', 'operator'],
    ])('refuses the customer’s log to %s (FORBIDDEN)', async (_who, who) => {
      const response = await readLog(customer.id, as[who]);
      expect(response.body.data?.organization?.auditEvents ?? null).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('shows an anonymous caller no organization at all', async () => {
      expect((await readLog(customer.id, as.anonymous)).body).toEqual({ data: { organization: null } });
    });

    it('refuses the partner’s log to the customer’s admin and to the partner’s viewer', async () => {
      for (const who of ['adminC', 'viewerP'] as const) {
        const response = await readLog(partner.id, as[who]);
        expect(response.body.data?.organization?.auditEvents ?? null).toBeNull();
        expect(codes(response)).toEqual(['FORBIDDEN']);
      }
    });

    it('answers the audit-log query of docs/api-guide.md, through viewer, to the customer’s admin', async () => {
      const { body } = await supergraph.query(
        graphql(`query AuditLogViewer { viewer { user { organization { auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {
             nodes { action at actor { kind id user { email } } user { email } signInFailure
                     partnerAccess { partner { name } administrator apiDeviceData } apiCredential { name clientId }
                     partnerIdChange { previousPartnerId partnerId } }
             pageInfo { hasNextPage endCursor } } } } } }`),
        {},
        as.adminC,
      );
      expect(body.errors).toBeUndefined();
      const actions = new Set(body.data?.viewer.user?.organization.auditEvents?.nodes.map((entry) => entry.action));
      expect([...actions].sort()).toEqual(['PARTNER_ACCESS_CHANGED', 'SIGN_IN_FAILED']);
    });

    it('keeps each organization’s log to its own events', async () => {
      const customerLog = JSON.stringify(await logOf(customer.id, as.adminC));
      expect(customerLog).not.toContain(people.adminP.email);
      expect(customerLog).not.toContain('API_CREDENTIAL');
      expect(customerLog).not.toContain(newCustomer.name);
      const stored = await sql<{ organization_id: string; action: string }>('SELECT organization_id, action FROM identity.audit_event');
      expect(stored.filter((row) => row.organization_id === customer.id && row.action.startsWith('PARTNER_ID'))).toEqual([]);
    });
  });

  describe('paging', () => {
    it('pages newest first with a cursor, and refuses more than 100 a page', async () => {
      const all = await logOf(customer.id, as.adminC);
      expect(all.length).toBeGreaterThan(3);
      const times = all.map((entry) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((left, right) => right - left));

      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const { body } = await readLog(customer.id, as.adminC, { first: 2, after });
        const page = body.data?.organization?.auditEvents;
        if (!page) throw new Error(JSON.stringify(body));
        expect(page.nodes.length).toBeLessThanOrEqual(2);
        seen.push(...page.nodes.map((entry) => entry.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect(seen).toEqual(all.map((entry) => entry.id));

      expect(codes(await readLog(customer.id, as.adminC, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await readLog(customer.id, as.adminC, { after: 'forged' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('what is stored', () => {
    it('holds no password, secret, code or token of any flow above', async () => {
      const stored = JSON.stringify(await sql('SELECT * FROM identity.audit_event'));
      expect(secrets.filter((secret) => secret.length >= 6).length).toBeGreaterThan(15);
      for (const secret of secrets.filter((value) => value.length >= 6)) expect(stored).not.toContain(secret);
    });

    it('is append-only: UPDATE, DELETE and TRUNCATE raise a database error and change nothing', async () => {
      const before = await sql('SELECT * FROM identity.audit_event ORDER BY id');
      expect(before.length).toBeGreaterThan(0);
      for (const statement of [
        `UPDATE identity.audit_event SET action = 'SIGN_IN_SUCCEEDED'`,
        'DELETE FROM identity.audit_event',
        'TRUNCATE identity.audit_event',
      ]) {
        const error = await sql(statement).then(
          () => undefined,
          (raised: unknown) => raised as { message?: string },
        );
        expect(error?.message).toMatch(/the audit log is append-only/);
      }
      expect(await sql('SELECT * FROM identity.audit_event ORDER BY id')).toEqual(before);
    });
  });
});
