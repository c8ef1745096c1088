import { seedDemoIncidents } from '@partnergraph/device-telemetry/demo-seed';
import { ingestReadings } from '@partnergraph/device-telemetry/ingest';
import { ensureReadingPartitions, weekStart } from '@partnergraph/device-telemetry/partitions';
import type { Database } from '@partnergraph/subgraph-kit';
import type { SimulationBatch } from './telemetry-simulation';

export interface SimulationTotals {
  /** Readings sent, recorded and found already stored. */
  readings: number;
  recorded: number;
  duplicates: number;
  raised: number;
  cleared: number;
  reactivated: number;
}

/** Batches whose readings are written at once: PostgreSQL works on one while the next waits on the network or a lock. */
const WRITERS = 2;

/**
 * Writes simulated batches: each batch's readings through ingest (which
 * fills the hourly and daily rollups), two batches at a time while the next
 * one is computed, and the incidents each batch raised, cleared or
 * reactivated strictly in batch order, so an incident's later state is never
 * overwritten by an earlier one. The weekly partitions of the readings are
 * made before the first batch that needs each (ingest would make them too,
 * but only after PostgreSQL has refused the batch).
 */
export async function writeSimulation(
  database: Database,
  batches: Iterable<SimulationBatch>,
  onBatch: (totals: SimulationTotals) => void = () => {},
): Promise<SimulationTotals> {
  const totals: SimulationTotals = { readings: 0, recorded: 0, duplicates: 0, raised: 0, cleared: 0, reactivated: 0 };
  const writing = new Set<Promise<void>>();
  let incidentsWritten: Promise<void> = Promise.resolve();
  const weeksMade = new Set<number>();
  try {
    for (const batch of batches) {
      while (writing.size >= WRITERS) await Promise.race(writing);
      const newWeeks = [...new Set(batch.readings.map((reading) => weekStart(reading.at).getTime()))].filter((week) => !weeksMade.has(week));
      if (newWeeks.length > 0) {
        await ensureReadingPartitions(database, newWeeks.map((week) => new Date(week)));
        for (const week of newWeeks) weeksMade.add(week);
      }
      const readingsWritten = ingestReadings(database, batch.readings).then(({ recorded, duplicates }) => {
        totals.readings += batch.readings.length;
        totals.recorded += recorded;
        totals.duplicates += duplicates;
      });
      incidentsWritten = incidentsWritten.then(() => seedDemoIncidents(database, batch.incidents));
      const written: Promise<void> = Promise.all([readingsWritten, incidentsWritten]).then(() => {
        totals.raised += batch.raised;
        totals.cleared += batch.cleared;
        totals.reactivated += batch.reactivated;
        writing.delete(written);
        onBatch(totals);
      });
      // A failure surfaces through Promise.race or Promise.all below; until then it counts as handled.
      written.catch(() => {});
      writing.add(written);
      // Let the statements go out before computing the next batch, which holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writing);
  } finally {
    await Promise.allSettled(writing);
  }
  return totals;
}
