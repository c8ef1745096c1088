import type { GraphQLError } from 'graphql';
import { clientError, displayedText, type UserPrincipal } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';
import { IncidentEntity, type Incident } from '../incident';
import { mayReadIncident } from './access';

export const MAX_ACKNOWLEDGEMENT_NOTE_LENGTH = 1000;

/** The same answer for an incident that does not exist and one the caller cannot see, so ids cannot be probed. */
function incidentNotFound(): GraphQLError {
  return clientError('INCIDENT_NOT_FOUND', 'No incident with that id exists for you.', { field: 'incidentId' });
}

/**
 * The incident `incidentId` and the user acknowledging it, when the caller may:
 * the incident must exist for them (INCIDENT_NOT_FOUND otherwise) and its
 * organization's decision must allow acknowledging (customers' users, partner
 * admins with administrator access; FORBIDDEN otherwise). Only people
 * acknowledge. Both the shield rule and the mutation ask it; the loaders
 * answer the second time.
 */
export async function acknowledgeable(
  incidentId: string,
  context: DeviceTelemetryContext,
): Promise<{ incident: Incident; user: UserPrincipal } | GraphQLError> {
  const incident = await context.loaders.incidentById.load(incidentId);
  if (incident === null || !(await mayReadIncident(incident, context))) return incidentNotFound();
  const decision = await context.access.load(incident.organizationId);
  const { principal } = context;
  if (principal.kind !== 'user' || !decision.acknowledgeIncidents) {
    return clientError('FORBIDDEN', 'You may see this incident but not acknowledge it.');
  }
  return { incident, user: principal };
}

/**
 * Records `user`'s acknowledgement of `incident` (from acknowledgeable),
 * replacing any earlier one, in one statement. A note over the limit is
 * refused before anything is written.
 */
export async function acknowledgeIncident(
  database: Database,
  incident: Pick<Incident, 'organizationId' | 'id'>,
  user: UserPrincipal,
  note: string | null,
): Promise<Incident> {
  if (note !== null) displayedText(note, 'note');
  if (note !== null && [...note].length > MAX_ACKNOWLEDGEMENT_NOTE_LENGTH) {
    throw clientError('BAD_USER_INPUT', `A note is at most ${MAX_ACKNOWLEDGEMENT_NOTE_LENGTH} characters.`, { field: 'note' });
  }
  // The update inside a WITH, so that TypeORM hands back the rows alone (for an UPDATE it returns [rows, count]).
  const [acknowledged] = await selectRows(
    database.dataSource,
    IncidentEntity,
    (columns) => `WITH acknowledged AS (
       UPDATE telemetry.incident
       SET acknowledged_by = $3, acknowledged_at = now(), acknowledgement_note = $4, updated_at = now()
       WHERE organization_id = $1 AND id = $2
       RETURNING *
     )
     SELECT ${columns} FROM acknowledged`,
    [incident.organizationId, incident.id, user.userId, note],
  );
  if (!acknowledged) throw incidentNotFound();
  return acknowledged;
}
