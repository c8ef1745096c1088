import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import { clientError } from './errors';

/**
 * Text no argument may carry: C0 control characters other than tab, line feed
 * and carriage return (PostgreSQL refuses NUL in text outright), DEL, and
 * UTF-16 surrogates without their pair (not Unicode; PostgreSQL refuses them
 * as invalid UTF-8).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const INVALID_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, marks):
 * in a name shown to other people they reorder what is displayed around them,
 * so "Contoso‮moc.evil" reads as another name. Names refuse them.
 */
const DIRECTIONAL_FORMATTING = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function hasInvalidCharacters(text: string): boolean {
  return INVALID_CHARACTER.test(text);
}

/**
 * A name or other free text that other people read: trimmed, and refused with
 * INVALID_CHARACTERS when it holds control characters or bidirectional
 * formatting characters. `field` names the argument for the client.
 */
export function displayedText(text: string, field: string): string {
  if (hasInvalidCharacters(text) || DIRECTIONAL_FORMATTING.test(text)) {
    throw clientError('INVALID_CHARACTERS', `${field} holds control or bidirectional formatting characters.`, { field });
  }
  return text.trim();
}

/** How deep and how large a request's variables may be. */
export interface VariableLimits {
  /** Nesting of objects and arrays; the variables object itself is level 1. */
  maxDepth: number;
  /** Values of every kind (objects, arrays, strings, numbers, booleans, nulls), counted together. */
  maxValues: number;
}

export const DEFAULT_VARIABLE_LIMITS: VariableLimits = { maxDepth: 32, maxValues: 100_000 };
/** The most a gateway may be configured to allow: what every subgraph accepts, so nothing the gateway passes is refused behind it. */
export const MAX_VARIABLE_LIMITS: VariableLimits = { maxDepth: 100, maxValues: 1_000_000 };

/**
 * What is wrong with a request's variables, if anything: nested deeper than
 * `maxDepth` (VARIABLES_TOO_DEEP), more than `maxValues` values
 * (VARIABLES_TOO_LARGE), a string or key with invalid characters
 * (INVALID_CHARACTERS) or a number that is not finite (BAD_USER_INPUT, as
 * JSON's 1e400 parses). Walks without recursion, so no depth overflows the
 * stack, and stops at the first problem.
 */
export function variablesProblem(variables: unknown, limits: VariableLimits): GraphQLError | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 1 }];
  let count = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next;
    count += 1;
    if (count > limits.maxValues) {
      return refusal('VARIABLES_TOO_LARGE', `The variables hold more than ${limits.maxValues} values.`, limits.maxValues);
    }
    if (typeof value === 'string') {
      if (hasInvalidCharacters(value)) return invalidCharacters();
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return clientError('BAD_USER_INPUT', 'A number in the variables is out of range.', { http: { status: 400 } });
    } else if (typeof value === 'object' && value !== null) {
      if (depth > limits.maxDepth) {
        return refusal('VARIABLES_TOO_DEEP', `The variables nest more than ${limits.maxDepth} levels deep.`, limits.maxDepth);
      }
      const entries = Array.isArray(value) ? value.map((item) => ['', item] as const) : Object.entries(value);
      for (const [key, item] of entries) {
        if (hasInvalidCharacters(key)) return invalidCharacters();
        pending.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * What is wrong with the values written into an operation, if anything: a
 * string literal with invalid characters (INVALID_CHARACTERS; the lexer lets
 * `\u0000` escapes and raw controls in block strings through) or a Float
 * literal no double holds, such as 1e400 (BAD_USER_INPUT: graphql-js would
 * pass it on as Infinity).
 */
export function documentValuesProblem(document: DocumentNode): GraphQLError | undefined {
  let problem: GraphQLError | undefined;
  visit(document, {
    enter(node) {
      if (problem) return false;
      if (node.kind === Kind.STRING && hasInvalidCharacters(node.value)) problem = invalidCharacters();
      if (node.kind === Kind.FLOAT && !Number.isFinite(Number(node.value))) {
        problem = clientError('BAD_USER_INPUT', `The number ${node.value.slice(0, 40)} is out of range.`, { http: { status: 400 } });
      }
      return undefined;
    },
  });
  return problem;
}

function invalidCharacters(): GraphQLError {
  return clientError(
    'INVALID_CHARACTERS',
    'A text value holds a control character (other than tab, line feed or carriage return) or a lone surrogate.',
    { http: { status: 400 } },
  );
}

function refusal(code: 'VARIABLES_TOO_DEEP' | 'VARIABLES_TOO_LARGE', message: string, limit: number): GraphQLError {
  return clientError(code, message, { limit, http: { status: 400 } });
}
