import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Generators of hostile GraphQL operations for the fuzz suite
 * (test/security/fuzz.test.ts), read from a schema: a root field of Query or
 * Mutation with arguments of the right type holding hostile values (control
 * characters, lone surrogates, huge strings, numbers out of range, unknown
 * enum values), or of the wrong type, written into the document or sent as
 * variables.
 */

/** A value as a variable (JSON) and as a GraphQL literal. */
export interface Generated {
  value: unknown;
  literal: string;
}

/** JSON has no 1e400: the placeholder `jsonWithHugeNumbers` writes it in. */
export const HUGE_NUMBER = '\u0001huge-number\u0001';

/** JSON text of a request, with every HUGE_NUMBER string as the number 1e400 (JSON.parse reads it as Infinity). */
export function jsonWithHugeNumbers(body: unknown): string {
  return JSON.stringify(body).replaceAll(JSON.stringify(HUGE_NUMBER), '1e400');
}

/** Strings a hostile client sends; none holds what the leak checks look for (SQL keywords, paths). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0007bell',
    '\u001b[31m',
    '\u007f',
    '\ud800',
    'x\udfffy',
    '\u202eevil',
    '\u2066isolate\u2069',
    '\ufeff',
    '🙂',
    "' OR '1'='1",
    '"; --',
    '%_\\',
    '$1',
    '{"a":1}',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    '2026-13-45',
    '9999-12-31T23:59:59Z',
    'a@b.c',
  ), weight: 4 },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Any UTF-16 code unit, lone surrogates and controls included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'x'.repeat(length)),
);

const hostileInt: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -0, Number.MAX_SAFE_INTEGER, 1.5, HUGE_NUMBER),
  fc.integer(),
);

const hostileFloat: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, HUGE_NUMBER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A JSON value of any shape, for arguments of the wrong type. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileInt,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A GraphQL literal of a JSON value (object keys are names; HUGE_NUMBER is 1e400). */
export function literalOf(value: unknown): string {
  if (value === HUGE_NUMBER) return '1e400';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literalOf).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${literalOf(item)}`)
    .join(', ')}}`;
}

const plain = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Generated> => arbitrary.map((value) => ({ value, literal: literalOf(value) }));

/**
 * A value for `type`: of that type with hostile content (so that it passes
 * validation and reaches the resolvers and the database), or, when `typed` is
 * false, now and then of another type altogether.
 */
export function valueFor(type: GraphQLInputType, typed: boolean, depth = 0): fc.Arbitrary<Generated> {
  const wrong = plain(anyValue);
  if (depth > 3) return typed ? plain(fc.constant(null)) : wrong;
  if (typed) return rightTypedValue(type, typed, depth);
  return fc.oneof({ arbitrary: rightTypedValue(type, typed, depth), weight: 4 }, { arbitrary: wrong, weight: 1 });
}

function rightTypedValue(type: GraphQLInputType, typed: boolean, depth: number): fc.Arbitrary<Generated> {
  if (isNonNullType(type)) return valueFor(type.ofType, typed, depth);
  if (isListType(type)) {
    return fc.array(valueFor(type.ofType as GraphQLInputType, typed, depth + 1), { minLength: typed ? 1 : 0, maxLength: 3 }).map((items) => ({
      value: items.map((item) => item.value),
      literal: `[${items.map((item) => item.literal).join(', ')}]`,
    }));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (fields.length === 0) return plain(fc.constant({}));
    return fc
      .tuple(
        ...fields.map((field) =>
          typed && isNonNullType(field.type)
            ? valueFor(field.type, typed, depth + 1)
            : fc.option(valueFor(field.type, typed, depth + 1), { freq: 5 }),
        ),
      )
      .map((values) => {
        const present = fields.flatMap((field, index) => {
          const generated = values[index];
          return generated ? [[field.name, generated] as const] : [];
        });
        return {
          value: Object.fromEntries(present.map(([name, generated]) => [name, generated.value])),
          literal: `{${present.map(([name, generated]) => `${name}: ${generated.literal}`).join(', ')}}`,
        };
      });
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((value) => value.name);
    const known = fc.constantFrom(...names).map((name) => ({ value: name, literal: name }));
    if (typed) return known;
    return fc.oneof(known, fc.constantFrom('NOT_A_VALUE', 'true').map((name) => ({ value: name, literal: name })), plain(hostileString));
  }
  switch (type.name) {
    case 'Int':
      return plain(hostileInt);
    case 'Float':
      return plain(hostileFloat);
    case 'Boolean':
      return plain(fc.boolean());
    default:
      // String, ID and custom scalars.
      return plain(hostileString);
  }
}

