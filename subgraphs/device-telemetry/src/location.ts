export type LocationKind = 'SITE' | 'ROOM' | 'RACK';

/** A row of telemetry.location, as LOCATION_COLUMNS selects it: a site holds rooms, a room holds racks. */
export interface Location {
  id: string;
  organizationId: string;
  /** Null for a site. */
  parentId: string | null;
  kind: LocationKind;
  name: string;
}

export const LOCATION_COLUMNS = 'id, organization_id AS "organizationId", parent_id AS "parentId", kind, name';
