import * as federation from '@apollo/federation-internals';
import type { CompositeType, FieldSelection, FragmentSelection, NamedType, Operation, Schema, SelectionSet, Type } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

/**
 * The last step of every gateway response, done as @apollo/gateway's own
 * `computeResponse` (resultShaping.ts) does it and with the same results,
 * data and errors alike: the merged answers of the subgraphs walked along the
 * operation, keeping only the fields asked for under their response names,
 * with @skip/@include applied, fragments kept where their type condition holds
 * for the object's __typename, leaf values checked against their types and
 * nulls bubbled up to the nearest nullable field.
 *
 * Apollo's version interprets the operation at every field of the answer:
 * the directives of each selection, the type of each field, getters through
 * the package's re-exports and a closure per assertion, for every one of the
 * tens of thousands of fields of a partner dashboard (a third of the
 * gateway's CPU on it). Here the operation is first turned into steps, once
 * per request (its size is the operation's, not the answer's), and the answer
 * is walked along them: per field, one own-property read, one type switch and
 * one write. The parity test (compiled-result-shaping.test.ts) holds both to
 * the same output over generated operations and answers.
 */

// Read once: each of the package's exports is a getter through its index's re-exports, at every access.
const assert: typeof federation.assert = federation.assert;
const { ERRORS, isCompositeType, isCustomScalarType, isEnumType, isListType, isNonNullType, isObjectType, isSubtype, Variable } = federation;
type Variable = federation.Variable;

const OK = 0;
const NULL_BUBBLE_UP = 1;
type ApplyResult = typeof OK | typeof NULL_BUBBLE_UP;

const TYPENAME = '__typename';
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** `@skip(if:)` or `@include(if:)` of a selection: a literal, or the name of the variable that decides. */
interface Condition {
  skip: boolean;
  value: boolean | Variable;
}

/** What a field's declared type asks of its value, wrappers outermost. */
type Shape =
  | { kind: 'nonNull'; type: Type; ofType: Shape }
  | { kind: 'list'; type: Type; ofType: Shape }
  | { kind: 'composite'; type: Type }
  | { kind: 'leaf'; type: Type; valid: (value: unknown) => boolean };

interface FieldStep {
  field: true;
  conditions: readonly Condition[] | undefined;
  responseName: string;
  /** `__schema` or `__type`: answered by the gateway's introspection, not the subgraphs. */
  introspection: FieldSelection | undefined;
  typename: boolean;
  shape: Shape;
  children: readonly Step[] | undefined;
}

interface FragmentStep {
  field: false;
  conditions: readonly Condition[] | undefined;
  typeCondition: CompositeType | undefined;
  children: readonly Step[];
  /** Whether the type condition holds, by the object's __typename, and by the parent type when it has none. */
  appliesTo: Map<string, boolean>;
  appliesToParent: Map<NamedType, boolean>;
}

type Step = FieldStep | FragmentStep;

/** One response being shaped. */
interface Shaping {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  /** schema.type() of each __typename met. */
  types: Map<string, NamedType | undefined>;
  introspectionHandling: (selection: FieldSelection) => unknown;
  /** Set by each `update` for its caller: the value broke a non-null field (bubble up), and errors were recorded below it. */
  invalid: boolean;
  hasErrors: boolean;
}

export interface ComputeResponseOptions {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (introspectionSelection: FieldSelection) => unknown;
}

export function computeCompiledResponse({ operation, variables, input, introspectionHandling }: ComputeResponseOptions): {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
} {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const shaping: Shaping = {
    schema,
    variables: Object.assign(Object.create(null) as Record<string, unknown>, operation.collectDefaultedVariableValues(), variables),
    errors: [],
    types: new Map(),
    introspectionHandling,
    invalid: false,
    hasErrors: false,
  };
  const data = Object.create(null) as Record<string, unknown>;
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`the schema has no ${operation.rootKind} type`);
  const steps = new StepCompiler(schema).compile(operation.selectionSet);
  const result = applySteps(input, steps, data, shaping, [], rootType);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}

class StepCompiler {
  private readonly compiled = new Map<SelectionSet, readonly Step[]>();

  constructor(private readonly schema: Schema) {}

