import type { AccessDecision } from '@partnergraph/core';
import { clientError } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { ChangeLogEntity, type ChangeLogEntry, type ChangeOperation, type Feed } from './change-log';

/**
 * The change feeds over telemetry.change_log, which triggers fill on every
 * insert, update and delete of a device or an incident. A row's `xid` is the
 * writing transaction's id. A page holds only rows whose transaction is older
 * than the oldest transaction still running (`pg_snapshot_xmin`): all of those
 * have finished, and every later transaction gets a larger id, so no row can
 * ever appear behind a cursor of (xid, seq). A change therefore waits for
 * every transaction that began writing before it to end.
 */

export const DEFAULT_CHANGES_PAGE_SIZE = 100;
export const MAX_CHANGES_PAGE_SIZE = 500;

/** A change as the feed hands it on: the entity's id, and the organization that owned it when it changed. */
export interface Change {
  organizationId: string;
  entityId: string;
  operation: ChangeOperation;
  /** ISO 8601 instant. */
  at: string;
}

/** A change to a device, as the inventory feed hands it on. */
export interface InventoryChange extends Change {
  deviceId: string;
}

/** A change to an incident, as the incident feed hands it on. */
export interface IncidentChange extends Change {
  incidentId: string;
}

export interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

/** A position in the feed: after the change with this transaction id and sequence number. */
export interface Position {
  xid: string;
  seq: string;
}

const CURSOR_VERSION = 'v1';
const START: Position = { xid: '0', seq: '0' };
const MAX_XID8 = 2n ** 64n - 1n;
export const MAX_BIGINT = 2n ** 63n - 1n;
const DECIMAL = /^(0|[1-9]\d{0,19})$/;

export function encodeChangeCursor(position: Position): string {
  return Buffer.from(`${CURSOR_VERSION}:${position.xid}:${position.seq}`).toString('base64url');
}

/** CURSOR_INVALID for anything that is not a cursor a feed returned, before it reaches SQL. */
export function decodeChangeCursor(cursor: string): Position {
  const [version, xid, seq, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (
    version === CURSOR_VERSION &&
    rest.length === 0 &&
    xid !== undefined &&
    seq !== undefined &&
    DECIMAL.test(xid) &&
    DECIMAL.test(seq) &&
    BigInt(xid) <= MAX_XID8 &&
    BigInt(seq) <= MAX_BIGINT &&
    encodeChangeCursor({ xid, seq }) === cursor
  ) {
    return { xid, seq };
  }
  throw clientError('CURSOR_INVALID', '"after" is not a cursor this feed returned.', { field: 'after' });
}

export interface ChangePageArgs {
  after?: string | null;
  first?: number | null;
}

/** BAD_USER_INPUT for a page size outside 1 to 500, CURSOR_INVALID for a foreign cursor. */
export function parseChangePageArgs(args: ChangePageArgs): { limit: number; after: Position | null } {
  const limit = args.first ?? DEFAULT_CHANGES_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGES_PAGE_SIZE) {
    throw clientError('BAD_USER_INPUT', `"first" must be from 1 to ${MAX_CHANGES_PAGE_SIZE}, got ${limit}.`, { field: 'first' });
  }
  return { limit, after: args.after == null ? null : decodeChangeCursor(args.after) };
}

/** A change's position as exact text, for its cursor: the entity reads seq as float8, exact only up to 2^53. */
interface ChangeCursor {
  seqText: string;
}

/**
 * Up to `limit` changes of `feed` after `after`, in (xid, seq) order, of the
 * organizations in `readable`; changes to unmonitored equipment only of the
 * organizations whose decision shows it. One statement.
 */
export async function selectChanges(
  database: Database,
  feed: Feed,
  readable: readonly AccessDecision[],
  page: { limit: number; after: Position | null },
): Promise<ChangePage> {
  const from = page.after ?? START;
  const unchanged = encodeChangeCursor(from);
  const organizationIds = readable.filter((decision) => decision.read).map((decision) => decision.organizationId);
  if (organizationIds.length === 0) return { changes: [], nextCursor: unchanged, hasMore: false };
  const rows = await selectRows<ChangeLogEntry, ChangeCursor>(
    database.dataSource,
    ChangeLogEntity,
    (columns) =>
      `SELECT ${columns}, seq::text AS "seqText"
       FROM telemetry.change_log
       WHERE feed = $1
         AND organization_id = ANY($2::uuid[])
         AND (monitored OR organization_id = ANY($3::uuid[]))
         AND (xid, seq) > ($4::xid8, $5::bigint)
         AND xid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
       ORDER BY xid, seq
       LIMIT $6`,
    [
      feed,
      organizationIds,
      readable.filter((decision) => decision.read && decision.unmonitoredEquipment).map((decision) => decision.organizationId),
      from.xid,
      from.seq,
      page.limit + 1,
    ],
  );
  const returned = rows.slice(0, page.limit);
  const last = returned.at(-1);
  return {
    changes: returned.map((row) => ({
      organizationId: row.organizationId,
      entityId: row.entityId,
      operation: row.operation,
      at: row.at.toISOString(),
    })),
    nextCursor: last === undefined ? unchanged : encodeChangeCursor({ xid: last.xid, seq: last.seqText }),
    hasMore: rows.length > page.limit,
  };
}