export interface HostileOperation {
  query: string;
  variables: Record<string, unknown>;
  /** For the report when a property fails. */
  field: string;
}

/** Fields to select below a root field: `__typename` and a few leaves that need no arguments, one object level deep. */
function selectionFor(field: GraphQLField<unknown, unknown>, depth = 0): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields()).filter((child) => child.args.every((argument) => !isNonNullType(argument.type)));
  const leaves = fields.filter((child) => isLeafType(getNamedType(child.type))).slice(0, 4);
  const nested = depth === 0 ? fields.find((child) => !isLeafType(getNamedType(child.type))) : undefined;
  const parts = ['__typename', ...leaves.map((child) => child.name)];
  if (nested) parts.push(`${nested.name} ${selectionFor(nested, depth + 1)}`);
  return `{ ${parts.join(' ')} }`;
}

function argumentsFor(
  args: readonly GraphQLArgument[],
  typed: boolean,
): fc.Arbitrary<{ argument: GraphQLArgument; generated: Generated | null }[]> {
  if (args.length === 0) return fc.constant([]);
  // Typed: every required argument, optional ones often. Otherwise required ones are left out now and then too.
  return fc.tuple(
    ...args.map((argument) => {
      const value = valueFor(argument.type, typed);
      const required = isNonNullType(argument.type);
      const generated = typed && required ? value : fc.option(value, { freq: required ? 12 : 3 });
      return generated.map((given) => ({ argument, generated: given }));
    }),
  );
}

/** An operation on one root field of `schema`'s Query or Mutation type, its arguments inline or as variables. */
export function hostileOperation(schema: GraphQLSchema): fc.Arbitrary<HostileOperation> {
  const roots = (['query', 'mutation'] as const).flatMap((kind) => {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return root ? Object.values(root.getFields()).filter((field) => !field.name.startsWith('_')).map((field) => ({ kind, field })) : [];
  });
  return fc
    .constantFrom(...roots)
    .chain(({ kind, field }) =>
      // Three in four operations are well typed, to get past validation to the resolvers and the database.
      fc.constantFrom(true, true, true, false).chain((typed) =>
        fc.record({
          kind: fc.constant(kind),
          field: fc.constant(field),
          args: argumentsFor(field.args, typed),
          asVariables: fc.boolean(),
          unknownArgument: typed ? fc.constant(null) : fc.option(plain(anyValue), { freq: 3 }),
        }),
      ),
    )
    .map(({ kind, field, args, asVariables, unknownArgument }) => {
      const given = args.flatMap(({ argument, generated }) => (generated ? [{ argument, generated }] : []));
      const variables: Record<string, unknown> = {};
      const definitions: string[] = [];
      const written = given.map(({ argument, generated }, index) => {
        if (!asVariables) return `${argument.name}: ${generated.literal}`;
        definitions.push(`$v${index}: ${String(argument.type)}`);
        variables[`v${index}`] = generated.value;
        return `${argument.name}: $v${index}`;
      });
      if (unknownArgument) written.push(`notAnArgument: ${unknownArgument.literal}`);
      const argumentText = written.length > 0 ? `(${written.join(', ')})` : '';
      const definitionText = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
      return {
        query: `${kind} Fuzz${definitionText} { ${field.name}${argumentText} ${selectionFor(field)} }`,
        variables,
        field: `${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}: ${String(getNullableType(field.type))}`,
      };
    });
}
