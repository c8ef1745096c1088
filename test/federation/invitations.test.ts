import { randomUUID } from 'node:crypto';
import type { OrganizationRole } from '@partnergraph/core';
import { seedDemoOrganizations, seedDemoUsers, type DemoOrganization, type DemoUser } from '@partnergraph/identity/demo-seed';
import type { GraphQLResponse } from '../support/http';
import { TEST_PASSWORD, currentTotpCode, startInvitationMfaEnrolment, testUser } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for invitations, through the gateway: an admin invites a
 * person into their organization, a partner admin invites a customer; the
 * link travels only by email (identity.email_outbox), its token is stored
 * hashed, and accepting it creates the user or the partner's standing access.
 * The tests run in order and share one world: later ones use earlier invitations.
 */

// What the invitations below read of one; codegen appends the fragment to each operation that spreads it.
graphql(`fragment InvitationFields on Invitation { id kind email role organization { id } expiresAt }`);
const INVITE_USER = graphql(`mutation InvitationsInviteUser($email: String!, $role: OrganizationRole!) { inviteUser(email: $email, role: $role) { ...InvitationFields } }`);
const INVITE_CUSTOMER = graphql(`mutation InvitationsInviteCustomer($email: String!) { inviteCustomer(email: $email) { ...InvitationFields } }`);
const ACCEPT = graphql(`
  mutation Accept($token: String!, $displayName: String!, $password: String!) {
    acceptUserInvitation(token: $token, displayName: $displayName, password: $password) {
      accessToken
      user { email displayName role organization { id } }
    }
  }
`);
const APPROVE = graphql(`mutation Approve($token: String!) { approvePartner(token: $token) { partner { id } customer { id } administrator apiDeviceData } }`);
const REVOKE = graphql(`mutation InvitationsRevoke($partner: ID!) { revokePartnerAccess(partnerOrganizationId: $partner) }`);
const GRANTS = graphql(`query Grants($id: ID!) { organization(id: $id) { partnerAccess { partner { id } customer { id } administrator apiDeviceData } } }`);
const HISTORY = graphql(`query History($id: ID!) { organization(id: $id) { partnerAccessHistory { action actor { email } } } }`);
const VIEWER = graphql(`query InvitationsViewer { viewer { user { email } } }`);
const SIGN_IN = graphql(`mutation InvitationsSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email } } }`);

interface Invitation {
  id: string;
  kind: 'USER' | 'CUSTOMER';
  email: string;
  role: OrganizationRole | null;
  organization: { id: string };
  expiresAt: string;
}
interface Grant {
  partner: { id: string };
  customer: { id: string };
  administrator: boolean;
  apiDeviceData: boolean;
}
type Headers = Record<string, string>;
type Response = GraphQLResponse<Record<string, unknown>>;

