import type DataLoader from 'dataloader';
import { isUuid } from './pagination';
import { SettledLoader } from './settled-loader';

/**
 * A per-request DataLoader of rows by id: one `fetch` for all the valid ids of
 * a batch (none at all when no id is a UUID), results in key order, null for
 * an id that does not exist. Rows already loaded can be peeked at (SettledLoader).
 */
export function createByIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): SettledLoader<string, T | null> {
  return new SettledLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const found = valid.length > 0 ? await fetch(valid) : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The row a reference the database guarantees (a foreign key) points to, for
 * a non-null field: a missing row is an error (masked as any other), said
 * plainly instead of left to GraphQL's null check.
 */
export async function loadReferenced<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw new Error(`the row ${id} a reference points to does not exist`);
  return row;
}
