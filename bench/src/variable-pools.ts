import type { VariableSource } from './load-job';
import type { VariablePool } from './rounds';

export const NO_VARIABLES: VariablePool = {
  take: () => Promise.resolve({ kind: 'none' }),
  used: () => {},
};

/** Licence keys, each redeemed once: a round gets as many as it sends operations, issued before it begins. */
export function licenseKeyPool(options: { issue(count: number): Promise<string[]>; customerIds: readonly string[]; startDate: string }): VariablePool {
  const keys: string[] = [];
  return {
    async take(count) {
      if (keys.length < count) keys.push(...(await options.issue(count - keys.length)));
      return { kind: 'license-keys', keys: keys.slice(0, count), customerIds: options.customerIds, startDate: options.startDate };
    },
    used(count) {
      keys.splice(0, count);
    },
  };
}

/** Batches of 1,000 readings: 100 sensors × 10 one-minute readings, months before the data set's own. */
export const READINGS_PER_SENSOR = 10;
export const SENSORS_PER_BATCH = 100;
const SPACING_MS = 60_000;
/**
 * Each round (and each round's warm-up burst) writes into a window of its own,
 * so no reading of one round repeats one of another: 10 days hold 1,440
 * batches, four times a 6-s round at the rates seen.
 */
const ROUND_WINDOW_MS = 10 * 86_400_000;

/**
 * The load's readings, from `firstInstantMs` on: within the readings'
 * retention (ingest refuses older ones) and months before the data set's own
 * two days, so that thirty rounds of windows never reach them.
 */
export function readingsPool(sensorIds: readonly string[], firstInstantMs: number): VariablePool {
  if (sensorIds.length < SENSORS_PER_BATCH) throw new Error(`ingest needs at least ${SENSORS_PER_BATCH} sensors, the data set has ${sensorIds.length}`);
  const operationsPerWindow = Math.floor(ROUND_WINDOW_MS / (READINGS_PER_SENSOR * SPACING_MS));
  let round = 0;
  return {
    take: (count): Promise<VariableSource> => {
      if (count > operationsPerWindow) throw new Error(`an ingest round of ${count} batches is more than its window of ${operationsPerWindow} holds`);
      return Promise.resolve({
        kind: 'readings',
        sensorIds,
        sensorsPerOperation: SENSORS_PER_BATCH,
        readingsPerSensor: READINGS_PER_SENSOR,
        firstInstantMs: firstInstantMs + round * ROUND_WINDOW_MS,
        spacingMs: SPACING_MS,
      });
    },
    used() {
      round += 1;
    },
  };
}
