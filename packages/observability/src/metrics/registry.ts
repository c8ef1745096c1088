import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One service's metrics: its own registry (several services share a process
 * in the in-process tests), every series labelled `service`, with Node's
 * default metrics (CPU, memory, event-loop lag, GC, handles) under their
 * usual names.
 */
export function createMetricsRegistry(service: string, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}
