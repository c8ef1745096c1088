import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import fc from 'fast-check';
import {
  execute,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLBoolean,
  GraphQLError,
  GraphQLNonNull,
  GraphQLScalarType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLUnionType,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { compiledExecution } from './compiled-execution';

/*
 * A schema with the shapes the subgraphs use (built the way they are, by
 * buildSubgraphSchema, so `_entities` and `_service` are in it too) and the
 * ways a field can go wrong: errors with and without a code, a rejected
 * promise, a null for a non-null field, a value an enum or a scalar cannot
 * serialize, an abstract type resolving to a type it does not contain.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar DateTime
  enum Status { ACTIVE INACTIVE RETIRED }
  enum SensorKind { TEMPERATURE HUMIDITY }

  interface Node { id: ID! name: String }

  type Organization implements Node @key(fields: "id") {
    id: ID!
    name: String
    plan: String!
    devices(filter: DeviceFilter): [Device!]
  }

  type Device implements Node @key(fields: "id") {
    id: ID!
    name: String
    status: Status!
    installedAt: DateTime
    tags: [String]
    owner: Organization
    sensors(kind: SensorKind = TEMPERATURE, first: Int = 2): [Sensor!]!
  }

  type Sensor {
    id: ID!
    kind: SensorKind!
    lastReading: Float
    readings(limit: Int = 3): [Float!]
  }

  union SearchResult = Device | Organization | Sensor

  input Period { from: DateTime, to: DateTime = "2030-01-01T00:00:00.000Z" }
  input DeviceFilter { status: Status = ACTIVE, nameContains: String, installed: Period, tags: [String!] }

  type Query {
    node(id: ID!): Node
    nodes(ids: [ID!]! = ["d1", "o1"]): [Node]!
    devices(filter: DeviceFilter, first: Int = 3): [Device]
    search(text: String = "", limit: Int = 4): [SearchResult!]
    organization(id: ID! = "o1"): Organization
    echo(filter: DeviceFilter, at: DateTime, statuses: [Status!], limit: Int = 10): String
    now: DateTime!
    forbidden: String
    crashing: String
    unavailable: Int
    required: String!
  }

  type Mutation { record(step: Int!): Int! }
`);

interface OrganizationRow { __typename: 'Organization'; id: string; name: string | null; plan: string | null; deviceIds: string[] }
interface DeviceRow { __typename: 'Device'; id: string; name: string | null; status: string; installedAt: unknown; tags: (string | null)[] | null; ownerId: string }
interface SensorRow { __typename: 'Sensor'; id: string; name: string; deviceId: string; kind: string | null; readings?: (number | null)[]; offline?: boolean }

const organizations: OrganizationRow[] = [
  { __typename: 'Organization', id: 'o1', name: 'Acme', plan: 'gold', deviceIds: ['d1', 'd3', 'd4'] },
  // No plan: a non-null field's null takes the organization with it.
  { __typename: 'Organization', id: 'o2', name: null, plan: null, deviceIds: ['d2'] },
];
const devices: DeviceRow[] = [
  { __typename: 'Device', id: 'd1', name: 'Gateway', status: 'ACTIVE', installedAt: new Date('2026-01-02T03:04:05.000Z'), tags: ['roof', null, 'north'], ownerId: 'o1' },
  { __typename: 'Device', id: 'd2', name: null, status: 'INACTIVE', installedAt: null, tags: null, ownerId: 'o2' },
  // A status the enum does not have, a date that is not a Date, an owner that does not exist.
  { __typename: 'Device', id: 'd3', name: 'Pump', status: 'DECOMMISSIONED', installedAt: 'yesterday', tags: [], ownerId: 'o9' },
  { __typename: 'Device', id: 'd4', name: 'Meter', status: 'RETIRED', installedAt: new Date('2025-06-30T23:59:59.999Z'), tags: ['basement'], ownerId: 'o1' },
];
const sensors: SensorRow[] = [
  { __typename: 'Sensor', id: 's1', name: 'Gateway air', deviceId: 'd1', kind: 'TEMPERATURE', readings: [1.5, 2, 3.25, 4] },
  { __typename: 'Sensor', id: 's2', name: 'Gateway damp', deviceId: 'd1', kind: 'HUMIDITY', readings: [40, null, 42] },
  { __typename: 'Sensor', id: 's3', name: 'Gateway probe', deviceId: 'd1', kind: 'TEMPERATURE', offline: true },
  { __typename: 'Sensor', id: 's4', name: 'Meter air', deviceId: 'd2', kind: 'TEMPERATURE', readings: [] },
  // No kind: taken in only from the third sensor on, whatever kind is asked for.
  { __typename: 'Sensor', id: 's5', name: 'Meter unknown', deviceId: 'd2', kind: null },
  { __typename: 'Sensor', id: 's6', name: 'Meter water', deviceId: 'd4', kind: 'TEMPERATURE', readings: [7] },
];
const everything = [...devices, ...organizations, ...sensors];

const later = <T>(value: () => T): Promise<T> => new Promise((resolve, reject) => setImmediate(() => {
  try {
    resolve(value());
  } catch (error) {
    reject(error);
  }
}));

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`Not a date-time: ${JSON.stringify(value)}`);
  return date;
}

const dateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDateTime,
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new GraphQLError('A date-time is written as a string');
    return parseDateTime(node.value);
  },
});

interface DeviceFilter { status?: string; nameContains?: string | null; tags?: string[] | null }

/**
 * The arguments as JSON with a Date marked as one (JSON alone would not tell it from its text),
 * keys sorted: graphql-jit builds a field's arguments object in another key order than graphql-js
 * (it adds an argument a variable gives, and that has no default, after the others, where
 * graphql-js follows the field's definition). No client sees that order, so the echo compares the
 * arguments' values and leaves their order out.
 */
function sortedKeys(this: Record<string, unknown>, key: string, value: unknown) {
  if (this[key] instanceof Date) return { Date: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

const mutationCalls: string[] = [];

const resolvers = {
  DateTime: dateTime,
  SearchResult: { __resolveType: (value: { __typename: string }) => value.__typename },
  Query: {
    node: (_: unknown, { id }: { id: string }) => everything.find((row) => row.id === id) ?? null,
    nodes: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => everything.find((row) => row.id === id) ?? null),
    devices: (_: unknown, { filter, first }: { filter?: DeviceFilter | null; first: number }) =>
      later(() =>
        devices
          .filter((device) => !filter?.status || device.status === filter.status)
          .filter((device) => !filter?.nameContains || device.name?.includes(filter.nameContains))
          .slice(0, first),
      ),
    search: (_: unknown, { text, limit }: { text: string; limit: number }) =>
      everything.filter((row) => row.id.includes(text) || row.name?.includes(text)).slice(0, limit),
    organization: (_: unknown, { id }: { id: string }) => later(() => organizations.find((row) => row.id === id) ?? null),
    // What the field received, coercion and defaults included, so that the arguments are compared too.
    echo: (_: unknown, args: Record<string, unknown>) => JSON.stringify(args, sortedKeys),
    now: () => new Date('2026-12-08T00:00:00.000Z'),
    forbidden: () => {
      throw new GraphQLError('Not for you', { extensions: { code: 'FORBIDDEN' } });
    },
    crashing: () => {
      throw new Error('Something broke');
    },
    unavailable: () => Promise.reject(new GraphQLError('Try again later', { extensions: { code: 'SERVICE_UNAVAILABLE' } })),
    required: () => null,
  },
  Mutation: {
    // The first step takes longest: run at once, the second would finish first.
    record: async (_: unknown, { step }: { step: number }) => {
      mutationCalls.push(`start ${step}`);
      await new Promise((resolve) => setTimeout(resolve, (3 - step) * 10));
      mutationCalls.push(`end ${step}`);
      return step;
    },
  },
  Organization: {
    __resolveReference: (reference: { id: string }) => later(() => organizations.find((row) => row.id === reference.id) ?? null),
    devices: (organization: OrganizationRow, { filter }: { filter?: DeviceFilter | null }) =>
      organization.deviceIds
        .map((id) => devices.find((device) => device.id === id))
        .filter((device) => !filter?.status || device?.status === filter.status),
  },
  Device: {
    __resolveReference: (reference: { id: string }) => devices.find((row) => row.id === reference.id) ?? null,
    owner: (device: DeviceRow) =>
      later(() => {
        const owner = organizations.find((row) => row.id === device.ownerId);
        if (!owner) throw new GraphQLError(`No organization ${device.ownerId}`, { extensions: { code: 'NOT_FOUND' } });
        return owner;
      }),
    sensors: (device: DeviceRow, { kind, first }: { kind: string; first: number }) =>
      sensors.filter((sensor) => sensor.deviceId === device.id && (sensor.kind === kind || sensor.kind === null)).slice(0, first),
  },
  Sensor: {
    lastReading: (sensor: SensorRow) =>
      sensor.offline ? Promise.reject(new Error(`Sensor ${sensor.id} is offline`)) : later(() => sensor.readings?.at(-1) ?? null),
    readings: (sensor: SensorRow, { limit }: { limit: number }) => sensor.readings?.slice(0, limit) ?? null,
  },
};

/** What buildSubgraphSchema takes as resolvers (@apollo/subgraph's public entry exports no name for it). */
type SubgraphSchemaResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as unknown as SubgraphSchemaResolvers });

