import { join } from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { startService } from '@partnergraph/scripts/service-process';
import { send } from './capture';
import { dashboardShape } from './dashboard-shape';
import type { GraphQLBody, Caller } from './load-job';
import type { BenchPorts } from './ports';
import type { Service, StackContext } from './services';
import type { Tracker } from './stacks';

/**
 * Issue 18's baseline as a stack of its own: the baseline commit's three
 * subgraphs and gateway, from its own build (bench/baseline/<commit>/…/dist),
 * over its own database, started the way that commit's benchmark started its
 * load stack (its bench/src/services.ts): NODE_ENV=production, the V8 flags
 * every service gets, the same keys as ours (so the same callers' tokens
 * verify), rate limiting off, and its gateway's defaults otherwise (its
 * in-flight deduplication of one principal's identical queries is on, as it
 * was then; 20 principals in turn rarely share one). It runs only while its
 * comparison does.
 */
export interface BaselineStackOptions {
  /** The benchmark's context, with the baseline's database. */
  context: StackContext;
  root: string;
  commit: string;
  ports: BenchPorts['baseline'];
  tracker: Tracker;
  /** The check made each time it starts: the partner admin's dashboard, which must have as many devices as ours. */
  dashboard: { body: GraphQLBody; caller: Caller; devices: number };
}

const graphqlUrl = (port: number): string => `http://127.0.0.1:${port}/graphql`;

export class BaselineStack {
  readonly url: string;
  private running: Service[] = [];
  private gatewayPid: number | null = null;
  /** How long its last start took, with the check; null before it first started. */
  startSeconds: number | null = null;

  constructor(private readonly options: BaselineStackOptions) {
    this.url = graphqlUrl(options.ports.gateway);
    const pidOf = (): number => {
      if (this.gatewayPid === null) throw new Error('the baseline stack is not running');
      return this.gatewayPid;
    };
    this.gateway = {
      name: 'baseline-gateway',
      url: this.url,
      get pid() {
        return pidOf();
      },
    };
  }

  /** The gateway: where the load goes, and its process for the rounds' CPU and memory (its pid is read only while the stack runs). */
  readonly gateway: { readonly name: string; readonly url: string; readonly pid: number };

  /** Its processes while it runs (none otherwise): every one, and the subgraphs. */
  pids(): { services: number[]; subgraphs: number[] } {
    const subgraphs = this.running.filter((service) => service.name !== this.gateway.name).map((service) => service.pid);
    return { services: this.running.map((service) => service.pid), subgraphs };
  }

  private async startOne(name: string, entry: string, port: number, env: NodeJS.ProcessEnv): Promise<Service> {
    const { context } = this.options;
    const started = await startService({
      name,
      entry,
      env: { ...context.environment.inherited, NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
      write: context.log(name),
      nodeArguments: [],
    });
    if (started.pid === undefined) throw new Error(`${name} has no process id`);
    const service: Service = { name, pid: started.pid, url: graphqlUrl(port), exited: started.exited, stop: () => started.stop() };
    this.running.push(this.options.tracker.track(service));
    return service;
  }

  private startSubgraph(name: SubgraphName): Promise<Service> {
    const { context, root, ports } = this.options;
    return this.startOne(`baseline-${name}`, join(root, 'subgraphs', name, 'dist', 'index.js'), ports.subgraphs[name], {
      DATABASE_URL: context.databaseUrl,
      SQL_STATEMENTS_PER_REQUEST: 'false',
      INTERNAL_TOKEN_PUBLIC_KEY: context.keys.internalToken.publicKeyPem,
      ...(name === 'identity'
        ? { ACCESS_TOKEN_PRIVATE_KEY: context.keys.accessToken.privateKeyPem, ACCESS_TOKEN_PUBLIC_KEY: context.keys.accessToken.publicKeyPem }
        : { IDENTITY_URL: graphqlUrl(ports.subgraphs.identity) }),
    });
  }

  /** Starts it, answers the partner admin's dashboard twice (JIT and plan caches, as every gateway before its rounds), and checks the answer. */
  async start(): Promise<void> {
    const { context, root, ports, dashboard, commit } = this.options;
    const started = performance.now();
    try {
      // Identity first, as that commit's benchmark did: the others' migrations and its own then do not compete.
      await this.startSubgraph('identity');
      await Promise.all(SUBGRAPH_NAMES.filter((name) => name !== 'identity').map((name) => this.startSubgraph(name)));
      const gateway = await this.startOne(this.gateway.name, join(root, 'gateway', 'dist', 'index.js'), ports.gateway, {
        INTERNAL_TOKEN_PRIVATE_KEY: context.keys.internalToken.privateKeyPem,
        RATE_LIMIT_PER_MINUTE: '0',
        IDENTITY_URL: graphqlUrl(ports.subgraphs.identity),
        SUBSCRIPTIONS_URL: graphqlUrl(ports.subgraphs.subscriptions),
        DEVICE_TELEMETRY_URL: graphqlUrl(ports.subgraphs['device-telemetry']),
      });
      this.gatewayPid = gateway.pid;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await send(this.url, dashboard.body, dashboard.caller);
        const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
        if (!response.ok || answer.errors || !answer.data) throw new Error(`the baseline's dashboard failed (${response.status}): ${JSON.stringify(answer).slice(0, 500)}`);
        const { devices } = dashboardShape(answer.data);
        if (devices !== dashboard.devices) {
          throw new Error(`the baseline ${commit}'s dashboard has ${devices} devices, ours ${dashboard.devices}: the two data sets differ, and so would the work`);
        }
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.startSeconds = (performance.now() - started) / 1000;
  }

  async stop(): Promise<void> {
    for (const service of this.running.splice(0).reverse()) await this.options.tracker.stop(service);
    this.gatewayPid = null;
  }
}
