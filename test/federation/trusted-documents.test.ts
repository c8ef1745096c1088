import { createHash, randomUUID } from 'node:crypto';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { generatePersistedQueryIdsAtRuntime, generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { print, type DocumentNode } from 'graphql';
import { createLogger, listen } from '@partnergraph/core';
import { createGatewayServer, type GatewayServer } from '@partnergraph/gateway';
import { readGatewayConfig } from '@partnergraph/gateway/config';
import { ManifestError, openDocumentStore, type DocumentStore } from '@partnergraph/gateway/trusted-documents';
import { apiSchemaOf } from '@partnergraph/scripts/api-schema';
import { publishManifest } from '@partnergraph/scripts/publish-documents';
import { bearerHeaders } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/*
 * Issue #19, item 7: first-party front ends run only reviewed operations.
 * A manifest is published (as `npm run documents:publish` does) into the
 * gateway's own schema; Apollo Client 4 with its persisted-queries link then
 * sends documents by id, with its client name.
 */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const KNOWN = gql`
  query ViewerMfa {
    viewer {
      mfa
    }
  }
`;
const UNKNOWN = gql`
  query ViewerTypename {
    viewer {
      __typename
    }
  }
`;
// What Apollo's manifest generator writes: the document as the client sends it, __typename added.
const knownBody = print(addTypenameToDocument(KNOWN));
const manifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [{ id: sha256(knownBody), name: 'ViewerMfa', type: 'query', body: knownBody }],
};

let database: TestDatabase;
let supergraph: InProcessSupergraph;
let store: DocumentStore;
let asUser: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  supergraph = await startInProcessSupergraph({
    databaseUrl: database.url,
    gatewayEnvironment: {
      PERSISTED_DOCUMENTS_DATABASE_URL: database.url,
      TRUSTED_DOCUMENTS: 'partner-portal:known,customer-portal:log-unknown',
    },
  });
  store = await openDocumentStore({ url: database.url, logger: createLogger({ level: 'error', format: 'text', write: () => {} }) });
  const apiSchema = apiSchemaOf(supergraph.supergraphSdl);
  for (const clientName of ['partner-portal', 'customer-portal']) {
    await publishManifest({ store, clientName, manifest: JSON.stringify(manifest), apiSchema });
  }
  asUser = await bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: true });
}, 60_000);

afterAll(async () => {
  await store?.close();
  await supergraph?.stop();
  await database?.drop();
});

/** Apollo Client 4 as a front end builds it: the persisted-queries link before an HttpLink, its name in clientAwareness. */
function frontEnd(options: { name?: string; url?: string; headers?: Record<string, string>; ids: 'manifest' | 'runtime' }) {
  const sent: Record<string, unknown>[] = [];
  const persisted = new PersistedQueryLink(
    options.ids === 'manifest'
      ? generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest })
      : generatePersistedQueryIdsAtRuntime({ sha256 }),
  );
  const http = new HttpLink({
    uri: options.url ?? supergraph.gatewayUrl,
    headers: options.headers ?? asUser,
    fetch: async (input, init) => {
      sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return fetch(input, init);
    },
  });
  const client = new ApolloClient({
    link: ApolloLink.from([persisted, http]),
    cache: new InMemoryCache(),
    ...(options.name ? { clientAwareness: { name: options.name, version: '1.0.0' } } : {}),
  });
  return { sent, run: (query: DocumentNode) => client.query({ query, fetchPolicy: 'no-cache' }) };
}

