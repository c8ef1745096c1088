import { SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import type { BenchPorts } from './ports';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { startObservabilitySink, type ObservabilitySink } from './observability-sink';
import {
  HIVE_MODES,
  jwksUrlOf,
  observedSettings,
  startHiveGateway,
  startOurGateway,
  startDeviceTelemetryTwin,
  startSubgraphs,
  type HiveMode,
  type Service,
  type StackContext,
  type SubgraphUrls,
} from './services';

/**
 * The two sets of processes of a run. The capture stack has recording
 * proxies in front of its subgraphs, for its gateways and for the subgraphs'
 * own access checks with identity; it is stopped before the load begins. The
 * load stack is what the rounds measure: the subgraphs, our gateway,
 * device-telemetry's twin without graphql-shield, Hive Gateway in each of
 * its modes, and the two stacks of the observability comparison: the
 * subgraphs and our gateway again with metrics on and tracing at 10 %,
 * exporting to a sink that scrapes them (observed), and once more with both
 * off (unobserved). Both are started and warmed up alike, so that they differ
 * only in those settings: the load stack serves other comparisons first.
 */
export interface Tracker {
  track<T extends { name: string; stop(): Promise<void> }>(service: T): T;
  /** Stops it now and forgets it. */
  stop(service: { name: string; stop(): Promise<void> }): Promise<void>;
}

export interface CaptureStack {
  proxies: RecordingProxy[];
  proxyUrls: SubgraphUrls;
  subgraphs: Record<SubgraphName, Service>;
  ours: Service;
  /** Hive Gateway behind the same proxies, JS and Rust planner (started by startCaptureHive). */
  hive: Map<HiveMode['id'], Service>;
}

export interface LoadStack {
  subgraphs: Record<SubgraphName, Service>;
  subgraphUrls: SubgraphUrls;
  ours: Service;
  unshieldedDeviceTelemetry: Service;
  hive: Map<HiveMode['id'], Service>;
  observed: { subgraphs: Record<SubgraphName, Service>; ours: Service; sink: ObservabilitySink };
  unobserved: { subgraphs: Record<SubgraphName, Service>; ours: Service };
}

/** How often the sink scrapes each service's metrics (Prometheus's default is a minute; this is the busier end). */
const SCRAPE_INTERVAL_MS = 5_000;

async function startObservedStack(context: StackContext, ports: BenchPorts, tracker: Tracker): Promise<LoadStack['observed']> {
  const { observed } = ports;
  const sink = await startObservabilitySink({
    otlpPort: observed.otlpSink,
    metricsUrls: Object.values(observed.metrics).map((port) => `http://127.0.0.1:${port}/metrics`),
    scrapeIntervalMs: SCRAPE_INTERVAL_MS,
  });
  tracker.track({ name: 'observability-sink', stop: () => sink.stop() });
  const subgraphs = await startSubgraphs(context, observed.subgraphs, {
    countStatements: false,
    namePrefix: 'observed-',
    settings: (name) => observedSettings(observed.metrics[name], sink.otlpEndpoint),
  });
  for (const service of Object.values(subgraphs)) tracker.track(service);
  const ours = tracker.track(
    await startOurGateway(context, {
      name: 'observed-gateway',
      port: observed.gateway,
      subgraphUrls: urlsOf(subgraphs),
      settings: observedSettings(observed.metrics.gateway, sink.otlpEndpoint),
    }),
  );
  return { subgraphs, ours, sink };
}

async function startUnobservedStack(context: StackContext, ports: BenchPorts, tracker: Tracker): Promise<LoadStack['unobserved']> {
  const subgraphs = await startSubgraphs(context, ports.unobserved.subgraphs, { countStatements: false, namePrefix: 'unobserved-' });
  for (const service of Object.values(subgraphs)) tracker.track(service);
  const ours = tracker.track(
    await startOurGateway(context, { name: 'unobserved-gateway', port: ports.unobserved.gateway, subgraphUrls: urlsOf(subgraphs) }),
  );
  return { subgraphs, ours };
}

export const urlsOf = (services: Record<SubgraphName, Service>): SubgraphUrls => ({
  identity: services.identity.url,
  subscriptions: services.subscriptions.url,
  'device-telemetry': services['device-telemetry'].url,
});

export async function startCaptureStack(context: StackContext, ports: BenchPorts, tracker: Tracker): Promise<CaptureStack> {
  const proxies = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) =>
      tracker.track(await startRecordingProxy(name, `http://127.0.0.1:${ports.capture[name]}/graphql`, ports.proxies[name])),
    ),
  );
  const proxyUrls = Object.fromEntries(proxies.map((proxy, index) => [SUBGRAPH_NAMES[index], proxy.url])) as SubgraphUrls;
  const subgraphs = await startSubgraphs(context, ports.capture, { identityUrl: proxyUrls.identity, countStatements: true });
  for (const service of Object.values(subgraphs)) tracker.track(service);
  const ours = tracker.track(await startOurGateway(context, { name: 'capture-gateway', port: ports.captureOurs, subgraphUrls: proxyUrls }));
  return { proxies, proxyUrls, subgraphs, ours, hive: new Map() };
}

export async function startCaptureHive(context: StackContext, ports: BenchPorts, stack: CaptureStack, tracker: Tracker): Promise<void> {
  const jwksUrl = jwksUrlOf(stack.subgraphs.identity.url);
  await Promise.all(
    (['hive-js', 'hive-rust'] as const).map(async (id) => {
      const mode = HIVE_MODES.find((candidate) => candidate.id === id);
      if (!mode) throw new Error(`no Hive Gateway mode ${id}`);
      const service = await startHiveGateway(context, { name: `capture-${id}`, mode, port: ports.captureHive[id], subgraphUrls: stack.proxyUrls, jwksUrl });
      stack.hive.set(id, tracker.track(service));
    }),
  );
}

export async function stopCaptureStack(stack: CaptureStack, tracker: Tracker): Promise<void> {
  for (const service of [...stack.hive.values(), stack.ours, ...Object.values(stack.subgraphs)]) await tracker.stop(service);
  for (const proxy of stack.proxies) await tracker.stop(proxy);
}

export async function startLoadStack(context: StackContext, ports: BenchPorts, tracker: Tracker): Promise<LoadStack> {
  const subgraphs = await startSubgraphs(context, ports.load, { countStatements: false });
  for (const service of Object.values(subgraphs)) tracker.track(service);
  const subgraphUrls = urlsOf(subgraphs);
  const ours = tracker.track(await startOurGateway(context, { name: 'gateway', port: ports.ours, subgraphUrls }));
  const unshieldedDeviceTelemetry = tracker.track(
    await startDeviceTelemetryTwin(context, {
      name: 'device-telemetry-unshielded',
      port: ports.unshieldedDeviceTelemetry,
      identityUrl: subgraphUrls.identity,
      shield: false,
    }),
  );
  const jwksUrl = jwksUrlOf(subgraphUrls.identity);
  const hive = new Map(
    await Promise.all(
      HIVE_MODES.map(async (mode) => {
        const port = ports.hive.get(mode.id);
        if (port === undefined) throw new Error(`no port for ${mode.id}`);
        return [mode.id, tracker.track(await startHiveGateway(context, { name: mode.id, mode, port, subgraphUrls, jwksUrl }))] as const;
      }),
    ),
  );
  const observed = await startObservedStack(context, ports, tracker);
  const unobserved = await startUnobservedStack(context, ports, tracker);
  return { subgraphs, subgraphUrls, ours, unshieldedDeviceTelemetry, hive, observed, unobserved };
}
