import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '@partnergraph/core';
import type { StatementCounter } from './database';

/**
 * Reads that may be answered by a streaming replica of the subgraph's
 * database (DATABASE_READ_URL), under a promise of freshness: a statement goes
 * to the replica only when, at its last check, the replica had replayed
 * everything the primary had written `maxLagMs` ago or later (and, when the
 * caller names a transaction, that transaction had ended there); otherwise,
 * and whenever the replica fails, it goes to the primary. Without a replica
 * every read goes to the primary.
 */
export interface DatabaseReader {
  /** Runs one read-only statement where the freshness promise allows; its rows as node-postgres gives them. */
  query<T = unknown>(statement: string, parameters?: readonly unknown[], options?: ReadOptions): Promise<T>;
  /** Whether a replica is configured. */
  readonly replicated: boolean;
  /**
   * Whether a read with these options would go to the replica now, as of its
   * last check (false without one): a caller batching reads of different
   * freshness splits them by it, so that one transaction the replica has not
   * replayed does not send the whole batch to the primary.
   */
  answersFromReplica(options?: ReadOptions): boolean;
  /**
   * Asks the primary how far it has written and the replica how far it has
   * replayed, now; true when the replica had replayed everything the primary
   * had written as the check began. Reads check in the background, at most
   * every second (a quarter of the lag allowed, if less); tests call it to
   * know the state they start from.
   */
  checkReplica(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ReadOptions {
  /**
   * The ids (xid8, as text) of transactions whose writes the answer must
   * include, such as those that recorded sensors' newest readings: the
   * replica answers only once every one of them has ended there.
   */
  includes?: string | readonly string[] | null;
}

export interface ReadReplicaOptions {
  url: string;
  /** How far behind the primary (in time) an answer from the replica may be. */
  maxLagMs: number;
}

/** What the reader knows of the replica from its last check. */
interface ReplicaState {
  /** The replica had replayed every transaction the primary had committed before this instant (epoch ms). */
  replayedAsOf: number;
  /** The replica's snapshot then: transactions below xmin, and those below xmax not running, had ended there. */
  xmin: bigint;
  xmax: bigint;
  running: ReadonlySet<bigint>;
}

/** The primary's write position and when it was asked for. */
interface WalSample {
  at: number;
  lsn: bigint;
}

/** Positions kept while the replica has not reached them: past this many checks behind, it is stale anyway. */
const MAX_SAMPLES = 64;
const REPLICA_CONNECT_TIMEOUT_MS = 5000;

/** A pg_lsn (`16/B374D848`) as a number. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/** A pg_snapshot (`xmin:xmax:xip,xip`) as its parts. */
export function parseSnapshot(text: string): Pick<ReplicaState, 'xmin' | 'xmax' | 'running'> {
  const [xmin = '0', xmax = '0', running = ''] = text.split(':');
  return { xmin: BigInt(xmin), xmax: BigInt(xmax), running: new Set(running === '' ? [] : running.split(',').map(BigInt)) };
}

export function createDatabaseReader(options: {
  primary: DataSource;
  replica: ReadReplicaOptions | undefined;
  statements: StatementCounter;
  typeOrmLogger: TypeOrmLogger;
  poolSize: number;
  statementTimeoutMs: number;
  applicationName: string;
  logger: Logger;
}): DatabaseReader {
  const { primary, replica: replicaOptions } = options;
  if (!replicaOptions) {
    return {
      replicated: false,
      answersFromReplica: () => false,
      query: (statement, parameters) => primary.query(statement, parameters as unknown[]),
      checkReplica: async () => false,
      close: async () => {},
    };
  }
  const logger = options.logger.child({ readReplica: true });
  // Entities are not needed: the reader runs plain statements. Connected at the first check, so that a replica down
  // at start-up delays nothing: reads go to the primary until a check has reached it.
  const replica = new DataSource({
    type: 'postgres',
    url: replicaOptions.url,
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    applicationName: `${options.applicationName}-reader`,
    poolSize: options.poolSize,
    // A replica that does not answer fails its check instead of holding it (and the next ones) open.
    connectTimeoutMS: REPLICA_CONNECT_TIMEOUT_MS,
    extra: { statement_timeout: options.statementTimeoutMs },
    logger: options.typeOrmLogger,
  });
  const maxLagMs = replicaOptions.maxLagMs;
  const checkIntervalMs = Math.min(1000, Math.max(50, Math.floor(maxLagMs / 4)));
  let state: ReplicaState | undefined;
  let samples: WalSample[] = [];
  let checking: Promise<boolean> | undefined;
  let lastCheckAt = 0;
  let reachable = true;
  let closed = false;

  const fresh = (includes: ReadOptions['includes']): boolean => {
    const replayed = state;
    if (!replayed || Date.now() - replayed.replayedAsOf > maxLagMs) return false;
    if (includes === null || includes === undefined) return true;
    return (typeof includes === 'string' ? [includes] : includes).every((id) => {
      const xid = BigInt(id);
      return xid < replayed.xmin || (xid < replayed.xmax && !replayed.running.has(xid));
    });
  };

  const check = async (): Promise<boolean> => {
    const askedAt = Date.now();
    const [written] = await primary.query<[{ lsn: string }]>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    const asked = parseLsn(written.lsn);
    samples.push({ at: askedAt, lsn: asked });
    if (samples.length > MAX_SAMPLES) samples = samples.slice(-MAX_SAMPLES);
    if (closed) return false;
    if (!replica.isInitialized) await replica.initialize();
    const [replayed] = await replica.query<[{ lsn: string | null; snapshot: string }]>(
      'SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_current_snapshot()::text AS snapshot',
    );
    if (replayed.lsn === null) {
      if (reachable) logger.warn('DATABASE_READ_URL is not a streaming replica (it replays no WAL): every read goes to the primary');
      reachable = false;
      state = undefined;
      return false;
    }
    const position = parseLsn(replayed.lsn);
    const reached = samples.filter((sample) => sample.lsn <= position).at(-1);
    if (reached) {
      samples = samples.filter((sample) => sample.at >= reached.at);
      state = { replayedAsOf: Math.max(state?.replayedAsOf ?? 0, reached.at), ...parseSnapshot(replayed.snapshot) };
    }
    if (!reachable) logger.info('read replica reached again: reads go to it while it keeps up');
    reachable = true;
    return position >= asked;
  };

  const checkReplica = (): Promise<boolean> =>
    (checking ??= options.statements
      .outsideRequests(() => {
        lastCheckAt = Date.now();
        return check();
      })
      .catch((error: unknown) => {
        if (!closed && reachable) logger.warn('read replica cannot be checked: reads go to the primary', { error });
        reachable = false;
        return false;
      })
      .finally(() => {
        checking = undefined;
      }));

  return {
    replicated: true,
    answersFromReplica: (readOptions) => fresh(readOptions?.includes),
    async query<T>(statement: string, parameters?: readonly unknown[], readOptions?: ReadOptions): Promise<T> {
      if (!checking && Date.now() - lastCheckAt >= checkIntervalMs) void checkReplica();
      if (!fresh(readOptions?.includes)) return primary.query<T>(statement, parameters as unknown[]);
      try {
        return await replica.query<T>(statement, parameters as unknown[]);
      } catch (error) {
        // A replica that went away, or cancelled the statement for a conflict with replay: the primary answers.
        logger.warn('read replica failed a statement: the primary answers it', { error });
        state = undefined;
        return primary.query<T>(statement, parameters as unknown[]);
      }
    },
    checkReplica,
    async close() {
      // A check under way fails quietly once its pool is gone.
      closed = true;
      if (replica.isInitialized) await replica.destroy();
    },
  };
}
