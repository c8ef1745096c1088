import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as apolloResultShaping from '@apollo/gateway/dist/resultShaping.js';
import {
  Supergraph,
  baseType,
  buildSchema,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  operationFromDocument,
  possibleRuntimeTypes,
  runtimeTypesIntersects,
  type CompositeType,
  type FieldSelection,
  type Operation,
  type OutputType,
  type Schema,
  type Type,
} from '@apollo/federation-internals';
import fc from 'fast-check';
import { GraphQLError, parse, validate } from 'graphql';

/*
 * Parity: computeCompiledResponse must answer exactly as @apollo/gateway's
 * computeResponse (the result shaping it replaces): the same data as JSON (key
 * order included) and the same errors (message, path, extensions.code); where
 * Apollo's throws (its asserts on malformed subgraph data), it throws too.
 */

type ComputeResponse = typeof apolloResultShaping.computeResponse;
type Input = Parameters<ComputeResponse>[0]['input'];
type Variables = Record<string, unknown>;

/** Read at module load, before the module under test loads: it may install itself in Apollo's place. */
const apolloComputeResponse: ComputeResponse = apolloResultShaping.computeResponse;
let computeCompiledResponse: ComputeResponse;

beforeAll(() => {
  ({ computeCompiledResponse } = jest.requireActual<typeof import('./compiled-result-shaping')>('./compiled-result-shaping'));
});

/** Stands in for the gateway's introspection executor: answers with the selection it was given, so the data shows it. */
function introspectionHandling(selection: FieldSelection): unknown {
  return { answeredFor: selection.toString() };
}

interface Shaped {
  json: string | undefined;
  errors: { message: string; path: readonly (string | number)[] | undefined; code: unknown }[];
}

function normalize({ data, errors }: ReturnType<ComputeResponse>): Shaped {
  expect(errors.every((error) => error instanceof GraphQLError)).toBe(true);
  return {
    json: JSON.stringify(data),
    errors: errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions.code })),
  };
}

/** Shapes with both; returns Apollo's answer, or 'throws' when Apollo's threw (and ours did too). */
function expectSameResponse(operation: Operation, variables: Variables, input: Input): Shaped | 'throws' {
  const shapeWith = (compute: ComputeResponse) => compute({ operation, variables, input, introspectionHandling });
  let apollo: ReturnType<ComputeResponse>;
  try {
    apollo = shapeWith(apolloComputeResponse);
  } catch {
    expect(() => shapeWith(computeCompiledResponse)).toThrow();
    return 'throws';
  }
  const expected = normalize(apollo);
  expect(normalize(shapeWith(computeCompiledResponse))).toEqual(expected);
  return expected;
}

// ---------------------------------------------------------------------------
// Generated operations and data over a schema with what the real one lacks:
// an interface, a union, an enum, a custom scalar, nested non-null fields and lists.

const SHAPES_SDL = `
  scalar DateTime
  enum Status { ACTIVE RETIRED }
  interface Node { id: ID! label: String }
  union SearchResult = Rack | Server | Owner
  type Query { node: Node nodes: [Node!]! search: [SearchResult] rack: Rack! racks: [Rack!] version: Int! }
  type Rack implements Node { id: ID! label: String position: Int! load: Float slots: [Slot!]! owner: Owner! tags: [String] }
  type Server implements Node { id: ID! label: String cores: Int! powered: Boolean status: Status! installedAt: DateTime rack: Rack }
  type Slot { index: Int! occupant: Node heights: [[Float!]] }
  type Owner { name: String! contact: Contact }
  type Contact { email: String! verified: Boolean! }
`;
const shapesSchema = buildSchema(SHAPES_SDL);
const shapesGraphQLSchema = shapesSchema.toGraphQLJSSchema();
/** Types with a named fragment (`...RackParts`); fragments spread only from the operation, so none is cyclic. */
const FRAGMENT_TYPES = ['Node', 'SearchResult', 'Rack', 'Server', 'Slot', 'Owner'];
const VARIABLES = ['v0', 'v1', 'v2'];

