import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `probe` until it returns something other than undefined, and returns
 * that; fails with `description` once `timeoutMs` has passed. A bounded poll,
 * for things that happen soon but not at a known moment (a file watcher).
 */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const intervalMs = options.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await delay(intervalMs);
  }
}
