import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReference } from './project-references';

const ROOT = join(__dirname, '..', '..', '..');

describe('withReference', () => {
  it('leaves the committed tsconfig files as they are when the reference is already there', () => {
    for (const [project, path] of [['tsconfig.json', './subgraphs/identity'], [join('test', 'tsconfig.json'), '../subgraphs/identity']] as const) {
      const text = readFileSync(join(ROOT, project), 'utf8');
      expect(withReference(text, path)).toBe(text);
    }
  });

  it('appends a new subgraph after the existing references, once', () => {
    const text = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
    const once = withReference(text, './subgraphs/site-notes');
    expect(withReference(once, './subgraphs/site-notes')).toBe(once);
    const paths = (JSON.parse(once) as { references: { path: string }[] }).references.map((reference) => reference.path);
    expect(paths.at(-1)).toBe('./subgraphs/site-notes');
    expect(paths.slice(0, -1)).toEqual((JSON.parse(text) as { references: { path: string }[] }).references.map((reference) => reference.path));
  });
});
