import { readFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createInternalTokenSigner, createLogger, IDENTITY_TOKEN_HEADER, type Principal } from '@partnergraph/core';
import { withDatabase } from '@partnergraph/scripts/database-setup';
import { runCommand } from '@partnergraph/scripts/run-command';
import { percentiles, WORKER_GO, WORKER_READY, type HttpLoad, type LoadJob, type LoadResult, type SqlLoad, type Step } from './load-job';
import { variableGenerator } from './variables';

/**
 * One round of load, in a process of its own so that the load generator's
 * work is kept apart from the measured processes: reads the job from the file
 * named on its command line, prepares everything (tokens, bodies), says
 * `ready`, waits for `go`, and runs a closed loop: every connection sends its
 * share of operations one after the other, and the round ends with the last
 * answer, so that no request is left running for the next round to pay for.
 */
const REQUEST_TIMEOUT_MS = 30_000;

type Headers = Record<string, string>;

/** What a round counts as it goes. */
class Tally {
  private readonly latencies: number[] = [];
  readonly errors: LoadResult['errors'] = { non2xx: 0, graphql: 0, network: 0, timeouts: 0 };
  succeeded = 0;
  exhausted = false;
  bytesReceived = 0;
  private readonly started = performance.now();
  private lastAnswer = this.started;

  /** An operation ended after `milliseconds`. */
  answered(milliseconds: number): void {
    this.latencies.push(milliseconds);
    this.lastAnswer = performance.now();
  }

  result(variablesUsed: number): LoadResult {
    return {
      operations: this.latencies.length,
      // To the last answer: autocannon reports the end of a run only at its next one-second tick.
      elapsedMs: this.lastAnswer - this.started,
      latencyMs: percentiles(this.latencies),
      errors: this.errors,
      succeeded: this.succeeded,
      exhausted: this.exhausted,
      variablesUsed,
      bytesReceived: this.bytesReceived,
    };
  }
}

/** Per caller and step, the headers that say who calls: the access token, or internal tokens signed as the gateway signs them. */
async function callerHeaders(job: HttpLoad): Promise<Headers[][]> {
  const needsSigner = job.steps.some((step) => step.credentials.kind === 'internal');
  const signer =
    needsSigner && job.internalTokenPrivateKeyFile
      ? await createInternalTokenSigner({ privateKeyPem: await readFile(job.internalTokenPrivateKeyFile, 'utf8'), ttlSeconds: 300 })
      : undefined;
  const sign = (principal: Principal, audience: Parameters<NonNullable<typeof signer>['sign']>[1], scope?: 'access-decisions') => {
    if (!signer) throw new Error('internal credentials need internalTokenPrivateKeyFile');
    return signer.sign(principal, audience, scope);
  };
  return Promise.all(
    job.callers.map((caller) =>
      Promise.all(
        job.steps.map(async (step): Promise<Headers> => {
          const base = { 'content-type': 'application/json', accept: 'application/json' };
          if (step.credentials.kind === 'access-token') return { ...base, authorization: `Bearer ${caller.accessToken}` };
          const { audience } = step.credentials;
          return {
            ...base,
            authorization: `Bearer ${await sign(caller.principal, audience)}`,
            ...(audience === 'identity' ? {} : { [IDENTITY_TOKEN_HEADER]: await sign(caller.principal, 'identity', 'access-decisions') }),
          };
        }),
      ),
    ),
  );
}

/** The body of `step` for one operation: its captured variables with the generated ones that step takes. */
function bodyOf(step: Step, generated: Record<string, unknown>): string {
  if (step.generated.length === 0) return JSON.stringify(step.body);
  const variables = { ...step.body.variables };
  for (const name of step.generated) variables[name] = generated[name];
  return JSON.stringify({ ...step.body, variables });
}

const hasGraphQLErrors = (body: string): boolean => body.includes('"errors":');

type Run = () => Promise<LoadResult>;

async function prepareAutocannon(job: HttpLoad): Promise<Run> {
  const [step] = job.steps;
  if (!step || job.steps.length !== 1) throw new Error('the autocannon engine runs operations of exactly one request');
  const headers = (await callerHeaders(job)).map((perStep) => perStep[0] ?? {});
  const generate = variableGenerator(job.variables);
  const varies = job.callers.length > 1 || step.generated.length > 0;
  const url = new URL(step.url);
  return () =>
    new Promise<LoadResult>((resolve, reject) => {
      const tally = new Tally();
      let next = 0;
      const setupRequest = (request: autocannon.Request): autocannon.Request => {
        const index = next;
        const generated = generate(index);
        if (generated === null) {
          // The round is void (the benchmark refuses an exhausted one); stop as soon as autocannon lets us.
          tally.exhausted = true;
          setImmediate(() => instance.stop());
          return request;
        }
        next += 1;
        return { ...request, headers: headers[index % headers.length], body: bodyOf(step, generated) };
      };
      const instance = autocannon(
        {
          url: url.origin,
          connections: job.connections,
          // autocannon gives each connection an equal share of `amount` and ends when every connection has had its answers.
          amount: job.connections * job.operationsPerConnection,
          timeout: REQUEST_TIMEOUT_MS / 1000,
          requests: [
            {
              method: 'POST',
              path: url.pathname,
              headers: headers[0],
              ...(varies ? { setupRequest } : { body: bodyOf(step, {}) }),
              onResponse: (status, body) => {
                if (status < 200 || status >= 300) return;
                if (hasGraphQLErrors(body)) tally.errors.graphql += 1;
                else tally.succeeded += 1;
              },
            },
          ],
        },
        (error: unknown) => {
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve(tally.result(next));
        },
      );
      instance.on('response', (_client: unknown, status: number, bytes: number, milliseconds: number) => {
        tally.answered(milliseconds);
        tally.bytesReceived += bytes;
        if (status < 200 || status >= 300) tally.errors.non2xx += 1;
      });
      instance.on('reqError', (error: unknown) => {
        if (error instanceof Error && error.message.includes('timed out')) tally.errors.timeouts += 1;
        else tally.errors.network += 1;
      });
    });
}

