import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers synchronously for what it already holds:
 * `peek` returns a key's value once its batch has answered (or it was
 * primed), undefined before. Rules and resolvers that run thousands of times
 * on a large page (every sensor's read check) decide from settled values
 * without a promise each; the first ask still batches as before. Per request,
 * like every loader: nothing settled here outlives it.
 */
export class SettledLoader<K, V> extends DataLoader<K, V, K> {
  private readonly settled: Map<K, V>;
  /** Keys the loader's cache holds (asked or primed): DataLoader's prime leaves those alone, and so does ours. */
  private readonly held = new Set<K>();

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options?: Omit<DataLoader.Options<K, V, K>, 'cacheKeyFn' | 'cacheMap'>) {
    const settled = new Map<K, V>();
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, index) => {
        const value = values[index];
        if (!(value instanceof Error)) settled.set(key, value as V);
      });
      return values;
    }, options);
    this.settled = settled;
  }

  /** The key's value if its batch has answered or it was primed; undefined otherwise. */
  peek(key: K): V | undefined {
    return this.settled.get(key);
  }

  override load(key: K): Promise<V> {
    this.held.add(key);
    return super.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (!this.held.has(key)) {
      this.held.add(key);
      if (!(value instanceof Error) && !isPromiseLike(value)) this.settled.set(key, value);
    }
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    this.settled.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    this.settled.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
