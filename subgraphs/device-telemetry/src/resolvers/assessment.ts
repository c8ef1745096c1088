import type { AssessmentResolvers } from '../generated/resolvers-types';
import { incidentsBySeverity, monitoringCoverage, upsHealth } from '../incidents/assessment';

/** Each figure is computed on read, in one statement, only when asked for. */
export const Assessment: AssessmentResolvers = {
  monitoringCoverage(scope, _args, { database }) {
    return monitoringCoverage(database, scope);
  },

  incidentsBySeverity(scope, _args, { database }) {
    return incidentsBySeverity(database, scope);
  },

  upsHealth(scope, _args, { database, loaders }) {
    return upsHealth(database, loaders, scope);
  },
};
