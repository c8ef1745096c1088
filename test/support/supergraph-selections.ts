import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Lexer,
  Source,
  TokenKind,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/*
 * Queries that reach every field a client can select in the composed
 * supergraph: from one root field, a spanning tree of its types, each type
 * expanded once with all its fields (the first, shallowest time it is met)
 * and selected as `__typename id` wherever it appears again. Arguments come
 * from a fixture map keyed `Type.field.arg`.
 */

/** Federation's and composition's own types, which no client reaches. */
const INTERNAL_TYPE = /^(join__|link__|_)/;

/** The composed supergraph as clients see it: @inaccessible types and fields are left out by clientFields. */
export function supergraphSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(supergraphSdl, { assumeValidSDL: true });
}

function hasDirective(node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null | undefined }, name: string): boolean {
  return node.astNode?.directives?.some((directive) => directive.name.value === name) ?? false;
}

/** Every object type of the supergraph, federation's own excepted, with whether clients can reach it. */
export function objectTypes(schema: GraphQLSchema): { type: GraphQLObjectType; inaccessible: boolean }[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !INTERNAL_TYPE.test(type.name))
    .map((type) => ({ type, inaccessible: hasDirective(type, 'inaccessible') }));
}

/** `Type.field` of every field of every object type, hidden ones included. */
export function everyField(schema: GraphQLSchema): string[] {
  return objectTypes(schema).flatMap(({ type }) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
}

/** The fields of `type` a client can select: neither the field, nor its type, nor the type it returns is @inaccessible. */
export function clientFields(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => {
    const named = getNamedType(field.type);
    return !hasDirective(field, 'inaccessible') && !hasDirective(named, 'inaccessible') && !hasDirective(type, 'inaccessible');
  });
}

/** An enum value as an argument: written bare, not as a string. */
export class EnumValue {
  constructor(readonly name: string) {}
}

export type ArgumentValue = string | number | boolean | null | EnumValue | ArgumentValue[] | { [name: string]: ArgumentValue };

/** Argument values by `Type.field.arg`: every required argument needs one; optional ones are sent when given. */
export type ArgumentFixtures = Readonly<Record<string, ArgumentValue>>;

export interface SelectionNode {
  field: string;
  parentType: string;
  /** The named type the field returns. */
  returnType: string;
  args: Readonly<Record<string, ArgumentValue>>;
  /** Null for a leaf (scalar or enum); for an object, its selected fields (`__typename` is always added). */
  children: SelectionNode[] | null;
}

export interface TreeOptions {
  /** The deepest a field may be nested, the root field counting one (the gateway's MAX_QUERY_DEPTH). */
  maxDepth: number;
}

function argumentsOf(parentType: string, field: GraphQLField<unknown, unknown>, fixtures: ArgumentFixtures): Record<string, ArgumentValue> {
  const args: Record<string, ArgumentValue> = {};
  for (const argument of field.args) {
    const key = `${parentType}.${field.name}.${argument.name}`;
    const value = fixtures[key];
    if (value !== undefined) args[argument.name] = value;
    else if (isNonNullType(argument.type) && argument.defaultValue === undefined) {
      throw new Error(`no argument value for ${key}: add one to the fixture map`);
    }
  }
  return args;
}

/** `__typename` and, where the type has one, its `id`: enough to tell which object it is. */
function identifying(schema: GraphQLSchema, typeName: string): SelectionNode[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return [];
  return clientFields(type)
    .filter((field) => field.name === 'id')
    .map((field) => ({ field: 'id', parentType: typeName, returnType: getNamedType(field.type).name, args: {}, children: null }));
}

/**
 * The spanning tree below `root` (a field of `rootType`): breadth first, so
 * each type is expanded at the shallowest place it is met, within
 * `maxDepth`; elsewhere it is identified only.
 */
export function selectionTree(
  schema: GraphQLSchema,
  rootType: string,
  root: { field: string; args: Readonly<Record<string, ArgumentValue>> },
  fixtures: ArgumentFixtures,
  options: TreeOptions,
): SelectionNode {
  const parent = schema.getType(rootType);
  if (!isObjectType(parent)) throw new Error(`${rootType} is not an object type`);
  const rootField = parent.getFields()[root.field];
  if (!rootField) throw new Error(`${rootType}.${root.field} is not in the supergraph`);
  const node: SelectionNode = { field: root.field, parentType: rootType, returnType: getNamedType(rootField.type).name, args: root.args, children: null };
  const queue: { node: SelectionNode; depth: number }[] = [];
  const visited = new Set<string>();
  const open = (target: SelectionNode, depth: number) => {
    target.children = [];
    visited.add(target.returnType);
    queue.push({ node: target, depth });
  };
  if (!isLeafType(getNamedType(rootField.type))) open(node, 1);
  while (queue.length > 0) {
    const { node: current, depth } = queue.shift() as { node: SelectionNode; depth: number };
    const type = schema.getType(current.returnType) as GraphQLObjectType;
    for (const field of clientFields(type)) {
      const named = getNamedType(field.type);
      const child: SelectionNode = { field: field.name, parentType: type.name, returnType: named.name, args: argumentsOf(type.name, field, fixtures), children: null };
      if (isLeafType(named)) {
        current.children?.push(child);
        continue;
      }
      // A child at depth + 1 with its own leaves at depth + 2; identified only, its id is at depth + 2 too.
      if (depth + 2 > options.maxDepth) continue;
      if (!visited.has(named.name) && depth + 3 <= options.maxDepth) open(child, depth + 1);
      else child.children = identifying(schema, named.name);
      current.children?.push(child);
    }
  }
  return node;
}

function literal(value: ArgumentValue): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([name, inner]) => `${name}: ${literal(inner)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function printNode(node: SelectionNode): string {
  const args = Object.entries(node.args);
  const argumentText = args.length === 0 ? '' : `(${args.map(([name, value]) => `${name}: ${literal(value)}`).join(', ')})`;
  if (node.children === null) return `${node.field}${argumentText}`;
  return `${node.field}${argumentText} { __typename ${node.children.map(printNode).join(' ')} }`;
}

/** The operation text for one tree under `operation` (query or mutation). */
export function printOperation(operation: 'query' | 'mutation', tree: SelectionNode): string {
  return `${operation} { ${printNode(tree)} }`;
}

/** How many GraphQL tokens a text holds, as the gateway's token limit counts them. */
export function tokenCount(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/**
 * The tree cut into trees of at most `maxTokens` each: the root field with
 * some of its children each, packed greedily. A child too large alone is cut
 * the same way one level down.
 */
export function splitTree(operation: 'query' | 'mutation', tree: SelectionNode, maxTokens: number): SelectionNode[] {
  if (tree.children === null || tokenCount(printOperation(operation, tree)) <= maxTokens) return [tree];
  const withChildren = (children: SelectionNode[]): SelectionNode => ({ ...tree, children });
  const parts: SelectionNode[] = [];
  let current: SelectionNode[] = [];
  for (const child of tree.children) {
    const candidate = [...current, child];
    if (tokenCount(printOperation(operation, withChildren(candidate))) <= maxTokens) {
      current = candidate;
      continue;
    }
    if (current.length > 0) parts.push(withChildren(current));
    current = [];
    if (tokenCount(printOperation(operation, withChildren([child]))) <= maxTokens) current = [child];
    else for (const part of splitTree(operation, child, maxTokens - tokenCount(printOperation(operation, withChildren([])))))
      parts.push(withChildren([part]));
  }
  if (current.length > 0) parts.push(withChildren(current));
  return parts;
}
