import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT, importPKCS8 } from 'jose';
import { DEFAULT_ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER, generateEd25519KeyPair } from '@partnergraph/core';
import { seedDemoOrganizations, seedDemoUsers } from '@partnergraph/identity/demo-seed';
import { totpCode } from '@partnergraph/identity/credentials/totp';
import { TEST_PASSWORD, testUser } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

const SIGN_IN = graphql(`
  mutation SignInWithTotp($email: String!, $password: String!, $totpCode: String) {
    signIn(email: $email, password: $password, totpCode: $totpCode) {
      accessToken
      tokenType
      expiresIn
      user { email role mfaEnabled organization { name } }
    }
  }
`);
const VIEWER = graphql(`query SignInViewer { viewer { mfa user { email role organization { name kind } } } }`);
const ENROLL_MFA = graphql(`mutation EnrollMfa { enrollMfa { secret } }`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('signing in and calling the gateway with the access token', () => {
  let supergraph: InProcessSupergraph;
  const customer = { id: randomUUID(), name: 'Contoso Hospital', kind: 'CUSTOMER' as const, partnerId: null };
  const partner = { id: randomUUID(), name: 'Northwind Data Services', kind: 'PARTNER' as const, partnerId: 'NORTHWIND_DATA_SERVICES' };
  const customerAdmin = testUser('admin@contoso.example', customer.id, 'ADMIN', null);
  const partnerAdmin = testUser('admin@northwind.example', partner.id, 'ADMIN', SECRET);
  const lockable = testUser('lockable@contoso.example', customer.id, 'VIEWER', null);
  const enrolling = testUser('enrolling@contoso.example', customer.id, 'VIEWER', null);

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [customer, partner]);
    await seedDemoUsers(identity, [customerAdmin, partnerAdmin, lockable, enrolling]);
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const signIn = (variables: { email: string; password: string; totpCode?: string }) =>
    supergraph.query(SIGN_IN, variables);
  const viewerWith = (authorization: string) => supergraph.query(VIEWER, {}, { authorization });
  const errorCode = (response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
    response.body.errors?.[0]?.extensions?.code;

  it('signs a customer admin in with email and password, and the token makes them the viewer', async () => {
    const { body } = await signIn({ email: ' Admin@Contoso.example ', password: TEST_PASSWORD });
    expect(body.errors).toBeUndefined();
    expect(body.data?.signIn).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: 'admin@contoso.example', mfaEnabled: false } });

    const viewer = await viewerWith(`Bearer ${body.data?.signIn.accessToken}`);
    expect(viewer.body.data?.viewer).toEqual({
      mfa: false,
      user: { email: 'admin@contoso.example', role: 'ADMIN', organization: { name: 'Contoso Hospital', kind: 'CUSTOMER' } },
    });
  });

  it('answers an anonymous caller with no user', async () => {
    const { body } = await supergraph.query(VIEWER);
    expect(body.data?.viewer).toEqual({ mfa: false, user: null });
  });

  it('says the same about an unknown email and a wrong password', async () => {
    const unknown = await signIn({ email: 'nobody@contoso.example', password: TEST_PASSWORD });
    const wrong = await signIn({ email: 'admin@contoso.example', password: 'not the password' });
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
    expect(unknown.body.data).toBeNull();
  });

  it('asks a partner admin for the authenticator code, refuses a wrong one, and refuses a code used twice', async () => {
    expect(errorCode(await signIn({ email: 'admin@northwind.example', password: TEST_PASSWORD }))).toBe('MFA_CODE_REQUIRED');
    const current = totpCode(SECRET, new Date());
    const wrongCode = current === '000000' ? '111111' : '000000';
    expect(errorCode(await signIn({ email: 'admin@northwind.example', password: TEST_PASSWORD, totpCode: wrongCode }))).toBe(
      'INVALID_MFA_CODE',
    );

    const accepted = await signIn({ email: 'admin@northwind.example', password: TEST_PASSWORD, totpCode: current });
    expect(accepted.body.errors).toBeUndefined();
    const viewer = await viewerWith(`Bearer ${accepted.body.data?.signIn.accessToken}`);
    expect(viewer.body.data?.viewer).toMatchObject({ mfa: true, user: { email: 'admin@northwind.example' } });

    const replayed = await signIn({ email: 'admin@northwind.example', password: TEST_PASSWORD, totpCode: current });
    expect(errorCode(replayed)).toBe('INVALID_MFA_CODE');
  });

  it('locks an account after five failures in a row, even against the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(errorCode(await signIn({ email: 'lockable@contoso.example', password: `wrong ${attempt}` }))).toBe('INVALID_CREDENTIALS');
    }
    const locked = await signIn({ email: 'lockable@contoso.example', password: TEST_PASSWORD });
    expect(errorCode(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('starts counting afresh once a lock has expired: one more wrong password does not lock the account again', async () => {
    const email = 'relock@contoso.example';
    await seedDemoUsers(supergraph.subgraphs.identity.database, [testUser(email, customer.id, 'VIEWER', null)]);
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn({ email, password: `wrong ${attempt}` });
    await supergraph.subgraphs.identity.database.dataSource.query(
      `UPDATE identity.user_account SET locked_until = now() - interval '1 second' WHERE email = $1`,
      [email],
    );
    expect(errorCode(await signIn({ email, password: 'wrong once more' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await signIn({ email, password: TEST_PASSWORD }))).toBeUndefined();
  });

  it('enrols a user in MFA: secret and otpauth URI, confirmation with a code, ten recovery codes that each work once', async () => {
    const session = await signIn({ email: 'enrolling@contoso.example', password: TEST_PASSWORD });
    const auth = { authorization: `Bearer ${session.body.data?.signIn.accessToken}` };

    expect(errorCode(await supergraph.query(ENROLL_MFA))).toBe('FORBIDDEN');
    const enrolled = await supergraph.query(
      graphql(`mutation EnrollMfaForUri { enrollMfa { secret otpauthUri } }`),
      {},
      auth,
    );
    const secret = enrolled.body.data?.enrollMfa.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolled.body.data?.enrollMfa.otpauthUri).toBe(
      `otpauth://totp/PartnerGraph:enrolling%40contoso.example?secret=${secret}&issuer=PartnerGraph&algorithm=SHA1&digits=6&period=30`,
    );

    const confirm = (code: string) =>
      supergraph.query(graphql(`mutation SignInConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }`), { c: code }, auth);
    const current = totpCode(secret, new Date());
    expect(errorCode(await confirm(current === '000000' ? '111111' : '000000'))).toBe('INVALID_MFA_CODE');
    const confirmed = await confirm(current);
    const codes = confirmed.body.data?.confirmMfa ?? [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = JSON.stringify(await supergraph.subgraphs.identity.database.dataSource.query('SELECT * FROM identity.recovery_code'));
    for (const code of codes) expect(stored).not.toContain(code);

    expect(errorCode(await signIn({ email: 'enrolling@contoso.example', password: TEST_PASSWORD }))).toBe('MFA_CODE_REQUIRED');
    const recover = () =>
      supergraph.query(
        graphql(`mutation SignInWithRecoveryCode($p: String!, $r: String) { signIn(email: "enrolling@contoso.example", password: $p, recoveryCode: $r) { accessToken } }`),
        { p: TEST_PASSWORD, r: codes[0] },
      );
    const recovered = await recover();
    expect(recovered.body.errors).toBeUndefined();
    const viewer = await viewerWith(`Bearer ${recovered.body.data?.signIn.accessToken}`);
    expect(viewer.body.data?.viewer).toMatchObject({ mfa: true, user: { email: 'enrolling@contoso.example' } });
    expect(errorCode(await recover())).toBe('INVALID_MFA_CODE');
    expect(errorCode(await supergraph.query(ENROLL_MFA, {}, auth))).toBe('BAD_USER_INPUT');
  });

  it('rotates refresh tokens, and revokes the whole family when a spent one comes back', async () => {
    const REFRESH = graphql(`mutation SignInRefresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }`);
    const refresh = (token: string) => supergraph.query(REFRESH, { t: token });
    const signedIn = await supergraph.query(
      graphql(`mutation SignInForRefreshToken($p: String!) { signIn(email: "admin@contoso.example", password: $p) { refreshToken } }`),
      { p: TEST_PASSWORD },
    );
    const first = signedIn.body.data?.signIn.refreshToken ?? '';
    expect(first).toMatch(/^[\w-]{43}$/);

    const second = await refresh(first);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data?.refreshSession.user.email).toBe('admin@contoso.example');
    const secondToken = second.body.data?.refreshSession.refreshToken ?? '';
    expect(secondToken).not.toBe(first);
    const viewer = await viewerWith(`Bearer ${second.body.data?.refreshSession.accessToken}`);
    expect(viewer.body.data?.viewer.user?.email).toBe('admin@contoso.example');

    expect(errorCode(await refresh(first))).toBe('REFRESH_TOKEN_REUSED');
    expect(errorCode(await refresh(secondToken))).toBe('REFRESH_TOKEN_INVALID');
    expect(errorCode(await refresh('made-up-token'))).toBe('REFRESH_TOKEN_INVALID');
  });

  describe('the gateway refuses, with 401 and UNAUTHENTICATED, an access token that', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const claims = () => ({ org: customer.id, role: 'ADMIN', amr: ['pwd'] });
    const sign = async (privateKeyPem: string, edit: (jwt: SignJWT) => SignJWT) =>
      edit(
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'EdDSA' })
          .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
          .setAudience(DEFAULT_ACCESS_TOKEN_AUDIENCE)
          .setSubject(customerAdmin.id)
          .setIssuedAt()
          .setExpirationTime('5m'),
      ).sign(await importPKCS8(privateKeyPem, 'EdDSA'));

    it.each<[string, () => Promise<string>]>([
      ['is not a JWT', async () => 'Bearer not-a-token'],
      ['is not sent as a Bearer token', async () => `Basic ${Buffer.from('admin:password').toString('base64')}`],
      ['is signed with another key (forged)', async () => `Bearer ${await sign(generateEd25519KeyPair().privateKeyPem, (jwt) => jwt)}`],
      [
        'has expired',
        async () => `Bearer ${await sign(supergraph.accessTokenKeys.privateKeyPem, (jwt) => jwt.setIssuedAt(now() - 900).setExpirationTime(now() - 60))}`,
      ],
      [
        'is for another audience',
        async () => `Bearer ${await sign(supergraph.accessTokenKeys.privateKeyPem, (jwt) => jwt.setAudience('another-api'))}`,
      ],
      [
        'comes from another issuer',
        async () => `Bearer ${await sign(supergraph.accessTokenKeys.privateKeyPem, (jwt) => jwt.setIssuer('someone-else'))}`,
      ],
      [
        'is unsigned (alg: none)',
        async () =>
          `Bearer ${new UnsecuredJWT(claims())
            .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
            .setAudience(DEFAULT_ACCESS_TOKEN_AUDIENCE)
            .setSubject(customerAdmin.id)
            .setIssuedAt()
            .setExpirationTime('5m')
            .encode()}`,
      ],
    ])('%s', async (_case, authorization) => {
      const response = await viewerWith(await authorization());
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.body.data).toBeUndefined();
    });

    it('(the control: the same token, correctly made, is accepted)', async () => {
      const response = await viewerWith(`Bearer ${await sign(supergraph.accessTokenKeys.privateKeyPem, (jwt) => jwt)}`);
      expect(response.status).toBe(200);
      expect(response.body.data?.viewer.user?.email).toBe('admin@contoso.example');
    });
  });
});