/** The code of the error Apollo Client rejected with (a GraphQL error, or one in the body of a non-2xx answer). */
async function codeOf(work: Promise<unknown>): Promise<unknown> {
  const error: unknown = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code;
  if (ServerError.is(error)) return (JSON.parse(error.bodyText) as { errors: { extensions: { code: unknown } }[] }).errors[0]?.extensions.code;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

describe('trusted documents', () => {
  it('runs a published document sent by id alone: the request carries no query text', async () => {
    const portal = frontEnd({ name: 'partner-portal', ids: 'manifest' });
    const result = await portal.run(KNOWN);
    expect(result.data).toEqual({ viewer: { __typename: 'Viewer', mfa: true } });
    expect(portal.sent).toHaveLength(1);
    expect(portal.sent[0]).not.toHaveProperty('query');
    expect(portal.sent[0]?.extensions).toEqual({ clientLibrary: expect.anything(), persistedQuery: { version: 1, sha256Hash: sha256(knownBody) } });
  });

  it('refuses an operation that is not published to a client in known mode, after the link sent its text, before planning', async () => {
    const portal = frontEnd({ name: 'partner-portal', ids: 'runtime' });
    expect(await codeOf(portal.run(UNKNOWN))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    // First by id (not found), then the full text, which the policy refused.
    expect(portal.sent.map((body) => typeof body.query)).toEqual(['undefined', 'string']);
    expect(supergraph.logs.some((line) => line.includes('PERSISTED_DOCUMENT_REQUIRED') && line.includes('ViewerTypename'))).toBe(true);
  });

  it('runs an unknown operation for a client in log-unknown mode and logs its name and hash once, never its variables', async () => {
    const portal = frontEnd({ name: 'customer-portal', ids: 'runtime' });
    const result = await portal.run(UNKNOWN);
    expect(result.data).toEqual({ viewer: { __typename: 'Viewer' } });
    const logged = supergraph.logs.filter((line) => line.includes('unknown operation') && line.includes('customer-portal'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('ViewerTypename');
    expect(logged[0]).toContain(sha256(print(addTypenameToDocument(UNKNOWN))));
  });

  it('runs any operation for a client name not listed, and for no client name', async () => {
    expect((await frontEnd({ name: 'ops-console', ids: 'runtime' }).run(UNKNOWN)).data).toEqual({ viewer: { __typename: 'Viewer' } });
    expect((await frontEnd({ ids: 'runtime' }).run(UNKNOWN)).data).toEqual({ viewer: { __typename: 'Viewer' } });
  });

  it("lets an API client (a partner's script) send any operation whatever client name it gives", async () => {
    const { accessToken } = await supergraph.accessTokens.issueForApiClient({ clientId: randomUUID(), partnerOrganizationId: randomUUID() });
    const script = frontEnd({ name: 'partner-portal', ids: 'runtime', headers: { authorization: `Bearer ${accessToken}` } });
    const result = await script.run(UNKNOWN);
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ viewer: { __typename: 'Viewer' } });
  });

  it('answers PERSISTED_QUERY_NOT_FOUND, never a 500, for an id that is not published or not a hash', async () => {
    for (const documentId of [sha256('query Nope { viewer { mfa } }'), 'sha256:not-a-hash', 42]) {
      const response = await fetch(supergraph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollographql-client-name': 'partner-portal', ...asUser },
        body: JSON.stringify({ documentId }),
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
  });

  it('refuses a manifest whose document is not valid against the API schema, writing nothing', async () => {
    const body = 'query Nope { viewer { noSuchField } }';
    const publishing = publishManifest({
      store,
      clientName: 'partner-portal',
      manifest: JSON.stringify({ [sha256(body)]: body }),
      apiSchema: apiSchemaOf(supergraph.supergraphSdl),
    });
    await expect(publishing).rejects.toBeInstanceOf(ManifestError);
    expect(await store.find('partner-portal', sha256(body))).toBeUndefined();
    // Publishing the same manifest again is a no-op.
    expect(await publishManifest({ store, clientName: 'partner-portal', manifest: JSON.stringify(manifest), apiSchema: apiSchemaOf(supergraph.supergraphSdl) })).toEqual({
      documents: 1,
      published: 0,
    });
  });

  it('shares a document published once with a second gateway on the same database, including one published after its first miss', async () => {
    const logger = createLogger({ level: 'error', format: 'text', write: () => {} });
    const config = readGatewayConfig({
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraph.supergraphPath,
      INTERNAL_TOKEN_PRIVATE_KEY: supergraph.keys.privateKeyPem,
      AUTH_JWKS_URL: new URL('/.well-known/jwks.json', supergraph.subgraphs.identity.url).toString(),
      RATE_LIMIT_PER_MINUTE: '0',
      TOKEN_RATE_LIMIT_PER_MINUTE: '0',
      SHUTDOWN_LINGER_MS: '0',
      DATABASE_URL: database.url,
      TRUSTED_DOCUMENTS: 'partner-portal:known,kiosk:known',
    });
    const second: GatewayServer = await createGatewayServer(config, logger);
    const port = await listen(second.httpServer, { host: '127.0.0.1', port: 0, portVariable: 'PORT' });
    await second.start();
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      const portal = frontEnd({ name: 'partner-portal', ids: 'manifest', url });
      expect((await portal.run(KNOWN)).data).toEqual({ viewer: { __typename: 'Viewer', mfa: true } });
      expect(portal.sent).toHaveLength(1);

      // A kiosk build ships before its manifest is published: refused, then fine once it is, without a restart.
      const kiosk = frontEnd({ name: 'kiosk', ids: 'runtime', url });
      expect(await codeOf(kiosk.run(KNOWN))).toBe('PERSISTED_DOCUMENT_REQUIRED');
      await publishManifest({ store, clientName: 'kiosk', manifest: JSON.stringify(manifest), apiSchema: apiSchemaOf(supergraph.supergraphSdl) });
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const later = frontEnd({ name: 'kiosk', ids: 'runtime', url });
      expect((await later.run(KNOWN)).data).toEqual({ viewer: { __typename: 'Viewer', mfa: true } });
      expect(later.sent).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
