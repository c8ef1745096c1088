import { Kind, parse } from 'graphql';
import { subgraphNames } from './names';
import { renderSubgraph, type RenderedFile } from './render';

function fileOf(files: RenderedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`the template makes no ${path}`);
  return file.contents;
}

describe('a new subgraph\'s codegen settings', () => {
  let files: RenderedFile[];
  beforeAll(async () => {
    files = await renderSubgraph(subgraphNames('site-notes'), 0);
  });

  it('map each object type of its schema, but Query and Mutation, to the row its resolvers hand on', () => {
    const settings: unknown = JSON.parse(fileOf(files, 'subgraphs/site-notes/codegen.json'));
    expect(settings).toEqual({
      contextType: '../context#SiteNotesContext',
      mappers: { Organization: '@partnergraph/subgraph-kit#EntityReference', SiteNotesNote: '../note#SiteNotesNote' },
    });
    const objectTypes = parse(fileOf(files, 'subgraphs/site-notes/schema.graphql'))
      .definitions.flatMap((definition) => (definition.kind === Kind.OBJECT_TYPE_DEFINITION ? [definition.name.value] : []))
      .filter((name) => name !== 'Query' && name !== 'Mutation');
    expect(objectTypes.sort()).toEqual(['Organization', 'SiteNotesNote']);
  });

  it('name types the subgraph\'s modules export (modules relative to src/generated/)', () => {
    expect(fileOf(files, 'subgraphs/site-notes/src/context.ts')).toContain('export interface SiteNotesContext ');
    expect(fileOf(files, 'subgraphs/site-notes/src/note.ts')).toContain('export interface SiteNotesNote ');
  });

});
