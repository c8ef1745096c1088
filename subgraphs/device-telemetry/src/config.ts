import { ConfigError, readConfig, settings, type Environment } from '@partnergraph/core';
import { readAccessCheckConfig } from '@partnergraph/subgraph-kit';
import { DEFAULT_READING_RETENTION_DAYS, MAX_READING_RETENTION_DAYS, MIN_READING_RETENTION_DAYS } from './readings/retention';

/** device-telemetry's own settings, beside the kit's; docs/operations.md's configuration table lists them. */
export function readDeviceTelemetryConfig(environment: Environment) {
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const accessCheck = collect(() => readAccessCheckConfig(environment));
  const own = collect(() =>
    readConfig(
      {
        readingRetentionDays: {
          variable: 'READING_RETENTION_DAYS',
          setting: settings.integer({ min: MIN_READING_RETENTION_DAYS, max: MAX_READING_RETENTION_DAYS, default: DEFAULT_READING_RETENTION_DAYS }),
        },
      },
      environment,
    ),
  );
  if (!accessCheck || !own) throw new ConfigError(problems);
  return { accessCheck, ...own };
}