const MADE_UP = 'bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtMTIzNDU2Nzg';
const DAY_MS = 24 * 60 * 60 * 1000;
const codes = (response: Response): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('invitations', () => {
  let supergraph: InProcessSupergraph;

  const partner: DemoOrganization = { id: randomUUID(), name: 'Northwind Data Services', kind: 'PARTNER', partnerId: 'NORTHWIND_DATA_SERVICES' };
  const customerA: DemoOrganization = { id: randomUUID(), name: 'Contoso Hospital', kind: 'CUSTOMER', partnerId: null };
  const customerC: DemoOrganization = { id: randomUUID(), name: 'Fabrikam Bank', kind: 'CUSTOMER', partnerId: null };
  const people = {
    adminP: testUser('admin@northwind.example', partner.id, 'ADMIN'),
    viewerP: testUser('viewer@northwind.example', partner.id, 'VIEWER'),
    adminA: testUser('admin@contoso.example', customerA.id, 'ADMIN'),
    viewerA: testUser('viewer@contoso.example', customerA.id, 'VIEWER'),
    adminC: testUser('admin@fabrikam.example', customerC.id, 'ADMIN'),
  };
  type Who = keyof typeof people | 'anonymous';
  const as: Record<Who, Headers> = { adminP: {}, viewerP: {}, adminA: {}, viewerA: {}, adminC: {}, anonymous: {} };

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, customerA, customerC]);
    await seedDemoUsers(identity, Object.values(people));
    for (const [who, account] of Object.entries(people) as [keyof typeof people, DemoUser][]) {
      const { accessToken } = await supergraph.accessTokens.issueForUser({
        userId: account.id, organizationId: account.organizationId, role: account.role, mfa: account.organizationId === partner.id,
      });
      as[who] = { authorization: `Bearer ${accessToken}` };
    }
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => supergraph.subgraphs.identity.database.dataSource.query(text, params);
  const count = async (text: string, params: unknown[]) => (await sql<{ n: number }>(text, params))[0]?.n;
  const emailsTo = (address: string) => count('SELECT count(*)::int AS n FROM identity.email_outbox WHERE to_address = $1', [address]);
  const usersWith = (email: string) => count('SELECT count(*)::int AS n FROM identity.user_account WHERE email = $1', [email]);
  /** The token in the newest invitation email to `address`. */
  const tokenFor = async (address: string): Promise<string> => {
    const rows = await sql<{ body: string }>('SELECT body FROM identity.email_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1', [address]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '')?.[1];
    if (!token) throw new Error(`no invitation link emailed to ${address}: ${JSON.stringify(rows)}`);
    return token;
  };
  const expire = async (invitationId: string) => {
    await sql(`UPDATE identity.invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitationId]);
    expect(await count('SELECT count(*)::int AS n FROM identity.invitation WHERE id = $1 AND expires_at < now()', [invitationId])).toBe(1);
  };
  const expectStoredHashed = async (token: string) => {
    expect(await count('SELECT count(*)::int AS n FROM identity.invitation WHERE token_hash = $1', [token])).toBe(0);
    const rows = await sql<Record<string, unknown>>('SELECT * FROM identity.invitation');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  };
  const expectExpiresInDays = (expiresAt: string, days: number) =>
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + days * DAY_MS))).toBeLessThan(60_000);

  const inviteUser = (who: Who, email: string, role: OrganizationRole) => supergraph.query(INVITE_USER, { email, role }, as[who]);
  const inviteCustomer = (who: Who, email: string) => supergraph.query(INVITE_CUSTOMER, { email }, as[who]);
  const accept = (token: string, password = TEST_PASSWORD, displayName = 'New Person') => supergraph.query(ACCEPT, { token, displayName, password });
  const approve = (who: Who, token: string) => supergraph.query(APPROVE, { token }, as[who]);
  /** A successful invitation, and the token emailed for it. */
  const invited = async (response: Promise<Response>, field: 'inviteUser' | 'inviteCustomer') => {
    const { body } = await response;
    expect(body.errors).toBeUndefined();
    const invitation = body.data?.[field] as Invitation;
    const token = await tokenFor(invitation.email);
    expect(JSON.stringify(body)).not.toContain(token);
    return { invitation, token };
  };
  const grantsOf = async (organizationId: string, who: Who): Promise<Grant[]> => {
    const { body } = await supergraph.query(GRANTS, { id: organizationId }, as[who]);
    expect(body.errors).toBeUndefined();
    return body.data?.organization?.partnerAccess ?? [];
  };
  const historyOf = async (organizationId: string) => {
    const { body } = await supergraph.query(
      HISTORY, { id: organizationId }, as.adminA,
    );
    expect(body.errors).toBeUndefined();
    return body.data?.organization?.partnerAccessHistory ?? [];
  };
  const expectRefused = (response: Response, field: string, ...expected: string[]) => {
    const code = expected.length === 1 ? expected[0] : expect.stringMatching(new RegExp(`^(${expected.join('|')})$`));
    expect(codes(response)).toEqual([code]);
    expect(response.body.data?.[field] ?? null).toBeNull();
  };

  const NEWCOMER = 'new.person@contoso.example';
  let newcomerToken: string;
  let customerToken: string;

  describe('inviteUser', () => {
    it('lets a customer admin invite a person into their organization: normalised email, the role, 7 days, token only in the email, stored hashed', async () => {
      const { invitation, token } = await invited(inviteUser('adminA', '  New.Person@Contoso.EXAMPLE ', 'VIEWER'), 'inviteUser');
      expect(invitation).toEqual({ id: expect.any(String), kind: 'USER', email: NEWCOMER, role: 'VIEWER', organization: { id: customerA.id }, expiresAt: expect.any(String) });
      expectExpiresInDays(invitation.expiresAt, 7);
      expect(await emailsTo(NEWCOMER)).toBe(1);
      await expectStoredHashed(token);
      newcomerToken = token;
    });

    it('lets a partner admin invite a person into the partner organization', async () => {
      const { invitation } = await invited(inviteUser('adminP', 'engineer@northwind.example', 'ADMIN'), 'inviteUser');
      expect(invitation).toMatchObject({ kind: 'USER', email: 'engineer@northwind.example', role: 'ADMIN', organization: { id: partner.id } });
    });

    it.each<[Who]>([['viewerA'], ['viewerP'], ['anonymous']])('refuses %s with FORBIDDEN and sends no email', async (who) => {
      expectRefused(await inviteUser(who, 'refused.user@contoso.example', 'VIEWER'), 'inviteUser', 'FORBIDDEN');
      expect(await emailsTo('refused.user@contoso.example')).toBe(0);
    });

    it('refuses a malformed email with BAD_USER_INPUT', async () => {
      expectRefused(await inviteUser('adminA', 'not an email', 'VIEWER'), 'inviteUser', 'BAD_USER_INPUT');
      expect(await emailsTo('not an email')).toBe(0);
    });
  });

  describe('inviteCustomer', () => {
    it('lets a partner admin invite a customer: no role, 30 days, token only in the email, stored hashed', async () => {
      const { invitation, token } = await invited(inviteCustomer('adminP', ' Admin@Contoso.Example '), 'inviteCustomer');
      expect(invitation).toEqual({ id: expect.any(String), kind: 'CUSTOMER', email: people.adminA.email, role: null, organization: { id: partner.id }, expiresAt: expect.any(String) });
      expectExpiresInDays(invitation.expiresAt, 30);
      await expectStoredHashed(token);
      customerToken = token;
    });

    it.each<[Who, string]>([['adminA', 'a customer admin'], ['viewerP', 'a partner viewer'], ['anonymous', 'an anonymous caller']])('refuses %s (%s) with FORBIDDEN and sends no email', async (who) => {
      expectRefused(await inviteCustomer(who, 'refused.customer@fabrikam.example'), 'inviteCustomer', 'FORBIDDEN');
      expect(await emailsTo('refused.customer@fabrikam.example')).toBe(0);
    });

    it('refuses a malformed email with BAD_USER_INPUT', async () => {
      expectRefused(await inviteCustomer('adminP', 'fabrikam.example'), 'inviteCustomer', 'BAD_USER_INPUT');
    });
  });

  describe('acceptUserInvitation', () => {
    it('refuses a password shorter than 12 characters (BAD_USER_INPUT), creating no user', async () => {
      expectRefused(await accept(newcomerToken, 'short pass!'), 'acceptUserInvitation', 'BAD_USER_INPUT');
      expect(await usersWith(NEWCOMER)).toBe(0);
    });

    it('then creates the user in the inviting organization with the invited role, and returns a working session', async () => {
      const { body } = await accept(newcomerToken, TEST_PASSWORD, 'New Person');
      expect(body.errors).toBeUndefined();
      const session = body.data?.acceptUserInvitation as { accessToken: string; user: unknown };
      expect(session).toEqual({
        accessToken: expect.any(String),
        user: { email: NEWCOMER, displayName: 'New Person', role: 'VIEWER', organization: { id: customerA.id } },
      });
      const viewer = await supergraph.query(VIEWER, {}, { authorization: `Bearer ${session.accessToken}` });
      expect(viewer.body).toEqual({ data: { viewer: { user: { email: NEWCOMER } } } });
      expect(await usersWith(NEWCOMER)).toBe(1);
      expect((await supergraph.query(SIGN_IN, { email: NEWCOMER, password: TEST_PASSWORD })).body.errors).toBeUndefined();
    });

    it('gives the invited role in the partner organization, once the invited person enrols an authenticator', async () => {
      const token = await tokenFor('engineer@northwind.example');
      expect(codes(await accept(token))).toEqual(['MFA_ENROLMENT_REQUIRED']);
      const secret = await startInvitationMfaEnrolment(supergraph, token);
      const { body } = await supergraph.query(
        graphql(`mutation AcceptUserInvitation($t: String!, $p: String!, $c: String) { acceptUserInvitation(token: $t, displayName: "Engineer", password: $p, totpCode: $c) { user { email role organization { id } } } }`),
        { t: token, p: TEST_PASSWORD, c: currentTotpCode(secret) },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.acceptUserInvitation).toMatchObject({ user: { email: 'engineer@northwind.example', role: 'ADMIN', organization: { id: partner.id } } });
    });

    it('refuses the same token twice (INVITATION_USED)', async () => {
      expectRefused(await accept(newcomerToken, 'another long password'), 'acceptUserInvitation', 'INVITATION_USED');
      expect(await usersWith(NEWCOMER)).toBe(1);
    });

    it('refuses an expired invitation (INVITATION_EXPIRED), creating no user', async () => {
      const { invitation, token } = await invited(inviteUser('adminA', 'late@contoso.example', 'VIEWER'), 'inviteUser');
      await expire(invitation.id);
      expectRefused(await accept(token), 'acceptUserInvitation', 'INVITATION_EXPIRED');
      expect(await usersWith('late@contoso.example')).toBe(0);
    });

    it('refuses a made-up token (INVITATION_NOT_FOUND)', async () => {
      expectRefused(await accept(MADE_UP), 'acceptUserInvitation', 'INVITATION_NOT_FOUND');
    });

    it('refuses an invitation whose email has an account by now (BAD_USER_INPUT or EMAIL_TAKEN), creating no second user', async () => {
      const first = await invited(inviteUser('adminA', 'twice@contoso.example', 'VIEWER'), 'inviteUser');
      const second = await invited(inviteUser('adminC', 'twice@contoso.example', 'ADMIN'), 'inviteUser');
      expect(second.token).not.toBe(first.token);
      expect((await accept(first.token)).body.errors).toBeUndefined();
      expectRefused(await accept(second.token), 'acceptUserInvitation', 'BAD_USER_INPUT', 'EMAIL_TAKEN');
      expect(await sql('SELECT organization_id, role FROM identity.user_account WHERE email = $1', ['twice@contoso.example'])).toEqual([
        { organization_id: customerA.id, role: 'VIEWER' },
      ]);
    });
  });

  describe('approvePartner', () => {
    it.each<[Who, string]>([['viewerA', 'a customer viewer'], ['adminP', 'a partner user']])('refuses %s (%s) with FORBIDDEN, granting nothing', async (who) => {
      expectRefused(await approve(who, customerToken), 'approvePartner', 'FORBIDDEN');
      expect(await grantsOf(customerA.id, 'adminA')).toEqual([]);
    });

    it('refuses a user invitation’s token and a made-up one (INVITATION_NOT_FOUND)', async () => {
      const { token } = await invited(inviteUser('adminA', 'colleague@contoso.example', 'VIEWER'), 'inviteUser');
      expectRefused(await approve('adminA', token), 'approvePartner', 'INVITATION_NOT_FOUND');
      expectRefused(await approve('adminA', MADE_UP), 'approvePartner', 'INVITATION_NOT_FOUND');
      expect(await grantsOf(customerA.id, 'adminA')).toEqual([]);
    });

    it('lets the customer admin approve: read-only standing access for the partner, recorded as APPROVED by the admin', async () => {
      const { body } = await approve('adminA', customerToken);
      expect(body.errors).toBeUndefined();
      const readOnly = { partner: { id: partner.id }, customer: { id: customerA.id }, administrator: false, apiDeviceData: false };
      expect(body.data?.approvePartner).toEqual(readOnly);
      expect(await grantsOf(customerA.id, 'adminA')).toEqual([readOnly]);
      expect(await grantsOf(partner.id, 'adminP')).toEqual([readOnly]);
      expect(await historyOf(customerA.id)).toEqual([{ action: 'APPROVED', actor: { email: people.adminA.email } }]);
    });

    it('refuses the same token twice (INVITATION_USED), recording nothing', async () => {
      expectRefused(await approve('adminA', customerToken), 'approvePartner', 'INVITATION_USED');
      expect(await historyOf(customerA.id)).toHaveLength(1);
    });

    it('refuses an expired invitation (INVITATION_EXPIRED), granting nothing', async () => {
      const { invitation, token } = await invited(inviteCustomer('adminP', people.adminC.email), 'inviteCustomer');
      await expire(invitation.id);
      expectRefused(await approve('adminC', token), 'approvePartner', 'INVITATION_EXPIRED');
      expect(await grantsOf(customerC.id, 'adminC')).toEqual([]);
    });

    it('restores a standing grant when a new invitation is approved after the access was revoked', async () => {
      const revoked = await supergraph.query(REVOKE, { partner: partner.id }, as.adminA);
      expect(revoked.body).toEqual({ data: { revokePartnerAccess: true } });
      expect(await grantsOf(customerA.id, 'adminA')).toEqual([]);

      const { token } = await invited(inviteCustomer('adminP', people.adminA.email), 'inviteCustomer');
      expect(token).not.toBe(customerToken);
      const { body } = await approve('adminA', token);
      expect(body.errors).toBeUndefined();
      expect(await grantsOf(customerA.id, 'adminA')).toEqual([
        { partner: { id: partner.id }, customer: { id: customerA.id }, administrator: false, apiDeviceData: false },
      ]);
      expect((await historyOf(customerA.id)).map((event) => event.action)).toEqual(['APPROVED', 'REVOKED', 'APPROVED']);
    });
  });
});
