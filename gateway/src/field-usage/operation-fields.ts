import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * The schema coordinates an operation selects, each once: `Type.field` for
 * every field in it and in the fragments it spreads (through any depth of
 * them; introspection's `__` fields left out), and `Type.field(argument:)` for
 * every argument it writes. Read from the document alone, so a field under
 * `@skip` counts, and `Node.id` stays an interface's coordinate.
 */
export function operationFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coordinates = new Set<string>();
  const reached = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (parent && !node.name.value.startsWith('__') && typeInfo.getFieldDef()) coordinates.add(`${parent.name}.${node.name.value}`);
    },
    Argument(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (parent && field && !typeInfo.getDirective() && typeInfo.getArgument()) coordinates.add(`${parent.name}.${field.name}(${node.name.value}:)`);
    },
    FragmentSpread(node) {
      reached.add(node.name.value);
    },
  });
  const queue: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const visited = new Set<string>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    visit(next, visitor);
    for (const name of reached) {
      const fragment = fragments.get(name);
      if (fragment && !visited.has(name)) {
        visited.add(name);
        queue.push(fragment);
      }
    }
  }
  return [...coordinates].sort();
}

/** Documents whose fields are kept per API schema: a busy gateway sees a few hundred distinct ones. */
const MAX_CACHED_DOCUMENTS = 2_000;

/**
 * operationFields, worked out once per distinct document and operation (by
 * Apollo Server's query hash) and API schema: a request that repeats a
 * document costs a map lookup. A new supergraph starts a new cache.
 */
export function cachedOperationFields(): (schema: GraphQLSchema, queryHash: string, document: DocumentNode, operation: OperationDefinitionNode) => readonly string[] {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, readonly string[]>>();
  return (schema, queryHash, document, operation) => {
    let cache = bySchema.get(schema);
    if (!cache) bySchema.set(schema, (cache = new Map()));
    const key = `${queryHash}\n${operation.name?.value ?? ''}`;
    let fields = cache.get(key);
    if (!fields) {
      fields = operationFields(schema, document, operation);
      if (cache.size >= MAX_CACHED_DOCUMENTS) cache.delete(cache.keys().next().value as string);
      cache.set(key, fields);
    }
    return fields;
  };
}