type Selection =
  | { kind: 'field'; field: string; alias: string | undefined; directives: string; selections: Selection[] | undefined }
  | { kind: 'inline'; on: string | undefined; directives: string; selections: Selection[] }
  | { kind: 'spread'; on: string; directives: string }
  | { kind: 'introspection'; alias: string | undefined; directives: string };

const variableName = fc.constantFrom(...VARIABLES);
const directives = fc.oneof(
  { weight: 12, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom('@skip(if: true)', '@skip(if: false)', '@include(if: true)', '@include(if: false)') },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('skip', 'include'), variableName).map(([name, variable]) => `@${name}(if: $${variable})`) },
  { weight: 1, arbitrary: fc.tuple(variableName, variableName).map(([a, b]) => `@include(if: $${a}) @skip(if: $${b})`) },
);

function compositeType(name: string): CompositeType {
  const type = shapesSchema.type(name);
  if (!type || !isCompositeType(type)) throw new Error(`${name} is not a composite type`);
  return type;
}

function typeOf(field: { coordinate: string; type?: OutputType | undefined }): OutputType {
  if (!field.type) throw new Error(`${field.coordinate} has no type`);
  return field.type;
}

const selectionsCache = new Map<string, fc.Arbitrary<Selection[]>>();

/** Selection sets on `typeName`, `depth` levels deep at most; with spreads of the named fragments or not. */
function selectionsOn(typeName: string, depth: number, spreads: boolean): fc.Arbitrary<Selection[]> {
  const key = `${typeName}/${depth}/${spreads}`;
  const cached = selectionsCache.get(key);
  if (cached) return cached;
  const type = compositeType(typeName);
  const fields = (type.kind === 'UnionType' ? [] : type.fields())
    .filter((field) => depth > 0 || !isCompositeType(baseType(typeOf(field))))
    .map((field) => {
      const child = baseType(typeOf(field));
      return fc.record({
        kind: fc.constant('field' as const),
        field: fc.constant(field.name),
        alias: fc.constantFrom(undefined, `${field.name}A`, `${field.name}B`),
        directives,
        selections: isCompositeType(child) ? selectionsOn(child.name, depth - 1, spreads) : fc.constant(undefined),
      });
    });
  const typename = fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('__typename'),
    alias: fc.constantFrom(undefined, 'kindA', 'kindB'),
    directives,
    selections: fc.constant(undefined),
  });
  const overlapping = (name: string) => runtimeTypesIntersects(type, compositeType(name));
  const fragmentTypes = shapesSchema.types().filter((candidate) => isCompositeType(candidate) && (candidate.name !== 'Query' || typeName === 'Query') && overlapping(candidate.name));
  const inline =
    depth > 0
      ? [undefined, ...fragmentTypes.map((candidate) => candidate.name)].map((on) =>
          fc.record({ kind: fc.constant('inline' as const), on: fc.constant(on), directives, selections: selectionsOn(on ?? typeName, depth - 1, spreads) }),
        )
      : [];
  const spreadable = spreads ? FRAGMENT_TYPES.filter(overlapping) : [];
  const alternatives: fc.WeightedArbitrary<Selection>[] = [{ weight: 2, arbitrary: typename }];
  if (fields.length > 0) alternatives.push({ weight: 8, arbitrary: fc.oneof(...fields) });
  if (inline.length > 0) alternatives.push({ weight: 3, arbitrary: fc.oneof(...inline) });
  if (spreadable.length > 0) {
    alternatives.push({ weight: 2, arbitrary: fc.record({ kind: fc.constant('spread' as const), on: fc.constantFrom(...spreadable), directives }) });
  }
  if (typeName === 'Query') {
    alternatives.push({
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('introspection' as const), alias: fc.constantFrom(undefined, 'schemaA'), directives }),
    });
  }
  const arbitrary = fc.array(fc.oneof(...alternatives), { minLength: 1, maxLength: 4 });
  selectionsCache.set(key, arbitrary);
  return arbitrary;
}

