import { EntitySchema } from 'typeorm';

export type LocationKind = 'SITE' | 'ROOM' | 'RACK';

/** A row of telemetry.location: a site holds rooms, a room holds racks. */
export interface Location {
  id: string;
  organizationId: string;
  /** Null for a site. */
  parentId: string | null;
  kind: LocationKind;
  name: string;
}

export const LocationEntity = new EntitySchema<Location>({
  name: 'Location',
  tableName: 'location',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    parentId: { name: 'parent_id', type: 'uuid', nullable: true },
    kind: { type: 'text' },
    name: { type: 'text' },
  },
});