  compile(selectionSet: SelectionSet): readonly Step[] {
    let steps = this.compiled.get(selectionSet);
    if (!steps) {
      steps = selectionSet.selections().map((selection): Step => {
        const conditions = conditionsOf(selection.element, this.schema);
        if (selection.kind === 'FieldSelection') {
          const field = selection.element;
          const children = selection.selectionSet;
          return {
            field: true,
            conditions,
            responseName: field.responseName(),
            introspection: field.definition.isSchemaIntrospectionField() ? selection : undefined,
            typename: field.name === TYPENAME,
            shape: shapeOf(field.definition.type as Type, this.schema),
            children: children ? this.compile(children) : undefined,
          };
        }
        return {
          field: false,
          conditions,
          typeCondition: selection.element.typeCondition,
          children: this.compile(selection.selectionSet),
          appliesTo: new Map(),
          appliesToParent: new Map(),
        };
      });
      this.compiled.set(selectionSet, steps);
    }
    return steps;
  }
}

function conditionsOf(element: FieldSelection['element'] | FragmentSelection['element'], schema: Schema): Condition[] | undefined {
  const conditions: Condition[] = [];
  const [skip] = element.appliedDirectivesOf(schema.skipDirective());
  if (skip) conditions.push({ skip: true, value: skip.arguments().if as boolean | Variable });
  const [include] = element.appliedDirectivesOf(schema.includeDirective());
  if (include) conditions.push({ skip: false, value: include.arguments().if as boolean | Variable });
  return conditions.length > 0 ? conditions : undefined;
}

/** As Apollo's shouldSkip: @skip first, and @include only when @skip did not decide. */
function skipped(conditions: readonly Condition[], variables: Record<string, unknown>): boolean {
  for (const condition of conditions) {
    let value = condition.value;
    if (value instanceof Variable) {
      const given = variables[value.name];
      const name = value.name;
      assert(given !== undefined && typeof given === 'boolean', () => `Unexpected value ${String(given)} for variable $${name}`);
      value = given;
    }
    if (condition.skip ? value : !value) return true;
  }
  return false;
}

const leafValidators = new WeakMap<Type, (value: unknown) => boolean>();

function shapeOf(type: Type, schema: Schema): Shape {
  if (isNonNullType(type)) return { kind: 'nonNull', type, ofType: shapeOf(type.ofType as Type, schema) };
  if (isListType(type)) return { kind: 'list', type, ofType: shapeOf(type.ofType as Type, schema) };
  if (isCompositeType(type)) return { kind: 'composite', type };
  let valid = leafValidators.get(type);
  if (!valid) {
    valid = leafValidator(type, schema);
    leafValidators.set(type, valid);
  }
  return { kind: 'leaf', type, valid };
}

/** federation-internals' isValidLeafValue, decided for one type ahead of its values. */
function leafValidator(type: Type, schema: Schema): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const isBoolean = type === schema.booleanType();
  const isInteger = type === schema.intType() || type === schema.idType();
  const isFloat = type === schema.floatType();
  const isInt = type === schema.intType();
  const enumValues = isEnumType(type) ? new Set(type.values.map((value) => value.name)) : undefined;
  return (value) => {
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && Number.isFinite(value)) return isInteger ? INTEGER.test(String(value)) : isFloat;
    if (typeof value === 'string') return enumValues ? enumValues.has(value) : !isBoolean && !isInt && !isFloat;
    return false;
  };
}

