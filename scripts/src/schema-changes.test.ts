import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, print, type GraphQLSchema } from 'graphql';
import { AnnouncedChangesError, EMPTY_ANNOUNCEMENTS, parseAnnouncedChanges, type AnnouncedChange } from './announced-changes';
import { apiSchemaCheckFails, checkApiSchema, formatApiSchemaReport } from './api-schema-check';
import { apiSchemaOf, parseApiSchema, printApiSchema } from './api-schema';
import { compareApiSchemas } from './breaking-changes';
import { composeSupergraph, formatCompositionProblem } from './composition';
import { operationsInDocument, operationsInMarkdown, type KnownOperations } from './known-operations';
import { REPOSITORY_ROOT } from './stack-config';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])';

/** Composes one subgraph in memory and returns the supergraph's API schema. */
function apiSchema(sdl: string): GraphQLSchema {
  const outcome = composeSupergraph([{ name: 'devices', url: 'http://127.0.0.1/devices', sdl: `${LINK}\n${sdl}`, file: 'devices.graphql' }]);
  if (!outcome.ok) throw new Error(outcome.errors.map(formatCompositionProblem).join('\n'));
  return apiSchemaOf(outcome.supergraphSdl);
}

const QUERY = 'type Query { devices(first: Int, status: Status): [Device!]! }';
const STATUS = 'enum Status { ONLINE OFFLINE UNKNOWN }';
const DEVICE = 'type Device @key(fields: "id") { id: ID! name: String! firmwareRevision: String status: Status secret: String @inaccessible }';
const baseline = apiSchema([QUERY, STATUS, DEVICE].join('\n'));

function breakingKeys(sdl: string): string[] {
  return compareApiSchemas(baseline, apiSchema(sdl)).breaking.map((change) => change.key);
}

const FILES = { baseline: 'schema/api-baseline.graphql', announcements: 'schema/breaking-changes.yaml' };
const NO_OPERATIONS: KnownOperations = { operations: [], problems: [] };
const WITHOUT_FIRMWARE = [QUERY, STATUS, DEVICE.replace(' firmwareRevision: String', '')].join('\n');

describe('the API schema', () => {
  it('leaves out @inaccessible elements and federation internals', () => {
    const printed = printApiSchema(baseline);
    expect(printed).toContain('firmwareRevision: String');
    expect(printed).not.toMatch(/secret|join__|link__|@key|_Entity|_service/);
  });

  it('reads back from its printed form without changes, so it serves as the baseline', () => {
    const printed = parseApiSchema(printApiSchema(baseline), FILES.baseline);
    expect(compareApiSchemas(printed, baseline)).toEqual({ breaking: [], dangerous: [] });
  });
});

describe('compareApiSchemas', () => {
  it('reports a removed field as breaking', () => {
    expect(breakingKeys(WITHOUT_FIRMWARE)).toEqual(['FIELD_REMOVED Device.firmwareRevision']);
  });

  it('reports a removed enum value as breaking', () => {
    expect(breakingKeys([QUERY, 'enum Status { ONLINE OFFLINE }', DEVICE].join('\n'))).toEqual(['VALUE_REMOVED_FROM_ENUM Status.UNKNOWN']);
  });

  it('reports a removed argument as breaking', () => {
    expect(breakingKeys(['type Query { devices(first: Int): [Device!]! }', STATUS, DEVICE].join('\n'))).toEqual([
      'ARG_REMOVED Query.devices(status:)',
    ]);
  });

  it('reports an argument made non-null as breaking', () => {
    expect(breakingKeys([QUERY.replace('first: Int', 'first: Int!'), STATUS, DEVICE].join('\n'))).toEqual([
      'ARG_CHANGED_KIND Query.devices(first:)',
    ]);
  });

  it("reports a field whose type changed, or whose value may now be null, as breaking", () => {
    const changed = DEVICE.replace('firmwareRevision: String', 'firmwareRevision: Int').replace('name: String!', 'name: String');
    expect(breakingKeys([QUERY, STATUS, changed].join('\n'))).toEqual([
      'FIELD_CHANGED_KIND Device.firmwareRevision',
      'FIELD_CHANGED_KIND Device.name',
    ]);
  });

  it('reports an added field as neither breaking nor dangerous, and an added enum value as dangerous only', () => {
    const added = [QUERY, STATUS.replace('UNKNOWN', 'UNKNOWN RETIRED'), DEVICE.replace('name: String!', 'name: String! serialNumber: String')];
    const changes = compareApiSchemas(baseline, apiSchema(added.join('\n')));
    expect(changes.breaking).toEqual([]);
    expect(changes.dangerous.map((change) => change.key)).toEqual(['VALUE_ADDED_TO_ENUM Status.RETIRED']);
  });
});

