import { clientError } from '@partnergraph/core';

/**
 * Keyset pagination shared by every list: a page is at most `maxPageSize`
 * long, and a cursor is an opaque token of the last row's sort key.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  limit: number;
  after: readonly string[] | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Validates `first` and decodes `after`. `isSortKey` checks a decoded cursor's
 * parts (a UUID part must be a UUID) so a forged cursor never reaches SQL.
 */
export function parsePageArgs(args: PageArgs, isSortKey: (parts: readonly string[]) => boolean): PageRequest {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw clientError('BAD_USER_INPUT', `"first" must be from 1 to ${MAX_PAGE_SIZE}, got ${limit}.`, { field: 'first' });
  }
  return { limit, after: args.after ? decodeCursor(args.after, isSortKey) : null };
}

export function encodeCursor(sortKey: readonly string[]): string {
  return Buffer.from(JSON.stringify(sortKey)).toString('base64url');
}

function decodeCursor(cursor: string, isSortKey: (parts: readonly string[]) => boolean): readonly string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((part) => typeof part === 'string') && isSortKey(value)) {
      return value;
    }
  } catch {
    // not base64url JSON: the same answer as any other foreign cursor
  }
  throw clientError('BAD_USER_INPUT', '"after" is not a cursor this list returned.', { field: 'after' });
}

/** Turns up to `limit + 1` rows, fetched in sort order, into a page. */
export function toConnection<T>(rows: readonly T[], limit: number, sortKey: (row: T) => readonly string[]): Connection<T> {
  const nodes = rows.slice(0, limit);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: last === undefined ? null : encodeCursor(sortKey(last)) },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids are lower-case UUIDs, as PostgreSQL prints them; anything else cannot exist, so it is answered without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
