import { VerifiedTokens } from './verified-tokens';

describe('verified tokens', () => {
  it('answer until the token expires', () => {
    const verified = new VerifiedTokens<string>();
    verified.set('token', 'caller', 10_000, 0);
    expect(verified.get('token', 9_999)).toBe('caller');
    expect(verified.get('token', 10_000)).toBeUndefined();
    expect(verified.get('token', 0)).toBeUndefined();
  });

  it('answer for a minute at most, however long the token lives', () => {
    const verified = new VerifiedTokens<string>();
    verified.set('token', 'caller', 3_600_000, 0);
    expect(verified.get('token', 59_999)).toBe('caller');
    expect(verified.get('token', 60_000)).toBeUndefined();
  });

  it('keep nothing for a token that has already expired, and nothing for a token never set', () => {
    const verified = new VerifiedTokens<string>();
    verified.set('expired', 'caller', 1_000, 1_000);
    expect(verified.get('expired', 1_000)).toBeUndefined();
    expect(verified.get('other', 0)).toBeUndefined();
  });

  it('make room by forgetting the oldest token when full', () => {
    const verified = new VerifiedTokens<string>(2);
    verified.set('a', 'A', 10_000, 0);
    verified.set('b', 'B', 10_000, 0);
    verified.set('c', 'C', 10_000, 0);
    expect([verified.get('a', 1), verified.get('b', 1), verified.get('c', 1)]).toEqual([undefined, 'B', 'C']);
  });
});
