import { randomUUID } from 'node:crypto';
import { seedDemoOrganizations, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { TEST_PASSWORD, createPartnerAccountWithMfa } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for partner accounts and Partner IDs, through the gateway
 * (issue #3, item 1): a Partner ID is made from the organization name
 * (uppercase letters, digits, underscores; "Acme, Inc." → ACME_INC), a
 * collision gets a numbered suffix, a name that leaves nothing usable is
 * refused with a clear code; the applicant may edit the ID until the account
 * is created; afterwards it changes only through a support request that a
 * platform operator approves, and every change is recorded.
 */

const SUGGEST = graphql(`query Suggest($name: String!) { suggestPartnerId(organizationName: $name) }`);
/** What createPartnerAccount's answer is read for (the admin enrols an authenticator first: createPartnerAccountWithMfa). */
const CREATED = graphql(`mutation CreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {
    accessToken user { email role organization { id name kind partnerId } }
  }
}`);
const REQUEST = graphql(`
  mutation PartnerAccountsRequest($partnerId: String!, $reason: String!) {
    requestPartnerIdChange(partnerId: $partnerId, reason: $reason) { id previousPartnerId requestedPartnerId reason status requestedBy { email } decidedBy decidedAt }
  }
`);
const DECIDE = graphql(`
  mutation PartnerAccountsDecide($id: ID!, $approve: Boolean!, $note: String) {
    decidePartnerIdChange(requestId: $id, approve: $approve, note: $note) {
      id status previousPartnerId requestedPartnerId decidedBy decidedAt decisionNote organization { partnerId }
    }
  }
`);
const PENDING = graphql(`query Pending { pendingPartnerIdChangeRequests { id requestedPartnerId organization { name } } }`);
const HISTORY = graphql(`query PartnerAccountsHistory($id: ID!) { organization(id: $id) { partnerId partnerIdChangeRequests { status previousPartnerId requestedPartnerId decidedBy } } }`);

type Headers = Record<string, string>;
type CreatedAccount = ResultOf<typeof CREATED>;

const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('partner accounts and Partner IDs', () => {
  let supergraph: InProcessSupergraph;
  let operator: Headers;
  const tag = randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const { accessToken } = await supergraph.accessTokens.issueForOperator({ operatorId: 'support-alice' });
    operator = { authorization: `Bearer ${accessToken}` };
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const suggest = (name: string, headers: Headers = {}) => supergraph.query(SUGGEST, { name }, headers);
  const admin = () => ({ email: `admin-${randomUUID()}@partner.example`, displayName: 'First Admin', password: TEST_PASSWORD });
  const createAccount = async (name: string, partnerId?: string, adminInput = admin()) =>
    (await createPartnerAccountWithMfa(supergraph, { organizationName: name, partnerId, admin: adminInput }, CREATED)).response;
  const bearer = (token: string | undefined): Headers => ({ authorization: `Bearer ${token ?? ''}` });
  const organizationCount = async () =>
    Number(
      (await supergraph.subgraphs.identity.database.dataSource.query<{ count: string }[]>('SELECT count(*) FROM identity.organization'))[0]
        ?.count,
    );

  describe('suggestPartnerId, as a sign-up form shows it before the account exists', () => {
    // From the seed article and the decisions in the README, end to end through the gateway, by an anonymous caller.
    it.each<[string, string]>([
      ['Acme, Inc.', 'ACME_INC'],
      ["O'Brien & Co.", 'O_BRIEN_AND_CO'],
      ['Smith & Sons', 'SMITH_AND_SONS'],
      ['AT&T', 'AT_AND_T'],
      ['  spaced   out  ', 'SPACED_OUT'],
      ['dots.and-dashes/slashes', 'DOTS_AND_DASHES_SLASHES'],
      ['Société Générale', 'SOCIETE_GENERALE'],
      ['Müller GmbH', 'MULLER_GMBH'],
      ['Straße IT', 'STRASSE_IT'],
      ['Łódź Systems', 'LODZ_SYSTEMS'],
      ['Ærø Data', 'AERO_DATA'],
      ['３Ｍ　Ｃｏｍｐａｎｙ', '3M_COMPANY'],
      ['Acme 株式会社', 'ACME'],
      ['already_VALID_42', 'ALREADY_VALID_42'],
      ['International Business Machines Corporation of America', 'INTERNATIONAL_BUSINESS_MACHINES'],
      ['Đorđević d.o.o.', 'DORDEVIC_D_O_O'],
    ])('%j → %s', async (name, partnerId) => {
      const { body } = await suggest(name);
      expect(body.errors).toBeUndefined();
      expect(body.data?.suggestPartnerId).toBe(partnerId);
    });

    it.each(['株式会社', '!!!', 'X', '   '])('refuses %j with PARTNER_ID_UNUSABLE_NAME and says what a Partner ID must be', async (name) => {
      const response = await suggest(name);
      expect(codes(response)).toEqual(['PARTNER_ID_UNUSABLE_NAME']);
      expect(response.body.errors?.[0]?.message).toMatch(/uppercase letters A-Z, digits 0-9 and single underscores/);
    });

    it('adds a numbered suffix when another partner has the ID, and the next number when that is taken too', async () => {
      const base = `COLLIDE_${tag}`;
      const existing: DemoOrganization[] = [base, `${base}_2`].map((partnerId) => ({
        id: randomUUID(),
        name: `Existing ${partnerId}`,
        kind: 'PARTNER',
        partnerId,
      }));
      await seedDemoOrganizations(supergraph.subgraphs.identity.database, existing);
      expect((await suggest(`Collide ${tag}`)).body.data?.suggestPartnerId).toBe(`${base}_3`);
    });
  });

  describe('createPartnerAccount', () => {
    it('creates the partner with the suggested Partner ID and signs its first admin in', async () => {
      const adminInput = admin();
      const { body } = await createAccount(`Acme ${tag}, Inc.`, undefined, adminInput);
      expect(body.errors).toBeUndefined();
      expect(body.data?.createPartnerAccount.user).toEqual({
        email: adminInput.email,
        role: 'ADMIN',
        organization: { id: expect.any(String), name: `Acme ${tag}, Inc.`, kind: 'PARTNER', partnerId: `ACME_${tag}_INC` },
      });
      const viewer = await supergraph.query(
        graphql(`query PartnerAccountsViewer { viewer { user { email } } }`),
        {},
        bearer(body.data?.createPartnerAccount.accessToken),
      );
      expect(viewer.body.data?.viewer.user?.email).toBe(adminInput.email);
    });

    it('takes the Partner ID as the applicant edited it before creation', async () => {
      const { body } = await createAccount(`Edited ${tag}`, `MY_OWN_${tag}`);
      expect(body.errors).toBeUndefined();
      expect(body.data?.createPartnerAccount.user.organization.partnerId).toBe(`MY_OWN_${tag}`);
    });

    it('gives a name that collides the next free suffix', async () => {
      const first = await createAccount(`Twin ${tag}`);
      const second = await createAccount(`Twin ${tag}`);
      expect(first.body.data?.createPartnerAccount.user.organization.partnerId).toBe(`TWIN_${tag}`);
      expect(second.body.data?.createPartnerAccount.user.organization.partnerId).toBe(`TWIN_${tag}_2`);
    });

    it.each<[string, () => Promise<GraphQLResponse<CreatedAccount>>, string]>([
      ['an edited Partner ID that another partner has', () => createAccount(`Taken ${tag}`, `TWIN_${tag}`), 'PARTNER_ID_TAKEN'],
      ['an edited Partner ID in lowercase', () => createAccount(`Lower ${tag}`, 'acme_inc'), 'PARTNER_ID_INVALID'],
      ['an edited Partner ID with a double underscore', () => createAccount(`Double ${tag}`, 'ACME__INC'), 'PARTNER_ID_INVALID'],
      ['an edited Partner ID over 40 characters', () => createAccount(`Long ${tag}`, 'A'.repeat(41)), 'PARTNER_ID_INVALID'],
      ['a name that leaves no Partner ID, with none edited', () => createAccount('株式会社'), 'PARTNER_ID_UNUSABLE_NAME'],
      ['a short password', () => createAccount(`Weak ${tag}`, undefined, { ...admin(), password: 'short' }), 'BAD_USER_INPUT'],
      ['an email that is not one', () => createAccount(`Mail ${tag}`, undefined, { ...admin(), email: 'not-an-email' }), 'BAD_USER_INPUT'],
    ])('refuses %s with its code, and writes nothing', async (_what, send, code) => {
      const before = await organizationCount();
      const response = await send();
      expect(codes(response)).toEqual([code]);
      expect(response.body.data ?? null).toBeNull();
      expect(await organizationCount()).toBe(before);
    });

    it('refuses an admin email that has an account with EMAIL_TAKEN, and leaves no organization behind', async () => {
      const adminInput = admin();
      expect((await createAccount(`Original ${tag}`, undefined, adminInput)).body.errors).toBeUndefined();
      const before = await organizationCount();
      const response = await createAccount(`Second ${tag}`, undefined, adminInput);
      expect(codes(response)).toEqual(['EMAIL_TAKEN']);
      expect(await organizationCount()).toBe(before);
    });
  });

  describe('after creation, a Partner ID changes only through a request an operator approves', () => {
    let partnerAdmin: Headers;
    let partnerViewer: Headers;
    let partnerOrganizationId: string;
    let pendingId: string;

    beforeAll(async () => {
      const { body } = await createAccount(`Renamed ${tag}`);
      partnerAdmin = bearer(body.data?.createPartnerAccount.accessToken);
      partnerOrganizationId = body.data?.createPartnerAccount.user.organization.id ?? '';
      const { accessToken } = await supergraph.accessTokens.issueForUser({
        userId: randomUUID(),
        organizationId: partnerOrganizationId,
        role: 'VIEWER',
        mfa: true,
      });
      partnerViewer = bearer(accessToken);
    });

    it('offers no way to set the Partner ID directly', async () => {
      const response = await supergraph.query(`mutation { setPartnerId(partnerId: "NEW_${tag}") }`, {}, partnerAdmin);
      expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it.each<[string, () => Headers, string]>([
      ['a partner viewer', () => partnerViewer, 'FORBIDDEN'],
      ['an anonymous caller', () => ({}), 'FORBIDDEN'],
    ])('refuses a request from %s', async (_who, headers, code) => {
      const response = await supergraph.query(REQUEST, { partnerId: `NEW_${tag}`, reason: 'Rebranding' }, headers());
      expect(codes(response)).toEqual([code]);
    });

    it.each<[string, string, string]>([
      ['the current ID', `RENAMED_${tag}`, 'BAD_USER_INPUT'],
      ['an ID another partner has', `TWIN_${tag}`, 'PARTNER_ID_TAKEN'],
      ['a malformed ID', 'new id', 'PARTNER_ID_INVALID'],
    ])('refuses a request for %s with its code', async (_what, partnerId, code) => {
      const response = await supergraph.query(REQUEST, { partnerId, reason: 'Rebranding' }, partnerAdmin);
      expect(codes(response)).toEqual([code]);
    });

    it('records a partner admin’s request as pending and changes nothing yet', async () => {
      const { body } = await supergraph.query(
        REQUEST,
        { partnerId: `NEW_${tag}`, reason: 'Rebranding' },
        partnerAdmin,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.requestPartnerIdChange).toMatchObject({
        previousPartnerId: `RENAMED_${tag}`,
        requestedPartnerId: `NEW_${tag}`,
        status: 'PENDING',
        decidedBy: null,
        decidedAt: null,
      });
      pendingId = body.data?.requestPartnerIdChange.id ?? '';
      const history = await supergraph.query(HISTORY, { id: partnerOrganizationId }, partnerAdmin);
      expect(history.body.data?.organization?.partnerId).toBe(`RENAMED_${tag}`);
    });

    it('allows one pending request at a time', async () => {
      const response = await supergraph.query(REQUEST, { partnerId: `OTHER_${tag}`, reason: 'Changed my mind' }, partnerAdmin);
      expect(codes(response)).toEqual(['PARTNER_ID_CHANGE_PENDING']);
    });

    it('shows operators the pending requests, and nobody else', async () => {
      const { body } = await supergraph.query(PENDING, {}, operator);
      expect(body.errors).toBeUndefined();
      expect(body.data?.pendingPartnerIdChangeRequests.map((request) => request.id)).toContain(pendingId);
      expect(codes(await supergraph.query(PENDING, {}, partnerAdmin))).toEqual(['FORBIDDEN']);
    });

    it('lets no one but an operator decide, not even the partner’s admin', async () => {
      const response = await supergraph.query(DECIDE, { id: pendingId, approve: true }, partnerAdmin);
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('changes the Partner ID when an operator approves, and records who decided and when', async () => {
      const { body } = await supergraph.query(
        DECIDE,
        { id: pendingId, approve: true, note: 'Verified with the partner by phone' },
        operator,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.decidePartnerIdChange).toEqual({
        id: pendingId,
        status: 'APPROVED',
        previousPartnerId: `RENAMED_${tag}`,
        requestedPartnerId: `NEW_${tag}`,
        decidedBy: 'support-alice',
        decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        decisionNote: 'Verified with the partner by phone',
        organization: { partnerId: `NEW_${tag}` },
      });
      const history = await supergraph.query(
        HISTORY,
        { id: partnerOrganizationId },
        partnerAdmin,
      );
      expect(history.body.data?.organization).toEqual({
        partnerId: `NEW_${tag}`,
        partnerIdChangeRequests: [
          { status: 'APPROVED', previousPartnerId: `RENAMED_${tag}`, requestedPartnerId: `NEW_${tag}`, decidedBy: 'support-alice' },
        ],
      });
    });

    it('refuses to decide a request twice', async () => {
      const response = await supergraph.query(DECIDE, { id: pendingId, approve: false }, operator);
      expect(codes(response)).toEqual(['PARTNER_ID_CHANGE_DECIDED']);
    });

    it('keeps the Partner ID when an operator rejects, and records the rejection', async () => {
      const requested = await supergraph.query(
        REQUEST,
        { partnerId: `REJECTED_${tag}`, reason: 'Typo in the last one' },
        partnerAdmin,
      );
      const id = requested.body.data?.requestPartnerIdChange.id ?? '';
      const { body } = await supergraph.query(DECIDE, { id, approve: false }, operator);
      expect(body.data?.decidePartnerIdChange).toMatchObject({ status: 'REJECTED', organization: { partnerId: `NEW_${tag}` } });
      const history = await supergraph.query(
        HISTORY,
        { id: partnerOrganizationId },
        partnerAdmin,
      );
      expect(history.body.data?.organization?.partnerIdChangeRequests?.map((request) => request.status)).toEqual(['REJECTED', 'APPROVED']);
    });

    it('refuses to approve a change to an ID another partner took meanwhile, and writes nothing', async () => {
      const requested = await supergraph.query(
        REQUEST,
        { partnerId: `RACE_${tag}`, reason: 'Shorter' },
        partnerAdmin,
      );
      const id = requested.body.data?.requestPartnerIdChange.id ?? '';
      expect((await createAccount(`Race ${tag}`)).body.data?.createPartnerAccount.user.organization.partnerId).toBe(`RACE_${tag}`);

      const response = await supergraph.query(DECIDE, { id, approve: true }, operator);
      expect(codes(response)).toEqual(['PARTNER_ID_TAKEN']);
      const pending = await supergraph.query(PENDING, {}, operator);
      expect(pending.body.data?.pendingPartnerIdChangeRequests.map((request) => request.id)).toContain(id);
    });
  });
});
