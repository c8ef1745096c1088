import { freeLoopbackPorts, portSlice } from './free-port';

describe('free loopback ports', () => {
  it('gives each jest worker a slice of its own, below the ephemeral range', () => {
    const slices = ['1', '2', '3', '4', '5', '6', '7'].map((worker) => portSlice(worker));
    const outside = portSlice(undefined);
    for (const [index, slice] of [outside, ...slices].entries()) {
      expect(slice.first).toBe(20_000 + index * slice.count);
      expect(slice.first + slice.count).toBeLessThanOrEqual(32_000);
    }
    expect(portSlice('9')).toEqual(portSlice('1'));
  });

  it('picks distinct ports from the given worker’s slice', async () => {
    const { first, count } = portSlice('3');
    const ports = await freeLoopbackPorts(20, '3');
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(first);
      expect(port).toBeLessThan(first + count);
    }
  });
});
