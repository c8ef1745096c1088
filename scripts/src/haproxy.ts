import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** What a person who has no HAProxy is told. */
export const HAPROXY_MISSING =
  'HAProxy is not installed: `npm run start:replicas` runs it in front of the replicas. Install Debian\'s or Ubuntu\'s package (`sudo apt-get install haproxy`), or your system\'s';

export interface HaproxyProcess {
  pid: number | undefined;
  /** Resolves when HAProxy ends, however it ends. */
  exited: Promise<number | null>;
  /** Stops it at once: connections through it are closed. */
  stop(): Promise<void>;
}

/** One server line of HAProxy's statistics: its backend, its name, its state (`UP`, `DOWN`, `UP 1/2`…) and the requests it was given. */
export interface HaproxyServer {
  backend: string;
  server: string;
  status: string;
  /** Every request (session) HAProxy sent it so far. */
  requests: number;
  /** Requests HAProxy tried again (connection failed, or a 503) after sending them here, and of those, the ones it sent to another server. */
  retried: number;
  redispatched: number;
}

/**
 * Writes `config` to `haproxy.cfg` under `dataDir`, checks it (`haproxy -c`)
 * and runs `binary` in the foreground on it, its lines (servers going down or
 * up, alerts) to `write`.
 */
export async function startHaproxy(options: { binary: string; config: string; dataDir: string; write: (line: string) => void }): Promise<HaproxyProcess> {
  const { binary } = options;
  const configPath = join(options.dataDir, 'haproxy.cfg');
  await writeFile(configPath, options.config);
  const checked = await run(binary, ['-c', '-q', '-f', configPath]);
  if (checked.code !== 0) throw new Error(`HAProxy refused ${configPath}:\n${checked.output.join('\n')}`);

  const child = spawn(binary, ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', options.write);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function run(binary: string, args: readonly string[]): Promise<{ code: number | null; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => output.push(line));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Every server of every backend as HAProxy's statistics page (on `statsPort`) shows it now. */
export async function readHaproxyServers(statsPort: number): Promise<HaproxyServer[]> {
  const response = await fetch(`http://127.0.0.1:${statsPort}/;csv`, { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) throw new Error(`HAProxy's statistics answered ${response.status}`);
  const [header, ...rows] = (await response.text()).split('\n').filter((line) => line.trim() !== '');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const indexOf = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`HAProxy's statistics have no ${name} column`);
    return index;
  };
  const at = {
    backend: indexOf('pxname'),
    server: indexOf('svname'),
    status: indexOf('status'),
    requests: indexOf('stot'),
    retried: indexOf('wretr'),
    redispatched: indexOf('wredis'),
  };
  return rows
    .map((row) => row.split(','))
    .filter((cells) => !['FRONTEND', 'BACKEND'].includes(cells[at.server] ?? '') && cells[at.backend] !== 'stats')
    .map((cells) => ({
      backend: cells[at.backend] ?? '',
      server: cells[at.server] ?? '',
      status: cells[at.status] ?? '',
      requests: Number(cells[at.requests] || 0),
      retried: Number(cells[at.retried] || 0),
      redispatched: Number(cells[at.redispatched] || 0),
    }));
}
