import type { Logger } from '@partnergraph/core';
import type { BackgroundWork, Database, Queryable } from '@partnergraph/subgraph-kit';
import { rawReadingsSince } from './retention';

/**
 * telemetry.reading is partitioned by range of `at`, one partition per week
 * (Monday 00:00 UTC to the next), named `reading_week_YYYYMMDD` after its
 * Monday. The service keeps the weeks around now in place ahead of time,
 * creates any other week a batch needs when it first needs it, and detaches
 * and drops whole weeks once they are older than the retention. The rollups
 * are not partitioned and stay.
 *
 * Creating and dropping hold one advisory lock, so replicas running the
 * maintenance at once, and batches creating a week, do it one at a time and
 * find each other's work done. A week is created as a table of its own and
 * attached (SHARE UPDATE EXCLUSIVE on telemetry.reading: reads and writes go
 * on), never with CREATE TABLE … PARTITION OF, which takes ACCESS EXCLUSIVE;
 * one is dropped after DETACH … CONCURRENTLY, which does not block them
 * either, and whose ACCESS EXCLUSIVE lock on the week alone is what a
 * streaming replica replays.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks after the current one kept in place: a month's margin should the maintenance stop running. */
export const PARTITION_WEEKS_AHEAD = 4;
/** Weeks before the current one kept in place, for a collector catching up after a weekend. */
export const PARTITION_WEEKS_BEHIND = 1;
/** How often each process runs the maintenance, after its pass at start-up. */
export const PARTITION_MAINTENANCE_INTERVAL_MS = 60 * 60_000;
const PARTITIONS_LOCK = 'partnergraph:telemetry.reading:partitions';
/** How long creating a week waits for the lock on telemetry.reading (behind DDL only) before it gives up. */
const LOCK_TIMEOUT = '5s';

/** Monday 00:00 UTC of the week holding `instant`. */
export function weekStart(instant: Date): Date {
  const day = Math.floor(instant.getTime() / DAY_MS);
  // Day 0, 1970-01-01, was a Thursday: three days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return new Date((day - sinceMonday) * DAY_MS);
}

/** The partition of the week starting at `start`: `reading_week_20261207`. */
export function partitionName(start: Date): string {
  return `reading_week_${start.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

export interface ReadingPartition {
  name: string;
  from: Date;
  to: Date;
  /** Left half-detached by a DETACH … CONCURRENTLY that did not finish. */
  detachPending: boolean;
}

/** The partitions of telemetry.reading, oldest first, with their bounds as PostgreSQL holds them. */
export async function listReadingPartitions(queryable: Queryable): Promise<ReadingPartition[]> {
  return queryable.query<ReadingPartition[]>(
    `SELECT child.relname AS name, bound[1]::timestamptz AS "from", bound[2]::timestamptz AS "to",
            inherits.inhdetachpending AS "detachPending"
     FROM pg_inherits AS inherits
     JOIN pg_class AS child ON child.oid = inherits.inhrelid
     CROSS JOIN LATERAL regexp_match(pg_get_expr(child.relpartbound, child.oid), 'FROM \\(''([^'']+)''\\) TO \\(''([^'']+)''\\)') AS bound
     WHERE inherits.inhparent = 'telemetry.reading'::regclass AND bound IS NOT NULL
     ORDER BY 2`,
  );
}

/** The weeks (their Mondays) of `instants`, each once, that no partition in `existing` covers. */
function missingWeeks(instants: readonly Date[], existing: readonly ReadingPartition[]): Date[] {
  const weeks = new Map(instants.map((instant) => weekStart(instant)).map((start) => [start.getTime(), start]));
  return [...weeks.values()]
    .filter((start) => !existing.some((partition) => partition.from <= start && partition.to.getTime() >= start.getTime() + WEEK_MS))
    .sort((left, right) => left.getTime() - right.getTime());
}

/** Creates the weeks of `instants` that have no partition yet; call holding PARTITIONS_LOCK, in a transaction. */
async function createWeeks(queryable: Queryable, instants: readonly Date[]): Promise<string[]> {
  const created: string[] = [];
  for (const start of missingWeeks(instants, await listReadingPartitions(queryable))) {
    const name = partitionName(start);
    const end = new Date(start.getTime() + WEEK_MS);
    await queryable.query(`CREATE TABLE telemetry.${name} (LIKE telemetry.reading INCLUDING ALL)`);
    await queryable.query(
      `ALTER TABLE telemetry.reading ATTACH PARTITION telemetry.${name} FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
    );
    created.push(name);
  }
  return created;
}

