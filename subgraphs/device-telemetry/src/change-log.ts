import { EntitySchema } from 'typeorm';
import { bigintAsNumber, XID8 } from '@partnergraph/subgraph-kit';

export type Feed = 'INVENTORY' | 'INCIDENT';
export type ChangeOperation = 'CREATED' | 'UPDATED' | 'DELETED';
/** What happened to an incident, as its subscribers are told. */
export type IncidentEventKind = 'RAISED' | 'CLEARED' | 'REACTIVATED' | 'ACKNOWLEDGED' | 'UPDATED' | 'DELETED';

/**
 * A row of telemetry.change_log, which triggers write on every insert, update
 * and delete of a device or an incident (see change-feeds.ts for how the feeds
 * read it).
 */
export interface ChangeLogEntry {
  organizationId: string;
  /** Read as a number (bigintAsNumber): exact up to 2^53; a feed's cursor takes the exact text beside it. */
  seq: number;
  /** The writing transaction's id, as text. */
  xid: string;
  feed: Feed;
  /** The device's or the incident's id. */
  entityId: string;
  operation: ChangeOperation;
  /** Whether the device concerned was monitored: changes to unmonitored equipment exist only for its owners. */
  monitored: boolean;
  /** For incidents, what happened; null on rows logged before events were, and on a device's change of visibility. */
  event: IncidentEventKind | null;
  at: Date;
}

export const ChangeLogEntity = new EntitySchema<ChangeLogEntry>({
  name: 'ChangeLogEntry',
  tableName: 'change_log',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    // An identity column GENERATED ALWAYS, which an EntitySchema cannot say: the database numbers every row.
    seq: { type: 'bigint', primary: true, insert: false, update: false, transformer: bigintAsNumber },
    xid: { type: XID8 },
    feed: { type: 'text' },
    entityId: { name: 'entity_id', type: 'uuid' },
    operation: { type: 'text' },
    monitored: { type: 'boolean' },
    event: { type: 'text', nullable: true },
    at: { type: 'timestamptz' },
  },
});
