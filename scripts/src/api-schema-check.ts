import {
  Kind,
  TypeInfo,
  getNamedType,
  validate,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { AnnouncedChange } from './announced-changes';
import { compareApiSchemas, type SchemaChange } from './breaking-changes';
import type { KnownOperation, KnownOperations, OperationSourceProblem } from './known-operations';

/**
 * The API schema's check: its breaking changes against the released baseline,
 * which of them are announced, and which known client operations they break.
 */
export interface InvalidOperation {
  readonly operation: KnownOperation;
  readonly errors: readonly string[];
}

export interface BreakingChangeReport {
  readonly change: SchemaChange;
  readonly announcement: AnnouncedChange | undefined;
  /** Known operations valid against the baseline whose errors against the current schema point at what the change concerns. */
  readonly brokenOperations: readonly KnownOperation[];
}

export interface ApiSchemaReport {
  readonly operationCount: number;
  readonly breaking: readonly BreakingChangeReport[];
  readonly dangerous: readonly SchemaChange[];
  /** Known operations that do not validate against the current API schema. */
  readonly invalidOperations: readonly InvalidOperation[];
  readonly sourceProblems: readonly OperationSourceProblem[];
  /** Announcements that match no breaking change (already reverted, or mistyped). */
  readonly staleAnnouncements: readonly AnnouncedChange[];
}

export interface ApiSchemaCheckInput {
  readonly baseline: GraphQLSchema;
  readonly current: GraphQLSchema;
  readonly announced: readonly AnnouncedChange[];
  readonly operations: KnownOperations;
}

function validationErrors(schema: GraphQLSchema, operation: KnownOperation): readonly GraphQLError[] {
  return validate(schema, operation.document);
}

/**
 * Where in the baseline's terms each error points: `Type.field` for a field,
 * `Type.field(arg:)` for an argument or a value passed to one, `Enum.VALUE`,
 * `Input.field`, or a type's name.
 */
function errorCoordinates(baseline: GraphQLSchema, operation: KnownOperation, errors: readonly GraphQLError[]): Set<string> {
  const nodes = new Set<ASTNode>(errors.flatMap((error) => error.nodes ?? []));
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(baseline);
  const note = (node: ASTNode) => {
    if (!nodes.has(node)) return;
    const parent = typeInfo.getParentType();
    const field = typeInfo.getFieldDef();
    const argument = typeInfo.getArgument();
    const input = typeInfo.getInputType();
    if (node.kind === Kind.FIELD && parent) coordinates.add(`${parent.name}.${node.name.value}`);
    if (node.kind === Kind.NAMED_TYPE) coordinates.add(node.name.value);
    if (node.kind === Kind.ENUM && input) coordinates.add(`${getNamedType(input).name}.${node.value}`);
    const parentInput = typeInfo.getParentInputType();
    if (node.kind === Kind.OBJECT_FIELD && parentInput) coordinates.add(`${getNamedType(parentInput).name}.${node.name.value}`);
    if (argument && field && parent && !typeInfo.getDirective()) {
      coordinates.add(`${parent.name}.${field.name}(${argument.name}:)`);
    }
  };
  visit(operation.document, visitWithTypeInfo(typeInfo, { enter: note }));
  return coordinates;
}

/** The change concerns the error's place, or the field or type that holds it. */
function concerns(change: SchemaChange, coordinates: ReadonlySet<string>): boolean {
  for (const coordinate of coordinates) {
    if (change.coordinate === coordinate || change.coordinate.startsWith(`${coordinate}(`)) return true;
    if (coordinate.startsWith(`${change.coordinate}.`) || coordinate.startsWith(`${change.coordinate}(`)) return true;
  }
  return false;
}

export function checkApiSchema({ baseline, current, announced, operations }: ApiSchemaCheckInput): ApiSchemaReport {
  const changes = compareApiSchemas(baseline, current);
  const invalid = operations.operations
    .map((operation) => ({ operation, errors: validationErrors(current, operation) }))
    .filter(({ errors }) => errors.length > 0);
  const brokenByChanges = invalid
    .filter(({ operation }) => validationErrors(baseline, operation).length === 0)
    .map(({ operation, errors }) => ({ operation, coordinates: errorCoordinates(baseline, operation, errors) }));
  const announcementByChange = new Map(announced.map((announcement) => [announcement.change, announcement]));
  const breaking = changes.breaking.map((change) => ({
    change,
    announcement: announcementByChange.get(change.key),
    brokenOperations: brokenByChanges
      .filter(({ coordinates }) => concerns(change, coordinates))
      .map(({ operation }) => operation),
  }));
  const keys = new Set(changes.breaking.map((change) => change.key));
  return {
    operationCount: operations.operations.length,
    breaking,
    dangerous: changes.dangerous,
    invalidOperations: invalid.map(({ operation, errors }) => ({ operation, errors: errors.map((error) => error.message) })),
    sourceProblems: operations.problems,
    staleAnnouncements: announced.filter((announcement) => !keys.has(announcement.change)),
  };
}

export function unannouncedChanges(report: ApiSchemaReport): BreakingChangeReport[] {
  return report.breaking.filter(({ announcement }) => announcement === undefined);
}

export function apiSchemaCheckFails(report: ApiSchemaReport): boolean {
  return unannouncedChanges(report).length > 0 || report.invalidOperations.length > 0 || report.sourceProblems.length > 0;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function place({ file, line, label }: KnownOperation): string {
  return `${file}:${line} ${label}`;
}

export interface ReportFiles {
  readonly baseline: string;
  readonly announcements: string;
}

/** The report as the command prints it: every change, the operations it breaks, and how to announce one. */
export function formatApiSchemaReport(report: ApiSchemaReport, files: ReportFiles): string {
  const unannounced = unannouncedChanges(report);
  const lines = [
    `API schema against ${files.baseline}: ${counted(report.breaking.length, 'breaking change')}` +
      `${unannounced.length > 0 ? ` (${unannounced.length} not announced)` : ''}, ${counted(report.dangerous.length, 'dangerous change')}, ` +
      `${counted(report.operationCount, 'known operation')} checked, ${report.invalidOperations.length} invalid`,
  ];
  for (const { change, announcement, brokenOperations } of report.breaking) {
    const state = announcement ? `announced ${announcement.date}` : 'NOT ANNOUNCED';
    lines.push(`  breaking (${state}): ${change.key}`, `      ${change.description}`);
    if (announcement) lines.push(`      note: ${announcement.note}`);
    for (const operation of brokenOperations) lines.push(`      breaks ${place(operation)}`);
  }
  for (const change of report.dangerous) lines.push(`  warning, dangerous: ${change.key}`, `      ${change.description}`);
  if (report.invalidOperations.length > 0) {
    lines.push('Known operations that do not validate against the current API schema (update them with the change):');
    for (const { operation, errors } of report.invalidOperations) {
      lines.push(`  ${place(operation)}`, ...errors.map((error) => `      ${error}`));
    }
  }
  if (report.sourceProblems.length > 0) lines.push('Known operations that do not parse:');
  for (const { file, line, message } of report.sourceProblems) lines.push(`  ${file}:${line}: ${message}`);
  for (const { change } of report.staleAnnouncements) {
    lines.push(`  warning: ${files.announcements} announces "${change}", which is not a breaking change against the baseline`);
  }
  if (unannounced.length > 0) {
    lines.push(`A breaking change needs announcing: tell the API's clients, then add it to ${files.announcements}:`);
    for (const { change } of unannounced) {
      lines.push(`  - change: ${change.key}`, '    date: <YYYY-MM-DD>', '    note: <what clients should do instead>');
    }
    lines.push('or make the change in a way that keeps the old schema working (add, deprecate, remove later).');
  }
  return `${lines.join('\n')}\n`;
}