interface Operation {
  text: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  /**
   * No variable left out, none null where a non-null value is expected, no fragment in a selection
   * under @skip or @include: what graphql-jit alone answers as graphql-js does (the executor takes
   * graphql-js for the rest).
   */
  graphqlJitAlone: boolean;
  /** A response key selected under a condition and again later: graphql-jit may place it elsewhere (see knownDifferences). */
  keysMayMove: boolean;
}

let executor: GatewayExecutor;
beforeAll(async () => {
  const loaded = await compiledExecution(schema).load({ apollo: {} as never });
  if (!loaded.executor) throw new Error('the gateway gave no executor');
  executor = loaded.executor;
});

/** As Apollo Server calls the executor: with the parsed document, its operation and the request's variables. */
async function throughExecutor(document: DocumentNode, variables: Record<string, unknown>, operationName: string | null = null) {
  const operation = getOperationAST(document, operationName);
  const request = { document, operation, operationName, request: { variables }, context: {} };
  return (await executor(request as unknown as Parameters<GatewayExecutor>[0])) as ExecutionResult;
}

async function throughGraphqlJs(document: DocumentNode, variables: Record<string, unknown>, operationName: string | null = null) {
  return execute({ schema, document, operationName, variableValues: variables, contextValue: {} });
}

/** graphql-jit alone, without the executor's choice of graphql-js for what graphql-jit gets wrong. */
async function throughGraphqlJit(document: DocumentNode, variables: Record<string, unknown>, operationName: string | null = null) {
  const compiled = compileQuery(schema, document, operationName ?? undefined);
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit cannot compile it: ${compiled.errors?.map((error) => error.message).join('; ')}`);
  return (await compiled.query(undefined, {}, variables)) as ExecutionResult;
}

/** What a client is shown of an error. */
const shown = (error: GraphQLError) => ({ message: error.message, path: error.path, code: error.extensions?.code });

/** An answer exactly as a client sees it: data as JSON text (key order included), errors in order. */
function exactly(result: ExecutionResult) {
  return { data: JSON.stringify(result.data), errors: result.errors?.map(shown) };
}

/**
 * graphql-jit's answer compared with graphql-js's, allowing only what graphql-jit is known to do
 * otherwise (each shown on its own in knownDifferences below):
 * - the order of the errors: graphql-jit lists the errors of non-null fields (those that null a
 *   parent) after all others, graphql-js as they happen; the specification leaves the order open;
 * - which errors lie under a parent that a non-null field's error turned to null: graphql-js
 *   reports those of the fields it had completed before that error and no more, graphql-jit those
 *   of all the parent's fields, except the errors of non-null fields under another such null.
 *   Both must still explain the same nulls, each with at least one error they both report;
 *   everywhere the data has a value, the errors are the same;
 * - "Query.(a,a)" for "Query.a" in the null error of a field selected more than once;
 * - the place of a response key selected first under a condition that left it out, when
 *   `keysMayMove` says the operation does that: the keys must then be the same, in another order.
 */
function expectAnswersAlike(viaJit: ExecutionResult, viaGraphqlJs: ExecutionResult, keysMayMove: boolean) {
  // As the client gets it: JSON text (graphql-jit leaves a key that a condition left out as undefined, which JSON drops).
  const [jitData, graphqlJsData] = [JSON.stringify(viaJit.data), JSON.stringify(viaGraphqlJs.data)];
  expect(keysMayMove && jitData !== undefined ? JSON.stringify(inKeyOrderOf(JSON.parse(jitData), viaGraphqlJs.data)) : jitData).toBe(graphqlJsData);
  const [jit, graphqlJs] = [errorsOf(viaJit), errorsOf(viaGraphqlJs)];
  expect(jit.where.sort()).toEqual(graphqlJs.where.sort());
  expect([...jit.underNull.keys()].sort()).toEqual([...graphqlJs.underNull.keys()].sort());
  for (const [at, errors] of graphqlJs.underNull) {
    const both = errors.filter((error) => jit.underNull.get(at)?.includes(error));
    expect({ at, both: both.length > 0 ? 'some' : { jit: jit.underNull.get(at), graphqlJs: errors } }).toEqual({ at, both: 'some' });
  }
}

/** An answer's errors as JSON text: those where the data has a value, and those under each null a non-null field's error left. */
function errorsOf(result: ExecutionResult) {
  const where: string[] = [];
  const underNull = new Map<string, string[]>();
  for (const error of result.errors ?? []) {
    const text = JSON.stringify({ ...shown(error), message: unmergedFieldName(error.message) });
    const nulled = nullAbove(result.data, error.path ?? []);
    if (nulled === undefined) where.push(text);
    else underNull.set(nulled, [...(underNull.get(nulled) ?? []), text]);
  }
  return { where, underNull };
}

const unmergedFieldName = (message: string) => message.replace(/^(Cannot return null for non-nullable field \w+\.)\((\w+)(?:,\2)+\)\.$/, '$1$2.');

/** The value with its objects' keys in the order of `like`'s, where both have the same keys. */
function inKeyOrderOf(value: unknown, like: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(like)) return value.map((item, index) => inKeyOrderOf(item, like[index]));
  if (!isRecord(value) || !isRecord(like)) return value;
  const keys = Object.keys(like);
  if (Object.keys(value).sort().join() !== [...keys].sort().join()) return value;
  return Object.fromEntries(keys.map((key) => [key, inKeyOrderOf(value[key], like[key])]));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The path (as JSON) of the highest null in the data above the error's field, if any. */
function nullAbove(data: unknown, path: readonly (string | number)[]): string | undefined {
  let node = data;
  for (let depth = 0; depth < path.length; depth += 1) {
    if (node === null) return JSON.stringify(path.slice(0, depth));
    node = (node as Record<string | number, unknown> | undefined)?.[path[depth]!];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Random operations over the schema: a plan (what to select, how each argument is given) is
// generated from the schema's types, then written out as a document with its variables.

type Value =
  | { kind: 'literal'; value: unknown }
  | { kind: 'variable'; declared: GraphQLInputType; value: unknown; defaultValue: unknown }
  | { kind: 'object'; fields: [string, Value][] }
  | { kind: 'list'; items: Value[] };

interface Conditions { skip: Value | undefined; include: Value | undefined }

type Selection =
  | { kind: 'field'; name: string; alias: string | undefined; args: [string, Value][]; conditions: Conditions; selections: Selection[] }
  | { kind: 'inline'; on: string | undefined; conditions: Conditions; selections: Selection[] }
  | { kind: 'spread'; on: string; conditions: Conditions; selections: Selection[] };

/** Omitted (undefined) is a choice of its own wherever a value may be left out. */
const ABSENT = undefined;

const scalarValues: Record<string, fc.Arbitrary<unknown>> = {
  Int: fc.integer({ min: -1, max: 4 }),
  Float: fc.constantFrom(0, 1.5, -2),
  String: fc.constantFrom('', 'e', 'Pump', 'a "quoted" \\ value'),
  ID: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'o1', 'o2', 's1', 's2', 's5', 'x'),
  Boolean: fc.boolean(),
  DateTime: fc.constantFrom('2026-01-02T03:04:05.000Z', '2030-01-01T00:00:00.000Z'),
  _Any: fc.constantFrom(
    { __typename: 'Device', id: 'd1' },
    { __typename: 'Device', id: 'd3' },
    { __typename: 'Device', id: 'zz' },
    { __typename: 'Organization', id: 'o1' },
    { __typename: 'Organization', id: 'o2' },
  ),
};

/** A JSON value that fits the input type (no variables inside): null too where the type allows it. */
function plainValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return presentValue(type, depth);
  return fc.oneof({ arbitrary: presentValue(type, depth), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 });
}

/** A JSON value that fits the input type, never null at its top. */
function presentValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    // A single value where a list is expected is a list of one (input coercion).
    return fc.oneof(fc.array(plainValue(item, depth), { maxLength: 3 }), presentValue(item, depth));
  }
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((value) => value.name));
  if (isInputObjectType(nullable)) {
    if (depth > 2) return fc.constant({});
    const fields = Object.values(nullable.getFields()).map((field) =>
      fc.option(plainValue(field.type, depth + 1), { nil: ABSENT }).map((value) => [field.name, value] as const),
    );
    return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== ABSENT)));
  }
  const scalar = scalarValues[(nullable as GraphQLNamedType).name];
  if (!scalar) throw new Error(`no values for ${String(nullable)}`);
  return scalar;
}

/**
 * A variable for a position of the type: declared with that type or, where the
 * rules allow it (a default on the variable or on the position), with its
 * nullable version; with or without a default of its own; given, given as
 * null, or left out wherever getVariableValues accepts that.
 */
function variableFor(type: GraphQLInputType, positionHasDefault: boolean, depth: number): fc.Arbitrary<Value> {
  return fc.constantFrom(false, false, false, true).chain((relaxed) => {
    const declared = relaxed && isNonNullType(type) ? type.ofType : type;
    const defaultRequired = declared !== type && !positionHasDefault;
    const defaults = isNonNullType(declared) || declared !== type ? presentValue(type, depth) : plainValue(type, depth);
    return fc.tuple(defaultRequired ? defaults : fc.option(defaults, { nil: ABSENT, freq: 2 })).chain(([defaultValue]) => {
      const values = isNonNullType(declared)
        ? defaultValue === ABSENT
          ? presentValue(declared, depth)
          : fc.option(presentValue(declared, depth), { nil: ABSENT, freq: 20 })
        : fc.option(plainValue(declared, depth), { nil: ABSENT, freq: 20 });
      return values.map((value): Value => ({ kind: 'variable', declared, value, defaultValue }));
    });
  });
}

/** A value written in the document: a literal, a variable, or an object or list literal with variables inside. */
function valueFor(type: GraphQLInputType, positionHasDefault: boolean, depth: number): fc.Arbitrary<Value> {
  const nullable = getNullableType(type);
  const choices: fc.Arbitrary<Value>[] = [
    plainValue(type, depth).map((value): Value => ({ kind: 'literal', value })),
    variableFor(type, positionHasDefault, depth),
  ];
  if (isInputObjectType(nullable) && depth <= 2) {
    const fields = Object.values(nullable.getFields()).map((field) =>
      fc.option(valueFor(field.type, field.defaultValue !== undefined, depth + 1), { nil: ABSENT }).map((value) => [field.name, value] as const),
    );
    choices.push(
      fc.tuple(...fields).map((entries): Value => ({ kind: 'object', fields: entries.filter((entry): entry is [string, Value] => entry[1] !== ABSENT) })),
    );
  }
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    choices.push(fc.array(valueFor(item, false, depth + 1), { maxLength: 3 }).map((items): Value => ({ kind: 'list', items })));
  }
  return fc.oneof(...choices);
}

const condition = fc.oneof(
  { arbitrary: fc.constant(ABSENT), weight: 5 },
  { arbitrary: valueFor(new GraphQLNonNull(GraphQLBoolean), false, 0), weight: 1 },
);
const conditions: fc.Arbitrary<Conditions> = fc.record({ skip: condition, include: condition });

/** Aliases are the field's name with a prefix, so that two different fields never share a response name (never valid). */
const aliasPrefix = fc.option(fc.constantFrom('x', 'y'), { nil: ABSENT, freq: 2 });

function argumentsOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<[string, Value][]> {
  const args = field.args.map((arg) => {
    const value = valueFor(arg.type, arg.defaultValue !== undefined, 0);
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    return (required ? value : fc.option(value, { nil: ABSENT })).map((given) => [arg.name, given] as const);
  });
  return fc.tuple(...args).map((entries) => entries.filter((entry): entry is [string, Value] => entry[1] !== ABSENT));
}

function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<Selection> {
  const named = getNamedType(field.type);
  const selections = isLeafType(named) ? fc.constant<Selection[]>([]) : selectionsOn(named as GraphQLCompositeType, depth + 1);
  return fc.record({ prefix: aliasPrefix, args: argumentsOf(field), conditions, selections }).map(
    ({ prefix, args, conditions: given, selections: inner }): Selection => ({
      kind: 'field',
      name: field.name,
      alias: prefix && `${prefix}${field.name}`,
      args,
      conditions: given,
      selections: inner,
    }),
  );
}

const typename = fc.record({ prefix: aliasPrefix, conditions }).map(({ prefix, conditions: given }): Selection => ({
  kind: 'field',
  name: '__typename',
  alias: prefix && `${prefix}__typename`,
  args: [],
  conditions: given,
  selections: [],
}));

function selectionsOn(type: GraphQLCompositeType, depth: number): fc.Arbitrary<Selection[]> {
  if (depth > 3) return typename.map((selection) => [selection]);
  const fields = isAbstractType(type) && !('getFields' in type) ? [] : Object.values(type.getFields());
  // Fragments may be on the type itself, on any type it shares objects with, or on none.
  const possibleTypes = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
  const fragmentTypes = [
    ...new Set<GraphQLCompositeType>([type, ...possibleTypes, ...possibleTypes.flatMap((possible) => [...possible.getInterfaces(), ...unionsContaining(possible)])]),
  ];
  const choices: fc.Arbitrary<Selection>[] = [typename, ...fields.map((field) => fieldSelection(field, depth))];
  const fragment = fc
    .record({
      on: fc.constantFrom(...fragmentTypes),
      kind: fc.constantFrom('inline' as const, 'spread' as const),
      untyped: fc.boolean(),
      conditions,
    })
    .chain(({ on, kind, untyped, conditions: given }) =>
      selectionsOn(on, depth + 1).map((selections): Selection =>
        kind === 'spread'
          ? { kind, on: on.name, conditions: given, selections }
          : { kind, on: untyped && on === type ? ABSENT : on.name, conditions: given, selections },
      ),
    );
  choices.push(fragment);
  return fc.array(fc.oneof(...choices), { minLength: 1, maxLength: 4 });
}

function unionsContaining(type: GraphQLObjectType): GraphQLUnionType[] {
  return Object.values(schema.getTypeMap()).filter((candidate): candidate is GraphQLUnionType => isUnionType(candidate) && schema.isSubType(candidate, type));
}

/** Writes a plan out as a document: variables and fragments are named as they are met. */
function written(selections: Selection[], named: boolean): Operation {
  const definitions: string[] = [];
  const fragments: string[] = [];
  const variables: Record<string, unknown> = {};
  let leavesVariableOut = false;
  let nullWhereNonNull = false;

  const literal = (value: unknown, type: GraphQLInputType): string => {
    if (value === null) return 'null';
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = nullable.ofType as GraphQLInputType;
      return Array.isArray(value) ? `[${value.map((entry) => literal(entry, item)).join(', ')}]` : literal(value, item);
    }
    if (isEnumType(nullable)) return String(value);
    if (isInputObjectType(nullable)) {
      const fields = nullable.getFields();
      return `{${Object.entries(value as object).map(([name, item]) => `${name}: ${literal(item, fields[name]!.type)}`).join(', ')}}`;
    }
    if (typeof value === 'object') {
      return `{${Object.entries(value as object).map(([name, item]) => `${name}: ${JSON.stringify(item)}`).join(', ')}}`;
    }
    return JSON.stringify(value);
  };

  const valueText = (value: Value, type: GraphQLInputType): string => {
    switch (value.kind) {
      case 'literal':
        return literal(value.value, type);
      case 'variable': {
        const name = `v${definitions.length}`;
        const defaultText = value.defaultValue === ABSENT ? '' : ` = ${literal(value.defaultValue, value.declared)}`;
        definitions.push(`$${name}: ${String(value.declared)}${defaultText}`);
        if (value.value === ABSENT) leavesVariableOut = true;
        else variables[name] = value.value;
        if (value.value === null && isNonNullType(type)) nullWhereNonNull = true;
        return `$${name}`;
      }
      case 'object': {
        const fields = (getNullableType(type) as GraphQLInputObjectType).getFields();
        return `{${value.fields.map(([name, item]) => `${name}: ${valueText(item, fields[name]!.type)}`).join(', ')}}`;
      }
      case 'list': {
        const item = (getNullableType(type) as { ofType: GraphQLInputType }).ofType;
        return `[${value.items.map((entry) => valueText(entry, item)).join(', ')}]`;
      }
    }
  };

  const directivesText = (given: Conditions) =>
    (['skip', 'include'] as const)
      .map((directive) => {
        const value = given[directive];
        return value ? ` @${directive}(if: ${valueText(value, new GraphQLNonNull(GraphQLBoolean))})` : '';
      })
      .join('');

  const selectionText = (selection: Selection, parent: GraphQLCompositeType): string => {
    switch (selection.kind) {
      case 'field': {
        const field = 'getFields' in parent ? parent.getFields()[selection.name] : undefined;
        const args = selection.args.map(([name, value]) => `${name}: ${valueText(value, field!.args.find((arg) => arg.name === name)!.type)}`);
        const alias = selection.alias ? `${selection.alias}: ` : '';
        const inner = field && !isLeafType(getNamedType(field.type)) ? ` ${setText(selection.selections, getNamedType(field.type) as GraphQLCompositeType)}` : '';
        return `${alias}${selection.name}${args.length ? `(${args.join(', ')})` : ''}${directivesText(selection.conditions)}${inner}`;
      }
      case 'inline': {
        const on = selection.on ? (schema.getType(selection.on) as GraphQLCompositeType) : parent;
        return `...${selection.on ? ` on ${selection.on}` : ''}${directivesText(selection.conditions)} ${setText(selection.selections, on)}`;
      }
      case 'spread': {
        const name = `F${fragments.length}`;
        fragments.push('');
        const on = schema.getType(selection.on) as GraphQLCompositeType;
        fragments[Number(name.slice(1))] = `fragment ${name} on ${selection.on} ${setText(selection.selections, on)}`;
        return `...${name}${directivesText(selection.conditions)}`;
      }
    }
  };

  const setText = (set: Selection[], parent: GraphQLCompositeType): string => `{ ${set.map((selection) => selectionText(selection, parent)).join(' ')} }`;

  const body = setText(selections, schema.getQueryType()!);
  const header = named ? `query Q${definitions.length ? `(${definitions.join(', ')})` : ''} ` : definitions.length ? `query(${definitions.join(', ')}) ` : '';
  return {
    text: [header + body, ...fragments].join('\n'),
    variables,
    operationName: named ? 'Q' : null,
    graphqlJitAlone: !leavesVariableOut && !nullWhereNonNull && !fragmentUnderCondition(selections),
    keysMayMove: selectsAgainAfterCondition(selections),
  };
}

/** Whether a selection under @skip or @include holds a fragment, at any depth. */
function fragmentUnderCondition(selections: Selection[]): boolean {
  const holdsFragment = (set: Selection[]): boolean => set.some((selection) => selection.kind !== 'field' || holdsFragment(selection.selections));
  return selections.some(
    (selection) =>
      ((selection.conditions.skip !== ABSENT || selection.conditions.include !== ABSENT) && holdsFragment(selection.selections)) ||
      fragmentUnderCondition(selection.selections),
  );
}

/**
 * Whether a response key is selected under @skip or @include (or in a fragment that is)
 * and selected again later in the same selection set, fragments' contents included and
 * sub-selections of one key merged, as execution merges them. Over-approximated: fragments
 * count whatever their type condition.
 */
function selectsAgainAfterCondition(selections: Selection[]): boolean {
  const occurrences: { key: string; conditional: boolean; selections: Selection[] }[] = [];
  const flatten = (set: Selection[], underCondition: boolean) => {
    for (const selection of set) {
      const conditional = underCondition || selection.conditions.skip !== ABSENT || selection.conditions.include !== ABSENT;
      if (selection.kind === 'field') occurrences.push({ key: selection.alias ?? selection.name, conditional, selections: selection.selections });
      else flatten(selection.selections, conditional);
    }
  };
  flatten(selections, false);
  const byKey = new Map<string, { firstConditional: boolean; again: boolean; selections: Selection[] }>();
  for (const { key, conditional, selections: inner } of occurrences) {
    const seen = byKey.get(key);
    if (seen) {
      seen.again = true;
      seen.selections.push(...inner);
    } else {
      byKey.set(key, { firstConditional: conditional, again: false, selections: [...inner] });
    }
  }
  return [...byKey.values()].some(({ firstConditional, again, selections: merged }) => (firstConditional && again) || selectsAgainAfterCondition(merged));
}

const operations: fc.Arbitrary<Operation> = fc
  .tuple(selectionsOn(schema.getQueryType()!, 0), fc.boolean())
  .map(([selections, named]) => written(selections, named));

const RUNS = 300;
const SEED = 20261208;

/**
 * The executor answers as graphql-js does, and has to: graphql-jit alone answers otherwise (a different
 * message, a missing error, other data, or the fields a condition leaves out, their resolvers run).
 */
async function expectGraphqlJsWhereGraphqlJitDiffers(text: string, variables: Record<string, unknown>): Promise<void> {
  const document = parse(text);
  expect(validate(schema, document)).toEqual([]);
  const viaGraphqlJs = exactly(await throughGraphqlJs(document, variables));
  expect(exactly(await throughExecutor(document, variables))).toEqual(viaGraphqlJs);
  expect(exactly(await throughGraphqlJit(document, variables))).not.toEqual(viaGraphqlJs);
}

describe('the compiled executor', () => {
  it('answers every query as graphql-js does, and graphql-jit alone does where the executor lets it answer', async () => {
    let comparedWithGraphqlJitAlone = 0;
    await fc.assert(
      fc.asyncProperty(operations, async ({ text, variables, operationName, graphqlJitAlone, keysMayMove }) => {
        const document = parse(text);
        fc.pre(validate(schema, document).length === 0);
        const viaGraphqlJs = await throughGraphqlJs(document, variables, operationName);
        expectAnswersAlike(await throughExecutor(document, variables, operationName), viaGraphqlJs, keysMayMove);
        if (graphqlJitAlone) {
          comparedWithGraphqlJitAlone += 1;
          expectAnswersAlike(await throughGraphqlJit(document, variables, operationName), viaGraphqlJs, keysMayMove);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Most operations must reach graphql-jit itself, or the comparison says little about it.
    expect(comparedWithGraphqlJitAlone).toBeGreaterThan(RUNS / 2);
  });

  describe('takes graphql-js for variables graphql-jit coerces otherwise', () => {
    it.each<[string, string, Record<string, unknown>]>([
      ['a variable of the wrong type', 'query($first: Int) { devices(first: $first) { id } }', { first: 'three' }],
      ['an enum value that does not exist, in an input object', 'query($f: DeviceFilter) { echo(filter: $f) }', { f: { status: 'GONE' } }],
      ['a custom scalar that refuses the value', 'query($at: DateTime) { echo(at: $at) }', { at: 'soon' }],
      ['a null in a list of non-null items', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['d1', null] }],
      ['a non-null variable with a default, left out', 'query($ids: [ID!]! = ["d2"]) { nodes(ids: $ids) { id } }', {}],
      ['a left-out variable whose default is a custom scalar', 'query($at: DateTime = "2026-01-02T03:04:05.000Z") { echo(at: $at) }', {}],
      ["a left-out variable in an input object's field that has a default", 'query($status: Status) { echo(filter: { status: $status }) }', {}],
      ['a null @skip variable (allowed: it has a default)', 'query($hide: Boolean = false) { devices { id @skip(if: $hide) } }', { hide: null }],
      ['a null @include variable at the root', 'query($show: Boolean = true) { now @include(if: $show) }', { show: null }],
      ['a null variable (allowed: it has a default) as an item of a list of non-null items', 'query($id: ID = "d2") { nodes(ids: [$id]) { id } }', { id: null }],
      ['a null variable (allowed: it has a default) in a non-null field of an input object', 'query($tag: String = "roof") { echo(filter: { tags: [$tag] }) }', { tag: null }],
    ])('%s', (_case, text, variables) => expectGraphqlJsWhereGraphqlJitDiffers(text, variables));
  });

  describe('takes graphql-js for a document graphql-jit runs otherwise', () => {
    it.each<[string, string, Record<string, unknown>]>([
      ['a fragment in a field selected twice, once under @skip', '{ node(id: "d1") { id } node(id: "d1") @skip(if: true) { ... on Device { name } } }', {}],
      ['a named fragment in a field selected twice, once under a false @include', 'query($more: Boolean!) { devices(first: 1) { id } devices(first: 1) @include(if: $more) { ...Owner } }\nfragment Owner on Device { owner { plan } }', { more: false }],
      ['a fragment whose fields would fail, under @skip', '{ organization { id } organization @skip(if: true) { ... on Organization { devices { status } } } }', {}],
    ])('%s', (_case, text, variables) => expectGraphqlJsWhereGraphqlJitDiffers(text, variables));
  });

  it('runs a mutation through graphql-js, its fields one after the other', async () => {
    const document = parse('mutation { first: record(step: 1) second: record(step: 2) }');
    const record = schema.getMutationType()!.getFields().record!;
    mutationCalls.length = 0;
    expect(exactly(await throughExecutor(document, {}))).toEqual({ data: JSON.stringify({ first: 1, second: 2 }), errors: undefined });
    // The first step is the slower one: run at once, the second would have ended first.
    expect(mutationCalls).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    // graphql-jit would run them in order too; what shows graphql-js is that it reads the
    // schema's resolver at every request, where a compiled operation keeps the one it was compiled with.
    const resolve = jest.spyOn(record as { resolve: GraphQLFieldResolver<unknown, unknown> }, 'resolve');
    try {
      await throughExecutor(document, {});
      expect(resolve).toHaveBeenCalledTimes(2);
    } finally {
      resolve.mockRestore();
    }
  });

  it('compiles a document once: sent again, it runs the query compiled the first time', async () => {
    // jest.spyOn cannot wrap graphql-jit's compileQuery ("Cannot redefine property": its CommonJS
    // build exports non-configurable getters), so the reuse shows the way the mutation's test shows
    // graphql-js: a compiled query keeps the resolver it was compiled with.
    const text = '{ now }';
    const document = parse(text);
    const now = schema.getQueryType()!.getFields().now!;
    await throughExecutor(document, {});
    const resolve = jest.spyOn(now as { resolve: GraphQLFieldResolver<unknown, unknown> }, 'resolve');
    try {
      expect(exactly(await throughExecutor(document, {}))).toEqual({ data: JSON.stringify({ now: '2026-12-08T00:00:00.000Z' }), errors: undefined });
      expect(resolve).not.toHaveBeenCalled();
      // Apollo Server parses a query text once and keeps the document: a new document is compiled anew.
      await throughExecutor(parse(text), {});
      expect(resolve).toHaveBeenCalledTimes(1);
    } finally {
      resolve.mockRestore();
    }
  });

  /*
   * Where graphql-jit answers otherwise than graphql-js and the executor lets it: each case is the
   * smallest operation that shows one difference expectAnswersAlike allows. The exact comparison
   * fails (the difference is still there: when a graphql-jit upgrade removes it, drop its allowance),
   * the allowing one passes (the difference is no more than that).
   */
  describe('knownDifferences', () => {
    it.each<[string, string, boolean]>([
      // graphql-js: Enum "Status" cannot represent value at node.status. graphql-jit also: "No organization o9" (NOT_FOUND) at node.owner.
      ['errors of the other fields of an object a non-null field nulled', '{ node(id: "d3") { ... on Device { status owner { id } } } }', false],
      // Same two errors, graphql-jit: the crashing field's first, the non-null one last.
      ['the order of the errors', '{ node(id: "d3") { ... on Device { status } } crashing }', false],
      // graphql-js waits for the fields it had started: Enum "Status" cannot represent value at organization.devices.1.status,
      // and the null error of `required`. graphql-jit: only the latter, the first null error, whose null covers the other's place.
      ['a non-null field error under a null that an earlier one left', '{ organization { devices { status } } required }', false],
      // graphql-jit: "Cannot return null for non-nullable field Query.(required,required)."
      ['the field named in the null error of a field selected twice', '{ required required }', false],
      // graphql-js: {"id":"d1","name":"Gateway"}; graphql-jit: {"name":"Gateway","id":"d1"}.
      ['the place of a key first selected under a condition that left it out', '{ node(id: "d1") { name @skip(if: true) id name } }', true],
    ])('%s', async (_case, text, keysMayMove) => {
      const document = parse(text);
      const [viaExecutor, viaGraphqlJs] = [await throughExecutor(document, {}), await throughGraphqlJs(document, {})];
      expect(exactly(viaExecutor)).not.toEqual(exactly(viaGraphqlJs));
      expectAnswersAlike(viaExecutor, viaGraphqlJs, keysMayMove);
    });
  });
});
