import { dropDatabase, ensureDatabase } from '@partnergraph/scripts/embedded-postgres';
import type { BenchEnvironment } from './config';
import { DATA_SET_SIZES, simulate } from './data-set';

/**
 * The baseline's data: a database of its own beside the benchmark's, on the
 * same server, made afresh for every run, migrated and filled by the
 * baseline commit's own simulator with the same sizes in the same order as
 * the benchmark's database (the simulator's default seed makes the same data).
 */
export const BASELINE_DATABASE = 'partnergraph_bench_baseline';

export interface BaselineDatabase {
  url: string;
  /** Drops it unless kept. */
  close(keep: boolean): Promise<void>;
}

export async function openBaselineDatabase(serverUrl: string): Promise<BaselineDatabase> {
  await dropDatabase(serverUrl, BASELINE_DATABASE);
  const url = await ensureDatabase(serverUrl, BASELINE_DATABASE);
  return {
    url,
    close: async (keep) => {
      if (!keep) await dropDatabase(serverUrl, BASELINE_DATABASE);
    },
  };
}

/** Runs the baseline's own simulator (`root`: its tree) over its database; resolves with each run's closing line. */
export async function seedBaselineDatabase(environment: BenchEnvironment, databaseUrl: string, root: string): Promise<string[]> {
  const simulator: string[] = [];
  for (const size of [DATA_SET_SIZES.small, DATA_SET_SIZES.large, DATA_SET_SIZES.year]) simulator.push(await simulate(environment, databaseUrl, size, root));
  return simulator;
}