function applySteps(
  input: Record<string, unknown>,
  steps: readonly Step[],
  output: Record<string, unknown>,
  shaping: Shaping,
  path: (string | number)[],
  parentType: NamedType,
): ApplyResult {
  for (const step of steps) {
    if (step.conditions && skipped(step.conditions, shaping.variables)) continue;
    if (step.field) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = shaping.introspectionHandling(step.introspection);
        continue;
      }
      let inputValue = hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== TYPENAME) inputValue = input[TYPENAME] ?? null;
          const type = typeof inputValue === 'string' ? (shaping.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = update(outputValue, step.shape, inputValue, step.children, path, shaping, parentType);
      path.pop();
      if (shaping.invalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[TYPENAME];
      assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${String(typename)}`);
      if (fragmentApplies(step, shaping.schema, typename as string | undefined, parentType)) {
        const result = applySteps(input, step.children, output, shaping, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

/** As Apollo's typeConditionApplies, remembered per fragment for each __typename (or parent type) met. */
function fragmentApplies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: NamedType): boolean {
  const condition = step.typeCondition;
  if (!condition) return true;
  if (typename) {
    let applies = step.appliesTo.get(typename);
    if (applies === undefined) {
      const type = schema.type(typename);
      applies = !!type && isSubtype(condition, type);
      step.appliesTo.set(typename, applies);
    }
    return applies;
  }
  let applies = step.appliesToParent.get(parentType);
  if (applies === undefined) {
    applies = isSubtype(condition, parentType);
    step.appliesToParent.set(parentType, applies);
  }
  return applies;
}

function typeNamed(shaping: Shaping, name: string): NamedType | undefined {
  if (shaping.types.has(name)) return shaping.types.get(name);
  const type = shaping.schema.type(name);
  shaping.types.set(name, type);
  return type;
}

function describeLast(path: readonly (string | number)[], currentType: Type, parentType: NamedType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${String(parentType)}.${element}` : `array element of type ${String(currentType)} at index ${element}`;
}

/**
 * Apollo's updateOutputValue: the shaped value, with `shaping.invalid` and
 * `shaping.hasErrors` set as its result's `isInvalid` and `hasErrors`.
 */
function update(
  outputValue: unknown,
  shape: Shape,
  inputValue: unknown,
  children: readonly Step[] | undefined,
  path: (string | number)[],
  shaping: Shaping,
  parentType: NamedType,
): unknown {
  if (inputValue === undefined) assert(false, 'Should not pass undefined for `inputValue` to this method');
  shaping.invalid = false;
  shaping.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !children)) return outputValue;
  switch (shape.kind) {
    case 'nonNull': {
      const updated = update(outputValue, shape.ofType, inputValue, children, path, shaping, parentType);
      if (updated === null) {
        if (!shaping.hasErrors) {
          shaping.errors.push(
            ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, shape.ofType.type, parentType)}.`, { path: Array.from(path) }),
          );
        }
        shaping.invalid = true;
        shaping.hasErrors = true;
        return null;
      }
      shaping.invalid = false;
      shaping.hasErrors = false;
      return updated;
    }
    case 'list': {
      if (inputValue === null) return null;
      const type = shape.type;
      assert(Array.isArray(inputValue), () => `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`);
      assert(outputValue === undefined || Array.isArray(outputValue), () => `Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(type)}`);
      const outputList = outputValue as unknown[] | undefined;
      const length = inputValue.length;
      assert(outputList === undefined || outputList.length === length, () => `[${String(inputValue)}].length (${length}) !== [${String(outputList)}].length (${outputList?.length})`);
      const updated = new Array<unknown>(length);
      let shouldNullify = false;
      let hasErrors = false;
      for (let index = 0; index < length; index += 1) {
        path.push(index);
        updated[index] = update(outputList?.[index], shape.ofType, inputValue[index], children, path, shaping, parentType);
        path.pop();
        shouldNullify ||= shaping.invalid;
        hasErrors ||= shaping.hasErrors;
      }
      shaping.invalid = false;
      shaping.hasErrors = hasErrors;
      return shouldNullify ? null : updated;
    }
    case 'composite': {
      if (inputValue === null) return null;
      const type = shape.type;
      assert(children, () => `Invalid empty selection set for composite type ${String(type)}`);
      assert(typeof inputValue === 'object', () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
      assert(outputValue === undefined || typeof outputValue === 'object', () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
      const object = inputValue as Record<string, unknown>;
      const inputTypename = object[TYPENAME];
      assert(inputTypename === undefined || typeof inputTypename === 'string', () => `Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`);
      let objectType = type as NamedType;
      if (inputTypename) {
        const typenameType = typeNamed(shaping, inputTypename);
        if (!typenameType || !isCompositeType(typenameType)) {
          shaping.errors.push(
            ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(path, type, parentType)}.`, { path: Array.from(path) }),
          );
          shaping.invalid = false;
          shaping.hasErrors = true;
          return null;
        }
        objectType = typenameType;
      }
      const outputObject = (outputValue ?? Object.create(null)) as Record<string, unknown>;
      const bubbled = applySteps(object, children, outputObject, shaping, path, objectType) === NULL_BUBBLE_UP;
      shaping.invalid = false;
      shaping.hasErrors = bubbled;
      return bubbled ? null : outputObject;
    }
    case 'leaf': {
      if (inputValue === null) return null;
      const type = shape.type;
      assert(outputValue === undefined, () => `Excepted output to be undefined but got ${String(type)} for type ${String(type)}`);
      if (shape.valid(inputValue)) return inputValue;
      shaping.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, type, parentType)}.`, { path: Array.from(path) }));
      shaping.hasErrors = true;
      return null;
    }
  }
}
