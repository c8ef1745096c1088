import type { Logger } from '@partnergraph/core';
import { query, type DataSetFacts } from './data-set';
import { RAW_HISTORY_SQL, ROLLUP_HISTORY_SQL } from './operations';

/**
 * What the year of readings through the API is compared with: one statement
 * computing the same buckets from the raw readings, and one from the daily
 * rollups alone. Both are checked against the API's answer first (same
 * buckets, same number of readings), or the comparison would not be fair.
 */
export interface HistoryBaselines {
  raw: string;
  rollups: string;
  parameters: (string | number)[];
  rawLatencyMs: number;
  rollupLatencyMs: number;
  buckets: number;
  bucketSeconds: number;
  readings: number;
}

interface SensorYearData {
  organization: { devices: { nodes: { sensors: { history: { bucketSeconds: number; buckets: { count: number }[] } }[] }[] } };
}

const countOf = (rows: readonly { count: number }[]): number => rows.reduce((total, row) => total + Number(row.count), 0);

export async function historyBaselines(options: {
  databaseUrl: string;
  logger: Logger;
  facts: DataSetFacts;
  year: { from: string; to: string };
  /** The API's answer to SensorYear. */
  answer: unknown;
}): Promise<HistoryBaselines> {
  const sensors = (options.answer as SensorYearData).organization.devices.nodes[0]?.sensors ?? [];
  const bucketSeconds = sensors[0]?.history.bucketSeconds ?? 86_400;
  const parameters = [options.facts.year.organizationId, `{${options.facts.year.deviceSensorIds.join(',')}}`, options.year.from, options.year.to, bucketSeconds];
  const apiBuckets = sensors.flatMap((sensor) => sensor.history.buckets);
  const latency = { raw: 0, rollups: 0 };
  for (const [name, sql] of [
    ['raw', RAW_HISTORY_SQL],
    ['rollups', ROLLUP_HISTORY_SQL],
  ] as const) {
    const started = performance.now();
    const rows = await query<{ count: number }>(options.databaseUrl, options.logger, sql, parameters);
    latency[name] = performance.now() - started;
    if (rows.length !== apiBuckets.length || countOf(rows) !== countOf(apiBuckets)) {
      throw new Error(
        `the ${name} aggregation (${rows.length} buckets, ${countOf(rows)} readings) does not match the API's ` +
          `(${apiBuckets.length} buckets, ${countOf(apiBuckets)} readings); the comparison would not be fair`,
      );
    }
  }
  return {
    raw: RAW_HISTORY_SQL,
    rollups: ROLLUP_HISTORY_SQL,
    parameters,
    rawLatencyMs: latency.raw,
    rollupLatencyMs: latency.rollups,
    buckets: apiBuckets.length,
    bucketSeconds,
    readings: countOf(apiBuckets),
  };
}
