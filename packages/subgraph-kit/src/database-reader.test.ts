import { parseLsn, parseSnapshot } from './database-reader';

describe('parseLsn', () => {
  it('orders WAL positions as PostgreSQL does, across the 32-bit halves', () => {
    const positions = ['0/3000000', '0/FFFFFFFF', '1/0', '1/B374D848', '16/1'];
    const parsed = positions.map(parseLsn);
    expect([...parsed].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))).toEqual(parsed);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
  });
});

describe('parseSnapshot', () => {
  it('reads xmin, xmax and the transactions still running', () => {
    expect(parseSnapshot('724:731:725,729')).toEqual({ xmin: 724n, xmax: 731n, running: new Set([725n, 729n]) });
    expect(parseSnapshot('726:726:')).toEqual({ xmin: 726n, xmax: 726n, running: new Set() });
  });
});
