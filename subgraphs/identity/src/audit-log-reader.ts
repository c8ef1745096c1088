import { isUuid, selectRows, toConnection, type Connection, type Database, type PageRequest } from '@partnergraph/subgraph-kit';
import { AuditEventEntity, type AuditAction, type AuditEvent } from './audit-log';

/** Beside each event of a page: `at` to the microsecond, for the cursor (a Date keeps milliseconds only). */
interface PagedAuditEvent {
  atCursor: string;
}

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Events are listed newest first: `at` descending, then id; a cursor holds that pair. */
export function isAuditEventSortKey(parts: readonly string[]): boolean {
  return parts.length === 2 && CURSOR_INSTANT.test(parts[0] ?? '') && isUuid(parts[1] ?? '');
}

/**
 * One page of an organization's events, of these actions (null: all), in one
 * statement on the (organization_id, at DESC, id) index. Only an
 * organization's own admins read its log, so a request reads one
 * organization's at most: no batching needed.
 */
export async function auditEventPage(
  database: Database,
  organizationId: string,
  page: PageRequest,
  actions: readonly AuditAction[] | null,
): Promise<Connection<AuditEvent>> {
  const parameters: unknown[] = [organizationId, page.limit + 1];
  const conditions: string[] = [];
  if (actions !== null) {
    parameters.push(actions);
    conditions.push(`action = ANY($${parameters.length}::text[])`);
  }
  if (page.after) {
    const [at, id] = page.after;
    parameters.push(at, id);
    const after = `$${parameters.length - 1}::timestamptz`;
    conditions.push(`(at < ${after} OR (at = ${after} AND id > $${parameters.length}::uuid))`);
  }
  const rows = isUuid(organizationId)
    ? await selectRows<AuditEvent, PagedAuditEvent>(
        database.dataSource,
        AuditEventEntity,
        (columns) => `SELECT ${columns}, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atCursor"
         FROM identity.audit_event
         WHERE organization_id = $1 ${conditions.map((condition) => `AND ${condition}`).join(' ')}
         ORDER BY at DESC, id
         LIMIT $2`,
        parameters,
      )
    : [];
  return toConnection(rows, page.limit, (event) => [event.atCursor, event.id]);
}
