import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
  valueFromASTUntyped,
} from 'graphql';

/** Arguments that bound how many items a field returns: a page's `first`, a history's `maxPoints`. */
const SIZE_ARGUMENTS = ['first', 'maxPoints'];

/**
 * What a list with no size argument, that is not the items of a sized page,
 * counts as: a device's sensors or components, a location's children, an
 * organization's licences. The schema bounds none of them; five is an
 * estimate of their usual length (a UPS has a load, a battery and a
 * temperature sensor) that keeps a dashboard of 100 organizations × 100
 * devices with their sensors inside the default limit. Counting them as one
 * let `sensors { history { buckets } }` under every device cost a fifth of
 * what it does.
 */
export const UNPAGED_LIST_SIZE = 5;

/**
 * The most objects an operation's answer can hold: each object-typed field
 * counts one, times its size argument (as sent, from the variables, or the
 * schema's default), times everything below it. A list with no size argument
 * counts as the page of the field above it when that field is sized (a
 * connection's `nodes`, a history's `buckets`), else as UNPAGED_LIST_SIZE.
 * Fields are merged by response key as GraphQL merges them in the answer, so
 * a fragment spread twice in one selection set, or a field selected directly
 * and through a fragment, counts once; a fragment spread in two places counts
 * in each. Scalars and introspection fields cost nothing.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variables = withDefaults(operation, rawVariables ?? {});

  /** The fields the selection sets select on `parentType`, grouped by the type they are selected on and their response key. */
  const collectFields = (selectionSets: readonly SelectionSetNode[], parentType: GraphQLNamedType | undefined | null) => {
    const groups = new Map<string, { type: GraphQLNamedType | undefined | null; nodes: FieldNode[] }>();
    // As graphql-js collects fields: each fragment once per merged selection set (validation has refused cycles).
    const spread = new Set<string>();
    const collect = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined | null): void => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = `${type?.name ?? ''}.${selection.alias?.value ?? selection.name.value}`;
          const group = groups.get(key);
          if (group) group.nodes.push(selection);
          else groups.set(key, { type, nodes: [selection] });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type);
        } else if (!spread.has(selection.name.value)) {
          spread.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
        }
      }
    };
    for (const selectionSet of selectionSets) collect(selectionSet, parentType);
    return groups.values();
  };

  const selectionCost = (
    selectionSets: readonly SelectionSetNode[],
    parentType: GraphQLNamedType | undefined | null,
    sizedAbove: boolean,
  ): number => {
    let cost = 0;
    for (const { type, nodes } of collectFields(selectionSets, parentType)) cost += fieldCost(nodes, type, sizedAbove);
    return cost;
  };

  const fieldCost = (nodes: readonly FieldNode[], parentType: GraphQLNamedType | undefined | null, sizedAbove: boolean): number => {
    const [first] = nodes;
    if (!first || first.name.value.startsWith('__')) return 0;
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return 0;
    const field = parentType.getFields()[first.name.value];
    if (!field) return 0;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 0;
    const sized = field.args.some((argument) => SIZE_ARGUMENTS.includes(argument.name));
    const size = sized
      ? Math.max(...nodes.map((node) => sizeOf(field, node, variables)))
      : isListType(getNullableType(field.type)) && !sizedAbove
        ? UNPAGED_LIST_SIZE
        : 1;
    const below = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return size * (1 + selectionCost(below, type, sized));
  };

  return selectionCost([operation.selectionSet], schema.getRootType(operation.operation), false);
}

/**
 * The variables as sent, with the operation's defaults for those left out.
 * Not coerced: only size arguments are read from them, and coercing every
 * variable (a batch of 1,000 readings) cost ingest a quarter of the
 * gateway's CPU; the gateway coerces and refuses bad ones when it executes.
 */
function withDefaults(operation: OperationDefinitionNode, raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...raw };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}

/** The largest size argument of the field as the operation gives it (a literal or a variable), else as the schema defaults it; at least 1. */
function sizeOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  let size = 1;
  for (const argument of field.args) {
    if (!SIZE_ARGUMENTS.includes(argument.name)) continue;
    const given = node.arguments?.find((candidate) => candidate.name.value === argument.name);
    // A value that does not coerce (valueFromAST gives undefined) is refused when the gateway executes; count the default meanwhile.
    const value = (given ? valueFromAST(given.value, argument.type, variables) : undefined) ?? argument.defaultValue;
    if (typeof value === 'number' && value > size) size = value;
  }
  return size;
}