/** POSTs `body` on a keep-alive connection; resolves with the status and the body, rejects on network errors and timeouts. */
function post(agent: Agent, url: URL, headers: Headers, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** `connections` loops, each running `operation` `times` times one after the other (or until the variables run out). */
async function closedLoop(connections: number, times: number, operation: () => Promise<'done' | 'exhausted'>): Promise<void> {
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let count = 0; count < times; count += 1) {
        if ((await operation()) === 'exhausted') return;
      }
    }),
  );
}

async function prepareChain(job: HttpLoad): Promise<Run> {
  const headers = await callerHeaders(job);
  const generate = variableGenerator(job.variables);
  const steps = job.steps.map((step) => ({ step, url: new URL(step.url) }));
  const agents = new Map(steps.map(({ url }) => [url.origin, new Agent({ keepAlive: true, maxSockets: job.connections })]));
  return async () => {
    const tally = new Tally();
    let next = 0;
    await closedLoop(job.connections, job.operationsPerConnection, async () => {
      const index = next;
      const generated = generate(index);
      if (generated === null) {
        tally.exhausted = true;
        return 'exhausted';
      }
      next += 1;
      const callerHeaderSet = headers[index % headers.length] ?? [];
      const started = performance.now();
      let failure: keyof LoadResult['errors'] | null = null;
      for (const [position, { step, url }] of steps.entries()) {
        const agent = agents.get(url.origin);
        if (!agent) throw new Error(`no connection pool for ${url.origin}`);
        try {
          const response = await post(agent, url, callerHeaderSet[position] ?? {}, bodyOf(step, generated));
          tally.bytesReceived += Buffer.byteLength(response.body);
          if (response.status < 200 || response.status >= 300) failure ??= 'non2xx';
          else if (hasGraphQLErrors(response.body)) failure ??= 'graphql';
        } catch (error) {
          failure = (error as { code?: unknown }).code === 'TIMEOUT' ? 'timeouts' : 'network';
          break;
        }
      }
      tally.answered(performance.now() - started);
      if (failure) tally.errors[failure] += 1;
      else tally.succeeded += 1;
      return 'done';
    });
    for (const agent of agents.values()) agent.destroy();
    return tally.result(next);
  };
}

type Database = Parameters<Parameters<typeof withDatabase>[3]>[0];

/**
 * The connections are opened before the worker says it is ready and stay open
 * until it exits, so that their PostgreSQL backends are there, and counted,
 * both when the benchmark reads CPU times before the round and after it.
 */
async function prepareSql(job: SqlLoad): Promise<Run> {
  const logger = createLogger({ level: 'warn', format: 'text', fields: { service: 'load-worker' } });
  const database = await new Promise<Database>((resolve, reject) => {
    withDatabase({ name: 'bench', schema: 'telemetry', entities: [], migrations: [] }, job.databaseUrl, logger, (opened) => {
      resolve(opened);
      return new Promise<never>(() => {});
    }).catch(reject);
  });
  await Promise.all(Array.from({ length: job.connections }, () => database.dataSource.query('SELECT 1')));
  return async () => {
    const tally = new Tally();
    await closedLoop(job.connections, job.operationsPerConnection, async () => {
      const started = performance.now();
      try {
        await database.dataSource.query(job.sql, [...job.parameters]);
        tally.succeeded += 1;
      } catch {
        tally.errors.network += 1;
      }
      tally.answered(performance.now() - started);
      return 'done';
    });
    return tally.result(0);
  };
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() !== WORKER_GO) return;
      lines.close();
      resolve();
    });
  });
}

runCommand('load-worker', async () => {
  const jobFile = process.argv[2];
  if (!jobFile) throw new Error('usage: load-worker <job file>');
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as LoadJob;
  const run = job.engine === 'sql' ? await prepareSql(job) : job.engine === 'chain' ? await prepareChain(job) : await prepareAutocannon(job);
  process.stdout.write(`${WORKER_READY}\n`);
  await waitForGo();
  const result = await run();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
