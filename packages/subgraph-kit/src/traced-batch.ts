import type { BatchLoadFn } from 'dataloader';
import { endSpan, failureOf, type RequestTrace } from '@partnergraph/observability';

/** Whatever carries a request's trace: its view of the database, its context. */
export interface Traced {
  readonly trace?: RequestTrace | undefined;
}

/**
 * A DataLoader's batch function whose every call, in a sampled request, is a
 * span `dataloader.batch <name>` with `dataloader.batch.size`, the parent of
 * the statements (and access checks) the batch issues at once. In an
 * unsampled or untraced request it is `batch` itself.
 */
export function tracedBatch<K, V>(traced: Traced, name: string, batch: BatchLoadFn<K, V>): BatchLoadFn<K, V> {
  const trace = traced.trace;
  if (!trace?.recording) return batch;
  return async (keys) => {
    const span = trace.startSpan(`dataloader.batch ${name}`, { attributes: { 'dataloader.name': name, 'dataloader.batch.size': keys.length } });
    try {
      const values = await trace.within(span, () => batch(keys));
      endSpan(span);
      return values;
    } catch (error) {
      endSpan(span, failureOf(error));
      throw error;
    }
  };
}
