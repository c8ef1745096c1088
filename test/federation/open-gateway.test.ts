import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { parse } from 'graphql';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { IDENTITY_TOKEN_HEADER, INTERNAL_TOKEN_ISSUER, INTERNAL_TOKEN_JWKS_PATH } from '@partnergraph/core';
import { seedDemoOrganizations } from '@partnergraph/identity/demo-seed';
import { bearerHeaders, taggedOrganizations } from '../support/fixtures';
import { closedPortUrl } from '../support/standalone-gateway';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/*
 * Issue #14, item 1: the gateway serves any subgraph the supergraph names.
 * Two services from outside this repository are composed beside the three:
 * `partner-notices`, another team's service that verifies our internal token
 * with the key the gateway publishes, and `private-notes`, which verifies
 * nothing and sits on a private network, so it gets no token, only the client
 * headers its route forwards. Each is configured by SUBGRAPH_<NAME>_…
 * variables alone.
 */

interface SeenRequest {
  headers: IncomingHttpHeaders;
  claims?: JWTPayload;
}

/** A plain @apollo/subgraph server on loopback, no code of ours: the way another team would build one. */
async function startOutsideSubgraph(typeDefs: string, resolvers: object) {
  const apollo = new ApolloServer<{ seen: SeenRequest }>({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
  });
  await apollo.start();
  const seen: SeenRequest[] = [];
  let verify: ((token: string) => Promise<JWTPayload>) | undefined;
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const request: SeenRequest = { headers: req.headers };
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        if (verify) {
          if (!token) throw new Error('no token');
          request.claims = await verify(token);
        }
        seen.push(request);
        return { seen: request };
      },
    }),
  );
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    typeDefs: parse(typeDefs),
    seen,
    /** From now on every request must carry a token that verifies against `jwksUrl` with this audience. */
    requireTokens(jwksUrl: string, audience: string) {
      const keys = createRemoteJWKSet(new URL(jwksUrl));
      verify = async (token) => (await jwtVerify(token, keys, { issuer: INTERNAL_TOKEN_ISSUER, audience })).payload;
    },
    async stop() {
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Subgraphs from outside this repository: their SDL, and the operations on their fields, are strings,
// since codegen checks typed operations against the committed API schema, which does not have them.
const NOTICES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    partnerNotices: [String!]!
  }
  type Organization @key(fields: "id") {
    id: ID!
    supportTier: String
  }
`;

const PRIVATE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    privateNote: String!
    slowPrivateNote: String!
  }
`;

describe('an open gateway: subgraphs from outside this repository', () => {
  let supergraph: InProcessSupergraph;
  let notices: Awaited<ReturnType<typeof startOutsideSubgraph>>;
  let privateNotes: Awaited<ReturnType<typeof startOutsideSubgraph>>;
  const { organization } = taggedOrganizations();
  const customer = organization('Open Gateway Customer');
  let asCustomerAdmin: Record<string, string>;

  beforeAll(async () => {
    notices = await startOutsideSubgraph(NOTICES_SDL, {
      Query: { partnerNotices: () => ['Maintenance on Sunday'] },
      Organization: { __resolveReference: (reference: { id: string }) => ({ ...reference, supportTier: 'GOLD' }) },
    });
    privateNotes = await startOutsideSubgraph(PRIVATE_SDL, {
      Query: {
        privateNote: () => 'seen',
        slowPrivateNote: () => new Promise((resolve) => setTimeout(() => resolve('late'), 3_000)),
      },
    });
    supergraph = await startInProcessSupergraph({
      extraSubgraphs: [
        // The supergraph's routing URL goes nowhere; the gateway's setting overrides it.
        { name: 'partner-notices', url: await closedPortUrl(), typeDefs: notices.typeDefs },
        { name: 'private-notes', url: privateNotes.url, typeDefs: privateNotes.typeDefs },
      ],
      gatewayEnvironment: {
        SUBGRAPH_PARTNER_NOTICES_URL: notices.url,
        SUBGRAPH_PARTNER_NOTICES_ACCESS_CHECK: 'false',
        SUBGRAPH_PRIVATE_NOTES_SIGN: 'false',
        SUBGRAPH_PRIVATE_NOTES_FORWARD_HEADERS: 'X-Client-Name,accept-language',
        SUBGRAPH_PRIVATE_NOTES_TIMEOUT_MS: '300',
      },
    });
    notices.requireTokens(new URL(INTERNAL_TOKEN_JWKS_PATH, supergraph.gatewayUrl).toString(), 'partner-notices');
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [customer]);
    asCustomerAdmin = await bearerHeaders(supergraph, { organizationId: customer.id, role: 'ADMIN', mfa: false });
  });
  afterAll(async () => {
    await supergraph?.stop();
    await notices?.stop();
    await privateNotes?.stop();
  });

  it('routes to the URL its setting gives, signed for its own name and verified with the published key', async () => {
    notices.seen.length = 0;
    const response = await supergraph.query('{ partnerNotices }', {}, asCustomerAdmin);

    expect(response.body).toEqual({ data: { partnerNotices: ['Maintenance on Sunday'] } });
    expect(notices.seen).toHaveLength(1);
    const [request] = notices.seen;
    expect(request?.claims).toMatchObject({ iss: INTERNAL_TOKEN_ISSUER, aud: 'partner-notices' });
    expect(request?.claims?.principal).toMatchObject({ kind: 'user', organizationId: customer.id, role: 'ADMIN' });
    expect(request?.headers[IDENTITY_TOKEN_HEADER]).toBeUndefined();
  });

  it('joins its entity fields to ours across subgraphs', async () => {
    const response = await supergraph.query<{ organization: { id: string; name: string; supportTier: string } }>(
      'query Tier($id: ID!) { organization(id: $id) { id name supportTier } }',
      { id: customer.id },
      asCustomerAdmin,
    );
    expect(response.body).toEqual({ data: { organization: { id: customer.id, name: customer.name, supportTier: 'GOLD' } } });
  });

  it('sends a subgraph that verifies nothing no token at all, only the client headers its route forwards', async () => {
    privateNotes.seen.length = 0;
    const response = await supergraph.query('{ privateNote }', {}, {
      ...asCustomerAdmin,
      'x-client-name': 'partner-dashboard',
      'accept-language': 'fr-FR',
      'x-other': 'not forwarded',
    });

    expect(response.body).toEqual({ data: { privateNote: 'seen' } });
    const [request] = privateNotes.seen;
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers[IDENTITY_TOKEN_HEADER]).toBeUndefined();
    expect(request?.headers['x-client-name']).toBe('partner-dashboard');
    expect(request?.headers['accept-language']).toBe('fr-FR');
    expect(request?.headers['x-other']).toBeUndefined();
    expect(request?.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('gives up on a subgraph after its own timeout, naming it', async () => {
    const started = Date.now();
    const response = await supergraph.query('{ privateNote slowPrivateNote }', {}, asCustomerAdmin);

    expect(Date.now() - started).toBeLessThan(2_500);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'private-notes' }),
    ]);
  });

  it('publishes the internal tokens’ public key as a JWK Set', async () => {
    const response = await fetch(new URL(INTERNAL_TOKEN_JWKS_PATH, supergraph.gatewayUrl));
    const body = (await response.json()) as { keys: Record<string, string>[] };
    expect(response.status).toBe(200);
    expect(body.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), alg: 'EdDSA', use: 'sig', kid: expect.any(String) }]);
    expect(JSON.stringify(body)).not.toContain('"d"');
  });
});
