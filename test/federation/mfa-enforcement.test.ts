import { createHash, randomBytes } from 'node:crypto';
import { seedDemoOrganizations, seedDemoUsers, type DemoUser } from '@partnergraph/identity/demo-seed';
import {
  TEST_PASSWORD,
  createPartnerAccountWithMfa,
  currentTotpCode,
  startInvitationMfaEnrolment,
  taggedOrganizations,
  testUser,
  wrongTotpCode,
} from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';
import type { MfaSessionFragment } from '../generated/operations/graphql';

/*
 * Acceptance tests for issue 13 item 3, through the gateway: a partner user (or a user of a customer that requires
 * MFA) has an authenticator before any session. Joining (an invitation, a new partner account) enrols with a code
 * before the account exists; an existing user without one gets no session from signIn but an emailed single-use
 * enrolment link; a password-only session is not refreshed.
 */

type Headers = Record<string, string>;
// What each operation below reads of a session; codegen appends the fragment to each operation that spreads it.
graphql(`fragment MfaSession on Session { accessToken refreshToken recoveryCodes user { email mfaEnabled } }`);
type Session = MfaSessionFragment;

const SIGN_IN = graphql(`mutation MfaSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { ...MfaSession } }`);
const REFRESH = graphql(`mutation MfaRefresh($t: String!) { refreshSession(refreshToken: $t) { ...MfaSession } }`);
const INVITE_USER = graphql(`mutation MfaEnforcementInviteUser($e: String!, $r: OrganizationRole!) { inviteUser(email: $e, role: $r) { id } }`);
const ACCEPT = graphql(`mutation MfaAccept($t: String!, $p: String!, $c: String) {
  acceptUserInvitation(token: $t, displayName: "New Person", password: $p, totpCode: $c) { ...MfaSession } }`);
const CREATE_ACCOUNT = graphql(`mutation MfaCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { ...MfaSession } }`);
const START_FROM_LINK = graphql(`mutation StartFromLink($t: String!) { startMfaEnrolmentFromLink(token: $t) { secret otpauthUri } }`);
const CONFIRM_FROM_LINK = graphql(`mutation ConfirmFromLink($t: String!, $c: String!) { confirmMfaEnrolmentFromLink(token: $t, totpCode: $c) }`);
const SET_REQUIREMENT = graphql(`mutation SetRequirement($r: Boolean!) { setOrganizationMfaRequirement(required: $r) { id requireMfa } }`);
const VIEWER = graphql(`query MfaEnforcementViewer { viewer { mfa user { email } } }`);