describe('checkApiSchema', () => {
  const announcement: AnnouncedChange = {
    change: 'FIELD_REMOVED Device.firmwareRevision',
    date: '2025-06-30',
    note: 'Read it from the device page instead.',
  };

  it('fails on a breaking change that is not announced, and says how to announce it', () => {
    const report = checkApiSchema({ baseline, current: apiSchema(WITHOUT_FIRMWARE), announced: [], operations: NO_OPERATIONS });
    expect(apiSchemaCheckFails(report)).toBe(true);
    expect(formatApiSchemaReport(report, FILES)).toContain(
      [
        '  breaking (NOT ANNOUNCED): FIELD_REMOVED Device.firmwareRevision',
        '      Device.firmwareRevision was removed.',
        'A breaking change needs announcing: tell the API\'s clients, then add it to schema/breaking-changes.yaml:',
        '  - change: FIELD_REMOVED Device.firmwareRevision',
      ].join('\n'),
    );
  });

  it('passes a breaking change that is announced, with its date and note', () => {
    const report = checkApiSchema({ baseline, current: apiSchema(WITHOUT_FIRMWARE), announced: [announcement], operations: NO_OPERATIONS });
    expect(apiSchemaCheckFails(report)).toBe(false);
    expect(formatApiSchemaReport(report, FILES)).toContain(
      '  breaking (announced 2025-06-30): FIELD_REMOVED Device.firmwareRevision\n      Device.firmwareRevision was removed.\n' +
        '      note: Read it from the device page instead.\n',
    );
  });

  it('names the known operations a change breaks, and only those', () => {
    const operations = operationsInDocument(
      [
        'query DeviceNames { devices(first: 5) { name } }',
        'query DeviceFirmware { devices { name firmwareRevision } }',
        'query FirstDevices { devices { ...Names } }',
        'fragment Names on Device { name }',
      ].join('\n'),
      'schema/operations/devices.graphql',
    );
    const current = apiSchema([QUERY.replace('first: Int', 'first: Int!'), STATUS, DEVICE.replace(' firmwareRevision: String', '')].join('\n'));
    const report = checkApiSchema({ baseline, current, announced: [], operations });
    const broken = Object.fromEntries(report.breaking.map(({ change, brokenOperations }) => [change.key, brokenOperations.map((op) => op.label)]));
    expect(broken).toEqual({
      'ARG_CHANGED_KIND Query.devices(first:)': ['query DeviceFirmware', 'query FirstDevices'],
      'FIELD_REMOVED Device.firmwareRevision': ['query DeviceFirmware'],
    });
    const text = formatApiSchemaReport(report, FILES);
    expect(text).toContain('      breaks schema/operations/devices.graphql:2 query DeviceFirmware\n');
    expect(text).toContain('  schema/operations/devices.graphql:2 query DeviceFirmware\n      Cannot query field "firmwareRevision" on type "Device".\n');
  });

  it('fails while a known operation does not validate, even when the change is announced', () => {
    const operations = operationsInDocument('{ devices { firmwareRevision } }', 'README.md', 40);
    const report = checkApiSchema({ baseline, current: apiSchema(WITHOUT_FIRMWARE), announced: [announcement], operations });
    expect(report.invalidOperations.map(({ operation }) => `${operation.file}:${operation.line} ${operation.label}`)).toEqual([
      'README.md:40 { devices { firmwareRevision } }',
    ]);
    expect(apiSchemaCheckFails(report)).toBe(true);
  });

  it('warns about an announcement that matches no breaking change', () => {
    const report = checkApiSchema({ baseline, current: baseline, announced: [announcement], operations: NO_OPERATIONS });
    expect(apiSchemaCheckFails(report)).toBe(false);
    expect(formatApiSchemaReport(report, FILES)).toContain(
      '  warning: schema/breaking-changes.yaml announces "FIELD_REMOVED Device.firmwareRevision", which is not a breaking change against the baseline',
    );
  });
});