/**
 * Creates, in one transaction, a partition for every week of `instants` that
 * has none: what a batch of readings does when one of its readings found no
 * partition. Returns the partitions created (none when another process
 * created them first).
 */
export async function ensureReadingPartitions(database: Database, instants: readonly Date[]): Promise<string[]> {
  return database.dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [PARTITIONS_LOCK]);
    await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    return createWeeks(manager, instants);
  });
}

export interface PartitionMaintenance {
  created: string[];
  dropped: string[];
}

/**
 * One pass: the weeks from PARTITION_WEEKS_BEHIND before `now`'s to
 * PARTITION_WEEKS_AHEAD after it get their partitions, and every partition
 * that ends at or before `retentionDays` before `now` is detached and dropped
 * (a detach an earlier pass left unfinished is finished first). Idempotent:
 * a second pass, here or in another replica, finds nothing to do.
 */
export async function maintainReadingPartitions(
  database: Database,
  options: { now: Date; retentionDays: number; logger: Logger },
): Promise<PartitionMaintenance> {
  const runner = database.dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A session lock: DETACH … CONCURRENTLY cannot run inside a transaction.
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [PARTITIONS_LOCK]);
    try {
      const current = weekStart(options.now).getTime();
      const weeks = Array.from(
        { length: PARTITION_WEEKS_BEHIND + 1 + PARTITION_WEEKS_AHEAD },
        (_, index) => new Date(current + (index - PARTITION_WEEKS_BEHIND) * WEEK_MS),
      );
      await runner.startTransaction();
      let created: string[];
      try {
        await runner.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        created = await createWeeks(runner, weeks);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      if (created.length > 0) options.logger.info('created reading partitions ahead', { partitions: created.join(',') });

      const cutoff = rawReadingsSince(options.now, options.retentionDays);
      const expired = (await listReadingPartitions(runner)).filter((partition) => partition.to <= cutoff);
      for (const partition of expired) {
        await runner.query(`ALTER TABLE telemetry.reading DETACH PARTITION telemetry.${partition.name} ${partition.detachPending ? 'FINALIZE' : 'CONCURRENTLY'}`);
        await runner.query(`DROP TABLE telemetry.${partition.name}`);
      }
      const dropped = expired.map((partition) => partition.name);
      if (dropped.length > 0) {
        options.logger.info('dropped reading partitions past the retention; their rollups stay', {
          partitions: dropped.join(','),
          retentionDays: options.retentionDays,
          olderThan: cutoff.toISOString(),
        });
      }
      return { created, dropped };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [PARTITIONS_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The maintenance as a subgraph's background work: a pass before the
 * subgraph is ready (so the weeks around now exist before the first batch),
 * then one every `intervalMs`. A failed pass is logged and the next one tries
 * again; batches still find their week, creating it if need be.
 */
export async function startReadingPartitionMaintenance(
  database: Database,
  logger: Logger,
  options: { retentionDays: number; intervalMs?: number },
): Promise<BackgroundWork> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = (): Promise<void> =>
    maintainReadingPartitions(database, { now: new Date(), retentionDays: options.retentionDays, logger }).then(
      () => undefined,
      (error: unknown) => logger.error('maintaining the reading partitions failed; the next pass retries', { error }),
    );
  let running = pass();
  await running;
  const schedule = (): void => {
    timer = setTimeout(() => {
      running = pass().finally(() => {
        if (!stopped) schedule();
      });
    }, options.intervalMs ?? PARTITION_MAINTENANCE_INTERVAL_MS).unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
