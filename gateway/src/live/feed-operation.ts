import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { clientError } from '@partnergraph/core';

/**
 * Live fields (docs/architecture.md, "Live fields"). A subscription root field
 * `f(args): T` is served by its feed, the Query field `fFeed(args, after:
 * String)` whose type has `cursor: String!` and `events: [T!]!`: the events
 * committed after `after`, in commit order, and the position after the last of
 * them (with `after` null: no events, and the current position). A
 * subscription is that query run again and again as its subscriber, each time
 * from the last cursor: every event is filtered and shaped exactly as the same
 * query by that principal would be at that moment, across subgraphs, and
 * nothing lives only in the gateway's memory. A page may also say what the
 * caller's access covers, as `scope: [String!]!` (opaque keys): the
 * subscription ends when a key it started with goes missing (a grant revoked
 * or narrowed), not only when a run is refused.
 */
export const FEED_SUFFIX = 'Feed';

export interface FeedOperation {
  /** The subscription rewritten as a query of the feed, with the cursor as the variable `cursorVariable`. */
  document: DocumentNode;
  operationName: string | undefined;
  /** The subscription field's response key (its alias or name): each event is sent as `{ [responseKey]: event }`. */
  responseKey: string;
  /** The feed field, for logs and wake-ups. */
  feedField: string;
  cursorVariable: string;
  /** Whether the feed's page says what access covers (`scope`), which the gateway then selects. */
  scoped: boolean;
  /** Where to start: the subscription's own `after`, or null for "from now". */
  initialCursor: string | null;
}

/** The subscription operation of `document` (by name when it has several), or undefined when it is a query or a mutation. */
export function subscriptionOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((candidate) => candidate.name?.value === operationName);
  return operation?.operation === 'subscription' ? operation : undefined;
}

/**
 * Rewrites a validated subscription into a query of its field's feed:
 * `subscription S($o: [ID!]) { e: incidentEvents(organizationIds: $o) { kind } }` becomes
 * `query S($o: [ID!], $liveCursor: String) { e: incidentEventsFeed(organizationIds: $o, after: $liveCursor) { cursor events { kind } } }`.
 */
export function toFeedOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): FeedOperation {
  const [selection, ...others] = operation.selectionSet.selections;
  if (selection?.kind !== Kind.FIELD || others.length > 0) {
    throw clientError('OPERATION_NOT_SUPPORTED', 'A subscription selects exactly one field at its root, without fragments.');
  }
  const field = selection;
  const feedField = `${field.name.value}${FEED_SUFFIX}`;
  const { scoped } = assertFeed(schema, field.name.value, feedField);

  const after = field.arguments?.find((argument) => argument.name.value === 'after');
  // The subscription's own `after` variable becomes the cursor, set for each run; otherwise one is added.
  const ownVariable = after?.value.kind === Kind.VARIABLE ? after.value.name.value : undefined;
  const taken = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  let cursorVariable = ownVariable ?? 'liveCursor';
  for (let suffix = 2; !ownVariable && taken.has(cursorVariable); suffix += 1) cursorVariable = `liveCursor${suffix}`;

  const feedSelection: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
    name: { kind: Kind.NAME, value: feedField },
    arguments: [
      ...(field.arguments ?? []).filter((argument) => argument !== after),
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: cursorVariable } } },
    ],
    directives: field.directives ?? [],
    selectionSet: pageSelection(field.selectionSet, scoped),
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      ...(ownVariable
        ? []
        : [
            {
              kind: Kind.VARIABLE_DEFINITION,
              variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: cursorVariable } },
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
            } as const,
          ]),
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [feedSelection] },
  };
  return {
    document: { ...document, definitions: document.definitions.map((definition) => (definition === operation ? query : definition)) },
    operationName: operation.name?.value,
    responseKey: field.alias?.value ?? field.name.value,
    feedField,
    cursorVariable,
    scoped,
    initialCursor: cursorOf(after?.value, variables),
  };
}

function pageSelection(events: SelectionSetNode | undefined, scoped: boolean): SelectionSetNode {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  return {
    kind: Kind.SELECTION_SET,
    selections: [
      { kind: Kind.FIELD, name: name('cursor') },
      ...(scoped ? [{ kind: Kind.FIELD, name: name('scope') } as const] : []),
      ...(events ? [{ kind: Kind.FIELD, name: name('events'), selectionSet: events } as const] : []),
    ],
  };
}

function assertFeed(schema: GraphQLSchema, subscriptionField: string, feedField: string): { scoped: boolean } {
  const feed = schema.getQueryType()?.getFields()[feedField];
  const page = feed && getNamedType(feed.type);
  const events = isObjectType(page) ? page.getFields().events : undefined;
  const cursor = isObjectType(page) ? page.getFields().cursor : undefined;
  const takesAfter = feed?.args.some((argument) => argument.name === 'after') ?? false;
  if (!feed || !events || !cursor || !takesAfter || !isListType(getNullableType(events.type))) {
    throw clientError('OPERATION_NOT_SUPPORTED', `The subscription field "${subscriptionField}" has no live feed at this gateway.`);
  }
  const scope = isObjectType(page) ? page.getFields().scope : undefined;
  return { scoped: scope !== undefined && isListType(getNullableType(scope.type)) };
}

function cursorOf(value: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): string | null {
  if (value === undefined || value.kind === Kind.NULL) return null;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : null;
  }
  throw clientError('BAD_USER_INPUT', '"after" must be a cursor string.', { field: 'after' });
}
