import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeProfiles } from './cpu-profile';

describe('a CPU profile’s summary', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'profile-test-'));
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' });
    await writeFile(
      join(directory, 'CPU.test.cpuprofile'),
      JSON.stringify({
        nodes: [
          { id: 1, callFrame: frame('(root)', '') },
          { id: 2, callFrame: frame('updateOutputValue', 'file:///repo/node_modules/@apollo/gateway/dist/resultShaping.js') },
          { id: 3, callFrame: frame('start', 'file:///repo/gateway/dist/server.js') },
          { id: 4, callFrame: frame('(idle)', '') },
          { id: 5, callFrame: frame('(garbage collector)', '') },
        ],
        startTime: 0,
        endTime: 10_000,
        // Start-up (node 3) first; then the load: 3 ms in the gateway's result shaping, 1 ms collecting garbage, idle time.
        samples: [3, 3, 2, 2, 4, 2, 5],
        timeDeltas: [5000, 1000, 1000, 1000, 5000, 1000, 1000],
      }),
    );
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('counts only the last stretch of samples, leaves idle time out, and groups self time by package and function', async () => {
    const [summary] = await summarizeProfiles(directory, { process: 'our gateway', operation: 'the dashboard' }, 8);
    expect(summary?.operation).toBe('the dashboard');
    expect(summary?.process).toBe('our gateway');
    expect(summary?.sampledMs).toBe(4);
    expect(summary?.byPackage).toEqual([
      { name: '@apollo/gateway', share: 0.75 },
      { name: '(garbage collector)', share: 0.25 },
    ]);
    expect(summary?.byFunction[0]).toEqual({ name: 'updateOutputValue @apollo/gateway/dist/resultShaping.js:1', share: 0.75 });
  });
});
