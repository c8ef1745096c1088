/**
 * Merges per-area maps of type → field → resolver into one, so that each
 * area of the subgraph keeps its own module. Two areas may add fields to the
 * same type; the same field twice is a mistake and throws.
 */
export function mergeByType<TMap extends object>(maps: readonly TMap[]): TMap {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map as Record<string, Record<string, unknown>>)) {
      const into = (merged[typeName] ??= {});
      for (const [field, value] of Object.entries(fields)) {
        if (field in into) throw new Error(`${typeName}.${field} is defined by two areas`);
        into[field] = value;
      }
    }
  }
  return merged as TMap;
}
