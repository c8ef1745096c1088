import { rule, type IRule } from 'graphql-shield';
import { parentRule } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';
import type { Incident } from '../incident';
import { acknowledgeable } from '../incidents/acknowledge';
import { mayReadIncident } from '../incidents/access';

/** An incident's read: its organization lets the caller read it, and its device is one they can see. */
export const mayReadThisIncident: IRule = parentRule((incident: Incident, context: DeviceTelemetryContext) => mayReadIncident(incident, context));

/**
 * acknowledgeIncidents of the incident's organization: INCIDENT_NOT_FOUND for
 * an incident the caller cannot see, FORBIDDEN for one they see but may not
 * acknowledge.
 */
export const mayAcknowledgeIncidentInArguments: IRule = rule({ cache: 'no_cache' })(
  async (_parent, { incidentId }: { incidentId: string }, context: DeviceTelemetryContext) => {
    const allowed = await acknowledgeable(incidentId, context);
    return allowed instanceof Error ? allowed : true;
  },
);