function printSelections(selections: Selection[]): string {
  return `{ ${selections.map(printSelection).join(' ')} }`;
}

function printSelection(selection: Selection): string {
  const parts = (() => {
    switch (selection.kind) {
      case 'field':
        return [selection.alias ? `${selection.alias}: ${selection.field}` : selection.field, selection.directives, selection.selections ? printSelections(selection.selections) : ''];
      case 'inline':
        return ['...', selection.on ? `on ${selection.on}` : '', selection.directives, printSelections(selection.selections)];
      case 'spread':
        return [`...${selection.on}Parts`, selection.directives];
      case 'introspection':
        return [selection.alias ? `${selection.alias}: __schema` : '__schema', selection.directives, '{ queryType { name } }'];
    }
  })();
  return parts.filter((part) => part !== '').join(' ');
}

const MISSING = Symbol('missing');
type Generated = unknown;

/** What a level of the operation asks for, by response name, through all its fragments (applying or not). */
type Requested = Map<string, { kind: 'typename' } | { kind: 'field'; type: OutputType; selections: Selection[] }>;

function requestedAt(typeName: string, selections: Selection[], fragments: Record<string, Selection[]>, requested: Requested = new Map()): Requested {
  for (const selection of selections) {
    if (selection.kind === 'inline') requestedAt(selection.on ?? typeName, selection.selections, fragments, requested);
    if (selection.kind === 'spread') requestedAt(selection.on, fragments[selection.on] ?? [], fragments, requested);
    if (selection.kind !== 'field') continue;
    const responseName = selection.alias ?? selection.field;
    if (selection.field === '__typename') {
      requested.set(responseName, { kind: 'typename' });
      continue;
    }
    const type = compositeType(typeName);
    const field = type.kind === 'UnionType' ? undefined : type.field(selection.field);
    if (!field) throw new Error(`${typeName} has no field ${selection.field}`);
    const entry = requested.get(responseName);
    const nested = entry?.kind === 'field' ? entry.selections : [];
    requested.set(responseName, { kind: 'field', type: typeOf(field), selections: [...nested, ...(selection.selections ?? [])] });
  }
  return requested;
}

const LEAVES: Record<string, { valid: fc.Arbitrary<Generated>; invalid: fc.Arbitrary<Generated> }> = {
  Int: { valid: fc.oneof(fc.integer(), fc.maxSafeInteger()), invalid: fc.constantFrom(1.5, '12', true, Number.NaN, Infinity, 1e21, {}) },
  Float: { valid: fc.double({ noNaN: true, noDefaultInfinity: true }), invalid: fc.constantFrom(Number.NaN, -Infinity, '1.5', false, []) },
  ID: { valid: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), invalid: fc.constantFrom(2.5, true, 1e21, {}) },
  String: { valid: fc.string({ maxLength: 6 }), invalid: fc.constantFrom(5, false, ['a'], {}) },
  Boolean: { valid: fc.boolean(), invalid: fc.constantFrom('true', 0, 1) },
  // A custom scalar takes whatever the subgraph sent.
  DateTime: { valid: fc.constantFrom('2026-12-08T10:00:00Z', 1765188000, { at: 'now' }, ['x'], false, Number.NaN), invalid: fc.constant('') },
};

function leaf(type: Type): fc.Arbitrary<Generated> {
  if (!isScalarType(type) && !isEnumType(type)) throw new Error(`${type} is not a leaf type`);
  const values = isEnumType(type)
    ? { valid: fc.constantFrom(...type.values.map((value) => value.name)), invalid: fc.constantFrom('active', 'UNKNOWN', 0) }
    : LEAVES[type.name];
  if (!values) throw new Error(`no values for ${type.name}`);
  return fc.oneof({ weight: 8, arbitrary: values.valid }, { weight: 1, arbitrary: values.invalid });
}

