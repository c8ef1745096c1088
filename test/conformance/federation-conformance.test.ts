import { getIntrospectionQuery } from 'graphql';
import { SAFE_INTERNAL_MESSAGE } from '@partnergraph/core';
import { startPartnerGraphGateway, startPlainApolloGateway, type RunningGateway } from '../support/conformance-gateways';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { abstractTypes } from './fixtures/abstract-types';
import { catalogue } from './fixtures/catalogue';
import { startScenario, type ConformanceQuery, type RunningScenario } from './fixtures/scenario';
import { subgraphErrors } from './fixtures/subgraph-errors';

/**
 * Our gateway, with every layer on, must answer whatever plain
 * @apollo/gateway answers. For each scenario (fixture subgraphs served over
 * loopback HTTP, composed in memory) both gateways get the same queries:
 *
 *  - plain Apollo's answer must equal the one written in the scenario (so
 *    the comparison cannot pass with both wrong);
 *  - ours must equal plain Apollo's: the same HTTP status and data, and the
 *    same errors in the same order, each with the same path, code and
 *    serviceName. Messages of errors the gateway raises itself (validation,
 *    variables) must be equal too. A subgraph's message is the one thing that
 *    differs by design: ours masks it (SAFE_INTERNAL_MESSAGE) unless its code
 *    is in our error catalogue, and no fixture's code is.
 */
const SCENARIOS = [catalogue, abstractTypes, subgraphErrors];

interface ComparableError {
  path?: (string | number)[];
  code: unknown;
  serviceName?: unknown;
  message: string;
}

interface ComparableAnswer {
  status: number;
  data: unknown;
  errors: ComparableError[];
}

function comparable(response: GraphQLResponse<unknown>): ComparableAnswer {
  return {
    status: response.status,
    data: response.body.data ?? null,
    errors: (response.body.errors ?? []).map((error) => ({
      ...(error.path ? { path: error.path } : {}),
      code: error.extensions?.code,
      ...(error.extensions?.serviceName === undefined ? {} : { serviceName: error.extensions.serviceName }),
      message: error.message,
    })),
  };
}

/** Ours as plain Apollo's answer predicts it: subgraph messages masked. */
function predictedFromPlain(plain: ComparableAnswer): ComparableAnswer {
  return {
    ...plain,
    errors: plain.errors.map((error) => (error.serviceName === undefined ? error : { ...error, message: SAFE_INTERNAL_MESSAGE })),
  };
}

function ask(gateway: RunningGateway, { query, variables }: Pick<ConformanceQuery, 'query' | 'variables'>): Promise<GraphQLResponse<unknown>> {
  return postGraphQL(gateway.url, { query, variables });
}

describe.each(SCENARIOS)('$name', (scenario) => {
  let subgraphs: RunningScenario;
  let plain: RunningGateway;
  let ours: RunningGateway;

  beforeAll(async () => {
    subgraphs = await startScenario(scenario);
    plain = await startPlainApolloGateway(subgraphs.supergraphSdl);
    ours = await startPartnerGraphGateway(subgraphs.supergraphSdl);
  });

  afterAll(async () => {
    await ours?.stop();
    await plain?.stop();
    await subgraphs?.stop();
  });

  it.each(scenario.queries)('plain @apollo/gateway answers as written: $feature', async (conformanceQuery) => {
    const answer = comparable(await ask(plain, conformanceQuery));
    const { expected } = conformanceQuery;

    expect({ data: answer.data, errors: answer.errors }).toEqual({
      data: expected.data,
      errors: (expected.errors ?? []).map((error) => ({
        ...(error.path ? { path: error.path } : {}),
        code: error.code,
        ...(error.path ? { serviceName: expect.any(String) } : {}),
        message: error.message ?? expect.any(String),
      })),
    });
  });

  it.each(scenario.queries)('ours answers as plain @apollo/gateway does: $feature', async (conformanceQuery) => {
    const [plainAnswer, ourAnswer] = await Promise.all([ask(plain, conformanceQuery), ask(ours, conformanceQuery)]);

    expect(comparable(ourAnswer)).toEqual(predictedFromPlain(comparable(plainAnswer)));
    expect(comparable(ourAnswer).data).toEqual(conformanceQuery.expected.data);
  });

  it('ours answers the full introspection query tools send as plain @apollo/gateway does, with no @inaccessible element in it', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const [plainAnswer, ourAnswer] = await Promise.all([ask(plain, { query }), ask(ours, { query })]);

    expect(plainAnswer.body.errors).toBeUndefined();
    expect(JSON.stringify(plainAnswer.body.data)).toContain('"name":"Query"');
    expect(comparable(ourAnswer)).toEqual(comparable(plainAnswer));
    for (const hidden of scenario.inaccessible ?? []) expect(JSON.stringify(plainAnswer.body.data)).not.toContain(`"${hidden}"`);
  });
});
