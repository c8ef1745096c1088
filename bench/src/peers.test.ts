import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peersInstallReason, resolvePeer } from './peers';

const lock = (packages: Record<string, { version: string; optional?: boolean }>) =>
  JSON.stringify({ name: 'peers', lockfileVersion: 3, packages: { '': { name: 'peers' }, ...packages } });

describe('bench/peers install check', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'bench-peers-'));
    await writeFile(
      join(directory, 'package-lock.json'),
      lock({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/b-linux-arm64': { version: '2.0.0', optional: true } }),
    );
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const install = async (packages: Record<string, { version: string }>) => {
    await mkdir(join(directory, 'node_modules'), { recursive: true });
    await writeFile(join(directory, 'node_modules', '.package-lock.json'), lock(packages));
  };

  it('asks for an install when nothing is installed', () => {
    expect(peersInstallReason(directory)).toBe('not installed yet');
  });

  it('is satisfied by the locked versions, without other platforms’ optional packages', async () => {
    await install({ 'node_modules/a': { version: '1.0.0' } });
    expect(peersInstallReason(directory)).toBeNull();
  });

  it('asks again when a locked version changed or a package is missing or extra', async () => {
    await install({ 'node_modules/a': { version: '0.9.0' } });
    expect(peersInstallReason(directory)).toBe('a differs from the lock file');
    await install({});
    expect(peersInstallReason(directory)).toBe('a differs from the lock file');
    await install({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/c': { version: '3.0.0' } });
    expect(peersInstallReason(directory)).toBe('c is not in the lock file');
  });

  it('resolves a peer from its own node_modules, not from the workspace', async () => {
    await mkdir(join(directory, 'node_modules', 'a'), { recursive: true });
    await writeFile(join(directory, 'node_modules', 'a', 'package.json'), JSON.stringify({ name: 'a', main: 'main.js' }));
    await writeFile(join(directory, 'node_modules', 'a', 'main.js'), '');
    expect(resolvePeer('a', directory)).toBe(join(directory, 'node_modules', 'a', 'main.js'));
    expect(() => resolvePeer('@graphql-hive/gateway', directory)).toThrow();
  });
});
