import { createHash } from 'node:crypto';
import { ManifestError, parseManifest } from './manifest';
import { parseTrustedDocumentsPolicy } from './policy';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const ME = 'query Me { me { id } }';
const ORGS = 'query Orgs { organizations { id ...Name } }\nfragment Name on Organization { name }';

function problemsOf(text: string): readonly string[] {
  try {
    parseManifest(text);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('the manifest was accepted');
}

describe('parseManifest', () => {
  it("reads GraphQL Code Generator's persisted-documents.json: hash to document text", () => {
    const documents = parseManifest(JSON.stringify({ [sha256(ME)]: ME, [sha256(ORGS)]: ORGS }));
    expect(documents).toEqual([
      { id: sha256(ME), body: ME, operationName: 'Me' },
      { id: sha256(ORGS), body: ORGS, operationName: 'Orgs' },
    ]);
  });

  it("reads Apollo's persisted query manifest", () => {
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(ME), name: 'Me', type: 'query', body: ME }],
    };
    expect(parseManifest(JSON.stringify(manifest))).toEqual([{ id: sha256(ME), body: ME, operationName: 'Me' }]);
  });

  it('refuses the whole manifest when an id is not the SHA-256 of its document, naming each one', () => {
    const wrong = sha256('query Other { me { id } }');
    const problems = problemsOf(JSON.stringify({ [sha256(ME)]: ME, [wrong]: ORGS }));
    expect(problems).toEqual([`${JSON.stringify(wrong)}: the id is not the SHA-256 of the document text (it is ${sha256(ORGS)})`]);
  });

  it('refuses ids that are not SHA-256 hex (a sha1 from codegen left at its default), Apollo manifests of another version, and text that is not GraphQL', () => {
    const sha1 = createHash('sha1').update(ME).digest('hex');
    expect(problemsOf(JSON.stringify({ [sha1]: ME }))).toEqual([`${JSON.stringify(sha1)}: the id is not a SHA-256 hash in lowercase hex`]);
    expect(problemsOf(JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }))).toEqual([
      'Apollo manifest version 2 is not supported (1 is)',
    ]);
    const broken = 'query {';
    expect(problemsOf(JSON.stringify({ [sha256(broken)]: broken }))[0]).toMatch(/does not parse/);
    expect(problemsOf('[1, 2]')).toEqual(['the manifest is not a JSON object']);
    expect(problemsOf('{}')).toEqual(['the manifest holds no documents']);
  });
});

describe('parseTrustedDocumentsPolicy', () => {
  it('reads client-name:mode entries and refuses unknown modes and repeated names', () => {
    const policy = parseTrustedDocumentsPolicy(['partner-portal:known', 'customer-portal:log-unknown']);
    expect([...policy]).toEqual([
      ['partner-portal', 'known'],
      ['customer-portal', 'log-unknown'],
    ]);
    expect(() => parseTrustedDocumentsPolicy(['partner-portal:strict'])).toThrow(/mode of any, known, log-unknown/);
    expect(() => parseTrustedDocumentsPolicy(['a:known', 'a:any'])).toThrow(/listed twice/);
  });
});
