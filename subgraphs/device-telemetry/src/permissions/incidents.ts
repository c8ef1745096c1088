import { allow, rule, type IRules } from 'graphql-shield';
import { organizationRule } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';
import type { Incident } from '../incident';
import { acknowledgeable } from '../incidents/acknowledge';
import { mayReadIncident } from '../incidents/access';
import { mayReadThisDevice } from './inventory';

const readsOrganization = organizationRule((organization: { id: string }) => organization.id, (decision) => decision.read);

/** The incident's organization lets the caller read it, and its device is one they can see. */
const mayReadThisIncident = rule({ cache: 'no_cache' })((incident: Incident, _args, context: DeviceTelemetryContext) =>
  mayReadIncident(incident, context),
);

/** INCIDENT_NOT_FOUND for an incident the caller cannot see, FORBIDDEN for one they see but may not acknowledge. */
const mayAcknowledgeIncidentInArguments = rule({ cache: 'no_cache' })(
  async (_parent, { incidentId }: { incidentId: string }, context: DeviceTelemetryContext) => {
    const allowed = await acknowledgeable(incidentId, context);
    return allowed instanceof Error ? allowed : true;
  },
);

export const incidentPermissions: Record<string, Record<string, IRules>> = {
  Organization: {
    incidents: readsOrganization,
    openIncidentCount: readsOrganization,
    assessment: readsOrganization,
  },
  // Replace the type-wide device check for these fields, so they repeat it.
  Device: {
    incidents: mayReadThisDevice,
    openIncidentCount: mayReadThisDevice,
  },
  Incident: { '*': mayReadThisIncident },
  // Reached only through checked fields: Organization.incidents and Device.incidents, Incident.acknowledgement,
  // Organization.assessment; the devices and incidents inside are checked as devices and incidents.
  IncidentConnection: { '*': allow },
  Acknowledgement: { '*': allow },
  Assessment: { '*': allow },
  SeverityCount: { '*': allow },
  UpsHealth: { '*': allow },
  Mutation: { acknowledgeIncident: mayAcknowledgeIncidentInArguments },
};
