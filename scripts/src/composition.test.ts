import { join } from 'node:path';
import {
  CompositionConfigError,
  composeSupergraph,
  formatCompositionProblem,
  loadSubgraphSchemas,
  parseCompositionConfig,
  type SubgraphSchema,
} from './composition';

const CONFIG_PATH = '/repo/schema/supergraph.yaml';

function configProblems(yaml: string): readonly string[] {
  try {
    parseCompositionConfig(yaml, CONFIG_PATH);
  } catch (error) {
    if (error instanceof CompositionConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

function subgraph(name: string, sdl: string): SubgraphSchema {
  return { name, url: `http://127.0.0.1/${name}`, sdl: `${LINK}\n${sdl}`, file: `${name}.graphql` };
}

const products = subgraph('products', 'type Query { product: Product }\ntype Product @key(fields: "id") { id: ID! name: String }');
const reviews = subgraph('reviews', 'type Review { body: String }\ntype Product @key(fields: "id") { id: ID! reviews: [Review!]! }');

describe('parseCompositionConfig', () => {
  it('reads each subgraph, resolving its schema file against the config directory', () => {
    const config = parseCompositionConfig(
      `federation_version: =2.14.4
subgraphs:
  identity:
    routing_url: http://127.0.0.1:4001/graphql
    schema:
      file: ../subgraphs/identity/schema.graphql
  device-telemetry:
    routing_url: https://telemetry.example/graphql
    schema:
      file: telemetry.graphql
`,
      CONFIG_PATH,
    );
    expect(config).toEqual({
      federationVersion: '=2.14.4',
      subgraphs: [
        { name: 'identity', routingUrl: 'http://127.0.0.1:4001/graphql', schemaPath: '/repo/subgraphs/identity/schema.graphql' },
        { name: 'device-telemetry', routingUrl: 'https://telemetry.example/graphql', schemaPath: '/repo/schema/telemetry.graphql' },
      ],
    });
  });

  it('refuses text that is not YAML', () => {
    expect(configProblems('subgraphs: [unclosed')).toEqual([expect.stringMatching(/^not valid YAML: /)]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(configProblems('- identity')).toEqual(['expected a mapping with federation_version and subgraphs, got ["identity"]']);
  });

  it('reports every problem at once, each naming the field and what it expects', () => {
    expect(
      configProblems(`federation_version: =1.1
subgraphs:
  identity:
    routing_url: ftp://127.0.0.1/graphql
    schema:
      subgraph_url: http://127.0.0.1:4001/graphql
  subscriptions: just a string
  device-telemetry:
    schema:
      file: telemetry.graphql
`),
    ).toEqual([
      'federation_version: expected a Federation 2 version such as =2.14.4, got "=1.1"',
      'subgraphs.identity.routing_url: expected an http:// or https:// URL, got "ftp://127.0.0.1/graphql"',
      'subgraphs.identity.schema: expected { file: <SDL file, relative to this config> }, got {"subgraph_url":"http://127.0.0.1:4001/graphql"}',
      'subgraphs.subscriptions: expected a mapping with routing_url and schema.file, got "just a string"',
      'subgraphs.device-telemetry.routing_url: expected an http:// or https:// URL, it is missing',
    ]);
  });

  it('requires federation_version and at least one subgraph', () => {
    expect(configProblems('subgraphs: {}')).toEqual([
      'federation_version: expected a Federation 2 version such as =2.14.4, it is missing',
      "subgraphs: expected a mapping from each subgraph's name to its routing_url and schema.file, got {}",
    ]);
  });

  it('puts the problems in the error message, one per line', () => {
    expect(() => parseCompositionConfig('federation_version: 2\nsubgraphs: []', CONFIG_PATH)).toThrow(
      "invalid composition config:\n  - subgraphs: expected a mapping from each subgraph's name to its routing_url and schema.file, got []",
    );
  });
});

describe('loadSubgraphSchemas', () => {
  it('names each schema file that cannot be read', async () => {
    const missing = join(__dirname, 'no-such-schema.graphql');
    const load = loadSubgraphSchemas({
      federationVersion: '=2.14.4',
      subgraphs: [{ name: 'identity', routingUrl: 'http://127.0.0.1:4001/graphql', schemaPath: missing }],
    });
    await expect(load).rejects.toThrow(CompositionConfigError);
    await expect(load).rejects.toThrow(/subgraphs\.identity\.schema\.file: cannot read .*no-such-schema\.graphql: the file does not exist/);
  });
});

describe('composeSupergraph', () => {
  it('composes subgraphs into a supergraph that routes to each of them', () => {
    const outcome = composeSupergraph([products, reviews]);
    if (!outcome.ok) throw new Error(outcome.errors.map(formatCompositionProblem).join('\n'));
    expect(outcome.supergraphSdl).toContain('PRODUCTS @join__graph(name: "products", url: "http://127.0.0.1/products")');
    expect(outcome.supergraphSdl).toContain('REVIEWS @join__graph(name: "reviews", url: "http://127.0.0.1/reviews")');
    expect(outcome.supergraphSdl).toMatch(/type Product\s+@join__type\(graph: PRODUCTS, key: "id"\)\s+@join__type\(graph: REVIEWS, key: "id"\)/);
  });

  it('reports a conflict between subgraphs with its code and where each side is', () => {
    const pricing = subgraph('pricing', 'type Query { cheapest: Product }\ntype Product @key(fields: "id") {\n  id: ID!\n  name: Int\n}');
    const outcome = composeSupergraph([products, pricing]);
    if (outcome.ok) throw new Error('expected composition to fail');
    const mismatch = outcome.errors.find((error) => error.code === 'FIELD_TYPE_MISMATCH');
    expect(mismatch && formatCompositionProblem(mismatch)).toBe(
      [
        'FIELD_TYPE_MISMATCH: Type of field "Product.name" is incompatible across subgraphs: it has type "Int" in subgraph "pricing" but type "String" in subgraph "products"',
        '    in subgraph "pricing" at pricing.graphql:5:3',
        '    in subgraph "products" at products.graphql:3:43',
      ].join('\n'),
    );
  });

  it('reports SDL that does not parse, with its place', () => {
    const outcome = composeSupergraph([products, subgraph('broken', 'type Query {')]);
    if (outcome.ok) throw new Error('expected composition to fail');
    expect(outcome.errors.map(formatCompositionProblem)).toEqual([
      'INVALID_GRAPHQL: Syntax Error: Expected Name, found <EOF>.\n    in subgraph "broken" at broken.graphql:2:13',
    ]);
  });
});
