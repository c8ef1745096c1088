/**
 * Tokens already verified, by their exact text, each until the earlier of its
 * own expiry and a minute after it was verified: a caller's next requests
 * skip the signature check (an Ed25519 or RSA verification per request was a
 * tenth of the gateway's CPU on a small query), and a withdrawn key or a
 * changed setting is seen within the minute. Only tokens that verified are
 * kept, so a caller cannot fill it without valid tokens; the oldest entry
 * makes room when it is full.
 */
export class VerifiedTokens<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The token's verified value, or undefined when it was not verified or its time is up. */
  get(token: string, nowMs = Date.now()): V | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.until > nowMs) return entry.value;
    this.entries.delete(token);
    return undefined;
  }

  /** Keeps a verified token until `expiresAtMs` (its expiry, tolerance included), a minute at most. */
  set(token: string, value: V, expiresAtMs: number, nowMs = Date.now()): void {
    const until = Math.min(expiresAtMs, nowMs + this.maxAgeMs);
    if (until <= nowMs) return;
    if (!this.entries.has(token) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { value, until });
  }
}
