import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { generateEd25519KeyPair, IDENTITY_TOKEN_HEADER } from '@partnergraph/core';
import { seedDemoUsers, type DemoUser } from '@partnergraph/identity/demo-seed';
import { generateTotpSecret, totpCode } from '@partnergraph/identity/credentials/totp';
import { errorCodes, startAttackWorld, type AttackWorld, type Who } from '../support/attack-world';
import { TEST_PASSWORD, testUser } from '../support/fixtures';
import { internalTokenClaims, signToken, withEditedPayload } from '../support/forged-tokens';
import { postGraphQL, type GraphQLResponse } from '../support/http';

/*
 * Attacks on privilege: every mutation the access matrix refuses to viewers,
 * to read-only partners, to API clients and to anyone but the telemetry
 * collector or a platform operator, each checked to write nothing anywhere;
 * and every way around multi-factor authentication a partner user might try.
 */

let world: AttackWorld;
let key: string;
let voucher: string;
let changeRequestId: string;
const tag = randomUUID().slice(0, 8);
/** Partner users for the MFA attacks, each attacked once so that their TOTP steps and lockouts stay apart. */
let mfaUsers: Record<'passwordOnlyAdmin' | 'replayed' | 'older' | 'stale' | 'guessed' | 'enrolling' | 'enrolled', DemoUser>;

