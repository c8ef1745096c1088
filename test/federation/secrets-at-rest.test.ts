import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { createLogger, createSecretBox, generateEd25519KeyPair, type SecretKey } from '@partnergraph/core';
import { base32Decode, totpCode } from '@partnergraph/identity/credentials/totp';
import { sealTotpSecret } from '@partnergraph/identity/credentials/totp-secrets';
import { seedDemoOrganizations, seedDemoUsers } from '@partnergraph/identity/demo-seed';
import { resealTotpSecrets } from '@partnergraph/identity/totp-secret-resealing';
import { Client } from 'pg';
import { TEST_PASSWORD, taggedOrganizations, testUser } from '../support/fixtures';
import { startInProcessSupergraph, testSecretKey, type InProcessSupergraph } from '../support/in-process-supergraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/**
 * TOTP secrets are stored encrypted under a key id, and both kinds of key
 * rotate: identity is restarted on one database with the encryption keys
 * [A], then [B] (A removed too early), then [B, A], then [B]; and with the
 * signing keys SA, then SB with SA still published, then SB alone.
 */
const SIGN_IN = graphql(`
  mutation SecretsAtRestSignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken }
  }
`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** Enough rows under key A for the re-encryption to take several batches of 100. */
const BULK_ROWS = 230;

interface Stored {
  id: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
}

describe('secrets at rest: TOTP secrets encrypted under a key id, and key rotation', () => {
  let database: TestDatabase;
  let client: Client;
  let supergraph: InProcessSupergraph | undefined;
  const keyA: SecretKey = testSecretKey('key-a');
  const keyB: SecretKey = testSecretKey('key-b');
  const signingA = generateEd25519KeyPair();
  const signingB = generateEd25519KeyPair();

  const { organization } = taggedOrganizations();
  const customer = organization('Contoso Hospital');
  const enrolling = testUser(`enrolling-${customer.id}@contoso.example`, customer.id, 'ADMIN');
  /** Users whose secret is in plain text, as stored before encryption. */
  const legacy = Array.from({ length: 2 }, (_, index) => testUser(`legacy-${index}-${customer.id}@contoso.example`, customer.id, 'VIEWER', SECRET));
  /** Users whose secret the test seals under key A, as identity would have. */
  const underA = Array.from({ length: 3 }, (_, index) => testUser(`under-a-${index}-${customer.id}@contoso.example`, customer.id, 'VIEWER'));

  let enrolledSecret = '';
  let recoveryCodes: string[] = [];
  let tokenSignedWithA = '';
  let tokenSignedWithB = '';

  const restart = async (secretEncryptionKeys: SecretKey[], signing: { current: typeof signingA; previous?: typeof signingA }) => {
    await supergraph?.stop();
    supergraph = await startInProcessSupergraph({
      databaseUrl: database.url,
      secretEncryptionKeys,
      accessTokenKeys: { ...signing.current, previousPublicKeyPems: signing.previous ? [signing.previous.publicKeyPem] : [] },
    });
    return supergraph;
  };
  const running = (): InProcessSupergraph => {
    if (!supergraph) throw new Error('no supergraph is running');
    return supergraph;
  };
  const signIn = (variables: { email: string; totpCode?: string; recoveryCode?: string }) =>
    running().query(SIGN_IN, { password: TEST_PASSWORD, ...variables });
  const codeOf = (response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => response.body.errors?.[0]?.extensions?.code;
  const accessToken = (response: Awaited<ReturnType<typeof signIn>>): string => {
    const token = response.body.data?.signIn.accessToken;
    if (!token) throw new Error(`sign-in failed: ${JSON.stringify(response.body.errors)}`);
    return token;
  };
  const viewerEmail = async (token: string) => {
    const response = await running().query(graphql(`query SecretsAtRestViewer { viewer { user { email } } }`), {}, { authorization: `Bearer ${token}` });
    return { status: response.status, code: codeOf(response), email: response.body.data?.viewer.user?.email };
  };
  const stored = async (): Promise<Stored[]> =>
    (await client.query<Stored>('SELECT id, totp_secret, totp_pending_secret FROM identity.user_account WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL')).rows;
  const storedOf = async (userId: string): Promise<Stored | undefined> => (await stored()).find((row) => row.id === userId);
  /** Which key each stored value is sealed under ('plain' for plain text), with counts. */
  const keyIdCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const row of await stored()) {
      for (const value of [row.totp_secret, row.totp_pending_secret]) {
        if (value === null) continue;
        const keyId = value.startsWith('v1:') ? (value.split(':')[1] ?? '') : 'plain';
        counts[keyId] = (counts[keyId] ?? 0) + 1;
      }
    }
    return counts;
  };
  /** Key material and secrets that must never reach a log line. */
  const neverLogged = () => [SECRET, enrolledSecret, keyA.key.toString('base64'), keyB.key.toString('base64')];

  beforeAll(async () => {
    database = await createTestDatabase();
    await restart([keyA], { current: signingA });
    client = new Client({ connectionString: database.url });
    await client.connect();
    const identity = running().subgraphs.identity.database;
    await seedDemoOrganizations(identity, [customer]);
    await seedDemoUsers(identity, [enrolling, ...legacy, ...underA]);
    const boxA = createSecretBox([keyA]);
    for (const user of underA) {
      await client.query('UPDATE identity.user_account SET totp_secret = $2 WHERE id = $1', [user.id, sealTotpSecret(boxA, user.id, 'totp_secret', SECRET)]);
    }
    const bulkIds = Array.from({ length: BULK_ROWS }, () => randomUUID());
    await client.query(
      `INSERT INTO identity.user_account (id, organization_id, email, display_name, role, password_hash, totp_secret)
       SELECT id, $2, 'bulk-' || id || '@contoso.example', 'Bulk', 'VIEWER', 'not a password hash', secret
       FROM unnest($1::uuid[], $3::text[]) AS bulk (id, secret)`,
      [bulkIds, customer.id, bulkIds.map((id) => sealTotpSecret(boxA, id, 'totp_secret', SECRET))],
    );
  });
  afterAll(async () => {
    await supergraph?.stop();
    await client?.end();
    await database?.drop();
  });

  it('enrols MFA through GraphQL and stores the secret sealed under the current key id, neither as text nor as bytes', async () => {
    const auth = { authorization: `Bearer ${accessToken(await signIn({ email: enrolling.email }))}` };
    const enrolled = await running().query(graphql(`mutation SecretsAtRestEnrollMfa { enrollMfa { secret } }`), {}, auth);
    enrolledSecret = enrolled.body.data?.enrollMfa.secret ?? '';
    expect(enrolledSecret).toMatch(/^[A-Z2-7]{32}$/);
    const bytes = base32Decode(enrolledSecret);
    const leaks = (value: string) =>
      [enrolledSecret, enrolledSecret.toLowerCase(), bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('latin1')].filter(
        (form) => value.includes(form),
      );

    const pending = await storedOf(enrolling.id);
    expect(pending?.totp_secret).toBeNull();
    expect(pending?.totp_pending_secret).toMatch(/^v1:key-a:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(leaks(pending?.totp_pending_secret ?? '')).toEqual([]);

    const confirmed = await running().query(
      graphql(`mutation SecretsAtRestConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }`),
      { c: totpCode(enrolledSecret, new Date()) },
      auth,
    );
    recoveryCodes = confirmed.body.data?.confirmMfa ?? [];
    expect(recoveryCodes).toHaveLength(10);
    const active = await storedOf(enrolling.id);
    expect(active?.totp_pending_secret).toBeNull();
    expect(active?.totp_secret).toMatch(/^v1:key-a:/);
    expect(active?.totp_secret).not.toBe(pending?.totp_pending_secret);
    expect(leaks(active?.totp_secret ?? '')).toEqual([]);
  });

  it('signs in with a TOTP code from the sealed secret; the token carries the signing key’s kid', async () => {
    // confirmMfa accepted the current time step: the next one is the first a sign-in may use.
    const response = await signIn({ email: enrolling.email, totpCode: totpCode(enrolledSecret, new Date(Date.now() + 30_000)) });
    tokenSignedWithA = accessToken(response);
    expect(decodeProtectedHeader(tokenSignedWithA).kid).toBe(running().accessTokens.currentKeyId);
    expect(await viewerEmail(tokenSignedWithA)).toMatchObject({ status: 200, email: enrolling.email });
  });

  it('a ciphertext copied to another user’s row does not open there (a server-side fault: INTERNAL_SERVER_ERROR, nothing disclosed)', async () => {
    const [victim] = underA;
    if (!victim) throw new Error('no user');
    const enrolledValue = (await storedOf(enrolling.id))?.totp_secret;
    const before = (await storedOf(victim.id))?.totp_secret;
    await client.query('UPDATE identity.user_account SET totp_secret = $2 WHERE id = $1', [victim.id, enrolledValue]);
    const response = await signIn({ email: victim.email, totpCode: totpCode(enrolledSecret, new Date()) });
    expect(response.body.data).toBeNull();
    expect(codeOf(response)).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response.body)).not.toMatch(/v1:|key-a|authenticate/);
    await client.query('UPDATE identity.user_account SET totp_secret = $2 WHERE id = $1', [victim.id, before]);
  });

  describe('with key A removed before re-encryption (SECRET_ENCRYPTION_KEYS=[B])', () => {
    beforeAll(async () => {
      await restart([keyB], { current: signingA });
    });

    it('starts, seals the plain-text secrets under B, and logs which key is missing, without a secret or key in the log', async () => {
      const logLine = await waitFor('the missing-key log line', () =>
        running().logs.find((line) => line.includes('TOTP secrets are sealed under keys SECRET_ENCRYPTION_KEYS does not hold')),
      );
      expect(logLine).toContain('key-a');
      expect(logLine).toContain(String(underA.length + BULK_ROWS + 1));
      expect(await keyIdCounts()).toEqual({ 'key-a': underA.length + BULK_ROWS + 1, 'key-b': legacy.length });
      for (const secret of neverLogged()) expect(running().logs.join('\n')).not.toContain(secret);
    });

    it('refuses a TOTP sign-in under the missing key with MFA_UNAVAILABLE, not a crash; recovery codes and B-sealed secrets still work', async () => {
      const [user] = underA;
      const refused = await signIn({ email: user?.email ?? '', totpCode: totpCode(SECRET, new Date()) });
      expect(codeOf(refused)).toBe('MFA_UNAVAILABLE');
      expect(JSON.stringify(refused.body)).not.toContain('key-a');
      expect(accessToken(await signIn({ email: enrolling.email, recoveryCode: recoveryCodes[0] ?? '' }))).toBeTruthy();
      expect(accessToken(await signIn({ email: legacy[0]?.email ?? '', totpCode: totpCode(SECRET, new Date()) }))).toBeTruthy();
      expect(running().subgraphs.identity.server.httpServer.listening).toBe(true);
    });
  });

  describe('rotated to [B, A] with the signing key SB, SA still published', () => {
    beforeAll(async () => {
      await restart([keyB, keyA], { current: signingB, previous: signingA });
    });

    it('re-encrypts every row under A to B in batches, while TOTP sign-in keeps working', async () => {
      const [first, second, third] = underA;
      // Right after start-up, whether or not the re-encryption has reached the row.
      expect(accessToken(await signIn({ email: first?.email ?? '', totpCode: totpCode(SECRET, new Date()) }))).toBeTruthy();
      await waitFor('every value under key B', async () => ((await keyIdCounts())['key-b'] === underA.length + BULK_ROWS + 1 + legacy.length ? true : undefined), {
        timeoutMs: 15_000,
        intervalMs: 100,
      });
      expect(await keyIdCounts()).toEqual({ 'key-b': underA.length + BULK_ROWS + 1 + legacy.length });
      const batches = running().logs.filter((line) => line.includes('sealed TOTP secrets under the current key'));
      expect(batches.length).toBeGreaterThanOrEqual(3);
      await waitFor('the end-of-pass log line', () => running().logs.find((line) => line.includes('every TOTP secret is sealed under the current key')));
      expect(accessToken(await signIn({ email: second?.email ?? '', totpCode: totpCode(SECRET, new Date()) }))).toBeTruthy();
      expect(accessToken(await signIn({ email: third?.email ?? '', totpCode: totpCode(SECRET, new Date()) }))).toBeTruthy();
      for (const secret of neverLogged()) expect(running().logs.join('\n')).not.toContain(secret);
    });

    it('publishes both signing keys; a token signed with SA still verifies at the gateway, and new tokens carry SB’s kid', async () => {
      const jwks = (await (await fetch(new URL('/.well-known/jwks.json', running().subgraphs.identity.url))).json()) as { keys: { kid: string }[] };
      const oldKid = decodeProtectedHeader(tokenSignedWithA).kid;
      expect(jwks.keys.map((key) => key.kid)).toEqual([running().accessTokens.currentKeyId, oldKid]);
      expect(await viewerEmail(tokenSignedWithA)).toMatchObject({ status: 200, email: enrolling.email });

      tokenSignedWithB = accessToken(await signIn({ email: legacy[1]?.email ?? '', totpCode: totpCode(SECRET, new Date()) }));
      expect(decodeProtectedHeader(tokenSignedWithB).kid).toBe(running().accessTokens.currentKeyId);
      expect(decodeProtectedHeader(tokenSignedWithB).kid).not.toBe(oldKid);
      expect(await viewerEmail(tokenSignedWithB)).toMatchObject({ status: 200, email: legacy[1]?.email });
    });

    it('a row another transaction holds is skipped, not waited for, and the next pass takes it', async () => {
      const identity = running().subgraphs.identity.database;
      const [user] = underA;
      if (!user) throw new Error('no user');
      await client.query('UPDATE identity.user_account SET totp_secret = $2 WHERE id = $1', [user.id, sealTotpSecret(createSecretBox([keyA]), user.id, 'totp_secret', SECRET)]);
      const lines: string[] = [];
      const logger = createLogger({ level: 'info', format: 'text', write: (line) => lines.push(line) });
      const box = createSecretBox([keyB, keyA]);
      const holder = new Client({ connectionString: database.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM identity.user_account WHERE id = $1 FOR UPDATE', [user.id]);
        expect(await resealTotpSecrets(identity, box, logger)).toEqual({ resealed: 0, underMissingKeys: {} });
        expect(lines.join('\n')).toContain('TOTP secrets are left to seal under the current key (their rows were busy)');
        expect(lines.join('\n')).not.toContain('every TOTP secret is sealed');
        await holder.query('COMMIT');
      } finally {
        await holder.end();
      }
      lines.length = 0;
      expect(await resealTotpSecrets(identity, box, logger)).toEqual({ resealed: 1, underMissingKeys: {} });
      expect(lines.join('\n')).toContain('every TOTP secret is sealed under the current key');
      expect((await storedOf(user.id))?.totp_secret).toMatch(/^v1:key-b:/);
    });
  });

  describe('with key A and signing key SA removed (SECRET_ENCRYPTION_KEYS=[B])', () => {
    beforeAll(async () => {
      await restart([keyB], { current: signingB });
    });

    it('refuses the token signed with SA with UNAUTHENTICATED, and accepts the one signed with SB', async () => {
      expect(await viewerEmail(tokenSignedWithA)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(await viewerEmail(tokenSignedWithB)).toMatchObject({ status: 200, email: legacy[1]?.email });
    });

    it('signs in with TOTP codes, every secret now under B; nothing is logged as missing', async () => {
      const [, , third] = underA;
      // third signed in at the current step before the restart: the next step is the first it may use again.
      const response = await signIn({ email: third?.email ?? '', totpCode: totpCode(SECRET, new Date(Date.now() + 30_000)) });
      expect(accessToken(response)).toBeTruthy();
      expect(running().logs.some((line) => line.includes('does not hold'))).toBe(false);
    });
  });
});
