import type { UsageLine, UsageStore } from './usage-store';

const UNITS_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `2w`: a period in milliseconds; undefined when it is not one. */
export function parsePeriod(text: string): number | undefined {
  const match = /^(\d{1,5})([hdw])$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount > 0 ? amount * (UNITS_MS[match[2] ?? ''] ?? 0) : undefined;
}

/** A schema coordinate the gateway counts: `Type.field` or `Type.field(argument:)`. */
export const COORDINATE = /^[_A-Za-z]\w*\.[_A-Za-z]\w*(\([_A-Za-z]\w*:\))?$/;

const minute = (date: Date): string => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function table(lines: readonly UsageLine[]): string[] {
  const rows = [
    ['client', 'operation', 'count', 'last seen'],
    ...lines.map((line) => [line.clientName || '(none)', line.operationName, String(line.count), minute(line.lastSeenAt)]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map(([client, operation, count, seen]) =>
    `${client!.padEnd(widths[0]!)}  ${operation!.padEnd(widths[1]!)}  ${count!.padStart(widths[2]!)}  ${seen}`.trimEnd(),
  );
}

/**
 * What `npm run usage` prints: who selected `field` since `since` (client,
 * operation, count, last seen; most used first), or, with no field, every
 * client's operations.
 */
export async function usageReport(store: UsageStore, options: { field?: string; since: Date }): Promise<string> {
  const { field } = options;
  // Counts are kept by the hour: the hour `since` falls in counts whole.
  const since = new Date(Math.floor(options.since.getTime() / UNITS_MS.h!) * UNITS_MS.h!);
  const lines = field === undefined ? await store.operationUsage(since) : await store.fieldUsage(field, since);
  const subject = field ?? 'operations';
  if (lines.length === 0) return `${subject}: not used since ${minute(since)}\n`;
  const clients = new Set(lines.map((line) => line.clientName)).size;
  const executions = lines.reduce((sum, line) => sum + line.count, 0);
  const summary =
    `${subject}: ${executions} execution${executions === 1 ? '' : 's'} by ${clients} client${clients === 1 ? '' : 's'} ` +
    `in ${lines.length} operation${lines.length === 1 ? '' : 's'} since ${minute(since)}`;
  return `${[summary, ...table(lines)].join('\n')}\n`;
}
