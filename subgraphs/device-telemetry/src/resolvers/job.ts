import type { JobResolvers } from '../generated/resolvers-types';

export const Job: JobResolvers = {
  lastRunAt(job) {
    return job.lastRunAt?.toISOString() ?? null;
  },
};