beforeAll(async () => {
  world = await startAttackWorld();
  const partnerUser = (name: string, role: DemoUser['role'], secret: string | null) =>
    testUser(`${name}-${tag}@northwind.example`, world.partner.id, role, secret);
  mfaUsers = {
    passwordOnlyAdmin: partnerUser('password-only-admin', 'ADMIN', null),
    replayed: partnerUser('replayed', 'VIEWER', generateTotpSecret()),
    older: partnerUser('older', 'VIEWER', generateTotpSecret()),
    stale: partnerUser('stale', 'VIEWER', generateTotpSecret()),
    guessed: partnerUser('guessed', 'VIEWER', generateTotpSecret()),
    enrolling: partnerUser('enrolling', 'VIEWER', null),
    enrolled: partnerUser('enrolled', 'VIEWER', generateTotpSecret()),
  };
  await seedDemoUsers(world.supergraph.subgraphs.identity.database, Object.values(mfaUsers));
  key = await world.issueLicenseKey();
  const issued = await world.query<{ issueVoucher: string }>('operator', 'mutation { issueVoucher(credits: 1000) }');
  voucher = issued.body.data?.issueVoucher ?? '';
  const requested = await world.query<{ requestPartnerIdChange: { id: string } }>(
    'partnerAdmin',
    `mutation { requestPartnerIdChange(partnerId: "NORTHWIND_${tag.toUpperCase()}_NEW", reason: "rebranding") { id } }`,
  );
  changeRequestId = requested.body.data?.requestPartnerIdChange.id ?? '';
  if (!voucher || !changeRequestId) throw new Error('could not prepare a voucher and a Partner ID change request');
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

/** Everything a refused mutation might have written, in every subgraph. */
async function everythingWritten(): Promise<unknown> {
  const ask = async (subgraph: keyof AttackWorld['supergraph']['subgraphs'], sql: string) =>
    world.supergraph.subgraphs[subgraph].database.dataSource.query(sql);
  return {
    grants: await ask(
      'identity',
      'SELECT customer_organization_id, partner_organization_id, administrator, api_device_data, revoked_at FROM identity.partner_grant ORDER BY 1, 2',
    ),
    identity: await ask(
      'identity',
      `SELECT (SELECT count(*) FROM identity.partner_grant_event) AS grant_events, (SELECT count(*) FROM identity.invitation) AS invitations,
              (SELECT count(*) FROM identity.api_credential WHERE revoked_at IS NULL) AS credentials,
              (SELECT count(*) FROM identity.email_outbox) AS emails,
              (SELECT string_agg(status, ',') FROM identity.partner_id_change_request) AS change_requests,
              (SELECT string_agg(partner_id, ',' ORDER BY partner_id) FROM identity.organization WHERE partner_id IS NOT NULL) AS partner_ids`,
    ),
    subscriptions: await ask(
      'subscriptions',
      `SELECT (SELECT count(*) FROM subscriptions.subscription_license) AS licences,
              (SELECT count(*) FROM subscriptions.license_key) AS keys,
              (SELECT count(*) FROM subscriptions.license_key WHERE redeemed_at IS NOT NULL) AS redeemed_keys,
              (SELECT count(*) FROM subscriptions.voucher) AS vouchers,
              (SELECT count(*) FROM subscriptions.voucher WHERE redeemed_at IS NOT NULL) AS redeemed_vouchers,
              (SELECT count(*) FROM subscriptions.credit_ledger) AS credit_movements`,
    ),
    telemetry: await ask(
      'device-telemetry',
      `SELECT (SELECT count(*) FROM telemetry.incident WHERE acknowledged_by IS NOT NULL) AS acknowledged,
              (SELECT count(*) FROM telemetry.reading) AS readings`,
    ),
  };
}

const today = () => new Date().toISOString().slice(0, 10);
const MUTATIONS = {
  setPartnerAccess: () => [
    'mutation ($p: ID!) { setPartnerAccess(partnerOrganizationId: $p, administrator: true, apiDeviceData: true) { administrator } }',
    { p: world.partner.id },
  ],
  revokePartnerAccess: () => ['mutation ($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }', { p: world.partner.id }],
  inviteUser: () => [`mutation { inviteUser(email: "accomplice-${randomUUID()}@evil.example", role: ADMIN) { id } }`, {}],
  inviteCustomer: () => [`mutation { inviteCustomer(email: "victim-${randomUUID()}@evil.example") { id } }`, {}],
  redeemLicenseKey: () => [
    'mutation ($c: ID!, $k: String!, $d: String!) { redeemLicenseKey(customerId: $c, key: $k, startDate: $d) { id } }',
    { c: world.tenants.A.organization.id, k: key, d: today() },
  ],
  activateSubscription: () => [
    `mutation ($c: ID!, $d: String!) { activateSubscription(customerId: $c, product: "IT Expert", deviceAllowance: 5, months: 1,
       startDate: $d, installerEmails: ["it@example.com"], idempotencyKey: "${randomUUID()}") { id } }`,
    { c: world.tenants.A.organization.id, d: today() },
  ],
  redeemVoucher: () => ['mutation ($v: String!) { redeemVoucher(code: $v) }', { v: voucher }],
  acknowledgeIncidentOfA: () => ['mutation ($i: ID!) { acknowledgeIncident(incidentId: $i, note: "seen") { id } }', { i: world.tenants.A.incidents.ups }],
  acknowledgeIncidentOfB: () => ['mutation ($i: ID!) { acknowledgeIncident(incidentId: $i, note: "seen") { id } }', { i: world.tenants.B.incidents.ups }],
  recordReadings: () => [
    'mutation ($s: ID!, $at: String!) { recordReadings(readings: [{ sensorId: $s, at: $at, value: 99.9 }]) { recorded } }',
    { s: world.tenants.A.sensors.upsLoad, at: new Date().toISOString() },
  ],
  createApiCredential: () => ['mutation { createApiCredential(name: "Exfiltration") { clientSecret } }', {}],
  issueLicenseKey: () => [
    'mutation { issueLicenseKey(product: "IT Expert", termMonths: 120, deviceAllowance: 100000, installerEmails: ["me@evil.example"]) { key } }',
    {},
  ],
  issueVoucher: () => ['mutation { issueVoucher(credits: 1000000) }', {}],
  decidePartnerIdChange: () => ['mutation ($r: ID!) { decidePartnerIdChange(requestId: $r, approve: true) { status } }', { r: changeRequestId }],
} satisfies Record<string, () => [string, Record<string, unknown>]>;
type MutationName = keyof typeof MUTATIONS;
const run = (who: Who, mutation: MutationName) => {
  const [text, variables] = MUTATIONS[mutation]();
  return world.query(who, text, variables);
};

describe('mutations the access matrix refuses', () => {
  it.each<[string, Who, MutationName]>([
    ['a partner admin granting itself administrator and API access to a customer (setPartnerAccess)', 'partnerAdmin', 'setPartnerAccess'],
    ['a customer viewer changing their organization’s partner access (setPartnerAccess)', 'customerViewerA', 'setPartnerAccess'],
    ['an API client widening its own partner’s access (setPartnerAccess)', 'apiClient', 'setPartnerAccess'],
    ['an anonymous caller changing partner access (setPartnerAccess)', 'anonymous', 'setPartnerAccess'],
    ['a customer viewer ending a partner’s access (revokePartnerAccess)', 'customerViewerA', 'revokePartnerAccess'],
    ['a partner viewer ending its own access to hide tracks (revokePartnerAccess)', 'partnerViewer', 'revokePartnerAccess'],
    ['a customer viewer inviting an admin into their organization (inviteUser)', 'customerViewerA', 'inviteUser'],
    ['a partner viewer inviting an admin into the partner (inviteUser)', 'partnerViewer', 'inviteUser'],
    ['an API client inviting a user (inviteUser)', 'apiClient', 'inviteUser'],
    ['a partner viewer inviting a customer (inviteCustomer)', 'partnerViewer', 'inviteCustomer'],
    ['a customer viewer redeeming a licence key (redeemLicenseKey)', 'customerViewerA', 'redeemLicenseKey'],
    ['a partner viewer redeeming a licence key for a customer (redeemLicenseKey)', 'partnerViewer', 'redeemLicenseKey'],
    ['an API client redeeming a licence key (redeemLicenseKey)', 'apiClient', 'redeemLicenseKey'],
    ['a partner viewer spending the partner’s credits (activateSubscription)', 'partnerViewer', 'activateSubscription'],
    ['an API client spending the partner’s credits (activateSubscription)', 'apiClient', 'activateSubscription'],
    ['a customer admin buying with credits it does not hold (activateSubscription)', 'customerAdminA', 'activateSubscription'],
    ['a partner viewer redeeming a voucher (redeemVoucher)', 'partnerViewer', 'redeemVoucher'],
    ['an API client redeeming a voucher (redeemVoucher)', 'apiClient', 'redeemVoucher'],
    ['a partner admin with read-only access acknowledging an incident (acknowledgeIncident)', 'partnerAdmin', 'acknowledgeIncidentOfA'],
    ['a partner viewer with administrator access acknowledging an incident (acknowledgeIncident)', 'partnerViewer', 'acknowledgeIncidentOfB'],
    ['an API client acknowledging an incident (acknowledgeIncident)', 'apiClient', 'acknowledgeIncidentOfA'],
    ['a customer admin injecting readings (recordReadings)', 'customerAdminA', 'recordReadings'],
    ['a partner admin injecting readings (recordReadings)', 'partnerAdmin', 'recordReadings'],
    ['an API client injecting readings (recordReadings)', 'apiClient', 'recordReadings'],
    ['a platform operator injecting readings (recordReadings)', 'operator', 'recordReadings'],
    ['an anonymous caller injecting readings (recordReadings)', 'anonymous', 'recordReadings'],
    ['a partner viewer creating an API credential (createApiCredential)', 'partnerViewer', 'createApiCredential'],
    ['a customer admin creating an API credential (createApiCredential)', 'customerAdminA', 'createApiCredential'],
    ['an API client minting itself another credential (createApiCredential)', 'apiClient', 'createApiCredential'],
    ['a partner admin issuing itself a licence key (issueLicenseKey)', 'partnerAdmin', 'issueLicenseKey'],
    ['a partner admin issuing itself a voucher (issueVoucher)', 'partnerAdmin', 'issueVoucher'],
    ['a partner admin approving its own Partner ID change (decidePartnerIdChange)', 'partnerAdmin', 'decidePartnerIdChange'],
  ])('refuses %s with FORBIDDEN, and writes nothing', async (_threat, who, mutation) => {
    const before = await everythingWritten();
    const response = await run(who, mutation);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
    expect(await everythingWritten()).toEqual(before);
  });

  it('(the control: a customer viewer acknowledges an incident, and the collector records a reading, as the matrix allows)', async () => {
    const acknowledged = await run('customerViewerA', 'acknowledgeIncidentOfA');
    expect(acknowledged.body.errors).toBeUndefined();
    const recorded = await run('collector', 'recordReadings');
    expect(recorded.body).toEqual({ data: { recordReadings: { recorded: 1 } } });
  });
});

describe('getting around multi-factor authentication', () => {
  const SIGN_IN = `mutation ($e: String!, $p: String!, $t: String, $r: String) {
    signIn(email: $e, password: $p, totpCode: $t, recoveryCode: $r) { accessToken refreshToken } }`;
  type Session = { accessToken: string; refreshToken: string };
  const signIn = (user: DemoUser, second: { totpCode?: string; recoveryCode?: string } = {}) =>
    world.supergraph.query<{ signIn: Session }>(SIGN_IN, { e: user.email, p: TEST_PASSWORD, t: second.totpCode, r: second.recoveryCode });
  const sessionOf = (response: GraphQLResponse<{ signIn: Session }>): Session => {
    const session = response.body.data?.signIn;
    if (!session) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
    return session;
  };
  const bearer = (session: Session) => ({ authorization: `Bearer ${session.accessToken}` });
  /**
   * A session opened with password alone before MFA was enforced (signIn opens none now: see mfa-enforcement.test.ts):
   * an access token as sign-in issued it (amr pwd), and a refresh token stored with mfa false.
   */
  const passwordOnlySessionOf = async (user: DemoUser): Promise<Session> => {
    expect(errorCodes(await signIn(user))).toEqual(['MFA_ENROLMENT_REQUIRED']);
    const { accessToken } = await world.supergraph.accessTokens.issueForUser({ userId: user.id, organizationId: user.organizationId, role: user.role, mfa: false });
    const refreshToken = randomBytes(32).toString('base64url');
    await world.supergraph.subgraphs.identity.database.dataSource.query(
      `INSERT INTO identity.refresh_token (token_hash, family_id, user_id, mfa, expires_at)
       VALUES ($1, gen_random_uuid(), $2, false, now() + interval '30 days')`,
      [createHash('sha256').update(refreshToken).digest('hex'), user.id],
    );
    return { accessToken, refreshToken };
  };
  const codeAt = (user: DemoUser, secondsFromNow: number) => totpCode(user.totpSecret ?? '', new Date(Date.now() + secondsFromNow * 1000));
  const customerDataSeen = async (headers: Record<string, string>) => {
    const { A } = world.tenants;
    const response = await world.supergraph.query<{ viewer: { mfa: boolean }; organizations: { nodes: { id: string }[] }; organization: unknown }>(
      'query ($a: ID!) { viewer { mfa } organizations { nodes { id } } organization(id: $a) { id devices { nodes { id } } } }',
      { a: A.organization.id },
      headers,
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  };

  it('a partner user signed in without MFA reads no customer data: not through the gateway, not through the subgraphs', async () => {
    const session = await passwordOnlySessionOf(mfaUsers.passwordOnlyAdmin);
    expect(await customerDataSeen(bearer(session))).toEqual({ viewer: { mfa: false }, organizations: { nodes: [{ id: world.partner.id }] }, organization: null });
    const { A } = world.tenants;
    const principal = { kind: 'user' as const, userId: mfaUsers.passwordOnlyAdmin.id, organizationId: world.partner.id, role: 'ADMIN' as const, mfa: false };
    const devices = await world.entities(
      'device-telemetry',
      principal,
      [
        { __typename: 'Device', id: A.devices.ups.id },
        { __typename: 'Organization', id: A.organization.id },
      ],
      '... on Device { id } ... on Organization { deviceCount }',
    );
    expect(devices.body.data?._entities).toEqual([null, { deviceCount: null }]);
    const feed = await world.supergraph.query('{ inventoryChanges { changes { deviceId } } }', {}, bearer(session));
    expect(JSON.stringify(feed.body)).not.toContain(A.devices.ups.id);
    const licence = await world.entities('subscriptions', principal, [{ __typename: 'SubscriptionLicense', id: A.license.id }], '... on SubscriptionLicense { id }');
    expect(licence.body.data?._entities).toEqual([null]);
  });

  it('a partner admin signed in without MFA cannot create an API credential to read customer data through it', async () => {
    const session = await passwordOnlySessionOf(mfaUsers.passwordOnlyAdmin);
    const before = await everythingWritten();
    const created = await world.supergraph.query('mutation { createApiCredential(name: "Around MFA") { clientSecret credential { clientId } } }', {}, bearer(session));
    expect(errorCodes(created)).toEqual(['FORBIDDEN']);
    expect(created.body.data).toBeNull();
    expect(await everythingWritten()).toEqual(before);
  });

  it('a partner admin signed in without MFA cannot manage a customer’s licences or spend credits', async () => {
    const before = await everythingWritten();
    for (const mutation of ['redeemLicenseKey', 'activateSubscription', 'redeemVoucher'] as const) {
      const response = await run('partnerAdminWithoutMfa', mutation);
      expect({ mutation, codes: errorCodes(response) }).toEqual({ mutation, codes: ['FORBIDDEN'] });
    }
    expect(await everythingWritten()).toEqual(before);
  });

  it('a password-only access token with its amr claim edited to say otp is refused with 401', async () => {
    const session = await passwordOnlySessionOf(mfaUsers.passwordOnlyAdmin);
    const forged = withEditedPayload(session.accessToken, (claims) => ({ ...claims, amr: ['pwd', 'otp'] }));
    const response = await world.supergraph.query('{ viewer { mfa } }', {}, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('an internal token claiming mfa: true for a password-only partner user, forged for device-telemetry, is refused with 401', async () => {
    const principal = { kind: 'user' as const, userId: mfaUsers.passwordOnlyAdmin.id, organizationId: world.partner.id, role: 'ADMIN' as const, mfa: true };
    const forgedKey = { alg: 'EdDSA' as const, privateKeyPem: generateEd25519KeyPair().privateKeyPem };
    const response = await postGraphQL(
      world.supergraph.subgraphs['device-telemetry'].url,
      {
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Device { id } } }',
        variables: { r: [{ __typename: 'Device', id: world.tenants.A.devices.ups.id }] },
      },
      {
        authorization: `Bearer ${await signToken(forgedKey, internalTokenClaims(principal, 'device-telemetry'))}`,
        [IDENTITY_TOKEN_HEADER]: await signToken(forgedKey, internalTokenClaims(principal, 'identity', 'access-decisions')),
      },
    );
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('a TOTP code replayed for a second sign-in is refused', async () => {
    const code = codeAt(mfaUsers.replayed, 0);
    sessionOf(await signIn(mfaUsers.replayed, { totpCode: code }));
    const replayed = await signIn(mfaUsers.replayed, { totpCode: code });
    expect(errorCodes(replayed)).toEqual(['INVALID_MFA_CODE']);
    expect(replayed.body.data).toBeNull();
  });

  it('a TOTP code older than the last one accepted is refused', async () => {
    sessionOf(await signIn(mfaUsers.older, { totpCode: codeAt(mfaUsers.older, 30) }));
    const older = await signIn(mfaUsers.older, { totpCode: codeAt(mfaUsers.older, 0) });
    expect(errorCodes(older)).toEqual(['INVALID_MFA_CODE']);
  });

  it('a TOTP code from five minutes ago is refused', async () => {
    const stale = await signIn(mfaUsers.stale, { totpCode: codeAt(mfaUsers.stale, -300) });
    expect(errorCodes(stale)).toEqual(['INVALID_MFA_CODE']);
    expect(stale.body.data).toBeNull();
  });

  it('guessing TOTP codes locks the account after five wrong ones, and the right code is then refused too', async () => {
    const right = codeAt(mfaUsers.guessed, 0);
    // Guesses that match no code of the window the server accepts (the step before, this one and the next).
    const accepted = new Set([-30, 0, 30].map((seconds) => codeAt(mfaUsers.guessed, seconds)));
    const wrong = Array.from({ length: 10 }, (_, index) => String((Number(right) + 111_111 * (index + 1)) % 1_000_000).padStart(6, '0'))
      .filter((guess) => !accepted.has(guess))
      .slice(0, 5);
    for (const guess of wrong) expect(errorCodes(await signIn(mfaUsers.guessed, { totpCode: guess }))).toEqual(['INVALID_MFA_CODE']);
    const locked = await signIn(mfaUsers.guessed, { totpCode: right });
    expect(errorCodes(locked)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(locked.body.data).toBeNull();
  });

  describe('recovery codes and sessions around enrolment', () => {
    let recoveryCodes: string[] = [];
    let passwordOnlySession: Session;

    beforeAll(async () => {
      // The emailed enrolment link that the refused sign-in queued.
      passwordOnlySession = await passwordOnlySessionOf(mfaUsers.enrolling);
      const [email] = await world.supergraph.subgraphs.identity.database.dataSource.query<{ body: string }[]>(
        'SELECT body FROM identity.email_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
        [mfaUsers.enrolling.email],
      );
      const link = /token=([A-Za-z0-9_-]+)/.exec(email?.body ?? '')?.[1] ?? '';
      const enrolment = await world.supergraph.query<{ startMfaEnrolmentFromLink: { secret: string } }>(
        'mutation ($t: String!) { startMfaEnrolmentFromLink(token: $t) { secret } }',
        { t: link },
      );
      const secret = enrolment.body.data?.startMfaEnrolmentFromLink.secret ?? '';
      const confirmed = await world.supergraph.query<{ confirmMfaEnrolmentFromLink: string[] }>(
        'mutation ($t: String!, $c: String!) { confirmMfaEnrolmentFromLink(token: $t, totpCode: $c) }',
        { t: link, c: totpCode(secret, new Date()) },
      );
      recoveryCodes = confirmed.body.data?.confirmMfaEnrolmentFromLink ?? [];
      if (recoveryCodes.length !== 10) throw new Error(`enrolment failed: ${JSON.stringify(confirmed.body)}`);
    });

    it('a recovery code used a second time is refused', async () => {
      const first = sessionOf(await signIn(mfaUsers.enrolling, { recoveryCode: recoveryCodes[0] ?? '' }));
      expect((await customerDataSeen(bearer(first)))?.viewer).toEqual({ mfa: true });
      const again = await signIn(mfaUsers.enrolling, { recoveryCode: recoveryCodes[0] ?? '' });
      expect(errorCodes(again)).toEqual(['INVALID_MFA_CODE']);
      expect(again.body.data).toBeNull();
    });

    it('another account’s recovery code is refused', async () => {
      const response = await signIn(mfaUsers.enrolled, { recoveryCode: recoveryCodes[1] ?? '' });
      expect(errorCodes(response)).toEqual(['INVALID_MFA_CODE']);
      expect(response.body.data).toBeNull();
    });

    it('a session opened without MFA is not refreshed after enrolment: its holder signs in again, with a code', async () => {
      const refreshed = await world.supergraph.query<{ refreshSession: Session }>(
        'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }',
        { t: passwordOnlySession.refreshToken },
      );
      expect(errorCodes(refreshed)).toEqual(['REFRESH_TOKEN_INVALID']);
      expect(refreshed.body.data).toBeNull();
    });

    it('a session cannot replace the enrolled authenticator with one of its own (enrollMfa)', async () => {
      const session = sessionOf(await signIn(mfaUsers.enrolled, { totpCode: codeAt(mfaUsers.enrolled, 0) }));
      const replaced = await world.supergraph.query('mutation { enrollMfa { secret } }', {}, bearer(session));
      expect(errorCodes(replaced)).toEqual(['BAD_USER_INPUT']);
      const [stored] = await world.supergraph.subgraphs.identity.database.dataSource.query<{ totp_secret: string; totp_pending_secret: string | null }[]>(
        'SELECT totp_secret, totp_pending_secret FROM identity.user_account WHERE id = $1',
        [mfaUsers.enrolled.id],
      );
      expect(stored).toEqual({ totp_secret: mfaUsers.enrolled.totpSecret, totp_pending_secret: null });
    });
  });
});
