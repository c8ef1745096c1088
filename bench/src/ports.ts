import type { SubgraphName } from '@partnergraph/core';
import { HIVE_MODES, type HiveMode } from './services';

/**
 * Where everything listens, from `--port-base` (4100 by default, clear of the
 * development stack's 4000–4003): the measured stack first, then the capture
 * stack and its proxies, the observed stack, and issue 18's baseline.
 */
export function benchPorts(base: number) {
  return {
    ours: base,
    load: { identity: base + 1, subscriptions: base + 2, 'device-telemetry': base + 3 } satisfies Record<SubgraphName, number>,
    hive: new Map<HiveMode['id'], number>(HIVE_MODES.map((mode, index) => [mode.id, base + 4 + index])),
    /** One per profiled operation of our gateway, and device-telemetry under the profiler. */
    profiled: { dashboard: base + 8, organizations: base + 9, deviceTelemetry: base + 18 },
    captureOurs: base + 10,
    capture: { identity: base + 11, subscriptions: base + 12, 'device-telemetry': base + 13 } satisfies Record<SubgraphName, number>,
    captureHive: { 'hive-js': base + 14, 'hive-rust': base + 15 },
    /** Device-telemetry without graphql-shield: the load stack's twin. */
    unshieldedDeviceTelemetry: base + 17,
    proxies: { identity: base + 21, subscriptions: base + 22, 'device-telemetry': base + 23 } satisfies Record<SubgraphName, number>,
    /** The observed stack: the same services with metrics on and tracing at 10 %, their metrics ports, and the OTLP sink. */
    observed: {
      gateway: base + 24,
      subgraphs: { identity: base + 25, subscriptions: base + 26, 'device-telemetry': base + 27 } satisfies Record<SubgraphName, number>,
      metrics: { gateway: base + 30, identity: base + 31, subscriptions: base + 32, 'device-telemetry': base + 33 },
      otlpSink: base + 34,
    },
    /** Its twin with metrics and tracing off, started and warmed up alike: what the observed stack is weighed against. */
    unobserved: {
      gateway: base + 40,
      subgraphs: { identity: base + 41, subscriptions: base + 42, 'device-telemetry': base + 43 } satisfies Record<SubgraphName, number>,
    },
    /** Issue 18's baseline: the gateway and subgraphs of the commit before it, each on its own port (started for its comparison only). */
    baseline: {
      gateway: base + 35,
      subgraphs: { identity: base + 36, subscriptions: base + 37, 'device-telemetry': base + 38 } satisfies Record<SubgraphName, number>,
    },
  };
}

export type BenchPorts = ReturnType<typeof benchPorts>;

export function everyPort(ports: BenchPorts): number[] {
  return [
    ports.ours,
    ...Object.values(ports.load),
    ...ports.hive.values(),
    ...Object.values(ports.profiled),
    ports.captureOurs,
    ...Object.values(ports.capture),
    ...Object.values(ports.captureHive),
    ports.unshieldedDeviceTelemetry,
    ...Object.values(ports.proxies),
    ports.observed.gateway,
    ...Object.values(ports.observed.subgraphs),
    ...Object.values(ports.observed.metrics),
    ports.observed.otlpSink,
    ports.unobserved.gateway,
    ...Object.values(ports.unobserved.subgraphs),
    ports.baseline.gateway,
    ...Object.values(ports.baseline.subgraphs),
  ];
}
