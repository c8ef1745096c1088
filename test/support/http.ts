import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface GraphQLResponse<TData> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/**
 * An operation from `graphql()` of test/generated/operations (or docs):
 * its text, typed with its result and variables by `npm run codegen`.
 */
export type TypedOperation<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & { toString(): string };

/**
 * Sends `operation` with `variables` and `headers`. A typed operation gives
 * the answer's and the variables' types; a string (an operation the API
 * schema does not allow, which the hostile-input and subgraph tests send on
 * purpose) is answered as `TData`.
 */
export interface SendOperation {
  <TData = Record<string, unknown>>(operation: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
  <TData, TVariables>(operation: TypedOperation<TData, TVariables>, variables?: TVariables, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
}

/** POSTs a GraphQL request as a browser or script would, and returns status, headers and parsed body. */
export function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  request: { query: string; variables?: Record<string, unknown> | undefined },
  headers?: Record<string, string>,
): Promise<GraphQLResponse<TData>>;
export function postGraphQL<TData, TVariables>(
  url: string,
  request: { query: TypedOperation<TData, TVariables>; variables?: TVariables | undefined },
  headers?: Record<string, string>,
): Promise<GraphQLResponse<TData>>;
export function postGraphQL<TData>(
  url: string,
  request: { query: { toString(): string }; variables?: unknown },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  return post(url, request.query.toString(), request.variables, headers);
}

/** A SendOperation that posts to `url`. */
export function operationSender(url: string): SendOperation {
  return <TData>(operation: { toString(): string }, variables?: unknown, headers: Record<string, string> = {}) =>
    post<TData>(url, operation.toString(), variables, headers);
}

async function post<TData>(url: string, query: string, variables: unknown, headers: Record<string, string>): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphQLResponse<TData>['body'];
  try {
    body = JSON.parse(text) as GraphQLResponse<TData>['body'];
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}