/** As identity stores its opaque tokens (invitation links, refresh tokens, enrolment links): the SHA-256 only. */
const hashOpaqueToken = (token: string) => createHash('sha256').update(token).digest('hex');
const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('MFA is enforced for partner users, and for customers that require it', () => {
  let supergraph: InProcessSupergraph;
  const { tag, organization } = taggedOrganizations('MFA');
  const partner = organization('Mfa Partner', 'PARTNER');
  const strict = organization('Strict Customer');
  const relaxed = organization('Relaxed Customer');
  const email = (name: string) => `${name}-${tag}@mfa.example`;
  const people = {
    partnerAdmin: testUser(email('partner-admin'), partner.id, 'ADMIN', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    legacyPartnerViewer: testUser(email('legacy-viewer'), partner.id, 'VIEWER'),
    legacyPartnerAdmin: testUser(email('legacy-admin'), partner.id, 'ADMIN'),
    expiringLinkHolder: testUser(email('expiring'), partner.id, 'VIEWER'),
    strictAdmin: testUser(email('strict-admin'), strict.id, 'ADMIN'),
    strictViewer: testUser(email('strict-viewer'), strict.id, 'VIEWER'),
    relaxedAdmin: testUser(email('relaxed-admin'), relaxed.id, 'ADMIN'),
    relaxedViewer: testUser(email('relaxed-viewer'), relaxed.id, 'VIEWER'),
  };
  const as: Record<'partnerAdmin' | 'strictAdmin' | 'strictViewer' | 'relaxedAdmin', Headers> = {
    partnerAdmin: {},
    strictAdmin: {},
    strictViewer: {},
    relaxedAdmin: {},
  };

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, strict, relaxed]);
    await seedDemoUsers(identity, Object.values(people));
    for (const who of Object.keys(as) as (keyof typeof as)[]) {
      const user = people[who];
      const { accessToken } = await supergraph.accessTokens.issueForUser({
        userId: user.id,
        organizationId: user.organizationId,
        role: user.role,
        mfa: user.totpSecret !== null,
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
  const usersWith = (address: string) => count('SELECT count(*)::int AS n FROM identity.user_account WHERE email = $1', [address]);
  const refreshTokensOf = (address: string) =>
    count(
      'SELECT count(*)::int AS n FROM identity.refresh_token JOIN identity.user_account account ON account.id = user_id WHERE account.email = $1',
      [address],
    );
  /** The token in the newest email to `address` (an invitation or an enrolment link). */
  const tokenEmailedTo = async (address: string): Promise<string> => {
    const rows = await sql<{ body: string }>('SELECT body FROM identity.email_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1', [address]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '')?.[1];
    if (!token) throw new Error(`no link emailed to ${address}: ${JSON.stringify(rows)}`);
    return token;
  };
  const signIn = (user: DemoUser, totpCode?: string) => supergraph.query(SIGN_IN, { e: user.email, p: TEST_PASSWORD, t: totpCode });
  const invite = async (who: keyof typeof as, address: string): Promise<string> => {
    const { body } = await supergraph.query(INVITE_USER, { e: address, r: 'VIEWER' }, as[who]);
    expect(body.errors).toBeUndefined();
    return tokenEmailedTo(address);
  };
  const accept = (token: string, totpCode?: string) => supergraph.query(ACCEPT, { t: token, p: TEST_PASSWORD, c: totpCode });
  /** A refresh token of a session opened with password alone, as sign-in issued them before MFA was enforced. */
  const passwordOnlyRefreshToken = async (user: DemoUser): Promise<string> => {
    const token = randomBytes(32).toString('base64url');
    await sql(
      `INSERT INTO identity.refresh_token (token_hash, family_id, user_id, mfa, expires_at)
       VALUES ($1, gen_random_uuid(), $2, false, now() + interval '30 days')`,
      [hashOpaqueToken(token), user.id],
    );
    return token;
  };
  const expectSessionWithMfa = async (session: Session | undefined, address: string) => {
    expect(session?.user).toEqual({ email: address, mfaEnabled: true });
    const viewer = await supergraph.query(VIEWER, {}, { authorization: `Bearer ${session?.accessToken ?? ''}` });
    expect(viewer.body).toEqual({ data: { viewer: { mfa: true, user: { email: address } } } });
  };

  describe('accepting an invitation into a partner', () => {
    it('creates no user and no session without a code, nor with a wrong one; a valid code creates both, enrolled', async () => {
      const address = email('invited');
      const token = await invite('partnerAdmin', address);

      const withoutCode = await accept(token);
      expect(codes(withoutCode)).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(withoutCode.body.data).toBeNull();
      expect(codes(await accept(token, '123456'))).toEqual(['MFA_ENROLMENT_NOT_STARTED']);

      const secret = await startInvitationMfaEnrolment(supergraph, token);
      expect(codes(await accept(token, wrongTotpCode(secret)))).toEqual(['INVALID_MFA_CODE']);
      expect(await usersWith(address)).toBe(0);
      expect(await refreshTokensOf(address)).toBe(0);

      const accepted = await accept(token, currentTotpCode(secret));
      expect(accepted.body.errors).toBeUndefined();
      const session = accepted.body.data?.acceptUserInvitation;
      expect(session?.recoveryCodes).toHaveLength(10);
      await expectSessionWithMfa(session, address);
      expect(codes(await accept(token, currentTotpCode(secret, 1)))).toEqual(['INVITATION_USED']);
      expect(codes(await signIn({ ...people.legacyPartnerViewer, email: address }))).toEqual(['MFA_CODE_REQUIRED']);
    });

    it('refuses to start enrolment for an invitation that does not exist', async () => {
      const started = await supergraph.query(graphql(`mutation StartInvitationMfaEnrolment { startInvitationMfaEnrolment(token: "made-up") { secret } }`));
      expect(codes(started)).toEqual(['INVITATION_NOT_FOUND']);
    });
  });

  describe('createPartnerAccount', () => {
    const account = () => ({
      organizationName: `Sign-up ${tag}`,
      admin: { email: email('sign-up'), displayName: 'First Admin', password: TEST_PASSWORD },
    });
    const CREATE = graphql(`mutation MfaEnforcementCreate($name: String!, $admin: NewPartnerAdmin!, $token: String, $code: String) {
      createPartnerAccount(organizationName: $name, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { accessToken } }`);
    const organizationsNamed = (name: string) => count('SELECT count(*)::int AS n FROM identity.organization WHERE name = $1', [name]);

    it('creates nothing without an enrolment, with a wrong code, or with an enrolment for another email', async () => {
      const { organizationName, admin } = account();
      expect(codes(await supergraph.query(CREATE, { name: organizationName, admin }))).toEqual(['MFA_ENROLMENT_REQUIRED']);

      const start = (adminEmail: string) =>
        supergraph.query(
          graphql(`mutation StartPartnerAccountMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret otpauthUri } }`),
          { e: adminEmail },
        );
      const mine = (await start(admin.email)).body.data?.startPartnerAccountMfaEnrolment;
      expect(mine?.otpauthUri).toContain(`secret=${mine?.secret ?? ''}`);
      expect(codes(await supergraph.query(CREATE, { name: organizationName, admin, token: mine?.enrolmentToken, code: wrongTotpCode(mine?.secret ?? '') }))).toEqual([
        'INVALID_MFA_CODE',
      ]);
      const theirs = (await start(email('somebody-else'))).body.data?.startPartnerAccountMfaEnrolment;
      expect(
        codes(await supergraph.query(CREATE, { name: organizationName, admin, token: theirs?.enrolmentToken, code: currentTotpCode(theirs?.secret ?? '') })),
      ).toEqual(['MFA_ENROLMENT_NOT_STARTED']);
      expect(codes(await start('not an email'))).toEqual(['BAD_USER_INPUT']);
      expect(await organizationsNamed(organizationName)).toBe(0);
      expect(await usersWith(admin.email)).toBe(0);
    });

    it('creates the account and a session with MFA once the code is valid; the admin then signs in with a code', async () => {
      const { response, secret } = await createPartnerAccountWithMfa(supergraph, account(), CREATE_ACCOUNT);
      expect(response.body.errors).toBeUndefined();
      const session = response.body.data?.createPartnerAccount;
      expect(session?.recoveryCodes).toHaveLength(10);
      await expectSessionWithMfa(session, email('sign-up'));
      const admin = { ...people.legacyPartnerAdmin, email: email('sign-up') };
      expect(codes(await signIn(admin))).toEqual(['MFA_CODE_REQUIRED']);
      expect((await signIn(admin, currentTotpCode(secret, 1))).body.errors).toBeUndefined();
    });
  });

  describe('a partner user without a second factor', () => {
    it('gets MFA_ENROLMENT_REQUIRED and no tokens from signIn, and exactly one enrolment email however often they try', async () => {
      const user = people.legacyPartnerViewer;
      const refused = await signIn(user);
      expect(codes(refused)).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(refused.body.data).toBeNull();
      expect(JSON.stringify(refused.body)).not.toMatch(/accessToken|refreshToken/);
      expect(await refreshTokensOf(user.email)).toBe(0);
      expect(await emailsTo(user.email)).toBe(1);

      expect(codes(await signIn(user))).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(await emailsTo(user.email)).toBe(1);
      expect(codes(await supergraph.query(SIGN_IN, { e: user.email, p: 'a wrong password' }))).toEqual(['INVALID_CREDENTIALS']);
      expect(await emailsTo(user.email)).toBe(1);
    });

    it('enrols once with the emailed link (stored hashed), then signs in with password and code; the link is refused a second time', async () => {
      const user = people.legacyPartnerViewer;
      const token = await tokenEmailedTo(user.email);
      expect(await count('SELECT count(*)::int AS n FROM identity.mfa_enrolment_link WHERE token_hash = $1', [hashOpaqueToken(token)])).toBe(1);
      expect(JSON.stringify(await sql('SELECT * FROM identity.mfa_enrolment_link'))).not.toContain(token);

      const started = await supergraph.query(START_FROM_LINK, { t: token });
      expect(started.body.errors).toBeUndefined();
      const secret = started.body.data?.startMfaEnrolmentFromLink.secret ?? '';
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(codes(await supergraph.query(CONFIRM_FROM_LINK, { t: token, c: wrongTotpCode(secret) }))).toEqual(['INVALID_MFA_CODE']);

      const confirmed = await supergraph.query(CONFIRM_FROM_LINK, { t: token, c: currentTotpCode(secret) });
      expect(confirmed.body.errors).toBeUndefined();
      expect(confirmed.body.data?.confirmMfaEnrolmentFromLink).toHaveLength(10);

      expect(codes(await supergraph.query(CONFIRM_FROM_LINK, { t: token, c: currentTotpCode(secret, 1) }))).toEqual(['MFA_ENROLMENT_LINK_USED']);
      expect(codes(await supergraph.query(START_FROM_LINK, { t: token }))).toEqual(['MFA_ENROLMENT_LINK_USED']);
      expect(codes(await signIn(user))).toEqual(['MFA_CODE_REQUIRED']);
      const signedIn = await signIn(user, currentTotpCode(secret, 1));
      expect(signedIn.body.errors).toBeUndefined();
      await expectSessionWithMfa(signedIn.body.data?.signIn, user.email);
      expect(await emailsTo(user.email)).toBe(1);
    });

    it('refuses an expired link and a made-up one; a sign-in after expiry emails a new link', async () => {
      const user = people.expiringLinkHolder;
      expect(codes(await signIn(user))).toEqual(['MFA_ENROLMENT_REQUIRED']);
      const token = await tokenEmailedTo(user.email);
      await sql(`UPDATE identity.mfa_enrolment_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashOpaqueToken(token)]);

      expect(codes(await supergraph.query(START_FROM_LINK, { t: token }))).toEqual(['MFA_ENROLMENT_LINK_EXPIRED']);
      expect(codes(await supergraph.query(CONFIRM_FROM_LINK, { t: token, c: '123456' }))).toEqual(['MFA_ENROLMENT_LINK_EXPIRED']);
      expect(codes(await supergraph.query(START_FROM_LINK, { t: 'made-up' }))).toEqual(['MFA_ENROLMENT_LINK_NOT_FOUND']);
      expect(codes(await supergraph.query(START_FROM_LINK, { t: 'x'.repeat(5000) }))).toEqual(['MFA_ENROLMENT_LINK_NOT_FOUND']);

      expect(codes(await signIn(user))).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(await emailsTo(user.email)).toBe(2);
      expect(await tokenEmailedTo(user.email)).not.toBe(token);
    });

    it('cannot extend a session opened with password alone before MFA was enforced', async () => {
      const withoutFactor = await passwordOnlyRefreshToken(people.legacyPartnerAdmin);
      const refused = await supergraph.query(REFRESH, { t: withoutFactor });
      expect(codes(refused)).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(refused.body.data).toBeNull();

      // Enrolled since (the link test above): the old password-only session still ends; they sign in with a code.
      const enrolledSince = await passwordOnlyRefreshToken(people.legacyPartnerViewer);
      expect(codes(await supergraph.query(REFRESH, { t: enrolledSince }))).toEqual(['REFRESH_TOKEN_INVALID']);
    });
  });

  describe('a customer that requires MFA', () => {
    let earlierRefreshToken: string;

    it('lets its users sign in with a password until its admin requires MFA; only that customer admin may set it', async () => {
      const before = await signIn(people.strictViewer);
      expect(before.body.errors).toBeUndefined();
      earlierRefreshToken = before.body.data?.signIn.refreshToken ?? '';

      expect(codes(await supergraph.query(SET_REQUIREMENT, { r: true }, as.strictViewer))).toEqual(['FORBIDDEN']);
      expect(codes(await supergraph.query(SET_REQUIREMENT, { r: false }, as.partnerAdmin))).toEqual(['FORBIDDEN']);
      const set = await supergraph.query(SET_REQUIREMENT, { r: true }, as.strictAdmin);
      expect(set.body).toEqual({ data: { setOrganizationMfaRequirement: { id: strict.id, requireMfa: true } } });
    });

    it('shows the setting to its admins only, and records the change in its audit log', async () => {
      const READ = graphql(`query Read($id: ID!) { organization(id: $id) { requireMfa } }`);
      expect((await supergraph.query(READ, { id: strict.id }, as.strictAdmin)).body).toEqual({ data: { organization: { requireMfa: true } } });
      expect((await supergraph.query(READ, { id: relaxed.id }, as.relaxedAdmin)).body).toEqual({ data: { organization: { requireMfa: false } } });
      expect((await supergraph.query(READ, { id: partner.id }, as.partnerAdmin)).body).toEqual({ data: { organization: { requireMfa: true } } });
      expect(codes(await supergraph.query(READ, { id: strict.id }, as.strictViewer))).toEqual(['FORBIDDEN']);

      const LOG = graphql(`query Log($id: ID!) { organization(id: $id) {
        auditEvents(actions: [ORGANIZATION_MFA_REQUIREMENT_CHANGED]) { nodes { action requireMfa actor { kind user { email } } } } } }`);
      const log = await supergraph.query(LOG, { id: strict.id }, as.strictAdmin);
      expect(log.body).toEqual({
        data: {
          organization: {
            auditEvents: {
              nodes: [{ action: 'ORGANIZATION_MFA_REQUIREMENT_CHANGED', requireMfa: true, actor: { kind: 'USER', user: { email: people.strictAdmin.email } } }],
            },
          },
        },
      });
    });

    it('then treats its users as partner users: no password-only sign-in or refresh, an enrolment email, enrolment on joining', async () => {
      const refused = await signIn(people.strictViewer);
      expect(codes(refused)).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(await emailsTo(people.strictViewer.email)).toBe(1);
      expect(codes(await supergraph.query(REFRESH, { t: earlierRefreshToken }))).toEqual(['MFA_ENROLMENT_REQUIRED']);

      const address = email('strict-newcomer');
      const token = await invite('strictAdmin', address);
      expect(codes(await accept(token))).toEqual(['MFA_ENROLMENT_REQUIRED']);
      expect(await usersWith(address)).toBe(0);
      const secret = await startInvitationMfaEnrolment(supergraph, token);
      const accepted = await accept(token, currentTotpCode(secret));
      expect(accepted.body.errors).toBeUndefined();
      await expectSessionWithMfa(accepted.body.data?.acceptUserInvitation, address);
    });
  });

  describe('a customer that does not require MFA', () => {
    it('keeps password sign-in and refresh, sends no enrolment email, and accepts invitations without a code', async () => {
      const signedIn = await signIn(people.relaxedViewer);
      expect(signedIn.body.errors).toBeUndefined();
      expect(signedIn.body.data?.signIn).toMatchObject({ recoveryCodes: null, user: { email: people.relaxedViewer.email, mfaEnabled: false } });
      expect((await supergraph.query(REFRESH, { t: signedIn.body.data?.signIn.refreshToken ?? '' })).body.errors).toBeUndefined();
      expect(await emailsTo(people.relaxedViewer.email)).toBe(0);

      const address = email('relaxed-newcomer');
      const accepted = await accept(await invite('relaxedAdmin', address));
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data?.acceptUserInvitation).toMatchObject({ recoveryCodes: null, user: { email: address, mfaEnabled: false } });
    });
  });
});