/** __typename as subgraphs send it: the runtime type, absent, another type, not an object type, unknown, or (rarely) not a string. */
function typenameFor(type: CompositeType): fc.Arbitrary<Generated> {
  const possible = possibleRuntimeTypes(type).map((runtime) => runtime.name);
  const wrong = ['Rack', 'Server', 'Owner', 'Contact', 'Slot', 'Node', 'SearchResult', 'Query', 'Status', 'Int', 'Ghost'].filter((name) => !possible.includes(name));
  return fc.oneof(
    { weight: 60, arbitrary: fc.constantFrom(...possible) },
    { weight: 25, arbitrary: fc.constant(MISSING) },
    { weight: 10, arbitrary: fc.constantFrom(...wrong) },
    { weight: 1, arbitrary: fc.constant(7) },
  );
}

function objectFor(type: CompositeType, selections: Selection[], fragments: Record<string, Selection[]>, typename = typenameFor(type)): fc.Arbitrary<Generated> {
  const requested = [...requestedAt(type.name, selections, fragments)];
  const values = requested.map(([, entry]) =>
    entry.kind === 'typename'
      ? fc.oneof({ weight: 4, arbitrary: fc.constant(MISSING) }, { weight: 1, arbitrary: typenameFor(type) })
      : fc.oneof({ weight: 1, arbitrary: fc.constant(MISSING) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 12, arbitrary: valueFor(entry.type, entry.selections, fragments) }),
  );
  const extra = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constant({ unrequested: 'extra', idC: 1 }) });
  return fc.tuple(typename, fc.tuple(...values), extra).map(([kind, generated, extraFields]) => {
    const object: Record<string, Generated> = { ...extraFields };
    if (kind !== MISSING) object.__typename = kind;
    requested.forEach(([responseName], index) => {
      if (generated[index] !== MISSING) object[responseName] = generated[index];
    });
    return object;
  });
}

function valueFor(type: OutputType, selections: Selection[], fragments: Record<string, Selection[]>): fc.Arbitrary<Generated> {
  if (isNonNullType(type)) return valueFor(type.ofType, selections, fragments);
  if (isListType(type)) {
    const element = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 10, arbitrary: valueFor(type.ofType, selections, fragments) });
    return fc.oneof({ weight: 80, arbitrary: fc.array(element, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant('not a list') });
  }
  if (isCompositeType(type)) {
    return fc.oneof({ weight: 80, arbitrary: objectFor(type, selections, fragments) }, { weight: 1, arbitrary: fc.constantFrom('not an object', 7, []) });
  }
  return leaf(type);
}

interface ShapingCase {
  source: string;
  variables: Variables;
  input: Input;
}

const variableDeclarations = fc.tuple(
  ...VARIABLES.map(() => fc.record({ type: fc.constantFrom('Boolean!', 'Boolean = true', 'Boolean = false'), value: fc.boolean(), omitted: fc.boolean() })),
);

const shapingCases: fc.Arbitrary<ShapingCase> = fc
  .record({
    selections: selectionsOn('Query', 3, true),
    fragments: fc.record(Object.fromEntries(FRAGMENT_TYPES.map((name) => [name, selectionsOn(name, 1, false)]))),
    declarations: variableDeclarations,
  })
  .chain(({ selections, fragments, declarations }) => {
    const spread = new Set<string>();
    const collectSpreads = (nodes: Selection[]): void =>
      nodes.forEach((node) => {
        if (node.kind === 'spread') spread.add(node.on);
        if (node.kind === 'inline' || (node.kind === 'field' && node.selections)) collectSpreads(node.selections ?? []);
      });
    collectSpreads(selections);
    const definitions = [...spread].map((on) => `fragment ${on}Parts on ${on} ${printSelections(fragments[on] ?? [])}`);
    const body = [printSelections(selections), ...definitions].join('\n');
    const used = VARIABLES.flatMap((name, index) => (body.includes(`$${name})`) ? [{ name, ...declarations[index]! }] : []));
    const header = used.length > 0 ? `(${used.map(({ name, type }) => `$${name}: ${type}`).join(', ')})` : '';
    const variables = Object.fromEntries(used.filter(({ type, omitted }) => type === 'Boolean!' || !omitted).map(({ name, value }) => [name, value]));
    const input = fc.oneof(
      { weight: 40, arbitrary: objectFor(compositeType('Query'), selections, fragments, fc.constantFrom(MISSING, MISSING, MISSING, MISSING, 'Query', 'Rack', 'Ghost')) },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    );
    return input.map((data) => ({ source: `query Shaped${header} ${body}`, variables, input: data as Input }));
  });

