import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
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
 * The most objects an operation's answer can hold: each object-typed field
 * counts one, times its size argument (as sent, from the variables, or the
 * schema's default), times everything below it. Scalars count nothing; a list
 * without a size argument counts as one (the depth limit bounds those).
 * Introspection fields cost nothing. Each fragment is costed once, however
 * often it is spread.
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
  const fragmentCosts = new Map<string, number>();

  const selectionSetCost = (selectionSet: SelectionSetNode | undefined, parentType: GraphQLNamedType | undefined | null): number => {
    let cost = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += selectionSetCost(selection.selectionSet, type);
      } else {
        cost += fragmentCost(selection.name.value);
      }
    }
    return cost;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    // Validation has refused fragment cycles by now; the placeholder keeps this finite regardless.
    fragmentCosts.set(name, 0);
    const fragment = fragments.get(name);
    const cost = fragment ? selectionSetCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parentType: GraphQLNamedType | undefined | null): number => {
    if (node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return 0;
    const field = parentType.getFields()[node.name.value];
    if (!field) return 0;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 0;
    return sizeOf(field, node, variables) * (1 + selectionSetCost(node.selectionSet, type));
  };

  return selectionSetCost(operation.selectionSet, schema.getRootType(operation.operation));
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
