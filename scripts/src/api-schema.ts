import { Supergraph } from '@apollo/federation-internals';
import { GraphQLError, buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * The API schema: what clients of the gateway see. The supergraph without its
 * federation machinery (join__, link__) and without @inaccessible elements.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Sorted, so that the committed baseline's diffs show only real changes. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export class ApiBaselineError extends Error {
  override readonly name = 'ApiBaselineError';
}

/** Reads a printed API schema (the committed baseline); `file` names it in errors. */
export function parseApiSchema(sdl: string, file: string): GraphQLSchema {
  try {
    return buildSchema(sdl);
  } catch (error) {
    if (error instanceof GraphQLError) throw new ApiBaselineError(`${file}: not a valid schema: ${error.message}`);
    throw error;
  }
}
