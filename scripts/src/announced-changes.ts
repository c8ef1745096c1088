import { parse as parseYaml } from 'yaml';

/**
 * `schema/breaking-changes.yaml`: the breaking changes of the API schema
 * announced to clients since the baseline was released, each with its date
 * and what clients should do. `npm run compose -- --release` empties it.
 */
export interface AnnouncedChange {
  /** The change as the check prints it, e.g. `FIELD_REMOVED Device.firmwareRevision`. */
  readonly change: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** What clients should use instead. */
  readonly note: string;
}

export class AnnouncedChangesError extends Error {
  override readonly name = 'AnnouncedChangesError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const EMPTY_ANNOUNCEMENTS = `# Breaking changes of the API schema announced to clients since schema/api-baseline.graphql
# was released. npm run compose:check fails on any breaking change not listed here.
# Each entry: the change as the check prints it, the date it was announced, and what clients do instead:
#   - change: FIELD_REMOVED Device.firmwareRevision
#     date: 2025-01-31
#     note: Read Device.firmware { revision } instead.
# npm run compose -- --release empties this list.
announced: []
`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function announcedChange(entry: unknown, at: string, problems: string[]): AnnouncedChange | undefined {
  if (!isRecord(entry)) {
    problems.push(`${at}: expected a mapping with change, date and note`);
    return undefined;
  }
  const { change, date, note } = entry;
  if (!nonEmptyString(change)) problems.push(`${at}.change: expected the change as npm run compose:check prints it`);
  if (typeof date !== 'string' || !DATE.test(date)) problems.push(`${at}.date: expected YYYY-MM-DD`);
  if (!nonEmptyString(note)) problems.push(`${at}.note: expected what clients should do instead`);
  return nonEmptyString(change) && typeof date === 'string' && DATE.test(date) && nonEmptyString(note)
    ? { change: change.trim(), date, note: note.trim() }
    : undefined;
}

export function parseAnnouncedChanges(text: string, file: string): AnnouncedChange[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new AnnouncedChangesError(file, [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const list = isRecord(document) ? document.announced : undefined;
  if (!Array.isArray(list)) throw new AnnouncedChangesError(file, ['expected a mapping with an announced: list']);
  const problems: string[] = [];
  const changes = list.map((entry, index) => announcedChange(entry, `announced[${index}]`, problems));
  if (problems.length > 0) throw new AnnouncedChangesError(file, problems);
  return changes.filter((change) => change !== undefined);
}
