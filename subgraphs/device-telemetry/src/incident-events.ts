import { clientError, type AccessDecision } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { encodeChangeCursor, MAX_BIGINT, parseChangePageArgs, type ChangePageArgs, type Position } from './change-feeds';
import { ChangeLogEntity, type ChangeLogEntry, type IncidentEventKind } from './change-log';
import type { IncidentSeverity } from './incident';
import { decidedHorizon, scopeKey } from './live-scope';

/**
 * The incident events feed (Query.incidentEventsFeed), which the gateway
 * follows for the subscription incidentEvents. It reads telemetry.change_log
 * as the change feeds do (change-feeds.ts): in (xid, seq) order, only rows of
 * transactions older than every one still running, so nothing can appear
 * behind a cursor and a subscriber that resumes from its cursor misses none.
 */

export interface IncidentEvent {
  cursor: string;
  kind: IncidentEventKind;
  incidentId: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface IncidentEventPage {
  cursor: string;
  events: IncidentEvent[];
  hasMore: boolean;
  scope: string[];
}

export interface IncidentEventsArgs extends ChangePageArgs {
  organizationIds?: readonly string[] | null;
  severities?: readonly IncidentSeverity[] | null;
}

/** The organizations the feed covers: those listed (FORBIDDEN for one the caller cannot read), or every readable one. */
function coveredDecisions(readable: readonly AccessDecision[], organizationIds: readonly string[] | null | undefined): AccessDecision[] {
  const reading = readable.filter((decision) => decision.read);
  if (organizationIds == null) return reading;
  return [...new Set(organizationIds)].map((organizationId) => {
    const decision = isUuid(organizationId) ? reading.find((candidate) => candidate.organizationId === organizationId) : undefined;
    if (!decision) {
      throw clientError('FORBIDDEN', 'organizationIds names an organization you cannot read.', { field: 'organizationIds' });
    }
    return decision;
  });
}

interface EventCursor {
  seqText: string;
}

/** Up to `first` events after `after` of the covered organizations, in one statement; without `after`, where the feed stands. */
export async function selectIncidentEvents(database: Database, readable: readonly AccessDecision[], args: IncidentEventsArgs): Promise<IncidentEventPage> {
  const { limit, after } = parseChangePageArgs(args);
  const covered = coveredDecisions(readable, args.organizationIds);
  const scope = covered.map(scopeKey);
  if (after === null) return { cursor: encodeChangeCursor(await currentPosition(database)), events: [], hasMore: false, scope };
  if (covered.length === 0) return { cursor: args.after!, events: [], hasMore: false, scope };

  const rows = await selectRows<ChangeLogEntry, EventCursor>(
    database.dataSource,
    ChangeLogEntity,
    (columns) =>
      `SELECT ${columns}, c.seq::text AS "seqText"
       FROM telemetry.change_log c
       LEFT JOIN telemetry.incident i ON i.organization_id = c.organization_id AND i.id = c.entity_id
       WHERE c.feed = 'INCIDENT'
         AND c.organization_id = ANY($1::uuid[])
         AND (c.monitored OR c.organization_id = ANY($2::uuid[]))
         AND (c.xid, c.seq) > ($3::xid8, $4::bigint)
         AND c.xid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
         AND ($7::xid8 IS NULL OR c.xid < $7::xid8)
         AND ($5::text[] IS NULL OR i.severity = ANY($5::text[]))
       ORDER BY c.xid, c.seq
       LIMIT $6`,
    [
      covered.map((decision) => decision.organizationId),
      covered.filter((decision) => decision.unmonitoredEquipment).map((decision) => decision.organizationId),
      after.xid,
      after.seq,
      args.severities == null ? null : [...args.severities],
      limit + 1,
      decidedHorizon(covered),
    ],
    'c',
  );
  const events = rows.slice(0, limit).map(
    (row): IncidentEvent => ({
      cursor: encodeChangeCursor({ xid: row.xid, seq: row.seqText }),
      kind: row.event ?? (row.operation === 'CREATED' ? 'RAISED' : row.operation),
      incidentId: row.entityId,
      at: row.at.toISOString(),
    }),
  );
  return { cursor: events.at(-1)?.cursor ?? args.after!, events, hasMore: rows.length > limit, scope };
}

/**
 * Where the feed stands now: after every transaction older than the oldest
 * still running. A transaction from that one on that has already committed is
 * delivered once more to a subscriber starting now, rather than lost.
 */
async function currentPosition(database: Database): Promise<Position> {
  const [row] = await database.dataSource.query<{ xmin: string }[]>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
  return { xid: (BigInt(row!.xmin) - 1n).toString(), seq: MAX_BIGINT.toString() };
}
