import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { cachedOperationFields, operationFields } from './operation-fields';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Device implements Node { id: ID! name: String! firmwareRevision: String sensors(first: Int): [Sensor!]! }
  type Sensor implements Node { id: ID! unit: String! }
  type Query { device(id: ID!): Device  node(id: ID!): Node  devices(first: Int, after: String): [Device!]! }
`);

function fieldsOf(text: string, operationName?: string): readonly string[] {
  const document = parse(text);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition' && (operationName === undefined || definition.name?.value === operationName),
  );
  if (!operation) throw new Error('no such operation');
  return operationFields(schema, document, operation);
}

describe('operationFields', () => {
  it('lists every field once as Type.field, and every argument written as Type.field(argument:)', () => {
    expect(fieldsOf(`query D($id: ID!) { device(id: $id) { id name sensors(first: 2) { unit } again: sensors { id } } }`)).toEqual([
      'Device.id',
      'Device.name',
      'Device.sensors',
      'Device.sensors(first:)',
      'Query.device',
      'Query.device(id:)',
      'Sensor.id',
      'Sensor.unit',
    ]);
  });

  it('follows fragments, nested ones included, and only those the operation spreads', () => {
    const text = `
      fragment Firmware on Device { firmwareRevision ...Named }
      fragment Named on Device { name }
      fragment Unused on Sensor { unit }
      query List { devices { ...Firmware } }
      query Other { node(id: "1") { id } }`;
    expect(fieldsOf(text, 'List')).toEqual(['Device.firmwareRevision', 'Device.name', 'Query.devices']);
  });

  it('keeps an interface field as the interface’s, an inline fragment’s as its type’s, and leaves out __typename and directive arguments', () => {
    expect(fieldsOf(`{ node(id: "1") { __typename id ... on Device { name @include(if: true) } } }`)).toEqual([
      'Device.name',
      'Node.id',
      'Query.node',
      'Query.node(id:)',
    ]);
  });

  it('ignores a field the schema does not have', () => {
    expect(fieldsOf(`{ devices { id serial } }`)).toEqual(['Device.id', 'Query.devices']);
  });
});

describe('cachedOperationFields', () => {
  it('works a document out once per query hash and operation name, per schema', () => {
    const fieldsOfCached = cachedOperationFields();
    const document = parse(`query A { devices { id } } query B { devices { name } }`);
    const [a, b] = document.definitions as OperationDefinitionNode[];
    const first = fieldsOfCached(schema, 'hash-1', document, a!);
    expect(fieldsOfCached(schema, 'hash-1', document, a!)).toBe(first);
    expect(fieldsOfCached(schema, 'hash-1', document, b!)).toEqual(['Device.name', 'Query.devices']);
    const otherSchema = buildSchema(`type Query { devices: [Int] }`);
    expect(fieldsOfCached(otherSchema, 'hash-1', document, a!)).not.toBe(first);
  });
});