describe('parseAnnouncedChanges', () => {
  it('reads the entries, and the empty list a release leaves', () => {
    const text = 'announced:\n  - change: FIELD_REMOVED Device.firmwareRevision\n    date: 2025-06-30\n    note: Use the device page.\n';
    expect(parseAnnouncedChanges(text, FILES.announcements)).toEqual([
      { change: 'FIELD_REMOVED Device.firmwareRevision', date: '2025-06-30', note: 'Use the device page.' },
    ]);
    expect(parseAnnouncedChanges(EMPTY_ANNOUNCEMENTS, FILES.announcements)).toEqual([]);
  });

  it('names every incomplete entry', () => {
    const read = () => parseAnnouncedChanges('announced:\n  - change: FIELD_REMOVED Device.name\n    date: June\n  - just text\n', FILES.announcements);
    expect(read).toThrow(AnnouncedChangesError);
    expect(read).toThrow(
      [
        'schema/breaking-changes.yaml is invalid:',
        '  - announced[0].date: expected YYYY-MM-DD',
        '  - announced[0].note: expected what clients should do instead',
        '  - announced[1]: expected a mapping with change, date and note',
      ].join('\n'),
    );
  });
});

describe('known operations', () => {
  it("splits a Markdown file's graphql blocks into operations, each with its line", () => {
    const markdown = ['# Title', '```graphql', '# as an admin', '{ a }', 'mutation Go { b }', '```', '```sh', '{ not graphql }', '```', '```graphql', '{ c', '```'];
    const found = operationsInMarkdown(markdown.join('\n'), 'docs/api.md');
    expect(found.operations.map(({ line, label }) => `${line} ${label}`)).toEqual(['4 { a }', '5 mutation Go']);
    expect(found.problems).toEqual([{ file: 'docs/api.md', line: 11, message: 'Syntax Error: Expected Name, found <EOF>.' }]);
  });

  it("finds the README's operations, each of which parses on its own", async () => {
    const readme = await readFile(join(REPOSITORY_ROOT, 'README.md'), 'utf8');
    const found = operationsInMarkdown(readme, 'README.md');
    expect(found.problems).toEqual([]);
    expect(found.operations.length).toBeGreaterThan(0);
    for (const operation of found.operations) {
      expect(readme.split('\n')[operation.line - 1]).toContain(operation.label.replace(/…$/, ''));
      expect(parse(print(operation.document)).definitions.filter((definition) => definition.kind === 'OperationDefinition')).toHaveLength(1);
    }
  });
});

describe('npm run compose:check on this repository', () => {
  it('passes: the supergraph is current, no unannounced breaking change, every known operation validates', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=@partnergraph/source', join('scripts', 'src', 'compose.ts'), '--check'],
      { cwd: REPOSITORY_ROOT },
    );
    expect(stdout).toContain('schema/supergraph.graphql is up to date');
    expect(stdout).toMatch(/^API schema against schema\/api-baseline\.graphql: .* [1-9]\d* known operations? checked, 0 invalid$/m);
  });
});
