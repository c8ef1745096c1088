import { createMemoryRateLimitStore, gcraStep, ratePerMinute, rateLimitKey } from './rate-limit';

describe('ratePerMinute', () => {
  it.each([
    [600, { intervalMs: 100, burstMs: 60_000 }],
    [7, { intervalMs: 8572, burstMs: 60_004 }],
  ])('spreads %p a minute as one request per interval, in bursts of as many', (perMinute, rate) => {
    expect(ratePerMinute(perMinute)).toEqual(rate);
  });
});

describe('gcraStep', () => {
  const rate = ratePerMinute(3);

  it('allows a burst of the whole allowance at once, then refuses until one interval has passed', () => {
    let tat: number | undefined;
    const decisions = [];
    for (let request = 0; request < 4; request += 1) {
      const step = gcraStep(tat, 1_000_000, rate);
      decisions.push(step.decision);
      tat = step.tat ?? tat;
    }

    expect(decisions).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }, { allowed: false, retryAfterMs: 20_000 }]);
  });

  it('counts a refused request for nothing: the wait does not grow by asking', () => {
    const full = 1_000_000 + 60_000;

    expect(gcraStep(full, 1_000_000, rate)).toEqual({ decision: { allowed: false, retryAfterMs: 20_000 } });
    expect(gcraStep(full, 1_005_000, rate)).toEqual({ decision: { allowed: false, retryAfterMs: 15_000 } });
  });

  it('gives one request back per interval, and never more than the burst after a quiet spell', () => {
    const full = 1_000_000 + 60_000;

    expect(gcraStep(full, 1_020_000, rate).decision).toEqual({ allowed: true });
    expect(gcraStep(full, 10_000_000, rate)).toEqual({ decision: { allowed: true }, tat: 10_000_000 + 20_000 });
  });
});

describe('the memory store', () => {
  it('keeps each key apart and refills with the clock it is given', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore(() => now);
    const rate = ratePerMinute(1);

    expect(await store.take('a', rate)).toEqual({ allowed: true });
    expect(await store.take('a', rate)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(await store.take('b', rate)).toEqual({ allowed: true });
    now = 60_000;
    expect(await store.take('a', rate)).toEqual({ allowed: true });
  });
});

describe('rateLimitKey', () => {
  it('counts a signed-in principal by who it is, wherever it connects from', () => {
    const user = { kind: 'user', userId: 'u1', organizationId: 'o1', role: 'ADMIN', mfa: false } as const;

    expect(rateLimitKey(user, '10.0.0.1')).toBe(rateLimitKey(user, '10.0.0.2'));
    expect(rateLimitKey({ kind: 'api-client', clientId: 'c1', partnerOrganizationId: 'o1' }, '10.0.0.1')).toBe('api-client:c1');
  });

  it('counts anonymous callers by the address they connect from', () => {
    expect(rateLimitKey({ kind: 'anonymous' }, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(rateLimitKey({ kind: 'anonymous' }, '10.0.0.1')).not.toBe(rateLimitKey({ kind: 'anonymous' }, '10.0.0.2'));
  });
});
