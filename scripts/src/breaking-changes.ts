import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';

/**
 * A change of the API schema, as graphql-js's findBreakingChanges and
 * findDangerousChanges describe it, with a stable key to announce it by:
 * the change's type and the schema coordinate it concerns, such as
 * `FIELD_REMOVED Device.firmwareRevision` or `ARG_CHANGED_KIND Query.devices(first:)`.
 */
export interface SchemaChange {
  readonly key: string;
  readonly type: string;
  readonly description: string;
  /** `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Input.field`; for directives, the description. */
  readonly coordinate: string;
}

export interface SchemaChanges {
  readonly breaking: readonly SchemaChange[];
  readonly dangerous: readonly SchemaChange[];
}

/** graphql-js's descriptions, most specific first; each yields the coordinate it concerns. */
const DESCRIPTIONS: readonly { pattern: RegExp; coordinate: (first: string, second: string, third: string) => string }[] = [
  // ARG_REMOVED, ARG_CHANGED_KIND, ARG_DEFAULT_VALUE_CHANGE
  { pattern: /^(\w+)\.(\w+) arg (\w+) /, coordinate: (type, field, arg) => `${type}.${field}(${arg}:)` },
  // REQUIRED_ARG_ADDED, OPTIONAL_ARG_ADDED
  { pattern: /^An? \w+ arg (\w+) on (\w+)\.(\w+) was added/, coordinate: (arg, type, field) => `${type}.${field}(${arg}:)` },
  // REQUIRED_INPUT_FIELD_ADDED, OPTIONAL_INPUT_FIELD_ADDED
  { pattern: /^An? \w+ field (\w+) on input type (\w+) was added/, coordinate: (field, type) => `${type}.${field}` },
  // VALUE_REMOVED_FROM_ENUM, TYPE_REMOVED_FROM_UNION, VALUE_ADDED_TO_ENUM, TYPE_ADDED_TO_UNION
  { pattern: /^(\w+) was (?:removed from|added to) (?:enum|union) type (\w+)\.$/, coordinate: (member, type) => `${type}.${member}` },
  // IMPLEMENTED_INTERFACE_REMOVED
  { pattern: /^(\w+) no longer implements interface (\w+)\.$/, coordinate: (type, face) => `${type} implements ${face}` },
  // IMPLEMENTED_INTERFACE_ADDED
  { pattern: /^(\w+) added to interfaces implemented by (\w+)\.$/, coordinate: (face, type) => `${type} implements ${face}` },
  // FIELD_REMOVED, FIELD_CHANGED_KIND
  { pattern: /^(\w+)\.(\w+) (?:was removed|changed type)/, coordinate: (type, field) => `${type}.${field}` },
  // TYPE_REMOVED, TYPE_CHANGED_KIND
  { pattern: /^(?:Standard scalar )?(\w+) (?:was removed|changed from)/, coordinate: (type) => type },
];

const DIRECTIVE_CHANGE = /^DIRECTIVE_|^REQUIRED_DIRECTIVE_/;

function coordinateOf(type: string, description: string): string {
  if (!DIRECTIVE_CHANGE.test(type)) {
    for (const { pattern, coordinate } of DESCRIPTIONS) {
      const match = description.match(pattern);
      if (match) return coordinate(match[1] ?? '', match[2] ?? '', match[3] ?? '');
    }
  }
  return description.replace(/\.$/, '');
}

function schemaChange({ type, description }: { type: string; description: string }): SchemaChange {
  const coordinate = coordinateOf(type, description);
  return { key: `${type} ${coordinate}`, type, description, coordinate };
}

/** What a client of `baseline` would notice in `current`; sorted by key. */
export function compareApiSchemas(baseline: GraphQLSchema, current: GraphQLSchema): SchemaChanges {
  const byKey = (left: SchemaChange, right: SchemaChange) => left.key.localeCompare(right.key);
  return {
    breaking: findBreakingChanges(baseline, current).map(schemaChange).sort(byKey),
    dangerous: findDangerousChanges(baseline, current).map(schemaChange).sort(byKey),
  };
}