describe('computeCompiledResponse, on generated operations and data', () => {
  it('answers as Apollo’s computeResponse', () => {
    const outcomes = { throws: 0, errors: 0, nullData: 0, clean: 0 };
    fc.assert(
      fc.property(shapingCases, ({ source, variables, input }) => {
        const document = parse(source);
        expect(validate(shapesGraphQLSchema, document)).toEqual([]);
        const operation = operationFromDocument(shapesSchema, document, { operationName: 'Shaped', validate: true });
        const response = expectSameResponse(operation, variables, input);
        if (response === 'throws') outcomes.throws += 1;
        else if (response.errors.length > 0) outcomes.errors += 1;
        else if (response.json === 'null' || response.json === undefined) outcomes.nullData += 1;
        else outcomes.clean += 1;
      }),
      { seed: 20261208, numRuns: 500 },
    );
    // The generated cases reach each kind of answer often enough for the comparison to matter.
    expect(outcomes.throws).toBeGreaterThanOrEqual(5);
    expect(outcomes.errors).toBeGreaterThanOrEqual(100);
    expect(outcomes.nullData).toBeGreaterThanOrEqual(5);
    expect(outcomes.clean).toBeGreaterThanOrEqual(150);
  });
});

// ---------------------------------------------------------------------------
// Hand-written cases on the partner API schema.

const SUPERGRAPH_PATH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');

