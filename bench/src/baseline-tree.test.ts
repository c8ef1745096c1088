import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCompleteTree } from './baseline-tree';

describe('the baseline commit’s tree', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'baseline-tree-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const commit = '7427f1fc1bef57628795dd3d38376317e2a3bcc1';

  it('is complete only once its marker names the commit (written after npm ci and the build)', async () => {
    expect(isCompleteTree(root, commit)).toBe(false);
    await writeFile(join(root, '.bench-baseline-ready'), `${commit}\n`);
    expect(isCompleteTree(root, commit)).toBe(true);
    expect(isCompleteTree(root, '0000000000000000000000000000000000000000')).toBe(false);
  });
});
