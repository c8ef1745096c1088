import { benchPorts, everyPort } from './ports';

describe('the benchmark’s ports', () => {
  it('gives every process its own port, the baseline stack’s too', () => {
    const ports = everyPort(benchPorts(4100));
    expect(new Set(ports).size).toBe(ports.length);
    const { baseline } = benchPorts(4100);
    expect([baseline.gateway, ...Object.values(baseline.subgraphs)].every((port) => ports.includes(port))).toBe(true);
  });
});
