import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '@partnergraph/core';

export interface LocalRedis {
  url: string;
  /** Resolves when a Redis this command started ends; never for one it was given. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/** Whether a Redis answers PING on 127.0.0.1:`port`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/** What a person with neither REDIS_URL nor Redis installed is told. */
export const REDIS_MISSING =
  'The gateways count rate limits in Redis, and there is none: set REDIS_URL (redis://host:port), or install Redis (`sudo apt-get install redis-server`) for a local one.';

/**
 * REDIS_URL when it is set; otherwise `binary` (a redis-server) on
 * 127.0.0.1:`port`, keeping nothing on disk (its working directory is
 * `redis/` under the data directory), stopped with the stack.
 */
export async function openLocalRedis(options: {
  redisUrl: string | undefined;
  binary: string | undefined;
  port: number;
  dataDir: string;
  logger: Logger;
  write: (line: string) => void;
}): Promise<LocalRedis> {
  if (options.redisUrl) return { url: options.redisUrl, exited: new Promise(() => {}), stop: async () => {} };
  const { binary } = options;
  if (binary === undefined) throw new Error(REDIS_MISSING);
  const dir = join(options.dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  options.logger.info('starting a local Redis', { port: options.port });
  const child = spawn(binary, ['--bind', '127.0.0.1', '--port', String(options.port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', options.write);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let stopped = false;
  void exited.then(() => (stopped = true));
  while (!(await answersPing(options.port))) {
    if (stopped) throw new Error('the local Redis stopped before it answered (see its lines above)');
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the local Redis did not answer on port ${options.port} within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://127.0.0.1:${options.port}`, exited, stop };
}