const DASHBOARD = `
  query PartnerDashboard($withSensors: Boolean!) {
    viewer { mfa }
    organizations(first: 20) {
      nodes {
        id name kind partnerId deviceCount openIncidentCount
        devices(first: 50) {
          nodes {
            id name type monitored openIncidentCount
            location { id name }
            sensors @include(if: $withSensors) { id type unit latest { at value } }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** A device as the gateway merges it from its subgraphs: with the __typename and fields the query plan fetched for itself. */
function device(organization: number, index: number) {
  return {
    __typename: 'Device',
    id: `dev-${organization}-${index}`,
    name: `rack-pdu-${index}`,
    serialNumber: `SN-${organization}-${index}`,
    type: index === 0 ? 'UPS' : 'RACK_PDU',
    monitored: index % 2 === 0,
    openIncidentCount: index,
    location: { __typename: 'Location', id: `loc-${organization}`, name: 'Hall A', kind: 'ROOM' },
    sensors: [
      { __typename: 'Sensor', id: `s-${organization}-${index}-t`, type: 'TEMPERATURE', unit: '°C', latest: { at: '2026-12-08T09:00:00Z', value: 23.5 } },
      { __typename: 'Sensor', id: `s-${organization}-${index}-l`, type: 'LOAD', unit: '%', latest: null },
    ],
  };
}

function dashboardData() {
  return {
    viewer: { __typename: 'Viewer', mfa: true },
    organizations: {
      nodes: [0, 1].map((organization) => ({
        __typename: 'Organization',
        id: `org-${organization}`,
        name: `Partner ${organization}`,
        kind: organization === 0 ? 'PARTNER' : 'CUSTOMER',
        partnerId: organization === 0 ? 'ACME' : null,
        deviceCount: 3,
        openIncidentCount: 1,
        devices: { nodes: [0, 1, 2].map((index) => device(organization, index)), pageInfo: { hasNextPage: false, endCursor: null } },
      })),
      pageInfo: { hasNextPage: true, endCursor: 'b3JnLTE=' },
    },
  };
}

describe('computeCompiledResponse, on the partner API', () => {
  let apiSchema: Schema;
  // One Operation per source, shared by the cases that run it with other variables: as the gateway's plan cache does.
  const operations = new Map<string, Operation>();
  const operation = (source: string) => {
    const built = operations.get(source) ?? operationFromDocument(apiSchema, parse(source), { validate: true });
    operations.set(source, built);
    return built;
  };
  const answer = (source: string, variables: Variables, input: Input) => {
    const response = expectSameResponse(operation(source), variables, input);
    if (response === 'throws') throw new Error('Apollo’s computeResponse threw');
    return { data: response.json === undefined ? undefined : JSON.parse(response.json), errors: response.errors };
  };

  beforeAll(() => {
    apiSchema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema();
  });

  it.each([true, false])('shapes a partner dashboard (sensors included: %p) to what it asked for', (withSensors) => {
    const { data, errors } = answer(DASHBOARD, { withSensors }, dashboardData());
    expect(errors).toEqual([]);
    expect(data.organizations.nodes).toHaveLength(2);
    expect(data.organizations.pageInfo).toEqual({ hasNextPage: true, endCursor: 'b3JnLTE=' });
    const { sensors, ...asked } = device(0, 1);
    expect(data.organizations.nodes[0].devices.nodes[1]).toEqual({
      id: asked.id,
      name: asked.name,
      type: asked.type,
      monitored: asked.monitored,
      openIncidentCount: asked.openIncidentCount,
      location: { id: asked.location.id, name: asked.location.name },
      ...(withSensors ? { sensors: sensors.map(({ id, type, unit, latest }) => ({ id, type, unit, latest })) } : {}),
    });
  });

  it('a sensor without its type and a device of an unknown type null their nullable devices pages, with errors', () => {
    const input = dashboardData();
    input.organizations.nodes[0]!.devices.nodes[1]!.sensors[0]!.type = null as unknown as string;
    input.organizations.nodes[1]!.devices.nodes[2]!.type = 'PLASMA';
    const { data, errors } = answer(DASHBOARD, { withSensors: true }, input);
    expect(data.organizations.nodes.map((organization: { devices: unknown }) => organization.devices)).toEqual([null, null]);
    expect(data.organizations.nodes[1].name).toBe('Partner 1');
    expect(errors).toEqual([
      {
        message: 'Cannot return null for non-nullable field Sensor.type.',
        path: ['organizations', 'nodes', 0, 'devices', 'nodes', 1, 'sensors', 0, 'type'],
        code: 'INVALID_GRAPHQL',
      },
      { message: 'Invalid value found for field Device.type.', path: ['organizations', 'nodes', 1, 'devices', 'nodes', 2, 'type'], code: 'INVALID_GRAPHQL' },
    ]);
  });

  it('answers __typename at the root, aliased or not, and hands __schema to the introspection handling', () => {
    const { data, errors } = answer('{ __typename root: __typename __schema { queryType { name } } viewer { mfa } }', {}, { viewer: { mfa: false } });
    expect(errors).toEqual([]);
    expect(data).toEqual({
      __typename: 'Query',
      root: 'Query',
      __schema: { answeredFor: expect.stringContaining('queryType') },
      viewer: { mfa: false },
    });
  });

  it.each([
    [{}, true],
    [{ withDevices: true }, true],
    [{ withDevices: false }, false],
  ])('includes an organization’s devices by a variable with a default (variables %p)', (variables, included) => {
    const source = `
      query Organization($id: ID!, $withDevices: Boolean = true) {
        org: organization(id: $id) { id name devices @include(if: $withDevices) { nodes { id } } }
      }
    `;
    const { data } = answer(source, { id: 'org-0', ...variables }, { org: dashboardData().organizations.nodes[0] });
    expect(Object.keys(data.org)).toEqual(included ? ['id', 'name', 'devices'] : ['id', 'name']);
  });

  it('a missing nullable organization is null, without an error', () => {
    expect(answer('query($id: ID!) { organization(id: $id) { id name } }', { id: 'gone' }, { organization: null })).toEqual({
      data: { organization: null },
      errors: [],
    });
  });
});
