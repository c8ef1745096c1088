import { ApolloClient, InMemoryCache, ServerError, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/*
 * The gateway runs one operation per request. A front end that batches (Apollo
 * Client's BatchHttpLink) must still learn why each of its operations failed:
 * the gateway answers the batch with a JSON array, one error result per
 * operation, each carrying the code BATCHING_NOT_SUPPORTED.
 */

let supergraph: InProcessSupergraph;

beforeAll(async () => {
  supergraph = await startInProcessSupergraph();
});
afterAll(async () => {
  await supergraph?.stop();
});

/** What Apollo Client rejected with: the status and, per operation of the batch, the codes of its errors. */
function refusalOf(error: unknown): { status: number; codes: unknown[][] } {
  if (!ServerError.is(error)) throw new Error(`expected the batch to be refused, got ${String(error)}`);
  const results = JSON.parse(error.bodyText) as { errors?: { extensions?: { code?: unknown } }[] }[];
  return { status: error.statusCode, codes: results.map((result) => (result.errors ?? []).map((entry) => entry.extensions?.code)) };
}

it('gives each operation of a BatchHttpLink batch an error result with the code BATCHING_NOT_SUPPORTED, status 400', async () => {
  const sent: unknown[] = [];
  const client = new ApolloClient({
    link: new BatchHttpLink({
      uri: supergraph.gatewayUrl,
      batchMax: 10,
      batchInterval: 20,
      fetch: async (input, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    }),
    cache: new InMemoryCache(),
  });

  const outcomes = await Promise.allSettled([
    client.query({ query: gql`query First { __typename }`, fetchPolicy: 'no-cache' }),
    client.query({ query: gql`query Second { organizations { pageInfo { hasNextPage } } }`, fetchPolicy: 'no-cache' }),
  ]);

  expect(sent).toHaveLength(1);
  expect(Array.isArray(sent[0]) && sent[0].length).toBe(2);
  const refusal = { status: 400, codes: [['BATCHING_NOT_SUPPORTED'], ['BATCHING_NOT_SUPPORTED']] };
  expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? refusalOf(outcome.reason) : outcome.value))).toEqual([refusal, refusal]);
});
