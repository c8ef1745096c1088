import { buildSchema, getOperationAST, parse } from 'graphql';
import { operationCost, UNPAGED_LIST_SIZE } from './query-cost';

const schema = buildSchema(`
  type Query { organizations(first: Int = 50): OrganizationConnection! organization(id: ID!): Organization }
  type OrganizationConnection { nodes: [Organization!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Organization { id: ID! name: String! devices(first: Int = 50): DeviceConnection! locations: [Location!] }
  type DeviceConnection { nodes: [Device!]! }
  type Device { id: ID! sensors: [Sensor!]! history(maxPoints: Int = 500): History! }
  type History { buckets: [Bucket!]! }
  type Bucket { value: Float }
  type Sensor { id: ID! }
  type Location { name: String! }
`);

function cost(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables);
}

describe('operationCost', () => {
  it('counts a page as its size times what each item holds', () => {
    // 10 × (connection 1 + nodes (1 + devices 5 × (1 + nodes 1)))
    expect(cost('{ organizations(first: 10) { nodes { devices(first: 5) { nodes { id } } } } }')).toBe(10 * (1 + 1 * (1 + 5 * (1 + 1))));
  });

  it('a fragment spread twice in one selection set counts once, as the answer holds it once', () => {
    const once = cost('{ organizations(first: 10) { nodes { ...D } } } fragment D on Organization { devices(first: 5) { nodes { id } } }');
    const twice = cost('{ organizations(first: 10) { nodes { ...D ...D } } } fragment D on Organization { devices(first: 5) { nodes { id } } }');
    expect(twice).toBe(once);
  });

  it('a field selected directly and through a fragment counts once', () => {
    const direct = cost('{ organizations(first: 10) { nodes { devices(first: 5) { nodes { id } } } } }');
    const both = cost(
      '{ organizations(first: 10) { nodes { devices(first: 5) { nodes { id } } ...D } } } fragment D on Organization { devices(first: 5) { nodes { id } } }',
    );
    expect(both).toBe(direct);
  });

  it('a fragment spread in two places counts in each', () => {
    const fragment = 'fragment D on Organization { devices(first: 5) { nodes { id } } }';
    const one = cost(`{ organizations(first: 10) { nodes { ...D } } } ${fragment}`);
    const two = cost(`{ organizations(first: 10) { nodes { ...D } } other: organizations(first: 10) { nodes { ...D } } } ${fragment}`);
    expect(two).toBe(2 * one);
  });

  it('a list without a size argument counts UNPAGED_LIST_SIZE, unless it is the items of a sized page', () => {
    expect(cost('query($id: ID!) { organization(id: $id) { locations { name } } }', { id: 'x' })).toBe(1 * (1 + UNPAGED_LIST_SIZE));
    // sensors: a list below an unsized field; buckets: the items of history's maxPoints.
    expect(cost('query($id: ID!) { organization(id: $id) { devices(first: 2) { nodes { sensors { id } history(maxPoints: 3) { buckets { value } } } } } }', { id: 'x' })).toBe(
      1 * (1 + 2 * (1 + 1 * (1 + UNPAGED_LIST_SIZE + 3 * (1 + 1)))),
    );
  });

  it('reads sizes from variables and the schema’s defaults', () => {
    expect(cost('query($n: Int) { organizations(first: $n) { pageInfo { hasNextPage } } }', { n: 7 })).toBe(7 * 2);
    expect(cost('{ organizations { pageInfo { hasNextPage } } }')).toBe(50 * 2);
  });
});
