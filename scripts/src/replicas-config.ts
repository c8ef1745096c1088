import { readConfig, settings, type Environment } from '@partnergraph/core';

/** What `npm run start:replicas` reads beside readStackConfig's settings; docs/operations.md's configuration table lists it. */
export function readReplicasConfig(environment: Environment) {
  return readConfig(
    {
      replicas: { variable: 'REPLICAS', setting: settings.integer({ min: 1, max: 8, default: 2 }) },
      redisUrl: { variable: 'REDIS_URL', setting: settings.optionalUrl({ protocols: ['redis:', 'rediss:'] }) },
      localRedisPort: { variable: 'LOCAL_REDIS_PORT', setting: settings.port(6380) },
      haproxyStatsPort: { variable: 'HAPROXY_STATS_PORT', setting: settings.port(8404) },
    },
    environment,
  );
}

export type ReplicasConfig = ReturnType<typeof readReplicasConfig>;
