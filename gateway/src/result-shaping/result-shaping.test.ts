import { createRequire } from 'node:module';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { computeCompiledResponse, useCompiledResultShaping } from '.';

const resultShaping = createRequire(__filename)('@apollo/gateway/dist/resultShaping.js') as { computeResponse: typeof computeCompiledResponse };

const typeDefs = parse(`
  type Query { devices: [Device!]! }
  type Device @key(fields: "id") { id: ID! name: String! secret: String }
`);
const subgraph = buildSubgraphSchema({
  typeDefs,
  resolvers: { Query: { devices: () => [{ id: 'd1', name: 'UPS 1', secret: 's' }, { id: 'd2', name: 'PDU 2', secret: 't' }] } },
});

async function startGateway(): Promise<ApolloServer> {
  const composed = composeServices([{ name: 'inventory', url: 'http://inventory.invalid/graphql', typeDefs }]);
  if (composed.errors) throw composed.errors[0];
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl, buildService: () => new LocalGraphQLDataSource(subgraph) }),
  });
  await server.start();
  return server;
}

describe('useCompiledResultShaping', () => {
  it('makes @apollo/gateway shape every response with the compiled result shaping', async () => {
    useCompiledResultShaping();
    expect(resultShaping.computeResponse).toBe(computeCompiledResponse);
    // executeQueryPlan must look the function up on the module at each call, or the replacement does nothing.
    const calls: unknown[] = [];
    resultShaping.computeResponse = (options) => {
      calls.push(options.input);
      return computeCompiledResponse(options);
    };
    const server = await startGateway();
    try {
      const response = await server.executeOperation({ query: '{ devices { name } renamed: devices { key: id } }' });
      expect(response.body.kind === 'single' && response.body.singleResult).toEqual({
        data: {
          devices: [{ name: 'UPS 1' }, { name: 'PDU 2' }],
          renamed: [{ key: 'd1' }, { key: 'd2' }],
        },
      });
      expect(calls).toHaveLength(1);
    } finally {
      await server.stop();
      useCompiledResultShaping();
    }
  });
});
