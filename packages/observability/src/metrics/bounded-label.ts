/** The label value that stands for every value past a label's limit. */
export const OTHER_LABEL_VALUE = '(other)';

/**
 * Keeps a label's cardinality bounded: the first `limit` distinct values are
 * kept as they are, any later one becomes `(other)`. Operation names come
 * from the documents clients send, so a client could otherwise make a new
 * series with every request.
 */
export function boundedLabel(limit: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= limit) return OTHER_LABEL_VALUE;
    seen.add(value);
    return value;
  };
}
